#include "delineo/viewmodels/PacsController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/Errors.h"
#include "delineo/core/Workspace.h"

#include <QTimer>

#include <memory>

namespace delineo::vm {

core::PacsProgress PacsController::retrievalProgress(JobRunner::Context& ctx)
{
    return [&ctx](int done, int total) {
        ctx.progress(total > 0 ? double(done) / total : -1,
                     total > 0 ? tr("Retrieved %1 of %n image(s)", "", total).arg(done) : tr("Retrieved %n image(s)", "", done));
        return !ctx.cancel->load();
    };
}

PacsController::PacsController(DocumentController& document, JobRunner& jobs, Notices& notices, Preferences& prefs,
                               QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), notices_(notices), prefs_(prefs)
{
}

core::PacsNode PacsController::node() const
{
    core::PacsNode n;
    try {
        n = core::PacsNode::parse(ss(prefs_.pacsNode));
    } catch (const core::ImageError&) {
        // the default node until a valid one is set
    }
    if (!prefs_.pacsCallingAe.isEmpty())
        n.callingAe = ss(prefs_.pacsCallingAe);
    return n;
}

bool PacsController::setNode(const QString& node, const QString& callingAe, QString* error)
{
    try {
        core::PacsNode::parse(ss(node.trimmed()));
    } catch (const core::ImageError& e) {
        *error = Translations::errorText(e);
        return false;
    }
    const QString ae = callingAe.trimmed();
    if (ae.isEmpty() || ae.size() > 16) {
        *error = tr("This client's AE title must have 1 to 16 characters.");
        return false;
    }
    prefs_.pacsNode = node.trimmed();
    prefs_.pacsCallingAe = ae;
    prefs_.pacsNodes.removeAll(prefs_.pacsNode);
    prefs_.pacsNodes.prepend(prefs_.pacsNode);
    while (prefs_.pacsNodes.size() > 12)
        prefs_.pacsNodes.removeLast();
    prefs_.save();
    return true;
}

QStringList PacsController::savedNodes() const
{
    QStringList nodes = prefs_.pacsNodes;
    if (!nodes.contains(prefs_.pacsNode))
        nodes.prepend(prefs_.pacsNode);
    return nodes;
}

void PacsController::forgetNode(const QString& node)
{
    prefs_.pacsNodes.removeAll(node);
    prefs_.save();
}

bool PacsController::echo(QString* error)
{
    try {
        core::PacsNode n = node();
        n.timeoutSeconds = 5;
        core::PacsClient(n).echo();
        return true;
    } catch (const std::exception& e) {
        *error = Translations::errorText(e);
        return false;
    }
}

bool PacsController::search(const core::PacsQuery& query)
{
    auto found = std::make_shared<std::vector<core::PacsStudy>>();
    const core::PacsClient pacs(node());
    return jobs_.start(
        tr("Searching %1").arg(qs(pacs.node().text())),
        [=](JobRunner::Context& ctx) {
            ctx.progress(-1, tr("Searching studies"));
            *found = pacs.findStudies(query);
        },
        [this, found] {
            studies_ = std::move(*found);
            series_.clear();
            seriesOf_ = -1;
            Q_EMIT studiesFound();
            Q_EMIT seriesFound();
        });
}

bool PacsController::listSeries(int study)
{
    if (study < 0 || std::size_t(study) >= studies_.size())
        return false;
    auto found = std::make_shared<std::vector<core::PacsSeries>>();
    const core::PacsClient pacs(node());
    const std::string uid = studies_[std::size_t(study)].studyUid;
    return jobs_.start(
        tr("Listing series"), [=](JobRunner::Context& ctx) {
            ctx.progress(-1, tr("Listing the study's series"));
            *found = pacs.findSeries(uid);
        },
        [this, found, study] {
            series_ = std::move(*found);
            seriesOf_ = study;
            Q_EMIT seriesFound();
        });
}

QString PacsController::workspaceFolder() const
{
    const QString ws = document_.workspace();
    if (ws.isEmpty())
        return {};
    return core::Workspace::isServerUrl(ss(ws)) ? qs(core::Workspace::localFolderFor(ss(ws))) : ws;
}

bool PacsController::retrieve(int study, int series)
{
    if (study != seriesOf_ || series < 0 || std::size_t(series) >= series_.size())
        return false;
    const QString workspace = workspaceFolder();
    if (workspace.isEmpty()) {
        notices_.fail(tr("Open from PACS"), tr("Open a workspace first: the series is copied into it."));
        return false;
    }
    const std::string studyUid = studies_[std::size_t(study)].studyUid, seriesUid = series_[std::size_t(series)].seriesUid;
    if (core::Workspace::isServerUrl(ss(document_.workspace())))
        return retrieveForTeam(studyUid, seriesUid);
    const core::PacsClient pacs(node());
    auto report = std::make_shared<core::DicomImportReport>();
    return jobs_.start(
        tr("Retrieving from %1").arg(qs(pacs.node().text())),
        [=](JobRunner::Context& ctx) {
            *report = core::retrieveIntoWorkspace(pacs, studyUid, seriesUid, ss(workspace), retrievalProgress(ctx), ctx.cancel);
        },
        [this, report] {
            const int n = int(report->written);
            QString text = report->deidentified ? tr("Retrieved and de-identified %n image(s) into %1.", "", n)
                                                : tr("Retrieved %n image(s) into %1.", "", n);
            text = text.arg(qs(report->destination)) + burnedInTextWarning(report->burnedInText);
            if (!report->failed.empty())
                text += tr(" %1 failed: %2").arg(report->failed.size()).arg(qs(report->failed.front()));
            notices_.inform(text, 30000);
            if (report->written > 0)
                QTimer::singleShot(0, this, [this, folder = qs(report->destination)] { document_.openSeries(folder); });
        });
}

bool PacsController::retrieveForTeam(const std::string& studyUid, const std::string& seriesUid)
{
    const std::string url = ss(document_.workspace());
    const core::PacsClient pacs(node());
    auto done = std::make_shared<core::TeamRetrieval>();
    return jobs_.start(
        tr("Retrieving from %1").arg(qs(pacs.node().text())),
        [=](JobRunner::Context& ctx) {
            // A connection of its own: the job lists the series in the store once it is here.
            auto ws = core::Workspace::openExisting(url);
            *done = core::retrieveIntoTeamWorkspace(pacs, studyUid, seriesUid, *ws, retrievalProgress(ctx), ctx.cancel);
        },
        [this, done] {
            const core::DicomImportReport& r = done->report;
            if (!done->present && r.written == 0)
                return; // cancelled
            notices_.inform(done->present ? tr("This computer has the series already: opened.")
                                          : tr("Retrieved %n image(s) for the team workspace: every member sees the series "
                                               "in the list and retrieves it on opening.", "", int(r.written)) +
                                burnedInTextWarning(r.burnedInText),
                            30000);
            QTimer::singleShot(0, this, [this, folder = qs(r.destination)] { document_.openSeries(folder); });
        });
}

bool PacsController::fetchForTeam(const QString& file)
{
    const std::string url = ss(document_.workspace());
    if (!core::Workspace::isServerUrl(url))
        return false;
    // Told by the path alone: no connection to the server on this thread.
    std::string study, series;
    if (!core::teamSeriesOf(core::Workspace::localFolderFor(url), ss(file), &study, &series))
        return false;
    notices_.inform(tr("This series of the team workspace is on the PACS (%1): retrieving it.").arg(qs(node().text())), 15000);
    return retrieveForTeam(study, series);
}

bool PacsController::send(const QStringList& files)
{
    if (files.isEmpty())
        return false;
    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(ss(f));
    const core::PacsClient pacs(node());
    auto sent = std::make_shared<int>(0);
    return jobs_.start(
        tr("Sending to %1").arg(qs(pacs.node().text())),
        [=](JobRunner::Context& ctx) {
            *sent = pacs.store(paths, [&](int done, int total) {
                ctx.progress(double(done) / total, tr("Sent %1 of %n file(s)", "", total).arg(done));
                return !ctx.cancel->load();
            });
        },
        [this, sent, n = files.size(), where = qs(pacs.node().text())] {
            notices_.inform(tr("Sent %1 of %n file(s) to %2.", "", int(n)).arg(*sent).arg(where), 15000);
        });
}

} // namespace delineo::vm
