// The workspace store, the same tests on both backends: SQLite (a folder) and PostgreSQL (a real
// server the test starts, see PostgresServer.h).
#include "PostgresServer.h"
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/Workspace.h"

#include <filesystem>
#include <map>
#include <set>

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

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

// Identity: every revision, review, model version, activation and training run records who made
// it (the login by default, or a name); a member's open editing session is never overwritten by
// another member's autosave, each gets its own revision.
TEST_P(WorkspaceStore, EveryChangeRecordsWhoMadeIt)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto alice = core::Workspace::open(location);
    EXPECT_EQ(alice->user(), core::Workspace::defaultUser());
    EXPECT_FALSE(alice->user().empty());
    alice->setUser("alice");
    auto bob = alice->secondConnection(); // another member (or, on a folder, another thread)
    bob->setUser("bob");
    const auto c = alice->addCase("case1");
    const auto img = alice->addImage(c, "a.png", 8, 8);
    core::LabelMap m(8, 8);
    m.at(1, 1) = 1;
    alice->commitMask(img, 0, m, core::MaskKind::Corrected, 0, true); // alice's autosave session
    m.at(2, 2) = 1;
    bob->commitMask(img, 0, m, core::MaskKind::Corrected, 0, true);   // bob's, after hers
    m.at(3, 3) = 1;
    alice->commitMask(img, 0, m, core::MaskKind::Corrected, 0, true); // hers again: a new revision
    const auto history = alice->history(img, 0);
    ASSERT_EQ(history.size(), 3u) << "no one's open session is overwritten by another's";
    EXPECT_EQ(history[0].author, "alice");
    EXPECT_EQ(history[1].author, "bob");
    EXPECT_EQ(history[2].author, "alice");
    EXPECT_EQ(alice->latestMask(img, 0)->author, "alice");
    m.at(4, 4) = 1;
    alice->commitMask(img, 0, m, core::MaskKind::Corrected, 0, true); // still her newest: replaced
    EXPECT_EQ(alice->history(img, 0).size(), 3u);
    const auto byAuthor = alice->revisionsByAuthor();
    ASSERT_EQ(byAuthor.size(), 2u);
    EXPECT_EQ(byAuthor[0], (std::pair<std::string, std::int64_t>{"alice", 2}));

    bob->setReview(c, core::ReviewStatus::Approved, "fine");
    EXPECT_EQ(alice->cases()[0].reviewer, "bob");
    bob->setSliceStatus(img, 0, core::ReviewStatus::Rejected);
    core::ModelVersion v;
    v.path = "m.pt";
    v.sidecar = "{}";
    const auto model = alice->addModelVersion(v);
    EXPECT_EQ(alice->model(model)->author, "alice");
    const auto run = bob->startTrainingRun(model, "{}", "{}");
    bob->finishTrainingRun(run, core::RunStatus::Cancelled, 0, "{}", 1);
    EXPECT_EQ(alice->trainingRuns()[0].author, "bob");
}

// Case leases: one member claims a case, another is told who holds it and for how long, the holder
// renews and releases it; an expired lease goes to whoever claims next.
TEST_P(WorkspaceStore, CaseLeasesKeepTwoPeopleFromEditingOneCaseUnknowingly)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto alice = core::Workspace::open(location);
    alice->setUser("alice");
    auto bob = alice->secondConnection();
    bob->setUser("bob");
    const auto c = alice->addCase("case1");
    EXPECT_FALSE(alice->caseLease(c));
    EXPECT_FALSE(alice->claimCase(c, 60)) << "a free case is hers";
    const auto held = bob->claimCase(c, 60);
    ASSERT_TRUE(held) << "bob is told who holds it";
    EXPECT_EQ(held->holder, "alice");
    EXPECT_GT(held->secondsLeft, 50);
    EXPECT_LE(held->secondsLeft, 60);
    EXPECT_FALSE(alice->claimCase(c, 120)) << "her renewal";
    EXPECT_GT(bob->caseLease(c)->secondsLeft, 100);
    bob->releaseCase(c); // not his: nothing happens
    EXPECT_EQ(bob->caseLease(c)->holder, "alice");
    alice->releaseCase(c);
    EXPECT_FALSE(bob->claimCase(c, 0)) << "released: bob takes it (a lease of 0 s expires at once)";
    EXPECT_FALSE(alice->caseLease(c)) << "an expired lease is no lease";
    EXPECT_FALSE(alice->claimCase(c, 60)) << "an expired lease goes to the next claim";
    EXPECT_EQ(bob->claimCase(c, 60)->holder, "alice");
}

