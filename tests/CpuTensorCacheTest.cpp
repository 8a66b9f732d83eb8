#include "CheckpointIO.h"
#include "ModelRegistry.h"
#include "TestSupport.h"
#include "delineo/ml/CpuTensorCache.h"
#include "delineo/ml/Segmenter.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace delineo::ml;

namespace {

constexpr std::int64_t kLargeFloats = 5 << 20; // 20 MB: well above the caching threshold
constexpr std::size_t kLargeBytes = std::size_t(kLargeFloats) * sizeof(float);

class CpuTensorCacheTest : public ::testing::Test {
protected:
    void SetUp() override { CpuTensorCache::setLimit(std::size_t(1) << 30); }
};

} // namespace

TEST_F(CpuTensorCacheTest, AFreedLargeBlockServesTheNextRequestOfTheSameSize)
{
    const CpuTensorCache::Scope run;
    void* first = nullptr;
    {
        auto t = torch::full({kLargeFloats}, 3.0f);
        first = t.data_ptr();
        EXPECT_GE(CpuTensorCache::stats().liveBytes, kLargeBytes);
    }
    const auto afterFree = CpuTensorCache::stats();
    EXPECT_GE(afterFree.cachedBytes, kLargeBytes);

    auto again = torch::empty({kLargeFloats});
    EXPECT_EQ(again.data_ptr(), first);
    EXPECT_EQ(CpuTensorCache::stats().hits, afterFree.hits + 1);
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, afterFree.cachedBytes - kLargeBytes);
    // The reused block is an ordinary tensor: it computes like one.
    again.fill_(2.0f);
    EXPECT_FLOAT_EQ(again.sum().item<float>(), 2.0f * kLargeFloats);
}

TEST_F(CpuTensorCacheTest, SmallTensorsAreNotHeld)
{
    const CpuTensorCache::Scope run;
    const auto before = CpuTensorCache::stats();
    {
        auto t = torch::ones({1000});
        EXPECT_FLOAT_EQ(t.sum().item<float>(), 1000.0f);
    }
    const auto after = CpuTensorCache::stats();
    EXPECT_EQ(after.cachedBytes, before.cachedBytes);
    EXPECT_EQ(after.misses, before.misses);
}

TEST_F(CpuTensorCacheTest, TheEndOfTheRunAndTheLimitGiveMemoryBack)
{
    {
        const CpuTensorCache::Scope run;
        { auto t = torch::empty({kLargeFloats}); }
        EXPECT_GT(CpuTensorCache::stats().cachedBytes, 0u);
    }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 0u);

    // Outside a run, large blocks go straight back to the system.
    { auto t = torch::empty({kLargeFloats}); }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 0u);
    EXPECT_EQ(CpuTensorCache::stats().liveBytes, 0u);

    const CpuTensorCache::Scope run;
    CpuTensorCache::setLimit(0);
    { auto t = torch::empty({kLargeFloats}); }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 0u);
}

TEST_F(CpuTensorCacheTest, TrainingStepsOfTheSameShapesReuseBlocks)
{
    const auto before = CpuTensorCache::stats();
    {
        const CpuTensorCache::Scope run;
        for (int step = 0; step < 3; ++step) {
            auto a = torch::randn({8, 16, 128, 128}, torch::requires_grad());
            auto loss = torch::conv2d(a, torch::ones({16, 16, 3, 3}), {}, 1, 1).relu().mean();
            loss.backward();
            EXPECT_TRUE(std::isfinite(loss.item<float>()));
        }
        EXPECT_GT(CpuTensorCache::stats().hits, before.hits);
    }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 0u);
}

TEST_F(CpuTensorCacheTest, BlocksOfAnotherSizeMakeRoomAndTheCapHolds)
{
    const CpuTensorCache::Scope inference(3 * kLargeBytes); // room for three 20 MB blocks
    {
        auto a = torch::empty({kLargeFloats});
        auto b = torch::empty({kLargeFloats});
    }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 2 * kLargeBytes);
    // The work moves to another size (another image): its blocks push the old ones out.
    {
        auto c = torch::empty({2 * kLargeFloats});
        auto d = torch::empty({kLargeFloats + (1 << 20)});
    }
    const auto s = CpuTensorCache::stats();
    EXPECT_LE(s.cachedBytes, 3 * kLargeBytes);
    { // the 40 MB block was kept: the old ones gave way
        auto again = torch::empty({2 * kLargeFloats});
        EXPECT_EQ(CpuTensorCache::stats().hits, s.hits + 1);
    }
    // A block larger than the cap is never kept.
    const auto before = CpuTensorCache::stats().cachedBytes;
    { auto e = torch::empty({4 * kLargeFloats}); }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, before);
}

TEST_F(CpuTensorCacheTest, ATrainingRunEndingUnderAnInferenceScopeShrinksTheCacheToItsCap)
{
    const CpuTensorCache::Scope inference(kLargeBytes);
    {
        const CpuTensorCache::Scope training;
        {
            auto a = torch::empty({kLargeFloats});
            auto b = torch::empty({kLargeFloats});
            auto c = torch::empty({kLargeFloats});
        }
        EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 3 * kLargeBytes);
    }
    EXPECT_LE(CpuTensorCache::stats().cachedBytes, kLargeBytes);
}

TEST_F(CpuTensorCacheTest, ASegmentersForwardPassesReuseTheirMemoryUnderAnInferenceScope)
{
    delineo::test::TempDir dir;
    ModelConfig c;
    c.baseWidth = 16;
    c.depth = 3;
    c.inputSize = 256; // 16 channels at 256x256: 4 MB activations, above the caching threshold
    auto net = ModelRegistry::builtin().create(c);
    saveModel(net, c, dir.file("m.pt"));
    std::vector<std::uint8_t> pixels(300 * 200 * 3, 90);
    const ImageU8View image{pixels.data(), 300, 200, 3};
    {
        const CpuTensorCache::Scope commandLine(CpuTensorCache::inferenceLimit());
        auto segmenter = Segmenter::load(dir.file("m.pt"));
        const auto first = segmenter->predict(image);
        const auto before = CpuTensorCache::stats();
        const auto second = segmenter->predict(image);
        const auto after = CpuTensorCache::stats();
        EXPECT_GT(after.hits, before.hits);     // the second pass ran in the first one's memory
        EXPECT_EQ(after.misses, before.misses); // and asked the system for none
        EXPECT_GT(after.cachedBytes, 0u);
        EXPECT_LE(after.cachedBytes, CpuTensorCache::inferenceLimit());
        EXPECT_EQ(first.labels, second.labels);
    }
    EXPECT_EQ(CpuTensorCache::stats().cachedBytes, 0u);
}
