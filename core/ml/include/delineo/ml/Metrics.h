#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::ml {

// Confusion counts of one class over one or more images.
struct ConfusionCounts {
    std::uint64_t tp = 0, fp = 0, fn = 0, tn = 0;
    ConfusionCounts& operator+=(const ConfusionCounts& o);
};

struct SegmentationMetrics {
    double pixelAccuracy = 0, iou = 0, dice = 0, precision = 0, recall = 0;
};

// Ratios with the convention that an empty prediction of an empty truth is perfect (1.0).
SegmentationMetrics metricsFromCounts(const ConfusionCounts& c);

// Counts for class `label` in two label maps of the same size (values are class indices).
ConfusionCounts countClass(const std::uint8_t* prediction, const std::uint8_t* truth, std::size_t n,
                           std::uint8_t label);

// Per-class metrics (index 0 = class 1) plus their mean, for one image pair.
struct ImageMetrics {
    std::vector<SegmentationMetrics> perClass;
    SegmentationMetrics mean;
};
ImageMetrics evaluateLabels(const std::uint8_t* prediction, const std::uint8_t* truth, std::size_t n,
                            int numForeground);
SegmentationMetrics meanOf(const std::vector<SegmentationMetrics>& items);

} // namespace delineo::ml