// Several annotators on one slice: an edit that began before another member's newer revision is
// refused as the slice's mask and kept beside it; once based on theirs it is current again. The
// change stamp moves with every revision and status, so clients can poll for each other's work.
TEST_P(WorkspaceStore, AnEditOverSomeoneElsesNewerRevisionIsRefusedAndKept)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto alice = core::Workspace::open(location);
    alice->setUser("alice");
    auto bob = alice->secondConnection();
    bob->setUser("bob");
    const auto img = alice->addImage(alice->addCase("case1"), "a.png", 8, 8);
    core::LabelMap start(8, 8);
    start.at(0, 0) = 1;
    const core::RevisionRef base{alice->commitMask(img, 0, start, core::MaskKind::AiDraft), 0};
    const std::string stamp0 = bob->changeStamp();

    core::LabelMap hers = start, his = start;
    hers.at(1, 1) = 2;
    his.at(5, 5) = 3;
    const core::EditCommit a = alice->commitEdit(img, 0, hers, base); // both began from the draft
    EXPECT_FALSE(a.newer);
    const std::string stamp1 = bob->changeStamp();
    EXPECT_NE(stamp1, stamp0);
    const core::EditCommit b = bob->commitEdit(img, 0, his, base);
    ASSERT_TRUE(b.newer) << "bob's edit would overwrite alice's newer revision";
    EXPECT_EQ(b.newer->id, a.id);
    EXPECT_EQ(b.newer->author, "alice");
    EXPECT_EQ(alice->latestMask(img, 0)->labels, hers) << "hers stays the slice's mask";
    EXPECT_EQ(alice->revision(b.id)->labels, his) << "his is kept";
    EXPECT_EQ(alice->revision(b.id)->refusedOver, a.id);
    his.at(6, 6) = 3; // his autosave goes on: the kept revision is replaced, not multiplied
    const core::EditCommit b2 = bob->commitEdit(img, 0, his, base);
    EXPECT_TRUE(b2.newer);
    EXPECT_EQ(b2.id, b.id);
    EXPECT_EQ(alice->revision(b.id)->labels, his);
    const auto heads = bob->latestRevisions(img);
    ASSERT_EQ(heads.size(), 1u);
    EXPECT_EQ(heads[0].second.id, a.id);
    EXPECT_EQ(alice->latestKinds(img)[0].second, core::MaskKind::Corrected);
    ASSERT_EQ(alice->reviewedSlices().size(), 1u);
    EXPECT_EQ(alice->reviewedSlices()[0].revisionId, a.id);
    EXPECT_NE(bob->changeStamp(), stamp1) << "a replaced revision moves the stamp too";

    // Her own later edits are never refused; his, once based on hers, are current.
    hers.at(2, 2) = 2;
    EXPECT_FALSE(alice->commitEdit(img, 0, hers, base).newer);
    const core::RevisionRef herLatest = core::refOf(*alice->latestMask(img, 0));
    EXPECT_TRUE(bob->commitEdit(img, 0, his, {a.id, 0}).newer) << "her session saved again since";
    const core::EditCommit b3 = bob->commitEdit(img, 0, his, herLatest);
    EXPECT_FALSE(b3.newer);
    EXPECT_EQ(alice->latestMask(img, 0)->author, "bob");
    const auto history = alice->history(img, 0);
    ASSERT_EQ(history.size(), 4u); // draft, hers, his refused, his current (hers replaced in her session)
    EXPECT_EQ(history[1].edits, 1);
    EXPECT_EQ(history[2].refusedOver, a.id);
    EXPECT_EQ(history[3].refusedOver, 0);

    // An approval of a stale view is refused the same way; of the current one it stands.
    const core::EditCommit stale = alice->commitEdit(img, 0, hers, herLatest, false, core::MaskKind::Approved);
    ASSERT_TRUE(stale.newer);
    EXPECT_EQ(alice->latestMask(img, 0)->author, "bob");
    const core::EditCommit approval =
        alice->commitEdit(img, 0, his, core::refOf(*alice->latestMask(img, 0)), false, core::MaskKind::Approved);
    EXPECT_FALSE(approval.newer);
    EXPECT_EQ(alice->latestMask(img, 0)->kind, core::MaskKind::Approved);

    const std::string stamp2 = alice->changeStamp();
    bob->setSliceStatus(img, 0, core::ReviewStatus::Approved);
    EXPECT_NE(alice->changeStamp(), stamp2);
}

