// ReviewController: the workspace file list, Next needing review, and ranking by uncertainty.
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"

#include <QDir>
#include <QFileInfo>

#include <map>

namespace delineo::vm {

namespace {

bool decided(core::ReviewStatus s) { return s == core::ReviewStatus::Approved || s == core::ReviewStatus::Rejected; }
// Files whose masks still wait for a person: not started, or only an AI draft.
bool awaitsCorrection(core::ReviewStatus s)
{
    return s == core::ReviewStatus::NotStarted || s == core::ReviewStatus::AiDraft;
}

} // namespace

std::vector<FileEntry> ReviewController::files(int filter)
{
    std::vector<FileEntry> out;
    const QString ws = document_.workspace();
    if (ws.isEmpty())
        return out;
    // Review state per file from the workspace database; without one, whether a mask was saved.
    std::map<QString, core::ReviewStatus> status;
    const bool open = session_.isOpenOn(ws), team = WorkspaceSession::isTeam(ws);
    if (open)
        for (const auto& c : session_.cases())
            status[qs(c.name)] = c.status;
    for (const QString& path : document_.workspaceFiles()) {
        const QFileInfo fi(path);
        // A folder workspace's cases are named by the path inside it (dicom/pacs-001 for a series).
        const QString name = open && team ? qs(session_.caseName(path)) : QDir(ws).relativeFilePath(fi.absoluteFilePath());
        core::ReviewStatus st = core::ReviewStatus::NotStarted;
        bool stored = false;
        if (const auto it = status.find(name); it != status.end()) {
            st = it->second;
            stored = true;
        } else {
            // A folder of several series keeps each under NAME#series=…: the folder is decided
            // when all of them are, else it shows the first still waiting.
            const QString stacks = name + QLatin1String(core::kSeriesKey);
            for (auto c = status.lower_bound(stacks); c != status.end() && c->first.startsWith(stacks); ++c) {
                if (!stored || (decided(st) && !decided(c->second)))
                    st = c->second;
                stored = true;
            }
        }
        if (!stored && QFileInfo::exists(QDir(ws).filePath(QStringLiteral("masks/") + fi.completeBaseName() + ".png")))
            st = core::ReviewStatus::Corrected;
        if (!passes(st, filter))
            continue;
        // What lies deeper in a folder (a study's series) by its path there: two studies' "MR" apart.
        const bool deeper = !team && name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1String("dicom/"));
        out.push_back({fi.absoluteFilePath(), deeper ? name : fi.fileName(), st,
                       uncertainty_.value(fi.absoluteFilePath(), -1)});
    }
    return out;
}

bool ReviewController::passes(core::ReviewStatus status, int filter)
{
    return !((filter == -2 && decided(status)) || (filter >= 0 && filter != int(status)));
}

int ReviewController::reviewedCount(const std::vector<FileEntry>& files)
{
    return static_cast<int>(std::count_if(files.begin(), files.end(), [](const FileEntry& f) { return decided(f.status); }));
}

double ReviewController::uncertainty(const QString& file) const
{
    return uncertainty_.value(QFileInfo(file).absoluteFilePath(), -1);
}

bool ReviewController::openNextForReview()
{
    const int depth = document_.depth();
    if (depth > 1 && !decided(review_))
        for (int z = document_.slice() + 1; z < depth; ++z)
            if (!decided(sliceStatus(z))) {
                document_.showSlice(z);
                return true;
            }
    const auto list = files(-1);
    const QString current = QFileInfo(document_.currentFile()).absoluteFilePath();
    const int n = static_cast<int>(list.size());
    int at = -1;
    for (int i = 0; i < n; ++i)
        if (list[std::size_t(i)].path == current)
            at = i;
    for (int k = 1; k <= n; ++k) {
        const FileEntry& f = list[std::size_t((at + k + n) % n)];
        if (!decided(f.status) && f.path != current)
            return document_.openFile(f.path);
    }
    notices_.inform(tr("Every file in this workspace has been reviewed."));
    return false;
}

bool ReviewController::rankByUncertainty(std::shared_ptr<ml::Segmenter> model)
{
    if (!model || document_.workspace().isEmpty()) {
        notices_.fail(tr("Cannot rank"), tr("Open a workspace folder and load a model first."));
        return false;
    }
    QStringList todo;
    for (const auto& f : files(-1))
        if (awaitsCorrection(f.status))
            todo << f.path;
    auto scores = std::make_shared<QHash<QString, double>>();
    auto work = [todo, model, scores](JobRunner::Context& ctx) {
        for (int i = 0; i < todo.size(); ++i) {
            if (ctx.cancel->load())
                return;
            ctx.progress(double(i) / todo.size(), QObject::tr("Scoring %1 of %2…").arg(i + 1).arg(todo.size()));
            try {
                (*scores)[todo[i]] = core::uncertaintyOf(*model, core::loadVolume(ss(todo[i])));
            } catch (const core::ImageError&) {
                // unreadable files are left unranked; opening one shows why
            }
        }
    };
    return jobs_.start(tr("Ranking by uncertainty"), work, [this, scores] {
        for (auto it = scores->begin(); it != scores->end(); ++it)
            uncertainty_[it.key()] = it.value();
        Q_EMIT reviewChanged();
        notices_.inform(tr("Ranked %1 unreviewed files by model uncertainty; Shift+N opens the most uncertain.")
                            .arg(scores->size()), 10000);
    });
}

bool ReviewController::openMostUncertain()
{
    QString best;
    double top = -1;
    const QString current = QFileInfo(document_.currentFile()).absoluteFilePath();
    for (const auto& f : files(-1))
        if (awaitsCorrection(f.status) && f.uncertainty > top && f.path != current) {
            top = f.uncertainty;
            best = f.path;
        }
    if (best.isEmpty()) {
        notices_.inform(tr("No ranked file left to review: Review → Rank Unreviewed by Model Uncertainty."));
        return false;
    }
    return document_.openFile(best);
}

} // namespace delineo::vm
