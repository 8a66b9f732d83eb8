// Prompt encoding, the focus window and the simulated annotator of the interactive model.
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Prompts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

using namespace delineo::ml;

namespace {

std::vector<std::uint8_t> rect(int w, int h, int x0, int y0, int x1, int y1)
{
    std::vector<std::uint8_t> m(static_cast<std::size_t>(w) * h, 0);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            m[static_cast<std::size_t>(y) * w + x] = 1;
    return m;
}

} // namespace

TEST(Prompts, ClicksAreDisksBoxesAreFilledAndScribblesAreStrokes)
{
    PromptSet p;
    p.clicks = {{5, 5, true}, {15, 5, false}};
    p.box = Box{2, 10, 6, 12};
    p.scribbles = {Scribble{{{10, 15, true}, {18, 15, true}}}};
    const auto maps = encodePrompts(p, 20, 20, 2.0f);
    ASSERT_EQ(maps.size(), 3u * 400);
    auto at = [&](int plane, int x, int y) { return maps[plane * 400 + y * 20 + x]; };
    EXPECT_EQ(at(0, 5, 5), 1.0f);
    EXPECT_EQ(at(0, 7, 5), 1.0f);  // radius 2
    EXPECT_EQ(at(0, 8, 5), 0.0f);
    EXPECT_EQ(at(0, 7, 7), 0.0f);  // outside the disk (distance 2.83)
    EXPECT_EQ(at(1, 15, 5), 1.0f); // the negative click in the negative plane only
    EXPECT_EQ(at(0, 15, 5), 0.0f);
    EXPECT_EQ(at(2, 2, 10), 1.0f);
    EXPECT_EQ(at(2, 5, 11), 1.0f);
    EXPECT_EQ(at(2, 6, 11), 0.0f); // x1 exclusive
    for (int x = 10; x <= 18; ++x)
        EXPECT_EQ(at(0, x, 15), 1.0f) << x;
}

TEST(Prompts, TheNextClickGoesToTheMiddleOfTheLargestErrorRegion)
{
    const int w = 40, h = 30;
    const auto truth = rect(w, h, 5, 5, 25, 25); // 20x20 object
    std::vector<std::uint8_t> empty(truth.size(), 0);
    auto click = nextClick(truth.data(), empty.data(), w, h);
    ASSERT_TRUE(click);
    EXPECT_TRUE(click->positive);
    // The most interior pixel of the 20x20 square: its centre (first in scan order among the ties).
    EXPECT_NEAR(click->x, 14.5, 1.0);
    EXPECT_NEAR(click->y, 14.5, 1.0);
    // A prediction that covers the object and spills a larger area to the right: a negative click there.
    auto spill = rect(w, h, 5, 5, 40, 25);
    click = nextClick(truth.data(), spill.data(), w, h);
    ASSERT_TRUE(click);
    EXPECT_FALSE(click->positive);
    EXPECT_GE(click->x, 25);
    EXPECT_FALSE(nextClick(truth.data(), truth.data(), w, h)); // nothing left to correct
    // Deterministic: the same masks give the same click.
    EXPECT_EQ(*nextClick(truth.data(), spill.data(), w, h), *click);
}

// Training clicks are not always the exact centre: anywhere well inside the error region, drawn
// from the seed (the same seed, the same click).
TEST(Prompts, TrainingClicksFallWellInsideTheErrorRegionWithTheSeed)
{
    const int w = 60, h = 50;
    const auto truth = rect(w, h, 10, 10, 50, 40); // 40x30: the centre is 15 pixels from the border
    const std::vector<std::uint8_t> empty(truth.size(), 0);
    std::vector<std::pair<int, int>> seen;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 a(seed), b(seed);
        const auto click = nextClick(truth.data(), empty.data(), w, h, &a);
        ASSERT_TRUE(click);
        EXPECT_EQ(*click, *nextClick(truth.data(), empty.data(), w, h, &b));
        EXPECT_TRUE(click->positive);
        // At least 40% of the deepest distance (15) from the border: 6 pixels inside.
        EXPECT_GE(click->x, 10 + 5);
        EXPECT_LT(click->x, 50 - 5);
        EXPECT_GE(click->y, 10 + 5);
        EXPECT_LT(click->y, 40 - 5);
        seen.push_back({click->x, click->y});
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_GT(std::unique(seen.begin(), seen.end()) - seen.begin(), 10) << "spread, not one point";
}

