#include "delineo/core/Workspace.h"
#include "delineo/core/Errors.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/PackedBytes.h"
#include "SqlDatabase.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

const char* kStatusNames[] = {"not_started", "ai_draft", "corrected", "approved", "rejected"};
const char* kKindNames[] = {"ai_draft", "corrected", "approved"};

MaskKind kindFromName(const std::string& n)
{
    for (int i = 0; i < 3; ++i)
        if (n == kKindNames[i])
            return static_cast<MaskKind>(i);
    throw ImageError(ErrorCode::Corrupt, "workspace: unknown mask kind '" + n + "'");
}


const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE classes(label INTEGER PRIMARY KEY, name TEXT NOT NULL, r INTEGER, g INTEGER, b INTEGER);
CREATE TABLE cases(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                   status TEXT NOT NULL DEFAULT 'not_started', comment TEXT NOT NULL DEFAULT '',
                   updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE images(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id), path TEXT NOT NULL UNIQUE,
                    width INTEGER NOT NULL, height INTEGER NOT NULL, slices INTEGER NOT NULL DEFAULT 1);
CREATE TABLE models(id INTEGER PRIMARY KEY, path TEXT NOT NULL, sidecar TEXT NOT NULL,
                    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                    promoted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE mask_revisions(id INTEGER PRIMARY KEY, image_id INTEGER NOT NULL REFERENCES images(id),
                    slice INTEGER NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('ai_draft','corrected','approved')),
                    model_id INTEGER REFERENCES models(id), open INTEGER NOT NULL DEFAULT 0,
                    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                    width INTEGER NOT NULL, height INTEGER NOT NULL, labels BLOB NOT NULL);
CREATE INDEX mask_revisions_by_slice ON mask_revisions(image_id, slice, id);
CREATE TABLE training_runs(id INTEGER PRIMARY KEY, model_id INTEGER REFERENCES models(id),
                    settings TEXT NOT NULL, split TEXT NOT NULL, result TEXT NOT NULL,
                    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
)sql";

// Model versions with lineage and metrics, activations (promote / roll back), training-run
// outcomes and the frozen validation split.
const char* kSchemaV2 = R"sql(
ALTER TABLE models ADD COLUMN parent_id INTEGER REFERENCES models(id);
ALTER TABLE models ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE models ADD COLUMN metrics TEXT NOT NULL DEFAULT '{}';
ALTER TABLE models ADD COLUMN data_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE models ADD COLUMN seconds REAL NOT NULL DEFAULT 0;
ALTER TABLE training_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'finished';
ALTER TABLE training_runs ADD COLUMN base_model_id INTEGER REFERENCES models(id);
ALTER TABLE training_runs ADD COLUMN seconds REAL NOT NULL DEFAULT 0;
CREATE TABLE model_activations(id INTEGER PRIMARY KEY, model_id INTEGER NOT NULL REFERENCES models(id),
                    action TEXT NOT NULL, created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE validation_images(image_id INTEGER PRIMARY KEY REFERENCES images(id));
CREATE TABLE slice_status(image_id INTEGER NOT NULL REFERENCES images(id), slice INTEGER NOT NULL,
                    status TEXT NOT NULL, PRIMARY KEY(image_id, slice));
ALTER TABLE images ADD COLUMN uncertainty REAL;
ALTER TABLE images ADD COLUMN uncertainty_model INTEGER REFERENCES models(id);
INSERT INTO model_activations(model_id, action) SELECT id, 'promote' FROM models WHERE promoted = 1;
)sql";

// Who made what: revisions, reviews (and a log of every review decision), model versions, their
// activations and training runs record the user; workspaces from before say ''.
const char* kSchemaV3 = R"sql(
ALTER TABLE mask_revisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE models ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE model_activations ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE training_runs ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE slice_status ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE TABLE review_events(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),
                    image_id INTEGER REFERENCES images(id), slice INTEGER, status TEXT NOT NULL,
                    comment TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
                    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE case_leases(case_id INTEGER PRIMARY KEY REFERENCES cases(id), holder TEXT NOT NULL,
                    expires INTEGER NOT NULL);
)sql";

// An edit refused over another member's newer revision is kept beside it, not made current; a
// revision made by a tool (a consensus of members' masks) says how in its note.
const char* kSchemaV4 = R"sql(
ALTER TABLE mask_revisions ADD COLUMN refused_over INTEGER;
ALTER TABLE mask_revisions ADD COLUMN edits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mask_revisions ADD COLUMN note TEXT NOT NULL DEFAULT '';
)sql";

