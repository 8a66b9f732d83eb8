#pragma once
#include "delineo/core/Image.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace delineo::core {

class SqlDatabase;

// Review state of a case (and the kind of a mask revision).
enum class ReviewStatus { NotStarted, AiDraft, Corrected, Approved, Rejected };
const char* reviewStatusName(ReviewStatus s);
ReviewStatus reviewStatusFromName(const std::string& name); // throws ImageError(Corrupt)

enum class MaskKind { AiDraft, Corrected, Approved };

// Who is editing a case: a lease that its holder renews while working and that expires on its own
// when a client goes away.
struct CaseLease {
    std::string holder;
    std::int64_t secondsLeft = 0;
};

struct WorkspaceClass {
    int label = 0;
    std::string name;
    std::uint8_t r = 0, g = 0, b = 0;
};

// `have` with the classes of `more` whose labels it lacks (or, with `replace`, every class of
// `more` in place of the one with its label), sorted by label.
std::vector<WorkspaceClass> mergedClasses(std::vector<WorkspaceClass> have, const std::vector<WorkspaceClass>& more,
                                          bool replace = false);

// What a label the class list does not name is called ("class 5"): exports, the CLI and the
// window's legend all write it so (the window translates it).
std::string numberedClassName(int label);
// The class list's name for `label`, else numberedClassName(label).
std::string classNameOf(const std::vector<WorkspaceClass>& classes, int label);

struct CaseSummary {
    std::int64_t id = 0;
    std::string name;
    ReviewStatus status = ReviewStatus::NotStarted;
    std::string comment;
    int images = 0;
    std::string reviewer;        // who set the status or comment last
};

struct ImageEntry {
    std::int64_t id = 0;
    std::string path;
    int width = 0, height = 0, slices = 1;
};

// Automatic models segment a whole image; interactive ones answer prompts (AI Assist). Each kind
// has its own line of versions with its own active one.
enum class ModelKind { Automatic, Interactive };

// A model version kept in the workspace: every fine-tune adds one, none is ever deleted.
struct ModelVersion {
    std::int64_t id = 0;
    std::int64_t parentId = 0;   // the version it was fine-tuned from (0: trained from scratch / imported)
    std::string path;            // weights (.pt), with the sidecar JSON beside it
    std::string name, created;
    std::string sidecar;         // the sidecar JSON (architecture, classes, input size, normalisation)
    std::string metrics = "{}";  // JSON: per-class and mean metrics on the frozen validation split
    std::string dataHash;        // of the training data (images, slices and mask revisions)
    std::string author;          // who trained or added it
    double seconds = 0;          // training time
    bool active = false;         // the active version of its kind
    ModelKind kind = ModelKind::Automatic;   // from the sidecar (prompt channels)
};

enum class RunStatus { Running, Finished, Cancelled, Failed };
const char* runStatusName(RunStatus s);

struct TrainingRun {
    std::int64_t id = 0, baseModelId = 0, modelId = 0;
    RunStatus status = RunStatus::Finished;
    std::string settings, split, result, created;
    double seconds = 0;
    std::string author;
};

// One slice whose latest mask revision is a correction or an approval (what training may use).
struct ReviewedSlice {
    std::int64_t imageId = 0, revisionId = 0;
    int slice = 0;
};

struct MaskRevision {
    std::int64_t id = 0;
    MaskKind kind = MaskKind::Corrected;
    std::int64_t modelId = 0;   // the model version that drafted it (AI drafts), else 0
    std::string created;        // UTC, ISO 8601
    LabelMap labels;
    std::string author;         // who drew it (AI drafts: who ran the model)
    // Set on an edit refused because another member had stored a newer revision (this one's id):
    // kept, never current.
    std::int64_t refusedOver = 0;
    std::int64_t edits = 0;     // times its author's autosave replaced it since it began
    std::string note;           // how a tool made it ("consensus (STAPLE) of alice, bob"), else empty
};

