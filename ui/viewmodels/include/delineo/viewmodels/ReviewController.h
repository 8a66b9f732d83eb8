#pragma once
#include <functional>
#include <QColor>
#include "delineo/core/Image.h"
#include "delineo/core/Workspace.h"
#include "delineo/viewmodels/WorkspaceSession.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>

#include <memory>
#include <vector>

namespace delineo::ml {
class Segmenter;
}

namespace delineo::vm {

class DocumentController;
class JobRunner;
class Notices;

// One row of the workspace file list.
struct FileEntry {
    QString path, name;
    core::ReviewStatus status = core::ReviewStatus::NotStarted;
    double uncertainty = -1;   // mean pixel entropy once ranked, else -1
};

// Keeping and reviewing the work. The workspace database is the one store of masks: edits reach it
// (WAL, a background writer) every few seconds, on Save and before another file opens, and opening a
// file shows the newest stored mask of each slice. Also the review state of the file and of each
// slice, the file list with its filter, Next needing review, and ranking unreviewed files by the
// model's uncertainty. Merely viewing writes nothing: the store is created by the first thing worth
// keeping.
class ReviewController : public QObject {
    Q_OBJECT
public:
    ReviewController(DocumentController& document, JobRunner& jobs, Notices& notices, QObject* parent = nullptr);

    // Previews (--screenshot): nothing is written, no database, no mask files.
    void setWritesEnabled(bool on) { writes_ = on; }
    bool writesEnabled() const { return writes_; }

    bool save();                         // every edit into the store, revisions closed
    bool saveIfModified();               // true when nothing was pending or it was saved
    // Edited slices into the store (a background writer); `wait` waits for it. False on a failure.
    bool commit(bool endRevision = false, bool wait = false);
    void recordAiDraft(int z, const core::LabelMap& labels);

    core::ReviewStatus review(QString* comment = nullptr);
    void setReview(core::ReviewStatus status);
    void setComment(const QString& comment);
    core::ReviewStatus sliceStatus(int z) const;
    bool approveSlice();
    bool rejectSlice();

    // The workspace's files, with their states, filtered: -1 all, -2 needing review, else a status.
    std::vector<FileEntry> files(int filter = -1);
    static bool passes(core::ReviewStatus status, int filter);   // the filter files() applies
    static int reviewedCount(const std::vector<FileEntry>& files); // approved or rejected
    // N: the next slice of the stack that is neither approved nor rejected (unless the whole case
    // is decided), else the next such file. Returns false when everything is reviewed.
    bool openNextForReview();
    bool rankByUncertainty(std::shared_ptr<ml::Segmenter> model);
    bool openMostUncertain();
    double uncertainty(const QString& file) const;

    WorkspaceSession& session() { return session_; }
    bool ensureSession();
    // A second connection for work on another thread, after the queued writes (training).
    std::unique_ptr<core::Workspace> connection();
    // The images the open workspace's store keeps, a folder's series as the folder (the store opened
    // if need be; a folder without one has none, and listing it makes none).
    QStringList storedFiles();
    // The current slice's revisions in the store, newest first: "when  kind  by whom".
    QStringList storedRevisions();
    // In a team workspace: who else holds the open file's case (empty: this member, or no one).
    // The lease is claimed on opening, renewed while editing and released on leaving.
    QString leaseHolder() const { return leaseHolder_; }
    void close();                        // commits and closes (window closing)
    // Team workspaces, every second: this member's pending edits reach the store, then what others
    // stored since (revisions, slice and case statuses) is shown. A slice that another member saved
    // after this one began editing it gets their revision as an undoable step; this member's edit
    // was refused by the store and kept as its own revision (see core::Workspace::commitEdit).
    void syncTeam();
    static constexpr int kSyncMs = 1000;
    // Review → Agreement: Dice and HD95 between every two members who corrected the same slices of
    // the open file, per class (HD95 in agreementUnit()).
    std::vector<core::PairAgreement> agreement();
    QString agreementUnit() const;
    QString className(int label);      // as the workspace names it
    // The classes the window draws with (the model's); a store that does not name a label yet takes
    // its name and colour from here when a mask is stored, so that exports and other members name it.
    std::function<std::vector<core::WorkspaceClass>()> shownClasses;
    // The open store's class list (empty without a store), as last read or written.
    const std::vector<core::WorkspaceClass>& storedClasses() const { return stored_; }
    // Names label `label` (1..255; one past the last shown adds a class) in the workspace's store,
    // which it creates if need be. False, said, without a workspace or with an empty name.
    bool setClass(int label, const QString& name, QColor colour);
    // Stores the members' consensus of every slice at least two of them corrected, as revisions of
    // its own, and shows it as one undoable step. The slices given one; -1 on failure (said).
    int makeConsensus(core::ConsensusMethod method);

Q_SIGNALS:
    void reviewChanged();                // the file's or a slice's state, the file list
    void classesChanged();               // storedClasses()
    void saved();
    void teamChanged();                  // a team workspace's store changed (syncTeam): read it again
    // Other members' newer revisions to show, as one undoable step (connected to the editing).
    void remoteMasks(const std::map<int, core::LabelMap>& masks, const QString& description);

private:
    void claimLease();
    void openSession();
    void loadStoredMasks();
    void markSlice(int z, core::ReviewStatus status, bool store);
    void nameClasses(); // before a mask is stored: see shownClasses
    void readClasses(); // stored_ from the store
    // Shows the store's current revision of each slice that changed since it was loaded (other
    // members' only, unless `own`) as one undoable step named `what` (%1: whose). Returns whose.
    QStringList showStoredChanges(bool own, const QString& what, int* slices);

    DocumentController& document_;
    JobRunner& jobs_;
    Notices& notices_;
    WorkspaceSession session_;
    QString leaseFile_, leaseHolder_;
    qint64 leaseAt_ = 0; // when it was claimed or renewed (s since 1970)
    bool writes_ = true;
    QString storeError_;
    std::vector<std::uint64_t> dbChanges_;   // per slice: editor change count last committed
    std::vector<core::RevisionRef> base_;    // per slice: the stored revision the edits began from
    std::string stamp_;                      // the store's change stamp last seen (team workspaces)
    QTimer sync_;
    std::vector<core::ReviewStatus> sliceStatus_;
    core::ReviewStatus review_ = core::ReviewStatus::NotStarted;
    QHash<QString, double> uncertainty_;     // absolute path -> mean pixel entropy
    std::vector<core::WorkspaceClass> stored_;
};

} // namespace delineo::vm
