#include "delineo/ml/Metrics.h"

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
    return m;
}

ImageMetrics evaluateLabels(const std::uint8_t* prediction, const std::uint8_t* truth, std::size_t n,
                            int numForeground)
{
    ImageMetrics r;
    for (int k = 1; k <= numForeground; ++k)
        r.perClass.push_back(metricsFromCounts(countClass(prediction, truth, n, static_cast<std::uint8_t>(k))));
    r.mean = meanOf(r.perClass);
    return r;
}

} // namespace delineo::ml
