// The retrain loop from the command line: fine-tuning a workspace's model into new versions, promoted
// and rolled back, on one process, on ranks a launcher or scheduler starts, and after a lost rank.
#include "CliTestSupport.h"
#include "OrthancServer.h" // freePort()

#include "delineo/core/Workspace.h"
#include "delineo/ml/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <future>

using namespace delineo;
using delineo::test::cli;
using delineo::test::runCommand;
using delineo::test::TempDir;
using delineo::test::writeDiscFrames;

namespace {

// A workspace of eight disc frames (imported as corrected masks) whose v1, active, is a tiny model
// trained on them.
std::string workspaceWithTinyModel(const TempDir& dir)
{
    writeDiscFrames(dir, 8, 2);
    std::string out;
    EXPECT_EQ(runCommand(cli() + " train --images " + dir.file("frames") + " --masks " + dir.file("frames/masks") +
                             " --out " + dir.file("tiny.pt") + " --epochs 1 --base 4 --size 32 --no-val", &out), 0) << out;
    EXPECT_NE(out.find("done: 1 epoch (no validation set"), std::string::npos) << out;
    const std::string ws = dir.file("ws");
    EXPECT_EQ(runCommand(cli() + " workspace create " + ws + " --classes polyp", &out), 0) << out;
    EXPECT_NE(out.find(", 1 class\n"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " workspace import " + ws + " " + dir.file("frames"), &out), 0) << out;
    EXPECT_EQ(runCommand(cli() + " models add --workspace " + ws + " " + dir.file("tiny.pt"), &out), 0) << out;
    EXPECT_NE(out.find("added v1 (tiny), active"), std::string::npos) << out;
    return ws;
}

// `models list --json` after one new version: v1 still active, v2 its child with per-class figures.
nlohmann::json expectANewChildVersion(const std::string& ws)
{
    std::string out;
    EXPECT_EQ(runCommand(cli() + " models list --json --workspace " + ws, &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j.size(), 2u);
    EXPECT_TRUE(j[0]["active"].get<bool>());
    EXPECT_EQ(j[1]["parent"], 1);
    EXPECT_TRUE(j[1]["metrics"]["val"]["polyp"]["dice"].is_number());
    return j;
}

} // namespace

// The retrain loop from scripts: train a tiny model, add it, fine-tune on the corrections, list,
// promote, roll back; and the failures are typed.
TEST(Cli, FinetuneAndModelVersions)
{
    TempDir dir;
    std::string out;
    ASSERT_EQ(runCommand(cli() + " workspace create " + dir.file("empty") + " --classes polyp", &out), 0) << out;
    EXPECT_EQ(runCommand(cli() + " finetune --workspace " + dir.file("empty"), &out), 3) << out; // no model yet: not found
    const std::string ws = workspaceWithTinyModel(dir);
    ASSERT_EQ(runCommand(cli() + " finetune --workspace " + ws + " --epochs 1", &out), 0) << out;
    EXPECT_NE(out.find("new model version v2"), std::string::npos) << out;
    EXPECT_NE(out.find("validation Dice on the frozen split"), std::string::npos) << out;
    expectANewChildVersion(ws);
    ASSERT_EQ(runCommand(cli() + " models promote --workspace " + ws + " 2", &out), 0) << out;
    EXPECT_NE(out.find("active model: v2"), std::string::npos) << out;
    ASSERT_EQ(runCommand(cli() + " models rollback --workspace " + ws, &out), 0) << out;
    EXPECT_NE(out.find("active model: v1"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " models promote --workspace " + ws + " 9", &out), 3) << out;
    ASSERT_EQ(runCommand(cli() + " workspace rank " + ws, &out), 0) << out;
    EXPECT_NE(out.find("0 unreviewed images"), std::string::npos) << out;
}

// A fine-tune handed to a cluster from a script: finetune --export-job writes the job, two ranks of
// delineo-ml-train run it as a scheduler would start them, models add brings the model back as a
// version of its base, compared on the frozen split.
TEST(Cli, AnExportedFinetuneJobRunsOnTwoRanksAndComesBack)
{
    TempDir dir;
    std::string out;
    const std::string ws = workspaceWithTinyModel(dir), job = dir.file("job");
    ASSERT_EQ(runCommand(cli() + " finetune --workspace " + ws + " --epochs 2 --batch 2 --export-job " + job, &out), 0) << out;
    EXPECT_NE(out.find("then add it back: delineo-cli models add --workspace " + ws + " " + job), std::string::npos) << out;
    EXPECT_NE(runCommand(cli() + " finetune --workspace " + ws + " --export-job " + job, &out), 0);
    EXPECT_NE(out.find("not empty"), std::string::npos) << out;

    ASSERT_EQ(runCommand("OMP_NUM_THREADS=1 DELINEO_ML_TRAIN=" + std::string(DELINEO_ML_TRAIN) + " bash " +
                             std::string(DELINEO_SOURCE_DIR) + "/scripts/train-distributed.sh 2 sh " + job + "/run.sh", &out), 0)
        << out;
    EXPECT_EQ(nlohmann::json::parse(ml::readSidecar(job + "/out/model.pt").metricsJson)["ranks"], 2);

    ASSERT_EQ(runCommand(cli() + " models add --workspace " + ws + " " + job, &out), 0) << out;
    EXPECT_NE(out.find("added v2"), std::string::npos) << out;
    EXPECT_NE(out.find("validation Dice on the frozen split   v1 (base)   v2 (new)"), std::string::npos) << out;
    EXPECT_EQ(expectANewChildVersion(ws)[1]["metrics"]["cluster"]["ranks"], 2);
}

// delineo-cli finetune started as the ranks of a job (torchrun's variables): every rank trains, the
// workspace records one run and one version; a rank 0 that cannot write the job stops the others
// with its reason.
TEST(Cli, FinetuneUnderTorchrunTrainsOnEveryRankAndRecordsOneVersion)
{
    TempDir dir;
    std::string out;
    const std::string ws = workspaceWithTinyModel(dir);
    const std::string ranks = "OMP_NUM_THREADS=1 bash " + std::string(DELINEO_SOURCE_DIR) + "/scripts/train-distributed.sh 2 ";
    ASSERT_EQ(runCommand(ranks + cli() + " finetune --workspace " + ws + " --epochs 2 --batch 2", &out), 0) << out;
    EXPECT_NE(out.find("[rank 1] rank 1: done, 2 epochs"), std::string::npos) << out;
    EXPECT_NE(out.find("[rank 0] added v2"), std::string::npos) << out;
    // The launcher's port lies below the kernel's ephemeral range, which nothing else is handed.
    int ephemeralLow = 32768;
    std::ifstream("/proc/sys/net/ipv4/ip_local_port_range") >> ephemeralLow;
    const std::size_t at = out.find("rank 0 at 127.0.0.1:");
    ASSERT_NE(at, std::string::npos) << out;
    EXPECT_LT(std::stoi(out.substr(at + 20)), ephemeralLow) << out;
    EXPECT_EQ(expectANewChildVersion(ws)[1]["metrics"]["cluster"]["ranks"], 2);
    auto store = core::Workspace::openExisting(ws);
    ASSERT_EQ(store->trainingRuns().size(), 1u);
    EXPECT_EQ(store->trainingRuns()[0].status, core::RunStatus::Finished);
    store.reset();

    // Ranks started one by one, as a scheduler does (it does not stop the others when one fails):
    // rank 0 cannot write the job, and rank 1 says why instead of waiting.
    ASSERT_EQ(runCommand(cli() + " workspace create " + dir.file("empty") + " --classes polyp", &out), 0) << out;
    const std::string rank = "WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=9 TORCHELASTIC_RUN_ID=launch7 RANK=";
    const std::string job = " finetune --workspace " + dir.file("empty") + " --job-dir " + dir.file("job");
    EXPECT_EQ(runCommand(rank + "0 " + cli() + job, &out), 3) << out;
    EXPECT_EQ(runCommand(rank + "1 " + cli() + job, &out), 3) << out;
    EXPECT_NE(out.find("rank 0 could not write the job: workspace has no model yet"), std::string::npos) << out;
    const std::string oneRank = "env -u TORCHELASTIC_RUN_ID -u SLURM_JOB_ID WORLD_SIZE=2 RANK=1 MASTER_ADDR=127.0.0.1 MASTER_PORT=9 ";
    EXPECT_EQ(runCommand(oneRank + cli() + " finetune --workspace " + ws, &out), 2) << out;
    EXPECT_NE(out.find("--job-dir"), std::string::npos) << out;
    EXPECT_EQ(runCommand(oneRank + cli() + " finetune --workspace " + ws + " --export-job " + dir.file("job2"), &out), 2) << out;
}

// A rank lost in the middle of a workspace fine-tune over ranks: rank 0 ends with a clear error, the
// run is recorded as failed, no version is added and the active model stays.
TEST(Cli, AKilledRankEndsAWorkspaceFinetuneAsFailedAndAddsNothing)
{
    TempDir dir;
    const std::string ws = workspaceWithTinyModel(dir);
    const std::string env = "WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(test::OrthancServer::freePort()) +
                            " TORCHELASTIC_RUN_ID=killed OMP_NUM_THREADS=1 DELINEO_DIST_TIMEOUT=60 ";
    const std::string command = cli() + " finetune --workspace " + ws + " --epochs 500 --batch 2";
    const std::string pidFile = dir.file("rank1.pid");
    std::string r0, r1;
    auto rank1 = std::async(std::launch::async, [&] {
        return runCommand("sh -c 'echo $$ > " + pidFile + "; exec env " + env + "RANK=1 " + command + "'", &r1);
    });
    auto rank0 = std::async(std::launch::async, [&] { return runCommand(env + "RANK=0 " + command, &r0); });
    ASSERT_TRUE(test::killWhenExists(ws + "/jobs/finetune-killed/out/model.last.pt", pidFile)) << "the job saved its first epoch";
    ASSERT_EQ(rank0.wait_for(std::chrono::seconds(90)), std::future_status::ready) << "rank 0 does not hang";
    EXPECT_NE(rank0.get(), 0) << r0;
    rank1.get();
    EXPECT_NE(r0.find("another rank has stopped"), std::string::npos) << r0;
    auto store = core::Workspace::openExisting(ws);
    ASSERT_EQ(store->models().size(), 1u);
    EXPECT_TRUE(store->models()[0].active);
    ASSERT_EQ(store->trainingRuns().size(), 1u);
    EXPECT_EQ(store->trainingRuns()[0].status, core::RunStatus::Failed);
}
