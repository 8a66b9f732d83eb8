#include "Commands.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/EvaluationReport.h"
#include "Prediction.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Segmenter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <numeric>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

struct Loaded {
    core::Image image;
    core::LabelMap truth, prediction;
};

// `stack`: for a 2.5D model, the image's neighbours among the listed files (fileContexts).
Loaded loadAndPredict(const ml::Segmenter& seg, const core::SamplePair& p, const std::vector<std::string>& stack,
                      int k, const ml::PredictOptions& options)
{
    Loaded l;
    l.image = core::loadImage(p.image);
    l.truth = core::loadMask(p.mask, k);
    if (l.truth.width != l.image.width || l.truth.height != l.image.height)
        throw core::ImageError(core::ErrorCode::WrongSize, "mask " + p.mask + " does not match its image size");
    l.prediction = toLabelMap(predictImage(
        seg, stack.empty() ? l.image : core::stackFiles(stack, seg.config().inChannels), options));
    return l;
}

} // namespace

// Per-image metrics at each image's native size, a per-class table (means over images), and an
// HTML report with the worst cases drawn as image / ground truth / prediction.
int runEvaluate(const CliArgs& args)
{
    if (args.has("propagation"))
        return runEvaluatePropagation(args);
    if (args.has("interactive"))
        return runEvaluateInteractive(args);
    std::vector<core::SamplePair> pairs;
    std::string data;
    if (args.has("data")) {
        pairs = core::SegmentationDataset::kvasirPairs(args.require("data"), args.get("list", "val.txt"));
        data = args.require("data") + " (" + args.get("list", "val.txt") + ")";
    } else {
        pairs = core::SegmentationDataset::folderPairs(args.require("images"), args.require("masks"));
        data = args.require("images");
    }
    if (pairs.empty())
        throw UsageError("no image/mask pairs found (masks must share the image's file name stem)");
    const std::string modelPath = modelFor(args, pairs.front().image);
    auto seg = core::loadModel(modelPath);
    const int k = seg->config().numForeground();
    std::vector<std::string> files;
    for (const auto& p : pairs)
        files.push_back(p.image);
    const int context = seg->config().contextSlices;
    const auto stacks = context > 1 ? core::fileStacks(files, context) : std::vector<std::vector<std::string>>(pairs.size());
    const int limit = args.getInt("limit", 0);
    if (limit > 0 && static_cast<std::size_t>(limit) < pairs.size())
        pairs.resize(static_cast<std::size_t>(limit));

    const ml::PredictOptions options = predictOptions(args);
    nlohmann::json report;
    report["model"] = modelPath;
    report["device"] = seg->device();
    report["images"] = nlohmann::json::array();
    core::MetricsTally tally(k);
    const bool json = args.has("json");
    if (!json)
        printMetricsHeader("image");
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const core::SamplePair& p = pairs[i];
        const Loaded l = loadAndPredict(*seg, p, stacks[i], k, options);
        const auto m = tally.add(l.prediction, l.truth, l.image);
        const std::string name = fs::path(p.image).filename().string();
        if (json)
            report["images"].push_back({{"image", name}, {"mean", metricsJson(m.mean)}});
        else
            printMetricsRow(name, m.mean);
    }
    core::EvaluationReport html;
    html.modelPath = modelPath;
    html.dataDescription = data;
    html.config = seg->config();
    tally.fill(html);
    std::size_t presentClasses = 0;
    for (int c = 0; c < k; ++c) {
        const std::string& name = seg->config().classes[c].name;
        report["classes"][name] = metricsJson(html.classMeans[c]);
        report["classes"][name]["truthPixels"] = tally.truthPixels(c);
        report["classes"][name]["pooledDice"] = tally.pooledDice(c); // null when neither side has the class
        presentClasses += html.classPresent[c] ? 1 : 0;
    }
    report["mean"] = metricsJson(html.mean);
    report["count"] = pairs.size();
    report["hd95Unit"] = html.hdUnit;

    const std::string reportPath = args.get("report", "evaluation.html");
    if (!args.has("no-report")) {
        for (std::size_t i : tally.worst(static_cast<std::size_t>(std::max(0, args.getInt("worst", 8))))) {
            Loaded l = loadAndPredict(*seg, pairs[i], stacks[i], k, options);
            html.worst.push_back({fs::path(pairs[i].image).filename().string(), tally.imageDice(i), tally.imageHd95(i),
                                  std::move(l.image), std::move(l.truth), std::move(l.prediction)});
        }
        html.write(reportPath);
        report["report"] = reportPath;
    }
    if (json) {
        std::cout << report.dump(2) << std::endl;
        return 0;
    }
    for (int c = 0; c < k; ++c)
        printMetricsRow("class " + seg->config().classes[c].name, html.classMeans[c]);
    printMetricsRow("MEAN (" + std::to_string(presentClasses == 0 ? static_cast<std::size_t>(k) : presentClasses) + " classes, " +
                 std::to_string(pairs.size()) + " images)",
             html.mean);
    std::printf("hd95 in %s; metrics are means over images; report: %s\n", html.hdUnit.c_str(),
                args.has("no-report") ? "not written (--no-report)" : reportPath.c_str());
    return 0;
}

} // namespace delineo::cli
