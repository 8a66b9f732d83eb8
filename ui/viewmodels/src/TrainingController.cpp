#include "delineo/viewmodels/TrainingController.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SliceContext.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Segmenter.h"

#include <QFileInfo>
#include <QPointer>

#include <algorithm>
#include <utility>

namespace delineo::vm {

TrainingController::TrainingController(PreviewController& preview, ReviewController& review, Notices& notices,
                                       QObject* parent)
    : QObject(parent), preview_(preview), review_(review), notices_(notices), runner_(new JobRunner(this))
{
    connect(runner_, &JobRunner::progress, this, &TrainingController::progress);
    connect(runner_, &JobRunner::finished, this, &TrainingController::onFinished);
}

TrainingController::~TrainingController()
{
    runner_->cancel();
    runner_->waitForFinished(60000);
}

bool TrainingController::busy() const { return runner_->busy(); }
void TrainingController::cancel() { runner_->cancel(); }
bool TrainingController::waitForFinished(int timeoutMs) { return runner_->waitForFinished(timeoutMs); }

std::unique_ptr<core::Workspace> TrainingController::connection()
{
    try {
        return review_.connection();
    } catch (const core::ImageError& e) {
        notices_.fail(tr("Workspace"), Translations::errorText(e));
        return nullptr;
    }
}

std::unique_ptr<FineTuneRequest> TrainingController::prepare(int epochs, bool fromScratch, core::ModelKind kind)
{
    if (busy()) {
        notices_.fail(tr("Cannot train"), tr("A training run is going already; cancel it first."));
        return nullptr;
    }
    auto request = std::make_unique<FineTuneRequest>();
    request->workspace = connection();
    if (!request->workspace) {
        notices_.fail(tr("Cannot train"), tr("Open a workspace folder first: training uses its corrected masks."));
        return nullptr;
    }
    try {
        // The model in use becomes the first version of a workspace that has none (copied into it).
        if (!request->workspace->activeModel(kind)) {
            const QString inUse = kind == core::ModelKind::Interactive
                                      ? (interactiveModelPath ? interactiveModelPath() : QString())
                                      : (preview_.model() ? preview_.modelPath() : QString());
            if (inUse.isEmpty()) {
                notices_.fail(tr("Cannot train"), tr("Load a model first."));
                return nullptr;
            }
            core::addModelFile(*request->workspace, ss(inUse));
        }
        request->settings.kind = kind;
        request->settings.epochs = epochs;
        request->settings.fromScratch = fromScratch;
        request->plan = core::planFineTune(*request->workspace, request->settings);
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot train"), Translations::errorText(e));
        return nullptr;
    }
    return request;
}

bool TrainingController::replan(FineTuneRequest& request, const std::vector<std::int64_t>& validation)
{
    try {
        request.workspace->setValidationImages(validation);
        request.plan = core::planFineTune(*request.workspace, request.settings);
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot train"), Translations::errorText(e));
        return false;
    }
    return true;
}

bool TrainingController::exportJob(std::unique_ptr<FineTuneRequest> request, const QString& folder)
{
    if (!request || busy())
        return false;
    auto ws = std::shared_ptr<core::Workspace>(std::move(request->workspace));
    const core::FineTunePlan plan = request->plan;
    const core::FineTuneSettings settings = request->settings;
    const std::string target = ss(folder);
    auto job = std::make_shared<core::ClusterJob>();
    auto work = [ws, plan, settings, target, job](JobRunner::Context& ctx) {
        *job = core::exportClusterJob(*ws, plan, settings, target, [&](double f, const std::string& what) {
            ctx.progress(f, QObject::tr("Writing the cluster job: %1").arg(qs(what)));
        }, ctx.cancel);
    };
    if (!runner_->start(tr("Exporting a training job"), work))
        return false;
    work_ = Work::Export;
    job_ = job;
    plan_ = plan;
    return true;
}

bool TrainingController::addJobResult(const QString& path)
{
    if (busy()) {
        notices_.fail(tr("Cannot add the model"), tr("A training run is going already; cancel it first."));
        return false;
    }
    const std::string job = core::clusterJobOf(ss(path));
    std::shared_ptr<core::Workspace> ws = connection();
    if (job.empty() || !ws) {
        notices_.fail(tr("Cannot add the model"), job.empty() ? tr("%1 is not a training job exported by Delineo (it has no job.json).").arg(path)
                                                             : tr("Open a workspace folder first."));
        return false;
    }
    const std::string model = QFileInfo(path).isFile() && path.endsWith(QStringLiteral(".pt")) ? ss(path) : std::string();
    auto added = std::make_shared<core::ClusterResult>();
    auto work = [ws, job, model, added](JobRunner::Context& ctx) {
        ctx.progress(-1, QObject::tr("Measuring the job's model and its base on the validation split…"));
        *added = core::addClusterJobResult(*ws, job, model, {}, ctx.cancel);
    };
    if (!runner_->start(tr("Adding a model from a cluster job"), work))
        return false;
    work_ = Work::AddBack;
    added_ = added;
    return true;
}

void TrainingController::onExportOrAddFinished(bool ok, bool cancelled, const QString& error)
{
    const Work work = std::exchange(work_, Work::Training);
    qint64 id = 0;
    QString message;
    if (work == Work::Export) {
        if (!ok || cancelled)
            job_.reset();
        message = cancelled ? tr("Export cancelled; nothing was kept.")
                  : !ok     ? tr("Cannot export the training job: %1").arg(error)
                            : tr("Wrote the training job to %1 (%2 training and %3 validation slices). Run it with %4 "
                                 "(several ranks: see docs/DISTRIBUTED.md), then add the model back with %5.")
                                  .arg(qs(job_->folder)).arg(job_->trainSamples).arg(job_->valSamples)
                                  .arg(qs(job_->command), qs(job_->addBack));
    } else {
        id = ok && !cancelled ? added_->modelId : 0;
        message = cancelled ? tr("Cancelled; the job's model was not added.")
                  : !ok     ? tr("Cannot add the job's model: %1").arg(error)
                  : added_->hasValidation && added_->baseId
                      ? tr("New model version v%1 from the cluster job: validation Dice %2 (base v%3: %4). Promote it in the Models panel.")
                            .arg(id).arg(added_->tuned.mean.dice, 0, 'f', 3).arg(added_->baseId).arg(added_->base.mean.dice, 0, 'f', 3)
                      : tr("New model version v%1 from the cluster job. Promote it in the Models panel.").arg(id);
    }
    notices_.inform(message, 30000);
    if (!ok && !cancelled)
        notices_.fail(work == Work::Export ? tr("Cannot export") : tr("Cannot add the model"), message);
    if (id)
        Q_EMIT modelsChanged();
    Q_EMIT finished(id, !ok && !cancelled, message);
}

bool TrainingController::start(std::unique_ptr<FineTuneRequest> request)
{
    if (!request || busy())
        return false;
    plan_ = request->plan;
    outcome_ = std::make_shared<core::FineTuneOutcome>();
    auto ws = std::shared_ptr<core::Workspace>(std::move(request->workspace));
    const core::FineTunePlan plan = request->plan;
    const core::FineTuneSettings settings = request->settings;
    QPointer<TrainingController> self(this);
    auto outcome = outcome_;
    auto work = [ws, plan, settings, self, outcome](JobRunner::Context& ctx) {
        ctx.estimateTimeLeft = false; // the trainer's own estimate leaves validation out of the rate
        ctx.progress(0, QObject::tr("Loading %1 training and %2 validation slices…").arg(plan.train.size()).arg(plan.val.size()));
        double lastDice = -1;
        *outcome = core::runFineTune(*ws, plan, settings, [&](const ml::TrainProgress& p) {
            if (p.epochDone) {
                std::vector<double> dice;
                if (p.hasValidation) {
                    for (const auto& m : p.validation.perClass)
                        dice.push_back(m.dice);
                    lastDice = p.validation.mean.dice;
                }
                QMetaObject::invokeMethod(self, [self, p, dice] {
                    if (self)
                        Q_EMIT self->epochDone(p.epoch, p.loss, dice);
                }, Qt::QueuedConnection);
            }
            const double f = ((p.epoch - 1) + double(p.step) / std::max(1, p.stepsPerEpoch)) / std::max(1, p.epochs);
            ctx.progress(f, QObject::tr("Epoch %1/%2, step %3/%4, loss %5%6 · about %7 left")
                                .arg(p.epoch).arg(p.epochs).arg(p.step).arg(p.stepsPerEpoch)
                                .arg(p.loss, 0, 'f', 4)
                                .arg(lastDice >= 0 ? QObject::tr(", validation Dice %1").arg(lastDice, 0, 'f', 3) : QString())
                                .arg(JobRunner::duration(p.etaSeconds)));
        }, ctx.cancel);
    };
    if (!runner_->start(tr("Training"), work))
        return false;
    Q_EMIT started(plan, settings);
    notices_.inform(tr("Training in the background; keep working. The active model stays in use."));
    return true;
}

void TrainingController::onFinished(bool ok, bool cancelled, const QString& error)
{
    if (work_ != Work::Training)
        return onExportOrAddFinished(ok, cancelled, error);
    QString message;
    qint64 id = 0;
    if (cancelled || (ok && outcome_->status != core::RunStatus::Finished)) {
        message = tr("Training cancelled; the run is recorded as cancelled and the active model is unchanged.");
    } else if (!ok) {
        message = tr("Training failed: %1. The active model is unchanged.").arg(error);
    } else {
        id = outcome_->modelId;
        const auto& clicks = outcome_->tunedClicks;
        message = clicks.objects > 0
                      ? tr("New AI Assist model version v%1: %2 clicks to Dice 0.90 on the validation split (base %3). "
                           "Promote it in the Models panel.")
                            .arg(id).arg(clicks.noc90, 0, 'f', 2).arg(outcome_->baseClicks.noc90, 0, 'f', 2)
                  : outcome_->hasValidation
                      ? tr("New model version v%1: validation Dice %2 (base %3). Promote it in the Models panel.")
                            .arg(id).arg(outcome_->tuned.mean.dice, 0, 'f', 3).arg(outcome_->base.mean.dice, 0, 'f', 3)
                      : tr("New model version v%1 (no validation images). Promote it in the Models panel.").arg(id);
    }
    const bool failed = !ok && !cancelled;
    notices_.inform(message, 15000);
    if (failed)
        notices_.fail(tr("Training failed"), message);
    Q_EMIT modelsChanged();
    Q_EMIT finished(id, failed, message);
}

bool TrainingController::promote(std::int64_t version)
{
    auto ws = connection();
    if (!ws)
        return false;
    try {
        const auto v = ws->model(version);
        if (!v)
            throw core::ImageError(core::ErrorCode::NotFound, "no model version " + std::to_string(version));
        if (!load(*ws, *v))
            return false;
        ws->promote(version);
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot promote"), Translations::errorText(e));
        return false;
    }
    Q_EMIT modelsChanged();
    notices_.inform(tr("Model v%1 is now active.").arg(version));
    return true;
}

bool TrainingController::load(const core::Workspace& ws, const core::ModelVersion& v)
{
    const QString path = qs(core::modelFile(ws, v));
    if (v.kind == core::ModelKind::Interactive)
        return loadInteractiveModel && loadInteractiveModel(path);
    return preview_.loadModel(path);
}

bool TrainingController::rollback(core::ModelKind kind)
{
    auto ws = connection();
    if (!ws)
        return false;
    try {
        const std::int64_t id = ws->rollback(0, kind);
        const auto v = ws->model(id);
        if (!v || !load(*ws, *v)) {
            notices_.fail(tr("Cannot roll back"), tr("The weights of v%1 cannot be loaded.").arg(id));
            return false;
        }
        Q_EMIT modelsChanged();
        notices_.inform(tr("Rolled back: model v%1 is active again.").arg(id));
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot roll back"), Translations::errorText(e));
        return false;
    }
    return true;
}

namespace {

QImage blended(const core::Image& img, const core::LabelMap& labels, const std::vector<core::Rgb>& colours)
{
    auto rgb = core::renderRgb(img, img.defaultWindow());
    core::blendLabels(rgb.data(), labels, colours, std::vector<bool>(colours.size(), true), 0.45);
    return QImage(rgb.data(), img.width, img.height, img.width * 3, QImage::Format_RGB888).copy();
}

} // namespace

std::unique_ptr<Comparison> TrainingController::compare(std::int64_t version, const QString& currentFile)
{
    auto ws = connection();
    if (!ws)
        return nullptr;
    try {
        const auto active = ws->activeModel();
        const auto other = ws->model(version);
        if (other && other->kind == core::ModelKind::Interactive)
            throw core::ImageError(core::ErrorCode::UnsupportedFormat,
                                   "v" + std::to_string(version) + " is an AI Assist model: it answers prompts, so it "
                                   "compares by its clicks to Dice 0.90 (NoC@90 in the Models panel), not side by side");
        if (!active || !other)
            throw core::ImageError(core::ErrorCode::NotFound, "no such model version");
        // The validation image: the current file if it is one, else the first of the split.
        const auto val = ws->validationImages();
        if (val.empty())
            throw core::ImageError(core::ErrorCode::NotFound, "the workspace has no validation images yet");
        std::int64_t imageId = val.front();
        if (const auto cur = ws->imageId(ss(QFileInfo(currentFile).absoluteFilePath())))
            if (std::find(val.begin(), val.end(), *cur) != val.end())
                imageId = *cur;
        const auto entry = ws->image(imageId);
        const core::Volume volume = core::loadVolume(entry->path);
        int z = volume.depth() / 2;
        for (const auto& r : ws->reviewedSlices())
            if (r.imageId == imageId) {
                z = r.slice;
                break;
            }
        const core::Image& img = volume.slice(z);
        const auto stored = ws->latestMask(imageId, z);
        const core::LabelMap truth = stored ? stored->labels : core::LabelMap(img.width, img.height);
        auto result = std::make_unique<Comparison>();
        result->title = tr("Compare v%1 with the active model on %2").arg(version).arg(QFileInfo(qs(entry->path)).fileName());
        std::vector<core::Rgb> colours;
        std::vector<std::pair<QString, core::LabelMap>> masks{{tr("Ground truth (stored mask)"), truth}};
        for (const auto& v : {*active, *other}) {
            const auto model = core::loadModel(core::modelFile(*ws, v));
            colours.clear();
            for (const auto& c : model->config().classes)
                colours.push_back({c.colour[0], c.colour[1], c.colour[2]});
            core::LabelMap m = core::toLabelMap(core::predictSlice(*model, volume, z));
            const auto metrics = ml::evaluateLabels(m.labels.data(), truth.labels.data(), img.width, img.height,
                                                    model->config().numForeground());
            masks.push_back({tr("v%1%2: Dice %3").arg(v.id).arg(v.active ? tr(" (active)") : QString())
                                 .arg(metrics.mean.dice, 0, 'f', 3), std::move(m)});
        }
        for (const auto& [title, labels] : masks)
            result->panels.push_back({title, blended(img, labels, colours)});
        return result;
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot compare"), Translations::errorText(e));
        return nullptr;
    }
}

} // namespace delineo::vm
