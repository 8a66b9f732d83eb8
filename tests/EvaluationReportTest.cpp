// The evaluation tally: means over images, the mean over the classes drawn, and Dice pooled over
// every pixel, which an image without the class cannot inflate.
#include "delineo/core/EvaluationReport.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace delineo;

TEST(EvaluationReport, PooledDiceCountsPixelsNotImages)
{
    core::Image image;
    image.width = 4;
    image.height = 1;
    core::MetricsTally tally(2);
    core::LabelMap truth(4, 1), prediction(4, 1);
    truth.labels = {1, 1, 0, 0};
    prediction.labels = {1, 0, 0, 0};   // class 1: 1 of 2 found
    tally.add(prediction, truth, image);
    truth.labels = {0, 0, 0, 0};
    prediction.labels = {0, 0, 0, 0};   // neither has anything: a perfect image for both classes
    tally.add(prediction, truth, image);
    core::EvaluationReport report;
    tally.fill(report);
    EXPECT_NEAR(report.classMeans[0].dice, (2.0 / 3.0 + 1.0) / 2.0, 1e-9); // the empty image counts as 1
    EXPECT_NEAR(tally.pooledDice(0), 2.0 * 1 / (2 + 1), 1e-9);            // pixels: 2 TP+FN, 1 predicted
    EXPECT_TRUE(std::isnan(tally.pooledDice(1)));                           // class 2: nobody has it
    EXPECT_TRUE(report.classPresent[0]);
    EXPECT_FALSE(report.classPresent[1]);
    EXPECT_NEAR(report.mean.dice, report.classMeans[0].dice, 1e-12);        // the mean covers drawn classes
    EXPECT_EQ(tally.worst(1), std::vector<std::size_t>{0});
}
