#include "Commands.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Segmenter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img)
{
    const std::vector<std::uint8_t> px = core::modelInput8(img);
    return seg.predict(ml::ImageU8View{px.data(), img.width, img.height, img.channels});
}

core::LabelMap toLabelMap(ml::Prediction&& p)
{
    core::LabelMap m;
    m.width = p.width;
    m.height = p.height;
    m.labels = std::move(p.labels);
    return m;
}

// Expands folders into their image files (sorted); files pass through.
std::vector<std::string> expandInputs(const std::vector<std::string>& inputs)
{
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> files;
            for (const auto& e : fs::directory_iterator(in, ec))
                if (e.is_regular_file() && core::hasImageExtension(e.path().string()))
                    files.push_back(e.path().string());
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

nlohmann::json toJson(const ml::SegmentationMetrics& m)
{
    return {{"pixelAccuracy", m.pixelAccuracy}, {"iou", m.iou}, {"dice", m.dice},
            {"precision", m.precision}, {"recall", m.recall}};
}

} // namespace

int runSegment(const CliArgs& args)
{
    const std::string modelPath = args.get("model", core::defaultModelPath());
    const std::string outDir = args.require("out");
    const auto inputs = expandInputs(args.positional());
    if (inputs.empty())
        throw UsageError("segment needs at least one input image or folder");
    auto seg = ml::Segmenter::load(modelPath);
    fs::create_directories(outDir);
    int failures = 0;
    std::vector<double> totalMs;
    for (const auto& path : inputs) {
        const auto t0 = Clock::now();
        try {
            core::Image img = core::loadImage(path);
            core::LabelMap mask = toLabelMap(predictImage(*seg, img));
            const std::string out = (fs::path(outDir) / (fs::path(path).stem().string() + ".png")).string();
            core::saveMask(out, mask, seg->config().numForeground());
            totalMs.push_back(msSince(t0));
            if (args.has("timing"))
                std::fprintf(stderr, "%s: %.1f ms\n", path.c_str(), totalMs.back());
        } catch (const core::ImageError& e) {
            ++failures;
            std::fprintf(stderr, "delineo-cli: %s [%s]\n", e.what(), core::ImageError::codeName(e.code()));
        }
    }
    if (!totalMs.empty()) {
        std::sort(totalMs.begin(), totalMs.end());
        std::fprintf(stderr, "segmented %zu of %zu images on %s; median %.1f ms per image (decode+infer+write)\n",
                     totalMs.size(), inputs.size(), seg->device().c_str(), totalMs[totalMs.size() / 2]);
    }
    return failures == 0 ? 0 : 1;
}

