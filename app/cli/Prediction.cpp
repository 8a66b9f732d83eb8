#include "Prediction.h"

#include "delineo/core/ImageIO.h"
#include "delineo/core/ModelLibrary.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::cli {

ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img, const ml::PredictOptions& options)
{
    const std::vector<std::uint8_t> px = core::modelInput8(img);
    return seg.predict(ml::ImageU8View{px.data(), img.width, img.height, img.channels}, options);
}

std::string kindOf(int channels, const std::string& modality)
{
    const std::string colour = channels == 3 ? "colour" : "grey";
    return modality.empty() ? colour : modality + ", " + colour;
}

std::string modelFor(const CliArgs& args, const std::string& firstInput)
{
    if (args.has("model"))
        return args.get("model", "");
    try {
        const core::Image first = core::loadImage(firstInput);
        const auto made = core::shippedModelsFor(first.channels, first.modality);
        if (!made.empty() && fs::path(made.front().path) != fs::path(core::defaultModelPath())) {
            std::fprintf(stderr, "delineo-cli: using the shipped %s model, the one made for images like %s (%s); --model picks another\n",
                         fs::path(made.front().path).stem().c_str(), fs::path(firstInput).filename().c_str(),
                         kindOf(first.channels, first.modality).c_str());
            return made.front().path;
        }
    } catch (const std::exception&) {
    }
    return core::defaultModelPath();
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
