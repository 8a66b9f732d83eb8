#include "FineTuneFixture.h"
#include "TestSupport.h"

#include "delineo/core/ClusterJob.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/ml/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>

using namespace delineo;
using delineo::test::LoopFixture;
using delineo::test::TempDir;
namespace fs = std::filesystem;

namespace {

core::FineTuneSettings twoEpochs()
{
    core::FineTuneSettings settings;
    settings.epochs = 2;
    settings.batchSize = 4;
    return settings;
}

// Runs the job's own launch script with the trainer the build made, one thread.
int runJob(const std::string& folder, std::string* out, const std::string& prefix = "sh")
{
    return test::runCommand("OMP_NUM_THREADS=1 DELINEO_ML_TRAIN=" + std::string(DELINEO_ML_TRAIN) + " " + prefix + " " +
                                folder + "/run.sh",
                            out);
}

} // namespace

// Training → Fine-tune → Export Job for a Cluster, end to end: the folder holds the workspace's
// training slices and frozen split, the base weights and the launch command; the job runs with
// nothing but delineo-ml-train; its model comes back as a version fine-tuned from the base, measured
// with it on the same frozen split, and the run is in the training history.
TEST(ClusterJob, AnExportedJobTrainsElsewhereAndComesBackAsAVersionOfItsWorkspace)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    const auto settings = twoEpochs();
    const auto plan = core::planFineTune(ws, settings);
    ASSERT_GE(plan.val.size(), 1u);
    const std::string folder = fx.dir.file("job");
    std::vector<double> fractions;
    const core::ClusterJob job =
        core::exportClusterJob(ws, plan, settings, folder, [&](double f, const std::string&) { fractions.push_back(f); });
    EXPECT_EQ(job.trainSamples, plan.train.size());
    EXPECT_EQ(job.valSamples, plan.val.size());
    EXPECT_FALSE(fractions.empty());
    for (const char* name : {"job.json", "config.json", "train.pack", "val.pack", "init.pt", "init.json", "run.sh", "README.txt"})
        EXPECT_TRUE(fs::exists(fs::path(folder) / name)) << name;
    EXPECT_NE(fs::status(fs::path(folder) / "run.sh").permissions() & fs::perms::owner_exec, fs::perms::none);
    EXPECT_EQ(test::fileBytes(folder + "/init.pt"), test::fileBytes(core::modelFile(ws, plan.base)));
    const auto description = nlohmann::json::parse(test::fileBytes(folder + "/job.json"));
    EXPECT_EQ(description["baseModel"]["id"], fx.base);
    EXPECT_EQ(description["dataHash"], plan.dataHash);
    EXPECT_EQ(description["split"]["val"].get<std::vector<std::int64_t>>(), plan.valImages);
    EXPECT_NE(test::fileBytes(folder + "/run.sh").find("--init init.pt --epochs 2 --batch 4"), std::string::npos);
    EXPECT_NE(job.addBack.find("models add --workspace " + ws.location()), std::string::npos) << job.addBack;
    EXPECT_EQ(core::clusterJobOf(folder), folder + "/job.json");
    EXPECT_EQ(core::clusterJobOf(folder + "/out/model.pt"), folder + "/job.json");
    EXPECT_EQ(core::clusterJobOf(fx.dir.file("base.pt")), "");

    // Before the job has run there is nothing to add: a typed error, and the workspace unchanged.
    try {
        core::addClusterJobResult(ws, folder + "/job.json");
        ADD_FAILURE() << "added a model that was never trained";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("run it first"), std::string::npos) << e.what();
    }
    EXPECT_EQ(ws.models().size(), 1u);

    std::string out;
    ASSERT_EQ(runJob(folder, &out), 0) << out;
    ASSERT_TRUE(fs::exists(folder + "/out/model.pt")) << out;
    EXPECT_NE(out.find("epoch 2/2"), std::string::npos) << out;

    const core::ClusterResult r = core::addClusterJobResult(ws, folder + "/job.json");
    EXPECT_EQ(r.baseId, fx.base);
    EXPECT_FALSE(r.splitChanged);
    ASSERT_TRUE(r.hasValidation);
    EXPECT_EQ(r.valSlices, plan.val.size());
    const auto v = ws.model(r.modelId);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->parentId, fx.base);
    EXPECT_FALSE(v->active) << "a version from a cluster waits to be promoted, as any other";
    EXPECT_EQ(ws.activeModel()->id, fx.base);
    EXPECT_EQ(v->dataHash, plan.dataHash);
    EXPECT_GT(v->seconds, 0) << "the training time comes with the model";
    EXPECT_TRUE(fs::path(v->path).is_relative());
    EXPECT_EQ(test::fileBytes(core::modelFile(ws, *v)), test::fileBytes(folder + "/out/model.pt"));
    const auto metrics = nlohmann::json::parse(v->metrics);
    EXPECT_DOUBLE_EQ(metrics["val"]["mean"]["dice"].get<double>(), r.tuned.mean.dice);
    EXPECT_DOUBLE_EQ(metrics["baseVal"]["mean"]["dice"].get<double>(), r.base.mean.dice);
    EXPECT_EQ(metrics["cluster"]["ranks"], 1);
    // The same figures a fine-tune here would give for the base on this split.
    const auto valSet = core::trainingSamples(ws, plan.val, plan.config, nullptr);
    const auto base = ml::evaluateWeights(plan.config, core::modelFile(ws, plan.base), *valSet);
    EXPECT_DOUBLE_EQ(base.mean.dice, r.base.mean.dice);
    const auto runs = ws.trainingRuns();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, core::RunStatus::Finished);
    EXPECT_EQ(runs[0].modelId, r.modelId);
    EXPECT_EQ(runs[0].baseModelId, fx.base);
    EXPECT_TRUE(nlohmann::json::parse(runs[0].settings)["cluster"].get<bool>());

    // Brought back twice: a second version, never over the first one's file.
    const core::ClusterResult again = core::addClusterJobResult(ws, folder + "/job.json", "", v->name);
    EXPECT_NE(ws.model(again.modelId)->path, v->path);
    EXPECT_TRUE(fs::exists(core::modelFile(ws, *v)));
}