// Rulers and area outlines kept with their image (voxel coordinates, "x y z;x y z").
const char* kSchemaV5 = R"sql(
CREATE TABLE measurements(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
                    image_id INTEGER NOT NULL REFERENCES images(id), closed INTEGER NOT NULL,
                    points TEXT NOT NULL, author TEXT NOT NULL DEFAULT '',
                    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE INDEX measurements_by_image ON measurements(image_id, id);
)sql";

// A measurement's name, given by its reader; a count of the changes to measurements, which the
// team's clients poll (a row's id alone misses one rewritten in place, or SQLite reusing the id of
// the newest after its removal).
const char* kSchemaV6 = R"sql(
ALTER TABLE measurements ADD COLUMN label TEXT NOT NULL DEFAULT '';
CREATE TABLE change_counts(what TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO change_counts(what, n) VALUES('measurements', 0);
)sql";

std::string& defaultUserName()
{
    static std::string name;
    return name;
}

} // namespace

const char* reviewStatusName(ReviewStatus s) { return kStatusNames[static_cast<int>(s)]; }

ReviewStatus reviewStatusFromName(const std::string& name)
{
    for (int i = 0; i < 5; ++i)
        if (name == kStatusNames[i])
            return static_cast<ReviewStatus>(i);
    throw ImageError(ErrorCode::Corrupt, "workspace: unknown review status '" + name + "'");
}

std::unique_ptr<Workspace> Workspace::openExisting(const std::string& location)
{
    if (isDatabaseUrl(location))
        return openServer(location, false);
    std::error_code ec;
    if (!fs::exists(fs::path(location) / kDatabaseName, ec))
        throw ImageError(ErrorCode::NotFound, "no workspace at " + location + " (no " + kDatabaseName + ")");
    return open(location);
}

std::unique_ptr<Workspace> Workspace::open(const std::string& location)
{
    if (isDatabaseUrl(location))
        return openServer(location, true);
    // Absolute: the paths it keeps (its DICOM copies, models) must not depend on where it was opened from.
    std::error_code ec;
    const std::string folder = location.empty() ? location : fs::absolute(location, ec).string();
    // SQLite takes an empty file for a new database: an emptied store must not come back blank.
    const fs::path db = fs::path(folder) / kDatabaseName;
    if (fs::exists(db, ec) && fs::is_regular_file(db, ec) && fs::file_size(db, ec) == 0 && !ec)
        throw ImageError(ErrorCode::Corrupt, db.string() + " is empty (0 bytes): it is not replaced by a new "
                                                           "workspace; restore it from a backup or remove it");
    fs::create_directories(folder, ec);
    if (!fs::is_directory(folder))
        throw ImageError(ErrorCode::WriteFailed, "cannot create workspace folder " + folder);
    // An advisory lock beside the database: one Delineo process per workspace.
    const std::string lockPath = (fs::path(folder) / "workspace.lock").string();
    const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw ImageError(ErrorCode::WriteFailed, "cannot write in workspace folder " + folder + " (read-only?)");
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        throw ImageError(ErrorCode::Busy, "workspace " + folder + " is open in another Delineo window or process");
    }
    std::unique_ptr<Workspace> ws;
    try {
        ws.reset(new Workspace(folder, folder, openSqlite(db.string()), fd));
    } catch (...) {
        ::close(fd);
        throw;
    }
    ws->migrate();
    ws->failInterruptedRuns();
    return ws;
}

std::unique_ptr<Workspace> Workspace::openServer(const std::string& url, bool create)
{
    auto db = openPostgres(url);
    if (!create && db->schemaVersion() == 0)
        throw ImageError(ErrorCode::NotFound, "no workspace in " + db->where() + " (create it with `delineo-cli workspace create`)");
    // Several clients share the database; files this client writes (models, reports) go to its
    // own folder for that server and database.
    std::unique_ptr<Workspace> ws(new Workspace(url, localFolderFor(url), std::move(db), -1));
    std::error_code ec;
    fs::create_directories(ws->folder_, ec);
    ws->migrate();
    try {
        adoptPseudonymKey(ws->folder_, ws->teamPseudonymKey());
    } catch (const ImageError&) {
        // A folder it cannot write: de-identifying there fails with this error when it is tried.
    }
    return ws;
}