TEST(Prompts, NumberOfClicksFollowsTheNocConvention)
{
    EXPECT_EQ(clicksToReach({0.5, 0.86, 0.91}, 0.85, 20), 2);
    EXPECT_EQ(clicksToReach({0.5, 0.86, 0.91}, 0.90, 20), 3);
    EXPECT_EQ(clicksToReach({0.92}, 0.90, 20), 1);
    EXPECT_EQ(clicksToReach({0.5, 0.6}, 0.90, 20), 20); // never reached: counted as the limit
    EXPECT_EQ(clicksToReach({}, 0.90, 20), 20);
    EXPECT_EQ(clicksToReach({0.1, 0.2, 0.95}, 0.90, 2), 2); // only the first maxClicks count
}

TEST(Prompts, SimulatedAnnotatorConvergesOnAHandMadeCase)
{
    // A "model" that paints a disk of radius 6 around each positive click and erases around each
    // negative one: the simulated clicks must cover an L-shaped object within a few clicks.
    const int w = 48, h = 48;
    auto truth = rect(w, h, 8, 8, 20, 40);
    const auto foot = rect(w, h, 8, 28, 40, 40);
    for (std::size_t i = 0; i < truth.size(); ++i)
        truth[i] |= foot[i];
    std::vector<std::uint8_t> pred(truth.size(), 0);
    std::vector<double> dice;
    for (int k = 0; k < 20; ++k) {
        const auto c = nextClick(truth.data(), pred.data(), w, h);
        if (!c)
            break;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if ((x - c->x) * (x - c->x) + (y - c->y) * (y - c->y) <= 36)
                    pred[static_cast<std::size_t>(y) * w + x] = c->positive && truth[static_cast<std::size_t>(y) * w + x];
        dice.push_back(metricsFromCounts(countClass(pred.data(), truth.data(), pred.size(), 1)).dice);
    }
    ASSERT_FALSE(dice.empty());
    EXPECT_LT(dice.front(), 0.5);
    EXPECT_LE(clicksToReach(dice, 0.85, 20), 12);
    for (std::size_t i = 1; i < dice.size(); ++i)
        EXPECT_GE(dice[i] + 1e-9, dice[i - 1]); // clicks only ever add truth here
}

TEST(Prompts, FocusWindowCoversPromptsAndMaskAndStaysInsideTheImage)
{
    PromptSet p;
    p.clicks = {{100, 50, true}};
    auto mask = rect(400, 300, 90, 40, 130, 70);
    const Box b = focusWindow(p, mask.data(), 400, 300, 1.4, 64);
    EXPECT_LE(b.x0, 90);
    EXPECT_GE(b.x1, 130);
    EXPECT_LE(b.y0, 40);
    EXPECT_GE(b.y1, 70);
    EXPECT_EQ(b.width(), b.height()); // square: the network input is
    EXPECT_GE(b.width(), 64);
    PromptSet corner;
    corner.clicks = {{399, 299, true}};
    const Box c = focusWindow(corner, nullptr, 400, 300, 1.4, 64);
    EXPECT_EQ(c.x1, 400);
    EXPECT_EQ(c.y1, 300);
    EXPECT_EQ(c.width(), 64);
    EXPECT_EQ(focusWindow(PromptSet{}, nullptr, 400, 300), (Box{0, 0, 400, 300}));
    std::mt19937 rng(7);
    const auto exact = boxOfMask(mask.data(), 400, 300, 0.0, rng);
    ASSERT_TRUE(exact);
    EXPECT_EQ(*exact, (Box{90, 40, 130, 70}));
    std::mt19937 a(3), b2(3);
    EXPECT_EQ(*boxOfMask(mask.data(), 400, 300, 0.1, a), *boxOfMask(mask.data(), 400, 300, 0.1, b2)); // seeded
}