// What cannot become a job says so and leaves no half-written folder; a job brought to another
// workspace keeps no false lineage.
TEST(ClusterJob, RefusalsAreTypedAndLeaveNothingBehind)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    const auto settings = twoEpochs();
    const auto plan = core::planFineTune(ws, settings);

    const std::string used = fx.dir.file("used");
    fs::create_directories(used);
    std::ofstream(used + "/notes.txt") << "mine";
    try {
        core::exportClusterJob(ws, plan, settings, used);
        ADD_FAILURE() << "wrote into a folder in use";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WriteFailed);
        EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::fileBytes(used + "/notes.txt"), "mine");

    std::atomic<bool> cancel{true};
    EXPECT_THROW(core::exportClusterJob(ws, plan, settings, fx.dir.file("cancelled"), nullptr, &cancel), core::ImageError);
    EXPECT_FALSE(fs::exists(fx.dir.file("cancelled"))) << "a cancelled export keeps nothing";

    auto assist = plan;
    assist.config.promptChannels = 4;
    EXPECT_THROW(core::exportClusterJob(ws, assist, settings, fx.dir.file("assist")), core::ImageError);
    EXPECT_FALSE(fs::exists(fx.dir.file("assist")));

    fs::create_directories(fx.dir.file("bad"));
    std::ofstream(fx.dir.file("bad/job.json")) << R"({"kind": "something else"})";
    EXPECT_THROW(core::addClusterJobResult(ws, fx.dir.file("bad/job.json")), core::ImageError);

    // A job trained for one workspace, added to another: a version of its own, no parent.
    const std::string folder = fx.dir.file("job");
    core::exportClusterJob(ws, plan, settings, folder);
    std::string out;
    ASSERT_EQ(runJob(folder, &out), 0) << out;
    LoopFixture other("", 7); // its v1 has the same id and name, other weights
    ASSERT_EQ(other.ws->model(other.base)->name, ws.model(fx.base)->name);
    const auto r = core::addClusterJobResult(*other.ws, folder + "/job.json");
    EXPECT_EQ(r.baseId, 0);
    EXPECT_EQ(other.ws->model(r.modelId)->parentId, 0);
    EXPECT_TRUE(r.splitChanged);
}
