#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/MaskOps.h"

#include <random>

using namespace delineo;

namespace {

core::LabelMap disc(int w, int h, int cx, int cy, int r, std::uint8_t label = 1)
{
    core::LabelMap m(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
                m.at(x, y) = label;
    return m;
}

int count(const core::LabelMap& m, std::uint8_t label)
{
    return static_cast<int>(std::count(m.labels.begin(), m.labels.end(), label));
}

} // namespace

TEST(MaskOps, FillHolesKeepsOtherClassesAndOpenBays)
{
    auto m = disc(40, 40, 20, 20, 12);
    for (int y = 18; y <= 22; ++y)
        for (int x = 18; x <= 22; ++x)
            m.at(x, y) = 0;             // a 5x5 hole
    m.at(20, 20) = 2;                   // another class inside the hole stays
    for (int y = 19; y <= 21; ++y)      // a bay open to the border is not a hole
        for (int x = 0; x <= 9; ++x)
            m.at(x, y) = 0;
    const auto f = core::fillHoles(m, 1);
    EXPECT_EQ(f.at(18, 18), 1);
    EXPECT_EQ(f.at(20, 20), 2);
    EXPECT_EQ(f.at(9, 20), 0);
    EXPECT_EQ(count(f, 1), count(m, 1) + 24);
    EXPECT_EQ(core::fillHoles(m, 1, true).at(20, 20), 1); // overwrite on
}

TEST(MaskOps, RemoveSmallIslandsAndSmooth)
{
    auto m = disc(60, 40, 20, 20, 10);
    m.at(50, 5) = 1;                    // a speck
    m.at(51, 5) = 1;
    const auto r = core::removeSmallIslands(m, 1, 5);
    EXPECT_EQ(r.at(50, 5), 0);
    EXPECT_EQ(count(r, 1), count(m, 1) - 2);
    const auto s = core::smoothClass(m, 1, 2);
    EXPECT_EQ(s.at(50, 5), 0);          // opening drops the speck
    EXPECT_EQ(s.at(20, 20), 1);
    EXPECT_NEAR(count(s, 1), count(r, 1), count(r, 1) / 10);
}

TEST(MaskOps, CopyAndInterpolateBetweenSlices)
{
    const auto a = disc(50, 50, 20, 25, 8), b = disc(50, 50, 28, 25, 8); // overlapping, as on adjacent slices
    core::LabelMap target(50, 50);
    target.at(0, 0) = 2;
    const auto copied = core::copyClassFrom(target, a, 1);
    EXPECT_EQ(count(copied, 1), count(a, 1));
    EXPECT_EQ(copied.at(0, 0), 2);
    const auto mid = core::interpolateClass(target, a, b, 1, 0.5);
    EXPECT_EQ(mid.at(24, 25), 1);       // the disc moved halfway
    EXPECT_EQ(mid.at(32, 25), 1);
    EXPECT_EQ(mid.at(14, 25), 0);       // inside a only
    EXPECT_EQ(mid.at(34, 25), 0);       // inside b only
    EXPECT_NEAR(count(mid, 1), count(a, 1), count(a, 1) / 5);
    EXPECT_THROW(core::copyClassFrom(target, core::LabelMap(10, 10), 1), core::ImageError);
}

TEST(MaskOps, PreviewMergeNeverOverwritesManualLabelsUnlessAsked)
{
    core::LabelMap current(4, 1), preview(4, 1);
    current.labels = {0, 2, 0, 1};
    preview.labels = {1, 1, 3, 0};
    EXPECT_EQ(core::mergePreview(current, preview, 0, false).labels, (std::vector<std::uint8_t>{1, 2, 3, 1}));
    EXPECT_EQ(core::mergePreview(current, preview, 0, true).labels, (std::vector<std::uint8_t>{1, 1, 3, 0}));
    EXPECT_EQ(core::mergePreview(current, preview, 3, false).labels, (std::vector<std::uint8_t>{0, 2, 3, 1}));
    const auto d = disc(40, 40, 20, 20, 10);
    const auto o = core::outlineOf(d);
    EXPECT_EQ(o.at(20, 20), 0);
    EXPECT_EQ(o.at(20, 10), 1);  // the rim
    EXPECT_EQ(o.at(20, 11), 1);  // two pixels wide
    EXPECT_EQ(o.at(20, 13), 0);
    EXPECT_LT(count(o, 1), count(d, 1) / 2);
}

// The outline against its definition, pixel by pixel, on random maps of three classes (borders,
// thin strands and single pixels included).
TEST(MaskOps, TheOutlineIsEveryLabelledPixelWithinTwoStepsOfAnotherValue)
{
    std::mt19937 random(5);
    for (int round = 0; round < 20; ++round) {
        const int w = 3 + int(random() % 40), h = 3 + int(random() % 30);
        core::LabelMap m(w, h);
        for (auto& v : m.labels)
            v = random() % 4 == 0 ? std::uint8_t(random() % 4) : 0;
        for (int y = 0; y < h; ++y) // and blocks, so that there are insides
            for (int x = 0; x < w; ++x)
                if ((x / 7 + y / 5) % 3 == 1)
                    m.at(x, y) = std::uint8_t(1 + (x / 7) % 3);
        const core::LabelMap o = core::outlineOf(m);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const std::uint8_t v = m.at(x, y);
                bool edge = false;
                for (int dy = -2; dy <= 2; ++dy)
                    for (int dx = -2; dx <= 2; ++dx) {
                        const int nx = x + dx, ny = y + dy;
                        if (std::abs(dx) + std::abs(dy) <= 2 &&
                            (nx < 0 || ny < 0 || nx >= w || ny >= h || m.at(nx, ny) != v))
                            edge = true;
                    }
                ASSERT_EQ(o.at(x, y), v && edge ? v : 0) << "round " << round << " at " << x << "," << y;
            }
    }
}

// Any label other than background, wherever it lies: within the first block, past a block's end.
TEST(MaskOps, AnyForegroundFindsALabelAnywhere)
{
    EXPECT_FALSE(core::anyForeground({}));
    std::vector<std::uint8_t> labels(3 * 4096 + 17, 0);
    EXPECT_FALSE(core::anyForeground(labels));
    for (std::size_t at : {std::size_t(0), std::size_t(4095), std::size_t(4096), labels.size() - 1}) {
        labels[at] = 3;
        EXPECT_TRUE(core::anyForeground(labels)) << at;
        labels[at] = 0;
    }
}
