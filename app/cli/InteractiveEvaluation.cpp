// delineo-cli evaluate --interactive: the interactive model measured as an annotator would use it.
#include "Commands.h"
#include "Prediction.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ml/Prompts.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

// One start mode's figures over every object of every image.
struct ModeStats {
    std::string name;
    std::vector<int> noc85, noc90;
    std::vector<double> dice1, dice3, dice5, boxDice;
    int neverReached90 = 0;
};

double mean(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

double meanInt(const std::vector<int>& v)
{
    return mean(std::vector<double>(v.begin(), v.end()));
}

// Clicks to reach the threshold; 0 when the start (or the box) already reaches it.
int clicksFor(const ml::AnnotationTrace& t, bool box, double threshold, int maxClicks)
{
    if ((box ? t.boxDice : t.startDice) >= threshold)
        return 0;
    return ml::clicksToReach(t.dice, threshold, maxClicks);
}

double diceAfter(const ml::AnnotationTrace& t, bool box, std::size_t clicks)
{
    if (t.dice.empty())
        return box ? t.boxDice : t.startDice;
    return t.dice[std::min(clicks, t.dice.size()) - 1]; // stopped early: the last value holds
}

} // namespace

int runEvaluateInteractive(const CliArgs& args)
{
    const std::string modelPath = args.require("model");
    auto model = ml::InteractiveSegmenter::load(modelPath);
    std::unique_ptr<ml::Segmenter> draftModel;
    if (args.has("draft-model"))
        draftModel = core::loadModel(args.get("draft-model"));
    const int classes = draftModel ? draftModel->config().numForeground() : args.getInt("classes", 1);
    std::vector<core::SamplePair> pairs =
        args.has("data") ? core::SegmentationDataset::kvasirPairs(args.require("data"), args.get("list", "val.txt"))
                         : core::SegmentationDataset::folderPairs(args.require("images"), args.require("masks"));
    const int limit = args.getInt("limit", 0);
    if (limit > 0 && static_cast<std::size_t>(limit) < pairs.size())
        pairs.resize(static_cast<std::size_t>(limit));
    if (pairs.empty())
        throw UsageError("no image/mask pairs found (masks must share the image's file name stem)");
    const int maxClicks = args.getInt("max-clicks", 20);
    std::vector<ModeStats> modes = {{"empty"}, {"box"}};
    if (draftModel)
        modes.push_back({"draft"});
    std::size_t objects = 0;
    for (const auto& p : pairs) {
        const core::Image image = core::loadImage(p.image);
        const core::LabelMap truth = core::loadMask(p.mask, classes);
        if (truth.width != image.width || truth.height != image.height)
            throw core::ImageError(core::ErrorCode::WrongSize, "mask " + p.mask + " does not match its image size");
        const std::vector<std::uint8_t> pixels = core::modelInput8(image);
        const ml::ImageU8View view{pixels.data(), image.width, image.height, image.channels};
        core::LabelMap draft;
        if (draftModel)
            draft = toLabelMap(predictImage(*draftModel, image));
        for (int c = 1; c <= classes; ++c) {
            std::vector<std::uint8_t> object(truth.labels.size()), start(truth.labels.size(), 0);
            bool present = false;
            for (std::size_t i = 0; i < object.size(); ++i) {
                object[i] = truth.labels[i] == c;
                present = present || object[i];
                if (draftModel)
                    start[i] = draft.labels[i] == c;
            }
            if (!present)
                continue;
            ++objects;
            for (auto& m : modes) {
                const bool box = m.name == "box";
                const auto t = ml::simulateAnnotator(*model, view, object.data(), m.name == "draft" ? start.data() : nullptr,
                                                     box, maxClicks, 0.90);
                m.noc85.push_back(clicksFor(t, box, 0.85, maxClicks));
                m.noc90.push_back(clicksFor(t, box, 0.90, maxClicks));
                m.dice1.push_back(diceAfter(t, box, 1));
                m.dice3.push_back(diceAfter(t, box, 3));
                m.dice5.push_back(diceAfter(t, box, 5));
                if (box)
                    m.boxDice.push_back(t.boxDice);
                m.neverReached90 += m.noc90.back() >= maxClicks && diceAfter(t, box, maxClicks) < 0.90;
            }
        }
    }
    nlohmann::json report;
    report["model"] = modelPath;
    report["images"] = pairs.size();
    report["objects"] = objects;
    report["maxClicks"] = maxClicks;
    for (const auto& m : modes) {
        auto& j = report["from"][m.name];
        j["NoC@85"] = meanInt(m.noc85);
        j["NoC@90"] = meanInt(m.noc90);
        j["dice@1"] = mean(m.dice1);
        j["dice@3"] = mean(m.dice3);
        j["dice@5"] = mean(m.dice5);
        j["neverReach90"] = objects ? double(m.neverReached90) / double(objects) : 0.0;
        if (!m.boxDice.empty())
            j["diceFromBoxAlone"] = mean(m.boxDice);
    }
    if (args.has("json")) {
        std::cout << report.dump(2) << std::endl;
        return 0;
    }
    std::printf("%zu images, %zu objects, at most %d clicks, clicks at the largest error\n", pairs.size(), objects,
                maxClicks);
    std::printf("%-8s %8s %8s %8s %8s %8s %10s %12s\n", "from", "NoC@85", "NoC@90", "dice@1", "dice@3", "dice@5",
                "never@90", "box alone");
    for (const auto& m : modes)
        std::printf("%-8s %8.2f %8.2f %8.4f %8.4f %8.4f %9.1f%% %12s\n", m.name.c_str(), meanInt(m.noc85),
                    meanInt(m.noc90), mean(m.dice1), mean(m.dice3), mean(m.dice5),
                    objects ? 100.0 * m.neverReached90 / double(objects) : 0.0,
                    m.boxDice.empty() ? "" : std::to_string(mean(m.boxDice)).substr(0, 6).c_str());
    return 0;
}

} // namespace delineo::cli