// A ruler or an area outline drawn on an image, kept with its case. Its points are continuous voxel
// coordinates (x, y, z), so it shows on whichever plane it lies in, however the views are cut.
struct Measurement {
    std::string key;             // unique, chosen by the client that drew it
    bool closed = false;         // an area outline; else a ruler from the first point to the last
    std::vector<std::array<double, 3>> points;
    std::string author, created;
    std::string label; // the reader's name for it ("lesion 1, long axis"); empty: unnamed
};
// A measurement's label as it is kept: one line, trimmed, at most kMeasurementLabelBytes.
constexpr std::size_t kMeasurementLabelBytes = 64;
std::string cleanLabel(const std::string& label);

// A member's newest correction (or approval) of one slice, refused ones included.
struct Annotation {
    std::string author;
    int slice = 0;
    std::int64_t revisionId = 0;
};

// One state of a revision: an open one changes while its author keeps editing.
struct RevisionRef {
    std::int64_t id = 0, edits = 0;
    bool operator==(const RevisionRef& o) const { return id == o.id && edits == o.edits; }
    bool operator!=(const RevisionRef& o) const { return !(*this == o); }
};
inline RevisionRef refOf(const MaskRevision& r) { return {r.id, r.edits}; }

// What became of an edit committed with commitEdit().
struct EditCommit {
    std::int64_t id = 0;                 // the revision it is stored as
    std::optional<MaskRevision> newer;   // when refused: the other member's newer revision (no pixels)
};

// A workspace: cases and their images, every mask revision (AI drafts with their model,
// corrections, approvals), review status and comments, the class list, model versions and training
// runs, in one of two stores with the same schema and migrations:
// - a folder holding one SQLite database (workspace.sqlite, WAL mode, synchronous=FULL), one
//   process at a time: a second open() gets ImageError(Busy);
// - a PostgreSQL database, opened by URL (postgresql://host/dbname), shared by a team; the files
//   this client writes (model weights, reports) go to a folder of its own (localFolderFor).
// The schema is versioned and migrated on open. Every method is one transaction: once it returns,
// the change survives a crash of the process.
class Workspace {
public:
    static constexpr int kSchemaVersion = 6;
    static constexpr const char* kDatabaseName = "workspace.sqlite";

    // A folder, or a postgresql:// URL. Creates the folder and database (or the schema in an
    // empty PostgreSQL database) if needed, then opens it. Throws ImageError; a server that cannot
    // be reached is ImageError(NotFound). An empty (0-byte) SQLite file is ImageError(Corrupt),
    // never replaced by a new one.
    static std::unique_ptr<Workspace> open(const std::string& location);
    // The same for a workspace that must exist already: ImageError(NotFound) without one.
    static std::unique_ptr<Workspace> openExisting(const std::string& location);
    static std::string localFolderFor(const std::string& url); // $XDG_DATA_HOME/delineo/team/user@host_dbname
    static bool isServerUrl(const std::string& location);      // postgresql:// or postgres://
    // Another connection to this open workspace, for a second thread of the same process (a
    // fine-tune while autosave goes on); it shares this one's lock and must not outlive it.
    std::unique_ptr<Workspace> secondConnection() const;
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Who this client's changes are recorded as: every revision, review, comment, model version,
    // activation and training run carries it. Set per workspace, or for every workspace opened
    // later in this process (Preferences, --user); by default the OS login.
    const std::string& user() const { return user_; }
    void setUser(const std::string& name);
    static void setDefaultUser(const std::string& name);   // empty: the OS login
    static std::string defaultUser();

    const std::string& folder() const { return folder_; }       // where its files are
    const std::string& location() const { return location_; }   // the folder or the URL
    bool shared() const;                                          // a server several clients use
    // The key a team's de-identification derives pseudonyms and UIDs from, kept in its database
    // (made by the first client that asks), so every member's copies agree; opening a team
    // workspace puts it in this client's folder for it, where imports and exports read it.
    std::string teamPseudonymKey();
    int schemaVersion() const;
    bool integrityOk() const; // PRAGMA integrity_check

    std::vector<WorkspaceClass> classes() const;
    int numForeground() const;   // the highest class label, at least 1
    void setClasses(const std::vector<WorkspaceClass>& classes);