TEST_P(WorkspaceStore, MeasurementsAreKeptWithTheirImage)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    {
        auto ws = core::Workspace::open(location);
        ws->setUser("alice");
        const auto img = ws->addImage(ws->addCase("c1"), "c1/volume.nii", 64, 48, 20);
        const auto other = ws->addImage(ws->addCase("c2"), "c2/volume.nii", 64, 48, 20);
        ws->addMeasurement(img, {"ruler-1", false, {{4.5, 10, 2.25}, {14.5, 10, 5.75}}, {}, {}});
        ws->addMeasurement(img, {"area-1", true, {{1, 2, 3}, {5, 2, 3}, {5, 6, 3}}, {}, {}});
        ws->addMeasurement(img, {"ruler-1", true, {{0, 0, 0}, {1, 1, 1}}, {}, {}}); // its key again: nothing
        ws->addMeasurement(other, {"ruler-2", false, {{0, 0, 0}, {9, 0, 0}}, {}, {}});
        EXPECT_THROW(ws->addMeasurement(img, {"one-point", false, {{0, 0, 0}}, {}, {}}), core::ImageError);
    }
    auto ws = core::Workspace::open(location);
    const auto img = *ws->imageId("c1/volume.nii");
    const auto kept = ws->measurements(img);
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].key, "ruler-1");
    EXPECT_FALSE(kept[0].closed);
    ASSERT_EQ(kept[0].points.size(), 2u);
    EXPECT_DOUBLE_EQ(kept[0].points[1][2], 5.75);
    EXPECT_DOUBLE_EQ(kept[0].points[0][0], 4.5);
    EXPECT_EQ(kept[0].author, "alice");
    EXPECT_FALSE(kept[0].created.empty());
    EXPECT_TRUE(kept[1].closed);
    EXPECT_EQ(kept[1].points.size(), 3u);
    // An end dragged: new points, the same key, author, time and place among the image's, and a
    // change other members see.
    const auto stamp = ws->changeStamp();
    ws->setUser("bob");
    core::Measurement ruler = kept[0];
    ruler.points = {{4.5, 10, 2.25}, {20.5, 10, 8}};
    ruler.author = "bob";     // not the store's to change
    ruler.closed = true;      // nor this
    EXPECT_TRUE(ws->updateMeasurement(ruler));
    EXPECT_FALSE(ws->updateMeasurement({"never-made", false, {{0, 0, 0}, {1, 0, 0}}, {}, {}}));
    EXPECT_THROW(ws->updateMeasurement({"ruler-1", false, {{0, 0, 0}}, {}, {}}), core::ImageError);
    EXPECT_NE(ws->changeStamp(), stamp);
    const auto moved = ws->measurements(img);
    ASSERT_EQ(moved.size(), 2u);
    EXPECT_EQ(moved[0].key, "ruler-1") << "it keeps its place: the store orders by the time drawn";
    EXPECT_DOUBLE_EQ(moved[0].points[1][0], 20.5);
    EXPECT_DOUBLE_EQ(moved[0].points[1][2], 8);
    EXPECT_EQ(moved[0].author, "alice");
    EXPECT_EQ(moved[0].created, kept[0].created);
    EXPECT_FALSE(moved[0].closed);
    EXPECT_TRUE(moved[0].label.empty());
    // Named: one line, trimmed, cut at 64 bytes without splitting a character; a change members see.
    const auto stamp2 = ws->changeStamp();
    ruler.label = "  lesion 1\nlong axis  ";
    EXPECT_TRUE(ws->updateMeasurement(ruler));
    EXPECT_NE(ws->changeStamp(), stamp2);
    EXPECT_EQ(ws->measurements(img)[0].label, "lesion 1 long axis");
    EXPECT_DOUBLE_EQ(ws->measurements(img)[0].points[1][0], 20.5);
    EXPECT_EQ(core::cleanLabel(std::string(63, 'a') + "\u00e9"), std::string(63, 'a')) << "é is two bytes: cut before it";
    EXPECT_EQ(core::cleanLabel(std::string(70, 'b')).size(), core::kMeasurementLabelBytes);
    EXPECT_EQ(core::cleanLabel(" \t "), "");
    // One put back after its removal keeps who drew it and when, its name, and its place.
    ws->addMeasurement(img, {"restored", false, {{0, 0, 0}, {2, 0, 0}}, "carol", "2026-01-02T03:04:05.000Z", "node"});
    EXPECT_EQ(ws->measurements(img).front().author, "carol");
    EXPECT_EQ(ws->measurements(img).front().created, "2026-01-02T03:04:05.000Z");
    EXPECT_EQ(ws->measurements(img).front().label, "node");
    // The newest removed and another drawn between two polls: SQLite may give the new one the
    // removed one's id, and the stamp still moves.
    const auto stamp3 = ws->changeStamp();
    ws->removeMeasurement("restored");
    ws->addMeasurement(img, {"restored-2", false, {{0, 0, 0}, {3, 0, 0}}, {}, {}});
    EXPECT_NE(ws->changeStamp(), stamp3);
    ws->removeMeasurement("restored-2");
    ws->removeMeasurement("ruler-1");
    ws->removeMeasurement("never-made");
    ASSERT_EQ(ws->measurements(img).size(), 1u);
    EXPECT_EQ(ws->measurements(img)[0].key, "area-1");
    EXPECT_EQ(ws->measurements(*ws->imageId("c2/volume.nii")).size(), 1u);
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
        core::Workspace::open("postgresql://delineo:secret@" + std::string("127.0.0.1:1/nothing?connect_timeout=2&gssencmode=disable"));
        ADD_FAILURE() << "nothing listens on port 1";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("127.0.0.1:1/nothing"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
    }
}