std::string Workspace::teamPseudonymKey()
{
    const auto stored = [this] {
        Statement s(*db_, "SELECT value FROM meta WHERE key = 'pseudonym_key'");
        return s.step() ? s.text(0) : std::string();
    };
    if (std::string key = stored(); !key.empty())
        return key;
    // Made once: a second client racing the first keeps the key the first stored.
    Statement(*db_, "INSERT INTO meta(key, value) VALUES('pseudonym_key', ?) ON CONFLICT(key) DO NOTHING")
        .bind(1, newPseudonymKey())
        .step();
    return stored();
}

std::string Workspace::localFolderFor(const std::string& url)
{
    const char* data = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = data && *data ? fs::path(data) : fs::path(home && *home ? home : "/tmp") / ".local/share";
    // user@host:port/dbname, without a password or parameters.
    std::string rest = url.substr(url.find("://") + 3);
    rest = rest.substr(0, rest.find('?'));
    if (const auto at = rest.find('@'); at != std::string::npos)
        if (const auto colon = rest.find(':'); colon < at)
            rest.erase(colon, at - colon);
    std::string name;
    for (char c : rest)
        name += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '@' ? c : '_';
    return (base / "delineo" / "team" / name).string();
}

bool Workspace::isServerUrl(const std::string& location) { return isDatabaseUrl(location); }

namespace {
constexpr const char* kMemberFolder = "@member-folder/"; // a team image inside each member's own folder
}

std::string Workspace::storedPath(const std::string& path) const
{
    if (!isServerUrl(location_) || path.size() <= folder_.size() + 1 || path.compare(0, folder_.size(), folder_) != 0 ||
        path[folder_.size()] != '/')
        return path;
    return kMemberFolder + path.substr(folder_.size() + 1);
}

std::string Workspace::filePath(const std::string& stored) const
{
    const std::string prefix = kMemberFolder;
    return stored.rfind(prefix, 0) == 0 ? folder_ + "/" + stored.substr(prefix.size()) : stored;
}

std::optional<std::string> Workspace::caseOfImage(const std::string& path) const
{
    Statement s(*db_, "SELECT c.name FROM images i JOIN cases c ON c.id = i.case_id WHERE i.path = ?");
    if (!s.bind(1, storedPath(path)).step())
        return std::nullopt;
    return s.text(0);
}

std::vector<std::string> Workspace::imagePaths() const
{
    std::vector<std::string> out;
    Statement s(*db_, "SELECT i.path FROM images i JOIN cases c ON c.id = i.case_id ORDER BY c.name, i.path");
    while (s.step())
        out.push_back(filePath(s.text(0)));
    return out;
}

std::unique_ptr<Workspace> Workspace::secondConnection() const
{
    std::unique_ptr<Workspace> ws(new Workspace(location_, folder_, db_->reconnect(), -1));
    ws->user_ = user_;
    return ws;
}

Workspace::Workspace(std::string location, std::string folder, std::unique_ptr<SqlDatabase> db, int lockFd)
    : location_(std::move(location)), folder_(std::move(folder)), user_(defaultUser()), db_(std::move(db)), lockFd_(lockFd)
{
}

void Workspace::setUser(const std::string& name) { user_ = name.empty() ? defaultUser() : name; }

void Workspace::setDefaultUser(const std::string& name) { defaultUserName() = name; }

std::string Workspace::defaultUser()
{
    if (!defaultUserName().empty())
        return defaultUserName();
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name && *pw->pw_name)
        return pw->pw_name;
    const char* user = std::getenv("USER");
    return user && *user ? user : "unknown";
}

Workspace::~Workspace()
{
    db_.reset();
    if (lockFd_ >= 0)
        ::close(lockFd_); // releases the lock
}

bool Workspace::shared() const { return db_->server(); }

