#include "Prediction.h"

#include "delineo/core/Rendering.h"

#include <cstdio>

namespace delineo::cli {

ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img, const ml::PredictOptions& options)
{
    const std::vector<std::uint8_t> px = core::modelInput8(img);
    return seg.predict(ml::ImageU8View{px.data(), img.width, img.height, img.channels}, options);
}

ml::PredictOptions predictOptions(const CliArgs& args)
{
    ml::PredictOptions options;
    options.flipTta = args.has("tta");
    options.tiled = args.has("tiles");
    options.tileZoom = args.getDouble("tile-zoom", 1.0);
    if (options.tileZoom <= 0 || options.tileZoom > 4)
        throw UsageError("--tile-zoom must be in (0, 4]");
    return options;
}

nlohmann::json metricsJson(const ml::SegmentationMetrics& m)
{
    nlohmann::json j;
    for (const auto& [name, value] : ml::namedValues(m))
        j[name] = value; // an undefined HD95 (NaN) is written as null
    return j;
}

void printMetricsRow(const std::string& name, const ml::SegmentationMetrics& m)
{
    std::printf("%-40s %8.4f %8.4f %8.4f %8.4f %8.4f %8.2f\n", name.c_str(), m.pixelAccuracy, m.iou, m.dice,
                m.precision, m.recall, m.hd95);
}

void printMetricsHeader(const std::string& first)
{
    std::printf("%-40s %8s %8s %8s %8s %8s %8s\n", first.c_str(), "acc", "iou", "dice", "prec", "recall", "hd95");
}

} // namespace delineo::cli
