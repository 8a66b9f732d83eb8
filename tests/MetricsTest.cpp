#include <gtest/gtest.h>

#include "delineo/ml/Metrics.h"

using namespace delineo::ml;

TEST(Metrics, HandComputedBinaryCase)
{
    // pred 1 1 0 0 1 0 / truth 1 0 1 0 1 0: tp 2, fp 1, fn 1, tn 2
    const std::uint8_t pred[] = {1, 1, 0, 0, 1, 0}, truth[] = {1, 0, 1, 0, 1, 0};
    auto c = countClass(pred, truth, 6, 1);
    EXPECT_EQ(c.tp, 2u);
    EXPECT_EQ(c.fp, 1u);
    EXPECT_EQ(c.fn, 1u);
    EXPECT_EQ(c.tn, 2u);
    auto m = metricsFromCounts(c);
    EXPECT_DOUBLE_EQ(m.pixelAccuracy, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(m.iou, 2.0 / 4.0);
    EXPECT_DOUBLE_EQ(m.dice, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(m.precision, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(m.recall, 2.0 / 3.0);
}

TEST(Metrics, EmptyMasks)
{
    const std::uint8_t zero[] = {0, 0, 0, 0}, one[] = {0, 1, 1, 0};
    auto both = metricsFromCounts(countClass(zero, zero, 4, 1));
    EXPECT_DOUBLE_EQ(both.dice, 1.0);
    EXPECT_DOUBLE_EQ(both.iou, 1.0);
    EXPECT_DOUBLE_EQ(both.precision, 1.0);
    EXPECT_DOUBLE_EQ(both.recall, 1.0);
    auto missed = metricsFromCounts(countClass(zero, one, 4, 1)); // nothing predicted, 2 to find
    EXPECT_DOUBLE_EQ(missed.dice, 0.0);
    EXPECT_DOUBLE_EQ(missed.precision, 0.0);
    EXPECT_DOUBLE_EQ(missed.recall, 0.0);
    EXPECT_DOUBLE_EQ(missed.pixelAccuracy, 0.5);
    auto spurious = metricsFromCounts(countClass(one, zero, 4, 1));
    EXPECT_DOUBLE_EQ(spurious.dice, 0.0);
    EXPECT_DOUBLE_EQ(spurious.precision, 0.0);
    EXPECT_DOUBLE_EQ(spurious.recall, 1.0); // nothing to find, nothing missed
}

TEST(Metrics, MultiClassPerClassAndMean)
{
    const std::uint8_t pred[] = {1, 1, 2, 2, 0, 3};
    const std::uint8_t truth[] = {1, 2, 2, 2, 0, 0};
    auto r = evaluateLabels(pred, truth, 6, 3);
    ASSERT_EQ(r.perClass.size(), 3u);
    EXPECT_DOUBLE_EQ(r.perClass[0].dice, 2.0 / 3.0); // tp1 fp1 fn0
    EXPECT_DOUBLE_EQ(r.perClass[1].dice, 4.0 / 5.0); // tp2 fp0 fn1
    EXPECT_DOUBLE_EQ(r.perClass[2].dice, 0.0);       // tp0 fp1 fn0
    EXPECT_DOUBLE_EQ(r.mean.dice, (2.0 / 3.0 + 0.8 + 0.0) / 3.0);
}
