// The workspace store, the same tests on both backends: SQLite (a folder) and PostgreSQL (a real
// server the test starts, see PostgresServer.h).
#include "PostgresServer.h"
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/Workspace.h"

#include <filesystem>

using namespace delineo;
using delineo::test::TempDir;

namespace {

class WorkspaceStore : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(WorkspaceStore, SchemaCasesReviewsAndMaskRevisions)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    {
        auto ws = core::Workspace::open(location);
        EXPECT_EQ(ws->schemaVersion(), core::Workspace::kSchemaVersion);
        ws->setClasses({{1, "stomach", 255, 0, 0}, {4, "tumour", 0, 255, 0}});
        const auto c = ws->addCase("case7_day0");
        EXPECT_EQ(ws->addCase("case7_day0"), c);
        const auto img = ws->addImage(c, "case7/slice_0001.png", 64, 48, 1);
        core::LabelMap ai(64, 48);
        ai.at(3, 4) = 4;
        const auto model = ws->addModel("models/m.pt", "{\"architecture\":\"unet\"}");
        ws->commitMask(img, 0, ai, core::MaskKind::AiDraft, model);
        core::LabelMap edit = ai;
        edit.at(10, 10) = 1;
        ws->commitMask(img, 0, edit, core::MaskKind::Corrected, 0, true);
        edit.at(11, 10) = 1;
        ws->commitMask(img, 0, edit, core::MaskKind::Corrected, 0, true); // same editing session
        ws->closeRevision(img, 0);
        edit.at(12, 10) = 1;
        ws->commitMask(img, 0, edit, core::MaskKind::Corrected, 0, true); // a new session
        ws->setReview(c, core::ReviewStatus::Approved, "good");
        const auto vol = ws->addImage(c, "case7/volume.nii", 8, 8, 3);
        const core::LabelMap empty(8, 8);
        ws->commitMask(vol, 2, empty, core::MaskKind::AiDraft, model);
        ws->commitMask(vol, 0, empty, core::MaskKind::AiDraft, model);
        ws->commitMask(vol, 0, empty, core::MaskKind::Corrected, 0, true);
        ws->addTrainingRun(model, "{\"epochs\":5}", "{\"val\":[]}", "{\"dice\":0.8}");
    }
    auto ws = core::Workspace::open(location);
    EXPECT_TRUE(ws->integrityOk());
    ASSERT_EQ(ws->classes().size(), 2u);
    EXPECT_EQ(ws->classes()[1].name, "tumour");
    const auto img = *ws->imageId("case7/slice_0001.png");
    const auto history = ws->history(img, 0);
    ASSERT_EQ(history.size(), 3u); // AI draft, first session, second session
    EXPECT_EQ(history[0].kind, core::MaskKind::AiDraft);
    EXPECT_NE(history[0].modelId, 0);
    // The newest revision's kind per slice, as the slice-status strip shows it.
    const auto kinds = ws->latestKinds(*ws->imageId("case7/volume.nii"));
    ASSERT_EQ(kinds.size(), 2u);
    EXPECT_EQ(kinds[0].first, 0);
    EXPECT_EQ(kinds[0].second, core::MaskKind::Corrected);
    EXPECT_EQ(kinds[1].first, 2);
    EXPECT_EQ(kinds[1].second, core::MaskKind::AiDraft);
    const auto latest = ws->latestMask(img, 0);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->labels.at(12, 10), 1);
    EXPECT_EQ(latest->labels.at(3, 4), 4);
    const auto cases = ws->cases();
    ASSERT_EQ(cases.size(), 1u);
    EXPECT_EQ(cases[0].status, core::ReviewStatus::Approved);
    EXPECT_EQ(cases[0].comment, "good");
    EXPECT_EQ(cases[0].images, 2);
}