void Workspace::migrate()
{
    int version = db_->schemaVersion();
    if (version > kSchemaVersion)
        throw ImageError(ErrorCode::UnsupportedFormat, "workspace " + db_->where() + " was written by a newer Delineo (schema " +
                                                           std::to_string(version) + ")");
    if (version == kSchemaVersion)
        return;
    Transaction t(*db_);
    db_->lockSchema();
    version = db_->schemaVersion(); // another client may have migrated meanwhile
    if (version < 1) {
        db_->exec(db_->schema(kSchemaV1));
        db_->exec("INSERT INTO meta(key, value) VALUES('created', " DELINEO_SQL_NOW ")");
    }
    if (version < 2)
        db_->exec(db_->schema(kSchemaV2));
    if (version < 3)
        db_->exec(db_->schema(kSchemaV3));
    if (version < 4)
        db_->exec(db_->schema(kSchemaV4));
    if (version < 5)
        db_->exec(db_->schema(kSchemaV5));
    if (version < 6)
        db_->exec(db_->schema(kSchemaV6));
    // Later versions: `if (version < 7) { ... }`, each step in this transaction, on both backends.
    if (version < kSchemaVersion)
        db_->setSchemaVersion(kSchemaVersion);
    t.commit();
}

int Workspace::schemaVersion() const { return db_->schemaVersion(); }

bool Workspace::integrityOk() const { return db_->integrityOk(); }

int Workspace::numForeground() const
{
    int n = 0;
    for (const auto& c : classes())
        n = std::max(n, c.label);
    return std::max(1, n);
}

std::string numberedClassName(int label) { return "class " + std::to_string(label); }

std::string classNameOf(const std::vector<WorkspaceClass>& classes, int label)
{
    for (const WorkspaceClass& c : classes)
        if (c.label == label)
            return c.name;
    return numberedClassName(label);
}

std::vector<WorkspaceClass> mergedClasses(std::vector<WorkspaceClass> have, const std::vector<WorkspaceClass>& more,
                                          bool replace)
{
    for (const auto& c : more) {
        auto it = std::find_if(have.begin(), have.end(), [&](const WorkspaceClass& k) { return k.label == c.label; });
        if (it == have.end())
            have.push_back(c);
        else if (replace)
            *it = c;
    }
    std::sort(have.begin(), have.end(), [](const WorkspaceClass& a, const WorkspaceClass& b) { return a.label < b.label; });
    return have;
}

std::vector<WorkspaceClass> Workspace::classes() const
{
    std::vector<WorkspaceClass> out;
    Statement s(*db_, "SELECT label, name, r, g, b FROM classes ORDER BY label");
    while (s.step())
        out.push_back({static_cast<int>(s.integer(0)), s.text(1), static_cast<std::uint8_t>(s.integer(2)),
                       static_cast<std::uint8_t>(s.integer(3)), static_cast<std::uint8_t>(s.integer(4))});
    return out;
}

void Workspace::setClasses(const std::vector<WorkspaceClass>& classes)
{
    Transaction t(*db_);
    Statement(*db_, "DELETE FROM classes").step();
    for (const auto& c : classes)
        Statement(*db_, "INSERT INTO classes(label, name, r, g, b) VALUES(?, ?, ?, ?, ?)")
            .bind(1, c.label).bind(2, c.name).bind(3, c.r).bind(4, c.g).bind(5, c.b).step();
    t.commit();
}

std::int64_t Workspace::addCase(const std::string& name)
{
    Statement(*db_, "INSERT INTO cases(name) VALUES(?) ON CONFLICT DO NOTHING").bind(1, name).step();
    Statement s(*db_, "SELECT id FROM cases WHERE name = ?");
    s.bind(1, name).step();
    return s.integer(0);
}

