#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
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
    // 95th percentile Hausdorff distance between the boundaries, in mm when the pixel spacing is
    // known (else pixels); 0 when both masks are empty, NaN (undefined) when only one is.
    double hd95 = std::numeric_limits<double>::quiet_NaN();
};

// (name, value) of every metric, in report order: pixelAccuracy, iou, dice, precision, recall, hd95.
std::vector<std::pair<std::string, double>> namedValues(const SegmentationMetrics& m);

// Ratios with the convention that an empty prediction of an empty truth is perfect (1.0).
SegmentationMetrics metricsFromCounts(const ConfusionCounts& c);

// Counts for class `label` in two label maps of the same size (values are class indices).
ConfusionCounts countClass(const std::uint8_t* prediction, const std::uint8_t* truth, std::size_t n,
                           std::uint8_t label);

// HD95 of class `label` in two width x height label maps; spacing in mm per pixel along x and y.
double hausdorff95(const std::uint8_t* prediction, const std::uint8_t* truth, int width, int height,
                   std::uint8_t label, double spacingX = 1.0, double spacingY = 1.0);

// Per-class metrics (index 0 = class 1) plus their mean, for one image pair.
struct ImageMetrics {
    std::vector<SegmentationMetrics> perClass;
    SegmentationMetrics mean;
};
ImageMetrics evaluateLabels(const std::uint8_t* prediction, const std::uint8_t* truth, int width, int height,
                            int numForeground, double spacingX = 1.0, double spacingY = 1.0);
// Means; HD95 is averaged over the items where it is defined.
SegmentationMetrics meanOf(const std::vector<SegmentationMetrics>& items);

} // namespace delineo::ml
