#include "delineo/viewmodels/EvaluationController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/ml/Segmenter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace delineo::vm {

EvaluationController::EvaluationController(ReviewController& review, PreviewController& preview, JobRunner& jobs,
                                           Notices& notices, QObject* parent)
    : QObject(parent), review_(review), preview_(preview), jobs_(jobs), notices_(notices)
{
}

bool EvaluationController::start(std::int64_t version)
{
    if (jobs_.busy()) {
        notices_.busy(tr("Busy"), jobs_.title());
        return false;
    }
    std::shared_ptr<core::Workspace> ws;
    QString weights, name;
    try {
        ws = review_.connection();
        if (!ws) {
            notices_.fail(tr("Cannot evaluate"), tr("Open a workspace folder first: the validation split is the workspace's."));
            return false;
        }
        const auto chosen = version ? ws->model(version) : ws->activeModel();
        if (version && !chosen)
            throw core::ImageError(core::ErrorCode::NotFound, "workspace has no model version " + std::to_string(version));
        weights = chosen ? qs(core::modelFile(*ws, *chosen)) : preview_.modelPath();
        name = chosen ? tr("v%1 (%2)").arg(chosen->id).arg(qs(chosen->name)) : QFileInfo(weights).fileName();
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot evaluate"), Translations::errorText(e));
        return false;
    }
    if (weights.isEmpty()) {
        notices_.fail(tr("Cannot evaluate"), tr("No model is loaded."));
        return false;
    }
    const QString reports = qs(ws->folder()) + QStringLiteral("/reports");
    const QString path = reports + QStringLiteral("/evaluation-") +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".html");
    auto result = std::make_shared<core::ValidationEvaluation>();
    auto work = [ws, weights, name, path, reports, result](JobRunner::Context& ctx) {
        ctx.progress(-1, QObject::tr("Loading %1…").arg(name));
        const auto model = core::loadModel(ss(weights));
        *result = core::evaluateValidationSplit(
            *ws, *model, ss(name), 8,
            [&](std::size_t done, std::size_t total) {
                ctx.progress(double(done) / double(total), QObject::tr("Measuring slice %1 of %2…").arg(done).arg(total));
            },
            ctx.cancel);
        if (result->cancelled)
            return;
        QDir().mkpath(reports);
        result->report.write(ss(path));
    };
    modelName_ = name;
    return jobs_.start(tr("Evaluating"), work, [this, result, path] {
        result_ = result;
        reportPath_ = path;
        notices_.inform(tr("%1 on %2 validation slices: mean Dice %3.")
                            .arg(modelName_)
                            .arg(result->slices)
                            .arg(result->report.mean.dice, 0, 'f', 3),
                        15000);
        Q_EMIT finished();
    });
}

} // namespace delineo::vm