    std::int64_t addCase(const std::string& name);              // existing name: its id
    // Images are stored by absolute path; in a team workspace, one inside this client's own folder
    // for it (such as a series retrieved from the PACS) is stored relative to that folder, so every
    // member's copy of it is the same image.
    std::int64_t addImage(std::int64_t caseId, const std::string& path, int width, int height, int slices = 1);
    std::vector<CaseSummary> cases() const;
    std::vector<ImageEntry> images(std::int64_t caseId) const;
    std::optional<std::int64_t> imageId(const std::string& path) const;
    std::optional<std::string> caseOfImage(const std::string& path) const;
    std::vector<std::string> imagePaths() const;                // every image, by case then path
    void setReview(std::int64_t caseId, ReviewStatus status, const std::string& comment);
    // Leases on cases (several annotators at once): claim or renew one for this user; when another
    // user holds an unexpired lease, nothing changes and theirs is returned. The database's clock
    // decides expiry, so clients' clocks need not agree.
    static constexpr int kLeaseSeconds = 300;
    std::optional<CaseLease> claimCase(std::int64_t caseId, int seconds = kLeaseSeconds);
    void releaseCase(std::int64_t caseId);               // this user's lease only
    std::optional<CaseLease> caseLease(std::int64_t caseId) const; // the unexpired lease, if any

    // A new revision of one slice's mask. With `replaceOpen`, a corrected revision that is still
    // open (the autosave of the current editing session) is overwritten instead of adding a row.
    std::int64_t commitMask(std::int64_t imageId, int slice, const LabelMap& labels, MaskKind kind,
                            std::int64_t modelId = 0, bool replaceOpen = false);
    // A correction that began from the slice's revision `basedOn` ({}: the slice had none). When
    // another member has stored a newer one since (or saved theirs again), the edit is refused as the
    // slice's mask and kept as its own revision beside theirs (refusedOver), so nothing is lost;
    // `newer` names theirs. Later commits of the same session replace the refused revision until the
    // edit is based on theirs.
    EditCommit commitEdit(std::int64_t imageId, int slice, const LabelMap& labels, RevisionRef basedOn,
                          bool replaceOpen = true, MaskKind kind = MaskKind::Corrected);
    // Ends this user's open editing session of that slice: the next autosave starts a new revision.
    void closeRevision(std::int64_t imageId, int slice);
    std::optional<MaskRevision> latestMask(std::int64_t imageId, int slice) const;
    std::vector<MaskRevision> history(std::int64_t imageId, int slice) const; // oldest first, no pixels, refused too
    // Each member's newest correction or approval of each slice (not AI drafts, not consensus
    // revisions): what agreement between annotators is measured on. One query.
    std::vector<Annotation> annotations(std::int64_t imageId) const;
    // A consensus of members' masks, stored as this user's corrected revision with the note.
    std::int64_t commitConsensus(std::int64_t imageId, int slice, const LabelMap& labels, const std::string& note);
    std::optional<MaskRevision> revision(std::int64_t id) const;               // with pixels
    // A revision's pixels as stored (encodeLabelRuns), for a reader that keeps them packed.
    struct StoredRuns {
        int width = 0, height = 0;
        std::vector<std::uint8_t> runs;
    };
    std::optional<StoredRuns> revisionRuns(std::int64_t id) const;
    // The current revision of each slice that has one (no pixels; one query).
    std::vector<std::pair<int, MaskRevision>> latestRevisions(std::int64_t imageId) const;
    // Changes whenever any member stores a revision, a review decision, a slice status or a
    // measurement (added, changed or removed): the
    // clients of a team workspace poll it (one cheap query) to show each other's work.
    std::string changeStamp() const;
    // The kind of each slice's newest revision, for every slice of the image that has one (one query).
    std::vector<std::pair<int, MaskKind>> latestKinds(std::int64_t imageId) const;
    std::int64_t revisionCount() const;
    std::vector<std::pair<std::string, std::int64_t>> revisionsByAuthor() const; // most first
    std::int64_t modelCount() const;
    std::int64_t trainingRunCount() const;