// Model versions of both kinds with promote and roll back, training runs, the frozen validation
// split, reviewed slices, slice review states and uncertainty, and a second connection.
TEST_P(WorkspaceStore, ModelVersionsRunsSplitsAndSliceStates)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto ws = core::Workspace::open(location);
    const auto c = ws->addCase("case1");
    const auto a = ws->addImage(c, "a.png", 16, 8), b = ws->addImage(c, "b.png", 16, 8);
    core::ModelVersion first;
    first.path = "models/v1.pt";
    first.sidecar = R"({"architecture":"unet"})";
    first.seconds = 12.5;
    const auto v1 = ws->addModelVersion(first);
    core::ModelVersion assist;
    assist.path = "models/assist.pt";
    assist.sidecar = R"({"architecture":"prompt_unet","promptChannels":4})";
    const auto i1 = ws->addModelVersion(assist);
    core::ModelVersion second = first;
    second.parentId = v1;
    second.name = "tuned";
    const auto v2 = ws->addModelVersion(second);
    EXPECT_EQ(ws->activeModel()->id, v1) << "the first version of each kind is active";
    EXPECT_EQ(ws->activeModel(core::ModelKind::Interactive)->id, i1);
    EXPECT_EQ(ws->model(v2)->parentId, v1);
    EXPECT_DOUBLE_EQ(ws->model(v1)->seconds, 12.5);
    EXPECT_EQ(ws->model(i1)->kind, core::ModelKind::Interactive);
    ws->promote(v2);
    EXPECT_EQ(ws->activeModel()->id, v2);
    EXPECT_EQ(ws->activeModel(core::ModelKind::Interactive)->id, i1) << "each kind has its own line";
    EXPECT_EQ(ws->rollback(), v1);
    EXPECT_THROW(ws->promote(999), core::ImageError);
    ws->setModelMetrics(v2, R"({"val":{"mean":{"dice":0.5}}})");
    EXPECT_EQ(ws->model(v2)->metrics, R"({"val":{"mean":{"dice":0.5}}})");
    const auto models = ws->models();
    ASSERT_EQ(models.size(), 3u);
    EXPECT_TRUE(models[0].active);
    EXPECT_FALSE(models[2].active);

    const auto run = ws->startTrainingRun(v1, R"({"epochs":2})", R"({"val":[1]})");
    ws->finishTrainingRun(run, core::RunStatus::Finished, v2, R"({"dice":0.5})", 3.25);
    const auto runs = ws->trainingRuns();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, core::RunStatus::Finished);
    EXPECT_EQ(runs[0].baseModelId, v1);
    EXPECT_EQ(runs[0].modelId, v2);
    EXPECT_DOUBLE_EQ(runs[0].seconds, 3.25);

    ws->setValidationImages({b});
    ws->setValidationImages({b, b});
    EXPECT_EQ(ws->validationImages(), std::vector<std::int64_t>{b});
    ws->commitMask(a, 0, core::LabelMap(16, 8), core::MaskKind::Corrected);
    ws->commitMask(b, 1, core::LabelMap(16, 8), core::MaskKind::AiDraft, v1);
    const auto reviewed = ws->reviewedSlices();
    ASSERT_EQ(reviewed.size(), 1u);
    EXPECT_EQ(reviewed[0].imageId, a);
    ws->setSliceStatus(b, 1, core::ReviewStatus::Approved);
    ws->setSliceStatus(b, 1, core::ReviewStatus::Rejected);
    const auto states = ws->sliceStatuses(b);
    ASSERT_EQ(states.size(), 1u);
    EXPECT_EQ(states[0].second, core::ReviewStatus::Rejected);
    ws->setUncertainty(a, 0.25, v1);
    ws->setUncertainty(b, 0.75, v1);
    const auto ranked = ws->uncertainties();
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].first, b);
    // A second connection (a fine-tune's thread) sees all of it and writes beside the first.
    auto other = ws->secondConnection();
    EXPECT_EQ(other->models().size(), 3u);
    other->commitMask(a, 0, core::LabelMap(16, 8), core::MaskKind::Approved);
    EXPECT_EQ(ws->history(a, 0).size(), 2u);
    EXPECT_EQ(ws->revisionCount(), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkspaceStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// A team's workspace: several clients open it at once (no lock as on a folder), each sees what
// the others committed; a database without a workspace and a server that is down are typed errors
// that name the server and never show the password.
TEST(WorkspaceStore, ATeamServerTakesSeveralClientsAtOnce)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    const std::string url = server->newDatabase();
    try {
        core::Workspace::openExisting(url);
        ADD_FAILURE() << "an empty database is not a workspace";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
    }
    auto annotator = core::Workspace::open(url);
    auto reviewer = core::Workspace::openExisting(url);
    EXPECT_TRUE(annotator->shared());
    EXPECT_EQ(annotator->location(), url);
    EXPECT_TRUE(std::filesystem::path(annotator->folder()).string().rfind(dir.file("xdg"), 0) == 0)
        << annotator->folder();
    const auto img = annotator->addImage(annotator->addCase("c"), "x.png", 4, 4);
    core::LabelMap m(4, 4);
    m.at(1, 2) = 3;
    annotator->commitMask(img, 0, m, core::MaskKind::Corrected);
    const auto seen = reviewer->latestMask(*reviewer->imageId("x.png"), 0);
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->labels.labels, m.labels);
    try {
        core::Workspace::open("postgresql://delineo:secret@" + std::string("127.0.0.1:1/nothing?connect_timeout=2"));
        ADD_FAILURE() << "nothing listens on port 1";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("127.0.0.1:1/nothing"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
    }
}