std::int64_t Workspace::addImage(std::int64_t caseId, const std::string& path, int width, int height, int slices)
{
    Statement(*db_, "INSERT INTO images(case_id, path, width, height, slices) VALUES(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .bind(1, caseId).bind(2, storedPath(path)).bind(3, width).bind(4, height).bind(5, slices).step();
    return *imageId(path);
}

std::optional<std::int64_t> Workspace::imageId(const std::string& path) const
{
    Statement s(*db_, "SELECT id FROM images WHERE path = ?");
    if (!s.bind(1, storedPath(path)).step())
        return std::nullopt;
    return s.integer(0);
}

std::vector<CaseSummary> Workspace::cases() const
{
    std::vector<CaseSummary> out;
    Statement s(*db_, "SELECT c.id, c.name, c.status, c.comment, COUNT(i.id), c.reviewer FROM cases c "
                     "LEFT JOIN images i ON i.case_id = c.id GROUP BY c.id ORDER BY c.name");
    while (s.step())
        out.push_back({s.integer(0), s.text(1), reviewStatusFromName(s.text(2)), s.text(3), static_cast<int>(s.integer(4)),
                       s.text(5)});
    return out;
}

std::vector<ImageEntry> Workspace::images(std::int64_t caseId) const
{
    std::vector<ImageEntry> out;
    Statement s(*db_, "SELECT id, path, width, height, slices FROM images WHERE case_id = ? ORDER BY path");
    s.bind(1, caseId);
    while (s.step())
        out.push_back({s.integer(0), filePath(s.text(1)), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                       static_cast<int>(s.integer(4))});
    return out;
}

void Workspace::setReview(std::int64_t caseId, ReviewStatus status, const std::string& comment)
{
    Transaction t(*db_);
    Statement(*db_, "UPDATE cases SET status = ?, comment = ?, reviewer = ?, updated = " DELINEO_SQL_NOW " WHERE id = ?")
        .bind(1, std::string(reviewStatusName(status))).bind(2, comment).bind(3, user_).bind(4, caseId).step();
    Statement(*db_, "INSERT INTO review_events(case_id, status, comment, author) VALUES(?, ?, ?, ?)")
        .bind(1, caseId).bind(2, reviewStatusName(status)).bind(3, comment).bind(4, user_).step();
    t.commit();
}

std::optional<CaseLease> Workspace::claimCase(std::int64_t caseId, int seconds)
{
    Transaction t(*db_);
    // Taken when free, expired, or already ours (a renewal); someone else's live lease stays.
    Statement(*db_, "INSERT INTO case_leases(case_id, holder, expires) VALUES(?, ?, " DELINEO_SQL_EPOCH " + ?) "
                    "ON CONFLICT(case_id) DO UPDATE SET holder = excluded.holder, expires = excluded.expires "
                    "WHERE case_leases.holder = excluded.holder OR case_leases.expires <= " DELINEO_SQL_EPOCH)
        .bind(1, caseId).bind(2, user_).bind(3, seconds).step();
    auto lease = caseLease(caseId);
    t.commit();
    if (lease && lease->holder != user_)
        return lease;
    return std::nullopt;
}

void Workspace::releaseCase(std::int64_t caseId)
{
    Statement(*db_, "DELETE FROM case_leases WHERE case_id = ? AND holder = ?").bind(1, caseId).bind(2, user_).step();
}

std::optional<CaseLease> Workspace::caseLease(std::int64_t caseId) const
{
    Statement s(*db_, "SELECT holder, expires - " DELINEO_SQL_EPOCH " FROM case_leases WHERE case_id = ? AND expires > "
                      DELINEO_SQL_EPOCH);
    if (!s.bind(1, caseId).step())
        return std::nullopt;
    return CaseLease{s.text(0), s.integer(1)};
}

std::int64_t Workspace::commitMask(std::int64_t imageId, int slice, const LabelMap& labels, MaskKind kind,
                                   std::int64_t modelId, bool replaceOpen)
{
    return commit(imageId, slice, labels, kind, modelId, replaceOpen, nullptr).id;
}

std::int64_t Workspace::commitConsensus(std::int64_t imageId, int slice, const LabelMap& labels, const std::string& note)
{
    return commit(imageId, slice, labels, MaskKind::Corrected, 0, false, nullptr, note).id;
}

std::vector<Annotation> Workspace::annotations(std::int64_t imageId) const
{
    std::vector<Annotation> out;
    Statement s(*db_, "SELECT r.author, r.slice, r.id FROM mask_revisions r WHERE r.image_id = ? AND r.id = "
                      "(SELECT MAX(id) FROM mask_revisions WHERE image_id = r.image_id AND slice = r.slice AND "
                      "author = r.author AND kind != 'ai_draft' AND note = '') ORDER BY r.slice, r.author");
    s.bind(1, imageId);
    while (s.step())
        out.push_back({s.text(0), static_cast<int>(s.integer(1)), s.integer(2)});
    return out;
}

EditCommit Workspace::commitEdit(std::int64_t imageId, int slice, const LabelMap& labels, RevisionRef basedOn,
                                 bool replaceOpen, MaskKind kind)
{
    return commit(imageId, slice, labels, kind, 0, replaceOpen, &basedOn);
}

EditCommit Workspace::commit(std::int64_t imageId, int slice, const LabelMap& labels, MaskKind kind,
                             std::int64_t modelId, bool replaceOpen, const RevisionRef* basedOn, const std::string& note)
{
    const auto blob = encodeLabelRuns(labels); // outside the transaction: the lock is held briefly
    Transaction t(*db_);
    // Writers of one image take turns (a row lock on PostgreSQL; SQLite has one writer anyway), so
    // two members committing at once cannot both see the same newest revision.
    Statement(*db_, "UPDATE images SET id = id WHERE id = ?").bind(1, imageId).step();
    EditCommit out;
    std::int64_t refusedOver = 0;
    if (basedOn) {
        // Newer: another revision, or the same one saved again by its author's autosave since.
        Statement head(*db_, "SELECT id, kind, COALESCE(model_id, 0), created, author, edits FROM mask_revisions "
                             "WHERE image_id = ? AND slice = ? AND refused_over IS NULL ORDER BY id DESC LIMIT 1");
        if (head.bind(1, imageId).bind(2, slice).step() && head.text(4) != user_ &&
            RevisionRef{head.integer(0), head.integer(5)} != *basedOn) {
            out.newer = MaskRevision{head.integer(0), kindFromName(head.text(1)), head.integer(2), head.text(3), {},
                                     head.text(4), 0, head.integer(5)};
            refusedOver = out.newer->id;
        }
    }
    std::int64_t id = 0;
    if (replaceOpen && kind == MaskKind::Corrected) {
        // Only this user's own session, and only while it is the slice's newest revision of its
        // standing (current, or refused over the same revision): a colleague's revision in between
        // starts a new one.
        Statement open(*db_, "SELECT id, open, author FROM mask_revisions WHERE image_id = ? AND slice = ? "
                             "AND COALESCE(refused_over, 0) = ? ORDER BY id DESC LIMIT 1");
        if (open.bind(1, imageId).bind(2, slice).bind(3, refusedOver).step() && open.integer(1) == 1 &&
            open.text(2) == user_)
            id = open.integer(0);
    }
    if (id) {
        Statement(*db_, "UPDATE mask_revisions SET labels = ?, width = ?, height = ?, edits = edits + 1, "
                       "created = " DELINEO_SQL_NOW_MS " WHERE id = ?")
            .bindBlob(1, blob).bind(2, labels.width).bind(3, labels.height).bind(4, id).step();
    } else {
        Statement(*db_, "UPDATE mask_revisions SET open = 0 WHERE image_id = ? AND slice = ? AND open = 1 AND author = ?")
            .bind(1, imageId).bind(2, slice).bind(3, user_).step();
        Statement ins(*db_, "INSERT INTO mask_revisions(image_id, slice, kind, model_id, open, width, height, labels, "
                            "author, refused_over, note) VALUES(?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, NULLIF(?, 0), ?) "
                            "RETURNING id");
        ins.bind(1, imageId).bind(2, slice).bind(3, std::string(kKindNames[static_cast<int>(kind)])).bind(4, modelId)
            .bind(5, replaceOpen && kind == MaskKind::Corrected ? 1 : 0).bind(6, labels.width).bind(7, labels.height)
            .bindBlob(8, blob).bind(9, user_).bind(10, refusedOver).bind(11, note);
        id = ins.insertedId();
    }
    t.commit();
    out.id = id;
    return out;
}

void Workspace::closeRevision(std::int64_t imageId, int slice)
{
    Statement(*db_, "UPDATE mask_revisions SET open = 0 WHERE image_id = ? AND slice = ? AND open = 1 AND author = ?")
        .bind(1, imageId).bind(2, slice).bind(3, user_).step();
}

std::optional<MaskRevision> Workspace::latestMask(std::int64_t imageId, int slice) const
{
    Statement s(*db_, "SELECT id, kind, COALESCE(model_id, 0), created, width, height, labels, author, edits "
                     "FROM mask_revisions WHERE image_id = ? AND slice = ? AND refused_over IS NULL ORDER BY id DESC LIMIT 1");
    if (!s.bind(1, imageId).bind(2, slice).step())
        return std::nullopt;
    MaskRevision r{s.integer(0), kindFromName(s.text(1)), s.integer(2), s.text(3), {}, s.text(7), 0, s.integer(8)};
    const std::vector<std::uint8_t> data = s.blob(6);
    r.labels = decodeLabelRuns(data.data(), data.size(), static_cast<int>(s.integer(4)), static_cast<int>(s.integer(5)));
    return r;
}

std::vector<MaskRevision> Workspace::history(std::int64_t imageId, int slice) const
{
    std::vector<MaskRevision> out;
    Statement s(*db_, "SELECT id, kind, COALESCE(model_id, 0), created, author, COALESCE(refused_over, 0), edits, note "
                      "FROM mask_revisions WHERE image_id = ? AND slice = ? ORDER BY id");
    s.bind(1, imageId).bind(2, slice);
    while (s.step())
        out.push_back({s.integer(0), kindFromName(s.text(1)), s.integer(2), s.text(3), {}, s.text(4), s.integer(5),
                       s.integer(6), s.text(7)});
    return out;
}

std::optional<MaskRevision> Workspace::revision(std::int64_t id) const
{
    Statement s(*db_, "SELECT id, kind, COALESCE(model_id, 0), created, width, height, labels, author, "
                      "COALESCE(refused_over, 0), edits FROM mask_revisions WHERE id = ?");
    if (!s.bind(1, id).step())
        return std::nullopt;
    MaskRevision r{s.integer(0), kindFromName(s.text(1)), s.integer(2), s.text(3), {}, s.text(7), s.integer(8),
                   s.integer(9)};
    const std::vector<std::uint8_t> data = s.blob(6);
    r.labels = decodeLabelRuns(data.data(), data.size(), static_cast<int>(s.integer(4)), static_cast<int>(s.integer(5)));
    return r;
}

std::optional<Workspace::StoredRuns> Workspace::revisionRuns(std::int64_t id) const
{
    Statement s(*db_, "SELECT width, height, labels FROM mask_revisions WHERE id = ?");
    if (!s.bind(1, id).step())
        return std::nullopt;
    return StoredRuns{static_cast<int>(s.integer(0)), static_cast<int>(s.integer(1)), s.blob(2)};
}

std::vector<std::pair<int, MaskRevision>> Workspace::latestRevisions(std::int64_t imageId) const
{
    std::vector<std::pair<int, MaskRevision>> out;
    Statement s(*db_, "SELECT r.slice, r.id, r.kind, COALESCE(r.model_id, 0), r.created, r.author, r.edits FROM mask_revisions r "
                      "WHERE r.image_id = ? AND r.id = (SELECT MAX(id) FROM mask_revisions WHERE image_id = r.image_id "
                      "AND slice = r.slice AND refused_over IS NULL) ORDER BY r.slice");
    s.bind(1, imageId);
    while (s.step())
        out.push_back({static_cast<int>(s.integer(0)),
                       MaskRevision{s.integer(1), kindFromName(s.text(2)), s.integer(3), s.text(4), {}, s.text(5), 0,
                                    s.integer(6)}});
    return out;
}

std::vector<std::pair<int, MaskKind>> Workspace::latestKinds(std::int64_t imageId) const
{
    std::vector<std::pair<int, MaskKind>> out;
    for (const auto& [z, r] : latestRevisions(imageId))
        out.push_back({z, r.kind});
    return out;
}

std::string Workspace::changeStamp() const
{
    // Measurements: the count of their changes (added, changed, removed).
    Statement s(*db_, "SELECT (SELECT COALESCE(MAX(id), 0) FROM mask_revisions), "
                      "(SELECT COALESCE(MAX(created), '') FROM mask_revisions), "
                      "(SELECT COALESCE(MAX(id), 0) FROM review_events), "
                      "(SELECT n FROM change_counts WHERE what = 'measurements')");
    s.step();
    return std::to_string(s.integer(0)) + '/' + s.text(1) + '/' + std::to_string(s.integer(2)) + '/' +
           std::to_string(s.integer(3));
}

std::int64_t Workspace::revisionCount() const
{
    Statement s(*db_, "SELECT COUNT(*) FROM mask_revisions");
    s.step();
    return s.integer(0);
}

std::vector<std::pair<std::string, std::int64_t>> Workspace::revisionsByAuthor() const
{
    std::vector<std::pair<std::string, std::int64_t>> out;
    Statement s(*db_, "SELECT author, COUNT(*) FROM mask_revisions GROUP BY author ORDER BY COUNT(*) DESC, author");
    while (s.step())
        out.emplace_back(s.text(0), s.integer(1));
    return out;
}

std::int64_t Workspace::modelCount() const
{
    Statement s(*db_, "SELECT COUNT(*) FROM models");
    s.step();
    return s.integer(0);
}

std::int64_t Workspace::trainingRunCount() const
{
    Statement s(*db_, "SELECT COUNT(*) FROM training_runs");
    s.step();
    return s.integer(0);
}

} // namespace delineo::core
