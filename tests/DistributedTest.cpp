// Data-parallel training through `delineo-cli train` started as torchrun starts it (RANK,
// WORLD_SIZE, MASTER_ADDR, MASTER_PORT): two ranks of batch 4 train to the weights one process of
// batch 8 reaches, only rank 0 writes, and a rank killed midway ends the job with a clear error on
// the other while the last good checkpoint stays readable.
#include "OrthancServer.h" // freePort()
#include "TestSupport.h"

#include "delineo/core/MaskIO.h"
#include "TensorArchive.h"
#include "delineo/ml/Distributed.h"
#include "delineo/ml/Errors.h"

#include <torch/torch.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

using namespace delineo;
using delineo::test::TempDir;
namespace fs = std::filesystem;

namespace {

// 16 frames of 32x32 with a disc each, and their masks.
void writeFrames(const TempDir& dir)
{
    fs::create_directories(dir.file("data/masks"));
    for (int i = 0; i < 16; ++i) {
        const std::string name = "f" + std::to_string(i) + ".png";
        const int cx = 8 + i % 4 * 5, cy = 8 + i / 4 * 5, r = 4 + i % 3;
        test::writeDiscImage(dir.file("data/" + name), 32, 32, cx, cy, r);
        core::saveMask(dir.file("data/masks/" + name), test::discMask(32, 32, cx, cy, r), 1);
    }
}

std::string trainCommand(const TempDir& dir, const std::string& out, int batch, int epochs)
{
    return std::string(DELINEO_CLI) + " train --images " + dir.file("data") + " --masks " + dir.file("data/masks") +
           " --no-val --no-augment --loss bce --sync-bn --base 4 --depth 2 --size 32 --seed 7 --lr 0.01 --epochs " + std::to_string(epochs) +
           " --batch " + std::to_string(batch) + " --out " + out;
}

std::string rankEnv(int rank, int world, int port)
{
    return "OMP_NUM_THREADS=1 RANK=" + std::to_string(rank) + " LOCAL_RANK=" + std::to_string(rank) + " WORLD_SIZE=" +
           std::to_string(world) + " MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(port) + " ";
}

std::map<std::string, torch::Tensor> weights(const std::string& path)
{
    return ml::loadTensors(path).tensors;
}

} // namespace

TEST(Distributed, TwoRanksOfFourTrainAsOneProcessOfEight)
{
    TempDir dir;
    writeFrames(dir);
    std::string one, r0, r1;
    ASSERT_EQ(test::runCommand("OMP_NUM_THREADS=1 " + trainCommand(dir, dir.file("one/model.pt"), 8, 2), &one), 0) << one;
    const int port = test::OrthancServer::freePort();
    auto rank1 = std::async(std::launch::async, [&] {
        return test::runCommand(rankEnv(1, 2, port) + trainCommand(dir, dir.file("two/model.pt"), 4, 2), &r1);
    });
    ASSERT_EQ(test::runCommand(rankEnv(0, 2, port) + trainCommand(dir, dir.file("two/model.pt"), 4, 2), &r0), 0) << r0;
    ASSERT_EQ(rank1.get(), 0) << r1;
    EXPECT_NE(r0.find("2 ranks"), std::string::npos) << r0;

    const auto a = weights(dir.file("one/model.pt")), b = weights(dir.file("two/model.pt"));
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 10u);
    // Tolerance: float32 sums over 8 images in one process against 4 + 4 across two differ in the
    // last digits; AdamW then moves each weight by about the learning rate whatever the size of its
    // gradient, so a gradient within rounding of zero may step differently: checked below as the
    // share of weights that differ by more than 1e-4.
    std::int64_t total = 0, off = 0;
    double worst = 0;
    for (const auto& [key, t] : a) {
        ASSERT_TRUE(b.count(key)) << key;
        const torch::Tensor d = (t.to(torch::kDouble) - b.at(key).to(torch::kDouble)).abs();
        total += d.numel();
        off += (d > 1e-4).sum().item<std::int64_t>();
        worst = std::max(worst, d.max().item<double>());
    }
    std::printf("2 ranks x 4 against 1 x 8: %lld of %lld weights differ by more than 1e-4, the largest by %.3g\n",
                static_cast<long long>(off), static_cast<long long>(total), worst);
    EXPECT_LT(worst, 1e-3);
    EXPECT_LE(double(off) / double(total), 0.001) << off << " of " << total << " weights differ by more than 1e-4 (largest " << worst << ")";
    // Only rank 0 wrote: one best and one last checkpoint with their sidecars, as one process writes.
    std::vector<std::string> written, alone;
    for (const auto& e : fs::directory_iterator(dir.file("two")))
        written.push_back(e.path().filename().string());
    for (const auto& e : fs::directory_iterator(dir.file("one")))
        alone.push_back(e.path().filename().string());
    std::sort(written.begin(), written.end());
    std::sort(alone.begin(), alone.end());
    EXPECT_EQ(written, alone);
}

