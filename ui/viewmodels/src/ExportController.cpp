#include "delineo/viewmodels/ExportController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"

#include "delineo/core/Exporter.h"

#include <memory>

namespace delineo::vm {

ExportController::ExportController(ReviewController& review, JobRunner& jobs, Notices& notices, QObject* parent)
    : QObject(parent), review_(review), jobs_(jobs), notices_(notices)
{
}

std::vector<ExportFormat> ExportController::formats()
{
    std::vector<ExportFormat> out;
    for (const auto& e : core::exporters())
        out.push_back({qs(e->id()), qs(e->title()), qs(e->description()), qs(e->fileSuffix()), e->destinationIsFile(),
                       e->supportsDeidentify()});
    return out;
}

bool ExportController::start(const QString& formatId, const QString& destination, bool deidentify)
{
    if (jobs_.busy()) {
        notices_.busy(tr("Busy"), jobs_.title());
        return false;
    }
    const core::Exporter* exporter = nullptr;
    try {
        exporter = &core::exporter(ss(formatId));
    } catch (const std::exception& e) {
        notices_.fail(tr("Cannot export"), qs(e.what()));
        return false;
    }
    std::shared_ptr<core::Workspace> ws(review_.connection());
    if (!ws) {
        notices_.fail(tr("Cannot export"), tr("Open a workspace folder with masks first."));
        return false;
    }
    auto report = std::make_shared<core::TransferReport>();
    auto work = [ws, exporter, report, destination, deidentify](JobRunner::Context& ctx) {
        core::ExportOptions options;
        options.destination = ss(destination);
        options.deidentify = deidentify;
        options.cancel = ctx.cancel;
        options.progress = [&](int done, int total) {
            ctx.progress(double(done) / total, QObject::tr("Exporting image %1 of %2").arg(done).arg(total));
        };
        *report = exporter->run(*ws, options);
    };
    const QString title = qs(exporter->title());
    return jobs_.start(tr("Exporting"), work, [this, report, title, destination] {
        QString text = tr("%1: wrote %2 of %3 to %4.")
                           .arg(title,
                                report->ofMeasurements ? tr("%n measurement(s)", "", report->measurements)
                                                       : tr("%n mask(s)", "", int(report->masks)),
                                tr("%n image(s)", "", int(report->images)),
                                destination);
        for (const auto& note : report->notes)
            text += QStringLiteral("\n") + qs(note);
        if (!report->failed.empty())
            text += QStringLiteral("\n") + tr("%n file(s) failed:", "", int(report->failed.size()));
        for (const auto& f : report->failed)
            text += QStringLiteral("\n  ") + qs(f);
        report_ = text;
        notices_.inform(text.section(QLatin1Char('\n'), 0, 0), 15000);
        Q_EMIT finished(text, report->failed.empty() && !report->cancelled);
    });
}

} // namespace delineo::vm
