#include "delineo/ml/Metrics.h"

#include <algorithm>
#include <cmath>

namespace delineo::ml {

ConfusionCounts& ConfusionCounts::operator+=(const ConfusionCounts& o)
{
    tp += o.tp; fp += o.fp; fn += o.fn; tn += o.tn;
    return *this;
}

static double ratio(std::uint64_t num, std::uint64_t den)
{
    return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

SegmentationMetrics metricsFromCounts(const ConfusionCounts& c)
{
    SegmentationMetrics m;
    m.pixelAccuracy = ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn);
    m.iou = ratio(c.tp, c.tp + c.fp + c.fn);
    m.dice = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
    // Precision of an empty prediction is 1 only when there was nothing to find.
    m.precision = (c.tp + c.fp == 0) ? (c.fn == 0 ? 1.0 : 0.0) : ratio(c.tp, c.tp + c.fp);
    m.recall = ratio(c.tp, c.tp + c.fn);
    return m;
}

ConfusionCounts countClass(const std::uint8_t* prediction, const std::uint8_t* truth, std::size_t n,
                           std::uint8_t label)
{
    ConfusionCounts c;
    for (std::size_t i = 0; i < n; ++i) {
        const bool p = prediction[i] == label, t = truth[i] == label;
        c.tp += p & t;
        c.fp += p & !t;
        c.fn += !p & t;
        c.tn += !p & !t;
    }
    return c;
}

std::vector<std::pair<std::string, double>> namedValues(const SegmentationMetrics& m)
{
    return {{"pixelAccuracy", m.pixelAccuracy}, {"iou", m.iou}, {"dice", m.dice},
            {"precision", m.precision}, {"recall", m.recall}, {"hd95", m.hd95}};
}

namespace {

constexpr double kFar = 1e20;

// Exact squared Euclidean distance along one line of samples `step` mm apart (Felzenszwalb &
// Huttenlocher's lower envelope of parabolas). f: 0 at sites, kFar elsewhere; result in d.
void distance1d(const std::vector<double>& f, double step, std::vector<double>& d, std::vector<int>& v,
                std::vector<double>& z)
{
    const int n = static_cast<int>(f.size());
    const double inf = std::numeric_limits<double>::infinity();
    int k = 0;
    v[0] = 0;
    z[0] = -inf;
    z[1] = inf;
    for (int q = 1; q < n; ++q) {
        const double xq = q * step;
        auto meet = [&](int p) { return ((f[q] + xq * xq) - (f[p] + p * step * p * step)) / (2 * (xq - p * step)); };
        double s = meet(v[k]);
        while (s <= z[k]) {
            --k;
            s = meet(v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = inf;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q * step)
            ++k;
        const double dx = (q - v[k]) * step;
        d[q] = dx * dx + f[v[k]];
    }
}

// Squared distance (mm^2) from every pixel to the nearest site.
std::vector<double> squaredDistanceTo(const std::vector<std::uint8_t>& sites, int w, int h, double sx, double sy)
{
    std::vector<double> g(sites.size());
    const int longest = std::max(w, h);
    std::vector<double> f(longest), d(longest), z(longest + 1);
    std::vector<int> v(longest);
    f.resize(h); d.resize(h);
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y)
            f[y] = sites[std::size_t(y) * w + x] ? 0.0 : kFar;
        distance1d(f, sy, d, v, z);
        for (int y = 0; y < h; ++y)
            g[std::size_t(y) * w + x] = d[y];
    }
    f.resize(w); d.resize(w);
    for (int y = 0; y < h; ++y) {
        std::copy(g.begin() + std::ptrdiff_t(y) * w, g.begin() + std::ptrdiff_t(y + 1) * w, f.begin());
        distance1d(f, sx, d, v, z);
        std::copy(d.begin(), d.end(), g.begin() + std::ptrdiff_t(y) * w);
    }
    return g;
}

// Mask pixels with a 4-neighbour outside the mask (the image border counts as outside).
std::vector<std::uint8_t> boundary(const std::uint8_t* labels, int w, int h, std::uint8_t label, std::size_t& count)
{
    std::vector<std::uint8_t> b(std::size_t(w) * h, 0);
    count = 0;
    auto in = [&](int x, int y) { return x >= 0 && y >= 0 && x < w && y < h && labels[std::size_t(y) * w + x] == label; };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (in(x, y) && (!in(x - 1, y) || !in(x + 1, y) || !in(x, y - 1) || !in(x, y + 1))) {
                b[std::size_t(y) * w + x] = 1;
                ++count;
            }
    return b;
}

// 95th percentile with linear interpolation between order statistics (numpy's default).
double percentile95(std::vector<double>& values)
{
    std::sort(values.begin(), values.end());
    const double pos = 0.95 * (values.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(pos);
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - lo);
}

double directed95(const std::vector<std::uint8_t>& from, const std::vector<double>& distToOther)
{
    std::vector<double> d;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (from[i])
            d.push_back(std::sqrt(distToOther[i]));
    return percentile95(d);
}

} // namespace

double hausdorff95(const std::uint8_t* prediction, const std::uint8_t* truth, int width, int height, std::uint8_t label,
                   double spacingX, double spacingY)
{
    std::size_t np = 0, nt = 0;
    const auto bp = boundary(prediction, width, height, label, np);
    const auto bt = boundary(truth, width, height, label, nt);
    if (np == 0 && nt == 0)
        return 0.0;
    if (np == 0 || nt == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const auto toTruth = squaredDistanceTo(bt, width, height, spacingX, spacingY);
    const auto toPred = squaredDistanceTo(bp, width, height, spacingX, spacingY);
    return std::max(directed95(bp, toTruth), directed95(bt, toPred));
}

SegmentationMetrics meanOf(const std::vector<SegmentationMetrics>& items)
{
    SegmentationMetrics m;
    if (items.empty())
        return m;
    for (const auto& x : items) {
        m.pixelAccuracy += x.pixelAccuracy; m.iou += x.iou; m.dice += x.dice;
        m.precision += x.precision; m.recall += x.recall;
    }
    const double n = static_cast<double>(items.size());
    m.pixelAccuracy /= n; m.iou /= n; m.dice /= n; m.precision /= n; m.recall /= n;
    double hdSum = 0;
    int hdCount = 0;
    for (const auto& x : items)
        if (std::isfinite(x.hd95)) {
            hdSum += x.hd95;
            ++hdCount;
        }
    m.hd95 = hdCount ? hdSum / hdCount : std::numeric_limits<double>::quiet_NaN();
    return m;
}

ImageMetrics evaluateLabels(const std::uint8_t* prediction, const std::uint8_t* truth, int width, int height,
                            int numForeground, double spacingX, double spacingY)
{
    ImageMetrics r;
    const std::size_t n = static_cast<std::size_t>(width) * height;
    for (int k = 1; k <= numForeground; ++k) {
        const auto label = static_cast<std::uint8_t>(k);
        SegmentationMetrics m = metricsFromCounts(countClass(prediction, truth, n, label));
        m.hd95 = hausdorff95(prediction, truth, width, height, label, spacingX, spacingY);
        r.perClass.push_back(m);
    }
    r.mean = meanOf(r.perClass);
    return r;
}

} // namespace delineo::ml
