// Workspace: model versions, activations, training runs, the frozen validation split, slice
// review states and uncertainty scores.
#include "delineo/core/Workspace.h"
#include "SqlDatabase.h"

namespace delineo::core {

namespace {

const char* kRunNames[] = {"running", "finished", "cancelled", "failed"};

RunStatus runStatusFromName(const std::string& n)
{
    for (int i = 0; i < 4; ++i)
        if (n == kRunNames[i])
            return static_cast<RunStatus>(i);
    throw ImageError(ErrorCode::Corrupt, "workspace: unknown training run status '" + n + "'");
}

// A version is interactive when its sidecar has prompt channels; each kind has its own active line.
// 1 or 0 (an integer in both backends); PostgreSQL reads json_extract as its own JSON operator.
#define DELINEO_KIND_OF(table) "(CASE WHEN COALESCE(json_extract(" table ".sidecar, '$.promptChannels'), 0) > 0 THEN 1 ELSE 0 END)"
const char* kKindOfM = DELINEO_KIND_OF("m");
// The latest activation among versions of the kind given as parameter ?K.
#define DELINEO_ACTIVE_OF_KIND(param)                                                                      \
    "(SELECT a.model_id FROM model_activations a JOIN models k ON k.id = a.model_id WHERE " DELINEO_KIND_OF("k") \
    " = " param " ORDER BY a.id DESC LIMIT 1)"
const char* kModelColumns =
    "m.id, COALESCE(m.parent_id, 0), m.path, m.name, m.created, m.sidecar, m.metrics, m.data_hash, m.seconds, m.author, "
    "CASE WHEN m.id IN (SELECT a.model_id FROM model_activations a JOIN models k ON k.id = a.model_id WHERE a.id IN "
    "(SELECT MAX(b.id) FROM model_activations b JOIN models j ON j.id = b.model_id GROUP BY " DELINEO_KIND_OF("j") ")) THEN 1 ELSE 0 END, "
    DELINEO_KIND_OF("m");

ModelVersion modelFrom(const Statement& s)
{
    ModelVersion v;
    v.id = s.integer(0);
    v.parentId = s.integer(1);
    v.path = s.text(2);
    v.name = s.text(3);
    v.created = s.text(4);
    v.sidecar = s.text(5);
    v.metrics = s.text(6);
    v.dataHash = s.text(7);
    v.seconds = s.real(8);
    v.author = s.text(9);
    v.active = s.integer(10) != 0;
    v.kind = s.integer(11) ? ModelKind::Interactive : ModelKind::Automatic;
    return v;
}

} // namespace

const char* runStatusName(RunStatus s) { return kRunNames[static_cast<int>(s)]; }

std::int64_t Workspace::addModel(const std::string& path, const std::string& sidecarJson)
{
    ModelVersion v;
    v.path = path;
    v.sidecar = sidecarJson;
    return addModelVersion(v);
}

std::int64_t Workspace::addModelVersion(const ModelVersion& v)
{
    Transaction t(*db_);
    Statement insert(*db_, "INSERT INTO models(path, sidecar, parent_id, name, metrics, data_hash, seconds, author) "
                   "VALUES(?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, v.path).bind(2, v.sidecar).bind(3, v.parentId).bind(4, v.name)
        .bind(5, v.metrics.empty() ? std::string("{}") : v.metrics).bind(6, v.dataHash).bind(7, v.seconds)
        .bind(8, v.author.empty() ? user_ : v.author);
    const std::int64_t id = insert.insertedId();
    // The first version of its kind becomes that kind's active one.
    Statement first(*db_, std::string("SELECT COUNT(*) FROM model_activations a JOIN models k ON k.id = a.model_id "
                                     "WHERE ") + DELINEO_KIND_OF("k") + " = (SELECT " + kKindOfM + " FROM models m WHERE m.id = ?)");
    first.bind(1, id);
    first.step();
    if (first.integer(0) == 0)
        recordActivation(id, "promote");
    t.commit();
    return id;
}

std::vector<ModelVersion> Workspace::models() const
{
    std::vector<ModelVersion> out;
    Statement s(*db_, std::string("SELECT ") + kModelColumns + " FROM models m ORDER BY m.id");
    while (s.step())
        out.push_back(modelFrom(s));
    return out;
}

std::optional<ModelVersion> Workspace::model(std::int64_t id) const
{
    Statement s(*db_, std::string("SELECT ") + kModelColumns + " FROM models m WHERE m.id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return modelFrom(s);
}

std::optional<ModelVersion> Workspace::activeModel(ModelKind kind) const
{
    Statement s(*db_, std::string("SELECT ") + kModelColumns + " FROM models m WHERE m.id = " DELINEO_ACTIVE_OF_KIND("?"));
    s.bind(1, kind == ModelKind::Interactive ? 1 : 0);
    if (!s.step())
        return std::nullopt;
    return modelFrom(s);
}

void Workspace::promote(std::int64_t id)
{
    if (!model(id))
        throw ImageError(ErrorCode::NotFound, "workspace has no model version " + std::to_string(id));
    recordActivation(id, "promote");
}

void Workspace::setModelMetrics(std::int64_t id, const std::string& metricsJson)
{
    Statement(*db_, "UPDATE models SET metrics = ? WHERE id = ?").bind(1, metricsJson).bind(2, id).step();
}

std::int64_t Workspace::rollback(std::int64_t to, ModelKind kind)
{
    if (to) {
        if (!model(to))
            throw ImageError(ErrorCode::NotFound, "workspace has no model version " + std::to_string(to));
        recordActivation(to, "rollback");
        return to;
    }
    const auto current = activeModel(kind);
    if (!current)
        throw ImageError(ErrorCode::NotFound, "workspace has no active model to roll back");
    // The most recent activation of another version of the same kind before the current one's
    // latest activation.
    Statement s(*db_, std::string("SELECT a.model_id FROM model_activations a JOIN models k ON k.id = a.model_id "
                                 "WHERE a.model_id != ? AND ") + DELINEO_KIND_OF("k") + " = ? AND a.id < "
                     "(SELECT MAX(id) FROM model_activations WHERE model_id = ?) ORDER BY a.id DESC LIMIT 1");
    s.bind(1, current->id).bind(2, kind == ModelKind::Interactive ? 1 : 0).bind(3, current->id);
    if (!s.step())
        throw ImageError(ErrorCode::NotFound, "no earlier active model version to roll back to");
    const std::int64_t previous = s.integer(0);
    recordActivation(previous, "rollback");
    return previous;
}

std::int64_t Workspace::addTrainingRun(std::int64_t modelId, const std::string& settingsJson,
                                       const std::string& splitJson, const std::string& resultJson)
{
    Statement s(*db_, "INSERT INTO training_runs(model_id, settings, split, result, author) VALUES(NULLIF(?, 0), ?, ?, ?, ?) "
                      "RETURNING id");
    return s.bind(1, modelId).bind(2, settingsJson).bind(3, splitJson).bind(4, resultJson).bind(5, user_).insertedId();
}

std::int64_t Workspace::startTrainingRun(std::int64_t baseModelId, const std::string& settingsJson,
                                         const std::string& splitJson)
{
    Statement s(*db_, "INSERT INTO training_runs(base_model_id, settings, split, result, status, author) "
                      "VALUES(NULLIF(?, 0), ?, ?, '{}', 'running', ?) RETURNING id");
    return s.bind(1, baseModelId).bind(2, settingsJson).bind(3, splitJson).bind(4, user_).insertedId();
}

void Workspace::finishTrainingRun(std::int64_t runId, RunStatus status, std::int64_t modelId,
                                  const std::string& resultJson, double seconds)
{
    Statement(*db_, "UPDATE training_runs SET status = ?, model_id = NULLIF(?, 0), result = ?, seconds = ? WHERE id = ?")
        .bind(1, runStatusName(status)).bind(2, modelId).bind(3, resultJson.empty() ? std::string("{}") : resultJson)
        .bind(4, seconds).bind(5, runId).step();
}

void Workspace::failInterruptedRuns()
{
    Statement(*db_, "UPDATE training_runs SET status = 'failed', "
                   "result = ? WHERE status = 'running'")
        .bind(1, R"({"error":"interrupted: the process ended during training"})")
        .step();
}

std::vector<TrainingRun> Workspace::trainingRuns() const
{
    std::vector<TrainingRun> out;
    Statement s(*db_, "SELECT id, COALESCE(base_model_id, 0), COALESCE(model_id, 0), status, settings, split, result, "
                     "created, seconds, author FROM training_runs ORDER BY id");
    while (s.step()) {
        TrainingRun r;
        r.id = s.integer(0);
        r.baseModelId = s.integer(1);
        r.modelId = s.integer(2);
        r.status = runStatusFromName(s.text(3));
        r.settings = s.text(4);
        r.split = s.text(5);
        r.result = s.text(6);
        r.created = s.text(7);
        r.seconds = s.real(8);
        r.author = s.text(9);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::int64_t> Workspace::validationImages() const
{
    std::vector<std::int64_t> out;
    Statement s(*db_, "SELECT image_id FROM validation_images ORDER BY image_id");
    while (s.step())
        out.push_back(s.integer(0));
    return out;
}

void Workspace::setValidationImages(const std::vector<std::int64_t>& ids)
{
    Transaction t(*db_);
    Statement(*db_, "DELETE FROM validation_images").step();
    for (std::int64_t id : ids)
        Statement(*db_, "INSERT INTO validation_images(image_id) VALUES(?) ON CONFLICT DO NOTHING").bind(1, id).step();
    t.commit();
}

std::vector<ReviewedSlice> Workspace::reviewedSlices() const
{
    std::vector<ReviewedSlice> out;
    Statement s(*db_, "SELECT r.image_id, r.slice, r.id FROM mask_revisions r "
                     "JOIN images i ON i.id = r.image_id JOIN cases c ON c.id = i.case_id "
                     "WHERE c.status != 'rejected' AND r.kind != 'ai_draft' AND r.id = "
                     "(SELECT MAX(id) FROM mask_revisions WHERE image_id = r.image_id AND slice = r.slice "
                     "AND refused_over IS NULL) ORDER BY r.image_id, r.slice");
    while (s.step())
        out.push_back({s.integer(0), s.integer(2), static_cast<int>(s.integer(1))});
    return out;
}

std::optional<ImageEntry> Workspace::image(std::int64_t imageId) const
{
    Statement s(*db_, "SELECT id, path, width, height, slices FROM images WHERE id = ?");
    s.bind(1, imageId);
    if (!s.step())
        return std::nullopt;
    return ImageEntry{s.integer(0), filePath(s.text(1)), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                      static_cast<int>(s.integer(4))};
}

void Workspace::setUncertainty(std::int64_t imageId, double score, std::int64_t modelId)
{
    Statement(*db_, "UPDATE images SET uncertainty = ?, uncertainty_model = NULLIF(?, 0) WHERE id = ?")
        .bind(1, score).bind(2, modelId).bind(3, imageId).step();
}

std::vector<std::pair<std::int64_t, double>> Workspace::uncertainties() const
{
    std::vector<std::pair<std::int64_t, double>> out;
    Statement s(*db_, "SELECT id, uncertainty FROM images WHERE uncertainty IS NOT NULL ORDER BY uncertainty DESC, id");
    while (s.step())
        out.push_back({s.integer(0), s.real(1)});
    return out;
}

void Workspace::setSliceStatus(std::int64_t imageId, int slice, ReviewStatus status)
{
    Transaction t(*db_);
    Statement(*db_, "INSERT INTO slice_status(image_id, slice, status, author) VALUES(?, ?, ?, ?) "
                   "ON CONFLICT(image_id, slice) DO UPDATE SET status = excluded.status, author = excluded.author")
        .bind(1, imageId).bind(2, slice).bind(3, reviewStatusName(status)).bind(4, user_).step();
    Statement(*db_, "INSERT INTO review_events(case_id, image_id, slice, status, author) "
                   "SELECT case_id, id, ?, ?, ? FROM images WHERE id = ?")
        .bind(1, slice).bind(2, reviewStatusName(status)).bind(3, user_).bind(4, imageId).step();
    t.commit();
}

void Workspace::recordActivation(std::int64_t modelId, const char* action)
{
    Statement(*db_, "INSERT INTO model_activations(model_id, action, author) VALUES(?, ?, ?)")
        .bind(1, modelId).bind(2, action).bind(3, user_).step();
}

std::vector<std::pair<int, ReviewStatus>> Workspace::sliceStatuses(std::int64_t imageId) const
{
    std::vector<std::pair<int, ReviewStatus>> out;
    Statement s(*db_, "SELECT slice, status FROM slice_status WHERE image_id = ? ORDER BY slice");
    s.bind(1, imageId);
    while (s.step())
        out.push_back({static_cast<int>(s.integer(0)), reviewStatusFromName(s.text(1))});
    return out;
}

} // namespace delineo::core