    std::int64_t addModel(const std::string& path, const std::string& sidecarJson);
    std::int64_t addTrainingRun(std::int64_t modelId, const std::string& settingsJson, const std::string& splitJson,
                                const std::string& resultJson);

    // Model versions (WorkspaceModels.cpp). The first version of each kind added becomes active;
    // later ones only through promote(). rollback() re-activates the version active before the current one.
    std::int64_t addModelVersion(const ModelVersion& version);
    std::vector<ModelVersion> models() const;                   // oldest first
    std::optional<ModelVersion> model(std::int64_t id) const;
    std::optional<ModelVersion> activeModel(ModelKind kind = ModelKind::Automatic) const;
    void promote(std::int64_t id);                               // ImageError(NotFound) if unknown
    void setModelMetrics(std::int64_t id, const std::string& metricsJson);
    // Re-activates `to` (any earlier version), or with 0 the version of `kind` active before the current one.
    std::int64_t rollback(std::int64_t to = 0, ModelKind kind = ModelKind::Automatic); // ImageError(NotFound) if nothing earlier

    // Training runs: started as running, finished with their outcome. A run still "running" when
    // the workspace is opened belonged to a process that died: it is marked failed.
    std::int64_t startTrainingRun(std::int64_t baseModelId, const std::string& settingsJson, const std::string& splitJson);
    void finishTrainingRun(std::int64_t runId, RunStatus status, std::int64_t modelId, const std::string& resultJson,
                           double seconds);
    std::vector<TrainingRun> trainingRuns() const;

    // The frozen validation split: images held out of every fine-tune (chosen once, editable).
    std::vector<std::int64_t> validationImages() const;
    void setValidationImages(const std::vector<std::int64_t>& imageIds);
    // Slices whose latest revision is corrected or approved, in cases not rejected.
    std::vector<ReviewedSlice> reviewedSlices() const;
    std::optional<ImageEntry> image(std::int64_t imageId) const;
    // Review state of single slices/frames (the case has its own, setReview).
    void setSliceStatus(std::int64_t imageId, int slice, ReviewStatus status);
    std::vector<std::pair<int, ReviewStatus>> sliceStatuses(std::int64_t imageId) const;
    // Active learning: a model's uncertainty about an image (mean pixel entropy, 0..1).
    void setUncertainty(std::int64_t imageId, double score, std::int64_t modelId);
    std::vector<std::pair<std::int64_t, double>> uncertainties() const; // highest first
    // Measurements (WorkspaceMeasurements.cpp): adding a key that exists changes nothing; one without
    // author or time is recorded as this user's, now.
    void addMeasurement(std::int64_t imageId, const Measurement& m);
    std::vector<Measurement> measurements(std::int64_t imageId) const; // by the time each was drawn
    void removeMeasurement(const std::string& key);                     // an unknown key: nothing
    // New points or a new label for a kept measurement (an end dragged, a name given), its image,
    // kind, author and time kept from the store, and so its place among the image's. Other members'
    // windows see the change (changeStamp). False: no such key.
    bool updateMeasurement(const Measurement& m);

private:
    Workspace(std::string location, std::string folder, std::unique_ptr<SqlDatabase> db, int lockFd);
    void countMeasurementChange(); // within the caller's transaction
    static std::unique_ptr<Workspace> openServer(const std::string& url, bool create);
    void migrate();
    void failInterruptedRuns();
    void recordActivation(std::int64_t modelId, const char* action);
    std::string storedPath(const std::string& path) const;   // as the images table keeps it
    std::string filePath(const std::string& stored) const;   // back to this client's file
    EditCommit commit(std::int64_t imageId, int slice, const LabelMap& labels, MaskKind kind, std::int64_t modelId,
                      bool replaceOpen, const RevisionRef* basedOn, const std::string& note = {}); // basedOn none: no check

    std::string location_, folder_, user_;
    std::unique_ptr<SqlDatabase> db_;
    int lockFd_ = -1;
};

} // namespace delineo::core