TEST(Distributed, AKilledRankEndsTheJobWithAClearErrorAndKeepsTheLastCheckpoint)
{
    TempDir dir;
    writeFrames(dir);
    const int port = test::OrthancServer::freePort();
    const std::string out = dir.file("job/model.pt"), pidFile = dir.file("rank1.pid");
    std::string r0, r1;
    auto rank1 = std::async(std::launch::async, [&] {
        return test::runCommand("sh -c 'echo $$ > " + pidFile + "; exec env " + rankEnv(1, 2, port) +
                                    trainCommand(dir, out, 4, 500) + "'",
                                &r1);
    });
    auto rank0 = std::async(std::launch::async, [&] {
        return test::runCommand(rankEnv(0, 2, port) + "DELINEO_DIST_TIMEOUT=60 " + trainCommand(dir, out, 4, 500), &r0);
    });
    const std::string last = dir.file("job/model.last.pt");
    ASSERT_TRUE(test::killWhenExists(last, pidFile)) << "the job saved its first epoch";
    ASSERT_EQ(rank0.wait_for(std::chrono::seconds(90)), std::future_status::ready) << "rank 0 does not hang";
    EXPECT_NE(rank0.get(), 0) << r0;
    rank1.get();
    EXPECT_NE(r0.find("another rank has stopped"), std::string::npos) << r0;
    EXPECT_NO_THROW(weights(last)) << "the last good checkpoint stays readable";
    EXPECT_NO_THROW(weights(out));
}

TEST(Distributed, TorchrunsVariablesAreReadAndCheckedAndAbsentMeansOneProcess)
{
    const auto set = [](const char* name, const char* value) { value ? ::setenv(name, value, 1) : ::unsetenv(name); };
    set("WORLD_SIZE", nullptr);
    EXPECT_EQ(ml::DistributedSetup::fromEnvironment().world, 1);
    EXPECT_EQ(ml::Distributed::fromEnvironment("cpu"), nullptr) << "nothing changes without the variables";
    set("WORLD_SIZE", "4");
    set("RANK", "2");
    set("MASTER_ADDR", "10.0.0.7");
    set("MASTER_PORT", "29501");
    const auto s = ml::DistributedSetup::fromEnvironment();
    EXPECT_EQ(s.world, 4);
    EXPECT_EQ(s.rank, 2);
    EXPECT_EQ(s.localRank, 2) << "LOCAL_RANK defaults to RANK";
    EXPECT_EQ(s.masterAddr, "10.0.0.7");
    EXPECT_EQ(s.masterPort, 29501);
    set("RANK", "4");
    EXPECT_THROW(ml::DistributedSetup::fromEnvironment(), ml::TrainingError) << "RANK must be below WORLD_SIZE";
    set("RANK", nullptr);
    EXPECT_THROW(ml::DistributedSetup::fromEnvironment(), ml::TrainingError) << "RANK is needed";
    set("RANK", "0");
    set("MASTER_PORT", "http");
    EXPECT_THROW(ml::DistributedSetup::fromEnvironment(), ml::TrainingError);
    for (const char* v : {"WORLD_SIZE", "RANK", "MASTER_ADDR", "MASTER_PORT"})
        set(v, nullptr);
}
