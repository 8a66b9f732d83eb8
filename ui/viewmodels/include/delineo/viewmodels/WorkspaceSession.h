#pragma once
#include "delineo/core/Agreement.h"
#include "delineo/core/Workspace.h"

#include <QString>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace delineo::vm {

// An edit the store refused because another member had saved a newer revision of the slice; the
// edit is kept as revision `kept`.
struct SliceConflict {
    QString file;
    int slice = 0;
    std::int64_t kept = 0;
    core::MaskRevision newer;   // theirs, no pixels
};

// The GUI's link to a workspace database: writes run in order on one background thread so a commit
// never blocks painting; reads wait for the queued writes first. A case is one opened file (or
// series folder), named by its path relative to the workspace; in a team workspace (a PostgreSQL
// URL) by the case the store gives its image, else by its file name.
class WorkspaceSession {
public:
    WorkspaceSession();
    ~WorkspaceSession();

    // Opens (creating if needed) FOLDER/workspace.sqlite, or a team workspace by its postgresql://
    // URL; false with the reason (busy, read-only, the server cannot be reached).
    bool open(const QString& location, QString* error);
    void close();
    bool isOpen() const { return ws_ != nullptr; }
    bool isOpenOn(const QString& location) const;
    static bool isTeam(const QString& location);
    const QString& folder() const { return folder_; }   // the folder or the URL
    std::string user() const { return ws_ ? ws_->user() : std::string(); }
    QStringList imagePaths();                           // the store's images, by case
    std::string caseName(const QString& file);

    void commitMask(const QString& file, int width, int height, int slices, int slice, core::LabelMap labels,
                    core::MaskKind kind, bool replaceOpen);
    // A correction that began from stored revision `basedOn` ({}: none); refused ones are reported
    // by takeConflicts().
    void commitEdit(const QString& file, int width, int height, int slices, int slice, core::LabelMap labels,
                    core::RevisionRef basedOn, core::MaskKind kind = core::MaskKind::Corrected);
    std::vector<SliceConflict> takeConflicts();
    void closeRevision(const QString& file, int slice);
    void setReview(const QString& file, core::ReviewStatus status, const QString& comment);
    core::ReviewStatus review(const QString& file, QString* comment);
    // Per slice: its review state as set, else from its latest mask revision, else not started.
    std::vector<core::ReviewStatus> sliceStatuses(const QString& file, int depth);
    void setSliceStatus(const QString& file, int width, int height, int slices, int slice, core::ReviewStatus status);
    // The file's rulers and outlines (core::Measurement), kept with its case.
    void addMeasurement(const QString& file, int width, int height, int slices, core::Measurement m);
    void removeMeasurement(const std::string& key);
    void updateMeasurement(core::Measurement m); // new points or label; the store keeps its author and time
    std::vector<core::Measurement> measurements(const QString& file);
    std::vector<core::CaseSummary> cases();
    std::vector<core::WorkspaceClass> classes();
    // Names the labels the store does not name yet; the names it has stay (queued like a write).
    void nameClasses(const std::vector<core::WorkspaceClass>& shown);
    void setClass(const core::WorkspaceClass& named); // adds the label or renames and recolours it
    std::vector<core::MaskRevision> history(const QString& file, int slice); // oldest first, no pixels
    // This member's lease on the file's case (claimed or renewed); another member's live lease is
    // returned instead.
    std::optional<core::CaseLease> claim(const QString& file);
    void release(const QString& file);
    std::vector<std::pair<int, core::MaskRevision>> latestRevisions(const QString& file); // no pixels
    std::optional<core::ImageEntry> image(const QString& file); // as stored: its size and slices
    std::optional<core::MaskRevision> revision(std::int64_t id);
    std::optional<core::Workspace::StoredRuns> revisionRuns(std::int64_t id); // pixels as stored
    std::string changeStamp();    // see core::Workspace::changeStamp
    // Review → Agreement (core/Agreement.h) on the file's image, after the queued writes.
    std::vector<core::PairAgreement> agreement(const QString& file, double spacingX, double spacingY);
    core::ConsensusResult consensus(const QString& file, core::ConsensusMethod method);
    // Mask files in WS/masks/ that the store has not seen become corrected revisions (core::adoptMaskFiles).
    int adoptMaskFiles(int numForeground);
    void flush();                 // waits until every queued write is committed
    // A second connection for work on another thread (training), after the queued writes.
    std::unique_ptr<core::Workspace> connect();
    QString takeError();          // the last background failure, once

private:
    void post(std::function<void(core::Workspace&)> job);
    // Posts JOB with the stored id of FILE's image, adding its case and image first when they are new.
    void postToImage(const QString& file, int width, int height, int slices,
                     std::function<void(core::Workspace&, std::int64_t)> job);
    static std::string pathOf(const QString& file);
    std::optional<std::int64_t> imageOf(const QString& file) const; // on the calling thread, after read()'s flush
    // The case of `file`, resolved where it is called (a write's, on the worker thread, so that
    // a team workspace's autosave does not wait on the GUI thread for the server).
    std::function<std::string(const core::Workspace*)> caseOf(const QString& file) const;
    // A read on the calling thread after the queued writes; a failure is kept for takeError().
    template <typename T, typename F> T read(T fallback, F&& f)
    {
        flush();
        if (!ws_)
            return fallback;
        try {
            return f();
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(mutex_);
            error_ = QString::fromStdString(e.what());
            return fallback;
        }
    }
    void run();

    QString folder_;
    std::unique_ptr<core::Workspace> ws_;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<std::function<void(core::Workspace&)>> queue_;
    bool busy_ = false, stop_ = false;
    QString error_;
    std::vector<SliceConflict> conflicts_;
    std::thread worker_;
};

} // namespace delineo::vm
