#include "delineo/ml/CpuTensorCache.h"

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
