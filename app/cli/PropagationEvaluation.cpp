// delineo-cli evaluate --propagation: the interactive model carrying a mask through sequences whose
// truth is known, made from still images by smooth deformations (a simulation, not real video).
#include "Commands.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Propagation.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ml/Metrics.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace delineo::cli {

namespace {

double dice(const std::vector<std::uint8_t>& prediction, const std::vector<std::uint8_t>& truth)
{
    return ml::metricsFromCounts(ml::countClass(prediction.data(), truth.data(), truth.size(), 1)).dice;
}

} // namespace

int runEvaluatePropagation(const CliArgs& args)
{
    const std::string modelPath = args.require("model");
    auto model = ml::InteractiveSegmenter::load(modelPath);
    std::vector<core::SamplePair> pairs =
        args.has("data") ? core::SegmentationDataset::kvasirPairs(args.require("data"), args.get("list", "val.txt"))
                         : core::SegmentationDataset::folderPairs(args.require("images"), args.require("masks"));
    const int limit = args.getInt("limit", 20);
    if (limit > 0 && static_cast<std::size_t>(limit) < pairs.size())
        pairs.resize(static_cast<std::size_t>(limit));
    if (pairs.empty())
        throw UsageError("no image/mask pairs found (masks must share the image's file name stem)");
    const int frames = args.getInt("frames", 30);
    if (frames < 2 || frames > 1000)
        throw UsageError("--frames must be between 2 and 1000");
    core::PropagationOptions options;
    options.opticalFlow = !args.has("no-flow");
    double sumModel = 0, sumCopy = 0, sumWorst = 0, seconds = 0;
    std::size_t steps = 0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const core::Image image = core::loadImage(pairs[k].image);
        const core::LabelMap truth = core::loadMask(pairs[k].mask, 1);
        if (truth.width != image.width || truth.height != image.height)
            throw core::ImageError(core::ErrorCode::WrongSize, "mask " + pairs[k].mask + " does not match its image size");
        const std::vector<std::uint8_t> pixels = core::modelInput8(image);
        const auto seq = core::deformedSequence({pixels.data(), image.width, image.height, image.channels},
                                                truth.labels.data(), frames + 1, unsigned(k + 1));
        std::vector<std::uint8_t> carried = seq[0].mask;
        double worst = 1, seqModel = 0, seqCopy = 0;
        for (int t = 1; t <= frames; ++t) {
            const ml::ImageU8View from{seq[t - 1].pixels.data(), image.width, image.height, image.channels};
            const ml::ImageU8View to{seq[t].pixels.data(), image.width, image.height, image.channels};
            const auto t0 = std::chrono::steady_clock::now();
            carried = core::propagateMask(*model, from, carried.data(), to, options).mask;
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const double d = dice(carried, seq[t].mask);
            worst = std::min(worst, d);
            seqModel += d;
            seqCopy += dice(seq[0].mask, seq[t].mask);
            ++steps;
        }
        sumModel += seqModel / frames;
        sumCopy += seqCopy / frames;
        sumWorst += worst;
    }
    const double n = double(pairs.size());
    nlohmann::json report{{"model", modelPath},       {"sequences", pairs.size()},     {"frames", frames},
                          {"opticalFlow", options.opticalFlow},
                          {"meanDice", sumModel / n}, {"copyFirstMaskDice", sumCopy / n},
                          {"meanWorstFrameDice", sumWorst / n}, {"msPerFrame", 1000 * seconds / double(steps)}};
    if (args.has("json")) {
        std::cout << report.dump(2) << std::endl;
        return 0;
    }
    std::printf("%zu simulated sequences (smooth known deformations of still images, not real video), %d frames "
                "each, optical flow %s\n",
                pairs.size(), frames, options.opticalFlow ? "on" : "off");
    std::printf("mean Dice over the propagated frames %.4f; copying the first frame's mask %.4f (%+.4f); "
                "mean worst frame %.4f; %.1f ms per frame\n",
                sumModel / n, sumCopy / n, sumModel / n - sumCopy / n, sumWorst / n, 1000 * seconds / double(steps));
    return 0;
}

} // namespace delineo::cli
