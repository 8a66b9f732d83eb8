// delineo-cli evaluate --interactive: the interactive model measured as an annotator would use it.
#include "Commands.h"
#include "delineo/core/EvaluationReport.h"
#include "Prediction.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ml/Prompts.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

// One start mode's figures over every object of every image.
struct ModeStats {
    std::string name;
    std::vector<int> noc85, noc90;
    std::vector<double> dice1, dice3, dice5, boxDice;
    int neverReached90 = 0;
    std::map<int, std::vector<int>> noc85ByClass, noc90ByClass;   // per mask class (an organ)
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
    // Class names for the per-class table: the draft model's, else --class-names, else numbers.
    std::vector<std::string> names;
    if (draftModel)
        for (const auto& c : draftModel->config().classes)
            names.push_back(c.name);
    std::stringstream given(args.get("class-names"));
    if (names.empty())
        for (std::string n; std::getline(given, n, ',');)
            names.push_back(n);
    auto className = [&names](int c) {
        return c >= 1 && c <= int(names.size()) ? names[std::size_t(c - 1)] : core::numberedClassName(c);
    };
    std::vector<core::InteractiveCase> cases; // from an empty mask, the worst kept for the report
    const std::size_t worstCount = static_cast<std::size_t>(std::max(0, args.getInt("worst", 8)));
    const bool writeReport = !args.has("no-report") && worstCount > 0;
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
                m.noc85ByClass[c].push_back(m.noc85.back());
                m.noc90ByClass[c].push_back(m.noc90.back());
                m.dice1.push_back(diceAfter(t, box, 1));
                m.dice3.push_back(diceAfter(t, box, 3));
                m.dice5.push_back(diceAfter(t, box, 5));
                if (box)
                    m.boxDice.push_back(t.boxDice);
                m.neverReached90 += m.noc90.back() >= maxClicks && diceAfter(t, box, maxClicks) < 0.90;
                if (writeReport && m.name == "empty") {
                    core::InteractiveCase k{fs::path(p.image).filename().string() + (classes > 1 ? " / " + className(c) : ""),
                                      m.noc90.back(), diceAfter(t, false, maxClicks), image,
                                      core::LabelMap(image.width, image.height), core::LabelMap(image.width, image.height),
                                      t.clicks};
                    k.truth.labels = object;
                    k.result.labels = t.mask;
                    cases.push_back(std::move(k));
                    // Most clicks first, then the lowest final Dice: keep only the worst few.
                    std::sort(cases.begin(), cases.end(), [](const core::InteractiveCase& a, const core::InteractiveCase& b) {
                        return a.noc90 != b.noc90 ? a.noc90 > b.noc90 : a.finalDice < b.finalDice;
                    });
                    if (cases.size() > worstCount)
                        cases.pop_back();
                }
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
        if (classes > 1)
            for (const auto& [c, v] : m.noc85ByClass)
                j["perClass"][className(c)] = {{"objects", v.size()}, {"NoC@85", meanInt(v)},
                                               {"NoC@90", meanInt(m.noc90ByClass.at(c))}};
    }
    const std::string reportPath = args.get("report", "interactive-evaluation.html");
    if (writeReport) {
        core::InteractiveReport html;
        html.modelPath = modelPath;
        html.dataDescription = args.has("data") ? args.get("data") + " (" + args.get("list", "val.txt") + ")"
                                                : args.get("images");
        std::string table = "<table><tr><th>from</th><th>NoC@85</th><th>NoC@90</th><th>Dice@1</th><th>Dice@3</th>"
                            "<th>Dice@5</th><th>never 0.90</th><th>box alone</th></tr>\n";
        char buf[512];
        for (const auto& m : modes) {
            std::snprintf(buf, sizeof buf,
                          "<tr><th>%s</th><td>%.2f</td><td>%.2f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                          "<td>%.1f%%</td><td>%s</td></tr>\n",
                          m.name.c_str(), meanInt(m.noc85), meanInt(m.noc90), mean(m.dice1), mean(m.dice3),
                          mean(m.dice5), objects ? 100.0 * m.neverReached90 / double(objects) : 0.0,
                          m.boxDice.empty() ? "&ndash;" : std::to_string(mean(m.boxDice)).substr(0, 6).c_str());
            table += buf;
        }
        html.summaryHtml = table + "</table>\n<p>" + std::to_string(pairs.size()) + " images, " +
                           std::to_string(objects) + " objects, at most " + std::to_string(maxClicks) + " clicks</p>\n";
        html.worst = std::move(cases);
        html.write(reportPath);
        report["report"] = reportPath;
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
    std::printf("report: %s\n", writeReport ? reportPath.c_str() : "not written (--no-report)");
    if (classes > 1) {
        std::printf("per class, from an empty mask:\n");
        for (const auto& [c, v] : modes.front().noc85ByClass)
            std::printf("  %-16s %3zu objects  NoC@85 %5.2f  NoC@90 %5.2f\n", className(c).c_str(), v.size(),
                        meanInt(v), meanInt(modes.front().noc90ByClass.at(c)));
    }
    return 0;
}

} // namespace delineo::cli