// Four writer processes x 200 commits against one PostgreSQL workspace at once, one of them killed
// with SIGKILL midway: every commit a writer reported is stored exactly once, and the other three
// finish all of theirs.
TEST(WorkspaceStore, FourWritersAtOnceAndOneKilledLoseNothing)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    const std::string url = server->newDatabase();
    core::Workspace::open(url); // the schema, before the writers race for it
    constexpr int kWriters = 4, kCommits = 200, kVictim = 2, kKillAfter = 60;
    std::vector<pid_t> pids;
    std::vector<FILE*> outs;
    for (int k = 0; k < kWriters; ++k) {
        const test::Child child =
            test::spawnReading(DELINEO_CRASH_HELPER, {url, "--writer", std::to_string(k), std::to_string(kCommits)});
        ASSERT_GE(child.pid, 0);
        pids.push_back(child.pid);
        outs.push_back(child.out);
    }
    std::vector<std::set<int>> reported(kWriters);
    char line[64];
    int n = 0;
    // The victim first, up to its kill; then everyone's lines to the end.
    while (reported[kVictim].size() < kKillAfter && std::fgets(line, sizeof line, outs[kVictim]))
        if (std::sscanf(line, "committed %d", &n) == 1)
            reported[kVictim].insert(n);
    kill(pids[kVictim], SIGKILL);
    for (int k = 0; k < kWriters; ++k) {
        while (std::fgets(line, sizeof line, outs[k]))
            if (std::sscanf(line, "committed %d", &n) == 1)
                reported[k].insert(n);
        std::fclose(outs[k]);
        int status = 0;
        waitpid(pids[k], &status, 0);
        if (k != kVictim)
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer " << k << " did not finish";
    }
    EXPECT_LT(reported[kVictim].size(), std::size_t(kCommits)) << "the victim was killed midway";
    auto ws = core::Workspace::openExisting(url);
    const auto image = ws->imageId("shared.png");
    ASSERT_TRUE(image);
    for (int k = 0; k < kWriters; ++k) {
        if (k != kVictim)
            EXPECT_EQ(reported[k].size(), std::size_t(kCommits)) << "writer " << k;
        for (int c : reported[k]) {
            const auto history = ws->history(*image, k * 1000 + c);
            ASSERT_EQ(history.size(), 1u) << "writer " << k << " commit " << c << " lost or duplicated";
            EXPECT_EQ(history[0].author, "writer" + std::to_string(k));
            const auto m = ws->latestMask(*image, k * 1000 + c);
            ASSERT_TRUE(m);
            EXPECT_EQ(m->labels.labels[0], k);
            EXPECT_EQ(m->labels.labels[1], c % 256);
        }
    }
    // At most the one commit the victim made but had no time to report is there besides.
    EXPECT_LE(ws->revisionCount(), std::int64_t(3 * kCommits + reported[kVictim].size() + 1));
}
