#include <gtest/gtest.h>

#include "delineo/ml/Metrics.h"

#include <cmath>
#include <vector>

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
    auto r = evaluateLabels(pred, truth, 6, 1, 3);
    ASSERT_EQ(r.perClass.size(), 3u);
    EXPECT_DOUBLE_EQ(r.perClass[0].dice, 2.0 / 3.0); // tp1 fp1 fn0
    EXPECT_DOUBLE_EQ(r.perClass[1].dice, 4.0 / 5.0); // tp2 fp0 fn1
    EXPECT_DOUBLE_EQ(r.perClass[2].dice, 0.0);       // tp0 fp1 fn0
    EXPECT_DOUBLE_EQ(r.mean.dice, (2.0 / 3.0 + 0.8 + 0.0) / 3.0);
}

TEST(Metrics, Hd95HandComputedCases)
{
    std::vector<std::uint8_t> empty(100, 0), a(100, 0), b(100, 0);
    EXPECT_DOUBLE_EQ(hausdorff95(empty.data(), empty.data(), 10, 10, 1), 0.0);
    a[0] = 1;                                      // (0,0)
    EXPECT_TRUE(std::isnan(hausdorff95(a.data(), empty.data(), 10, 10, 1)));
    EXPECT_TRUE(std::isnan(hausdorff95(empty.data(), a.data(), 10, 10, 1)));
    EXPECT_DOUBLE_EQ(hausdorff95(a.data(), a.data(), 10, 10, 1), 0.0);
    b[4 * 10 + 3] = 1;                             // (3,4): 3-4-5 triangle
    EXPECT_NEAR(hausdorff95(a.data(), b.data(), 10, 10, 1), 5.0, 1e-9);
    // Anisotropic pixels: 3 px * 2 mm and 4 px * 0.5 mm.
    EXPECT_NEAR(hausdorff95(a.data(), b.data(), 10, 10, 1, 2.0, 0.5), std::sqrt(36.0 + 4.0), 1e-9);
    // Two full-width lines two rows apart: every boundary pixel is 2 away.
    std::vector<std::uint8_t> l1(50, 0), l2(50, 0);
    for (int x = 0; x < 10; ++x) {
        l1[2 * 10 + x] = 1;
        l2[4 * 10 + x] = 1;
    }
    EXPECT_NEAR(hausdorff95(l1.data(), l2.data(), 10, 5, 1), 2.0, 1e-9);
}

// Against a brute-force nearest-boundary search on irregular shapes, with the numpy-style percentile.
TEST(Metrics, Hd95MatchesBruteForce)
{
    const int w = 40, h = 30;
    std::vector<std::uint8_t> p(w * h, 0), t(w * h, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if ((x - 15) * (x - 15) + (y - 12) * (y - 12) < 60)
                t[y * w + x] = 2;
            if ((x - 19) * (x - 19) / 2 + (y - 14) * (y - 14) < 50 || (x > 30 && y > 25))
                p[y * w + x] = 2;
        }
    auto edge = [&](const std::vector<std::uint8_t>& m) {
        std::vector<std::pair<int, int>> e;
        auto in = [&](int x, int y) { return x >= 0 && y >= 0 && x < w && y < h && m[y * w + x] == 2; };
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (in(x, y) && (!in(x - 1, y) || !in(x + 1, y) || !in(x, y - 1) || !in(x, y + 1)))
                    e.emplace_back(x, y);
        return e;
    };
    const double sx = 0.8, sy = 1.5;
    auto directed = [&](const auto& from, const auto& to) {
        std::vector<double> d;
        for (auto [x, y] : from) {
            double best = 1e30;
            for (auto [u, v] : to)
                best = std::min(best, std::hypot((x - u) * sx, (y - v) * sy));
            d.push_back(best);
        }
        std::sort(d.begin(), d.end());
        const double pos = 0.95 * (d.size() - 1);
        const std::size_t lo = static_cast<std::size_t>(pos), hi = std::min(lo + 1, d.size() - 1);
        return d[lo] + (d[hi] - d[lo]) * (pos - lo);
    };
    const auto ep = edge(p), et = edge(t);
    const double expected = std::max(directed(ep, et), directed(et, ep));
    EXPECT_NEAR(hausdorff95(p.data(), t.data(), w, h, 2, sx, sy), expected, 1e-9);
    const auto r = evaluateLabels(p.data(), t.data(), w, h, 2, sx, sy);
    EXPECT_NEAR(r.perClass[1].hd95, expected, 1e-9);
    EXPECT_DOUBLE_EQ(r.perClass[0].hd95, 0.0); // class 1 absent from both
    EXPECT_NEAR(r.mean.hd95, expected / 2, 1e-9);
}