int runEvaluate(const CliArgs& args)
{
    const std::string modelPath = args.get("model", core::defaultModelPath());
    auto seg = ml::Segmenter::load(modelPath);
    const int k = seg->config().numForeground();
    std::vector<core::SamplePair> pairs;
    if (args.has("data"))
        pairs = core::SegmentationDataset::kvasirPairs(args.require("data"), args.get("list", "val.txt"));
    else
        pairs = core::SegmentationDataset::folderPairs(args.require("images"), args.require("masks"));
    if (pairs.empty())
        throw UsageError("no image/mask pairs found (masks must share the image's file name stem)");
    const int limit = args.getInt("limit", 0);
    if (limit > 0 && static_cast<std::size_t>(limit) < pairs.size())
        pairs.resize(limit);

    nlohmann::json report;
    report["model"] = modelPath;
    report["device"] = seg->device();
    report["images"] = nlohmann::json::array();
    std::vector<std::vector<ml::SegmentationMetrics>> perClass(k);
    std::vector<ml::SegmentationMetrics> perImageMean;
    const bool json = args.has("json");
    if (!json)
        std::printf("%-40s %8s %8s %8s %8s %8s\n", "image", "acc", "iou", "dice", "prec", "recall");
    for (const auto& p : pairs) {
        core::Image img = core::loadImage(p.image);
        core::LabelMap truth = core::loadMask(p.mask, k);
        if (truth.width != img.width || truth.height != img.height)
            throw core::ImageError(core::ErrorCode::WrongSize, "mask " + p.mask + " does not match its image size");
        core::LabelMap pred = toLabelMap(predictImage(*seg, img));
        auto m = ml::evaluateLabels(pred.labels.data(), truth.labels.data(), pred.labels.size(), k);
        for (int c = 0; c < k; ++c)
            perClass[c].push_back(m.perClass[c]);
        perImageMean.push_back(m.mean);
        const std::string name = fs::path(p.image).filename().string();
        if (json) {
            report["images"].push_back({{"image", name}, {"mean", toJson(m.mean)}});
        } else {
            std::printf("%-40s %8.4f %8.4f %8.4f %8.4f %8.4f\n", name.c_str(), m.mean.pixelAccuracy, m.mean.iou,
                        m.mean.dice, m.mean.precision, m.mean.recall);
        }
    }
    std::vector<ml::SegmentationMetrics> classMeans;
    for (int c = 0; c < k; ++c) {
        classMeans.push_back(ml::meanOf(perClass[c]));
        report["classes"][seg->config().classes[c].name] = toJson(classMeans.back());
    }
    const auto mean = ml::meanOf(classMeans);
    report["mean"] = toJson(mean);
    report["count"] = pairs.size();
    if (json) {
        std::cout << report.dump(2) << std::endl;
    } else {
        for (int c = 0; c < k; ++c)
            std::printf("%-40s %8.4f %8.4f %8.4f %8.4f %8.4f\n", ("class " + seg->config().classes[c].name).c_str(),
                        classMeans[c].pixelAccuracy, classMeans[c].iou, classMeans[c].dice, classMeans[c].precision,
                        classMeans[c].recall);
        std::printf("%-40s %8.4f %8.4f %8.4f %8.4f %8.4f\n", ("MEAN over " + std::to_string(pairs.size()) + " images").c_str(),
                    mean.pixelAccuracy, mean.iou, mean.dice, mean.precision, mean.recall);
    }
    return 0;
}

int runInfo(const CliArgs& args)
{
    if (args.positional().size() != 1)
        throw UsageError("info needs exactly one file");
    core::Image img = core::loadImage(args.positional()[0]);
    double lo = 0, hi = 0;
    img.range(lo, hi);
    double sum = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            for (int c = 0; c < img.channels; ++c)
                sum += img.value(x, y, c);
    const double mean = sum / (static_cast<double>(img.pixelCount()) * img.channels);
    nlohmann::json j;
    j["path"] = img.path;
    j["format"] = img.format;
    j["width"] = img.width;
    j["height"] = img.height;
    j["channels"] = img.channels;
    j["pixelType"] = core::pixelTypeName(img.type);
    j["spacing"] = img.spacingKnown ? nlohmann::json::array({img.spacingX, img.spacingY}) : nlohmann::json(nullptr);
    j["modality"] = img.modality;
    j["transferSyntax"] = img.transferSyntax;
    j["photometric"] = img.photometric;
    j["min"] = lo;
    j["max"] = hi;
    j["mean"] = mean;
    j["windows"] = nlohmann::json::array();
    for (const auto& w : img.windows)
        j["windows"].push_back({{"name", w.name}, {"center", w.center}, {"width", w.width}});
    if (args.has("json")) {
        std::cout << j.dump(2) << std::endl;
    } else {
        std::printf("%s\n  format %s, %d x %d, %d channel(s), %s\n", img.path.c_str(), img.format.c_str(), img.width,
                    img.height, img.channels, core::pixelTypeName(img.type));
        if (!img.modality.empty())
            std::printf("  modality %s, transfer syntax %s, %s\n", img.modality.c_str(), img.transferSyntax.c_str(),
                        img.photometric.c_str());
        if (img.spacingKnown)
            std::printf("  spacing %.4g x %.4g mm\n", img.spacingX, img.spacingY);
        std::printf("  values min %g, max %g, mean %.4g\n", lo, hi, mean);
        for (const auto& w : img.windows)
            std::printf("  window %s: centre %g, width %g\n", w.name.c_str(), w.center, w.width);
    }
    return 0;
}

} // namespace delineo::cli
