#include "Commands.h"
#include "delineo/core/ModelTrust.h"

#include "delineo/core/Agreement.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/core/Exporter.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/ValidationEvaluation.h"
#include "Prediction.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/UwMadison.h"

#include <filesystem>
#include <set>
#include <fstream>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace delineo::cli {

namespace {

int report(const core::TransferReport& r, const char* verb)
{
    for (const auto& note : r.notes)
        std::printf("note: %s\n", note.c_str());
    for (const auto& f : r.failed)
        std::fprintf(stderr, "delineo-cli: %s\n", f.c_str());
    const std::string what = r.ofMeasurements ? counted(r.measurements, "measurement", "measurements")
                                                 : counted(r.masks, "mask", "masks");
    std::printf("%s %s, %s%s\n", verb, counted(r.images, "image", "images").c_str(), what.c_str(),
                r.failed.empty() ? "" : " (some failed)");
    return r.failed.empty() ? 0 : 1;
}

// --model MODEL.pt, --version V or the active model: its weights and its version (0 for a file).
std::pair<std::string, std::int64_t> chosenModel(const core::Workspace& ws, const CliArgs& args)
{
    if (args.has("model"))
        return {args.get("model"), 0};
    const auto version = args.has("version") ? ws.model(args.getInt("version", 0)) : ws.activeModel();
    if (!version)
        throw core::ImageError(core::ErrorCode::NotFound, args.has("version") ? "workspace has no model version " + args.get("version")
                                                                              : "workspace has no model: give --model MODEL.pt");
    return {core::modelFile(ws, *version), version->id};
}

// The six metrics per class on the frozen validation split, as Model → Evaluate shows them.
int evaluateWorkspace(core::Workspace& ws, const CliArgs& args)
{
    const auto [weights, version] = chosenModel(ws, args);
    const auto model = core::loadModel(weights);
    const std::string name = version ? "v" + std::to_string(version) + " (" + weights + ")" : weights;
    const core::ValidationEvaluation e = core::evaluateValidationSplit(ws, *model, name, args.getInt("worst", 8),
                                                                      [](std::size_t i, std::size_t n) {
                                                                          std::fprintf(stderr, "  slice %zu/%zu%s", i, n, i == n ? "\n" : "\r");
                                                                      });
    const std::string reportPath = args.get("report", (std::filesystem::path(ws.folder()) / "evaluation.html").string());
    e.report.write(reportPath);
    nlohmann::json j{{"model", name}, {"slices", e.slices}, {"images", e.images}, {"hd95Unit", e.report.hdUnit},
                     {"report", reportPath}};
    const auto& classes = model->config().classes;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        j["classes"][classes[c].name] = metricsJson(e.report.classMeans[c]);
        j["classes"][classes[c].name]["inGroundTruth"] = static_cast<bool>(e.report.classPresent[c]);
    }
    j["mean"] = metricsJson(e.report.mean);
    if (args.has("json")) {
        std::cout << j.dump(2) << std::endl;
        return 0;
    }
    std::printf("%s on %s\n", name.c_str(), e.report.dataDescription.c_str());
    printMetricsHeader("class");
    for (std::size_t c = 0; c < classes.size(); ++c)
        printMetricsRow(classes[c].name + (e.report.classPresent[c] ? "" : " (not drawn)"), e.report.classMeans[c]);
    printMetricsRow("MEAN (drawn classes)", e.report.mean);
    std::printf("hd95 in %s; means over slices; report: %s\n", e.report.hdUnit.c_str(), reportPath.c_str());
    return 0;
}

std::string cell(double v)
{
    char buf[32];
    if (std::isnan(v))
        std::snprintf(buf, sizeof buf, "%8s", "n/a");
    else
        std::snprintf(buf, sizeof buf, "%8.3f", v);
    return buf;
}

// Dice and HD95 between every two members who corrected the same slices, per class, for each image
// (or --image); --consensus METHOD also stores the consensus of their masks as revisions.
int agreement(core::Workspace& ws, const CliArgs& args)
{
    std::vector<core::ImageEntry> images;
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id))
            if (!args.has("image") || image.path == std::filesystem::absolute(args.get("image")).string() ||
                std::filesystem::path(image.path).filename() == args.get("image"))
                images.push_back(image);
    if (images.empty())
        throw core::ImageError(core::ErrorCode::NotFound, args.has("image") ? "workspace has no image " + args.get("image")
                                                                             : "workspace has no images");
    std::optional<core::ConsensusMethod> method;
    if (args.has("consensus")) {
        const std::string m = args.get("consensus");
        if (m != "majority" && m != "staple")
            throw UsageError("--consensus takes majority or staple");
        method = m == "staple" ? core::ConsensusMethod::Staple : core::ConsensusMethod::Majority;
    }
    const auto classes = ws.classes();
    const auto className = [&](int label) { return core::classNameOf(classes, label); };
    nlohmann::json j = nlohmann::json::array();
    int pairs = 0;
    for (const auto& image : images) {
        const auto agreements = core::annotatorAgreement(ws, image.id);
        if (agreements.empty())
            continue;
        nlohmann::json ji{{"image", image.path}, {"pairs", nlohmann::json::array()}};
        if (!args.has("json"))
            std::printf("%s\n", image.path.c_str());
        for (const auto& p : agreements) {
            ++pairs;
            nlohmann::json jp{{"a", p.a}, {"b", p.b}, {"slices", p.slices}};
            if (!args.has("json"))
                std::printf("  %s vs %s, %s\n  %-20s %8s %8s %10s %10s\n", p.a.c_str(), p.b.c_str(),
                            counted(p.slices, "slice", "slices").c_str(), "class", "dice", "hd95(px)", "pixels a", "pixels b");
            for (const auto& c : p.classes) {
                const auto num = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
                jp["classes"][className(c.label)] = {{"dice", num(c.dice)}, {"hd95", num(c.hd95)}, {"pixelsA", c.pixelsA},
                                                     {"pixelsB", c.pixelsB}};
                if (!args.has("json"))
                    std::printf("  %-20s %s %s %10llu %10llu\n", className(c.label).c_str(), cell(c.dice).c_str(),
                                cell(c.hd95).c_str(), static_cast<unsigned long long>(c.pixelsA),
                                static_cast<unsigned long long>(c.pixelsB));
            }
            ji["pairs"].push_back(jp);
        }
        if (method) {
            const core::ConsensusResult r = core::makeConsensus(ws, image.id, *method);
            ji["consensus"] = {{"method", core::consensusName(*method)}, {"slices", r.slices}, {"annotators", r.annotators}};
            if (!args.has("json"))
                std::printf("  consensus (%s) stored for %s\n", core::consensusName(*method),
                            counted(r.slices, "slice", "slices").c_str());
        }
        j.push_back(ji);
    }
    if (args.has("json"))
        std::cout << j.dump(2) << std::endl;
    else if (!pairs)
        std::printf("no slice was corrected by two members: nothing to compare\n");
    return 0;
}

} // namespace

// workspace create|import|export|status DIR|URL ...: the workspace (a folder or a team's server) from scripts.
int runWorkspace(const CliArgs& args)
{
    const auto& pos = args.positional();
    if (pos.size() < 2)
        throw UsageError("workspace needs an action (create, import, export, status) and a folder");
    const std::string& action = pos[0];
    // Only create and import make a workspace; the others need one that exists.
    auto ws = action == "create" || action == "import" ? core::Workspace::open(pos[1]) : core::Workspace::openExisting(pos[1]);
    // --classes names the workspace's classes; without it a workspace with no list gets polyp (a
    // UW case or a DICOM SEG imported names its own).
    const auto nameClasses = [&] {
        if (!args.has("classes") && !ws->classes().empty())
            return;
        std::vector<core::WorkspaceClass> classes;
        int label = 1;
        for (const auto& c : parseClasses(args.get("classes", "polyp")))
            classes.push_back({label++, c.name, c.colour[0], c.colour[1], c.colour[2]});
        ws->setClasses(classes);
    };
    if (action == "create") {
        nameClasses();
        std::printf("workspace %s: schema %d, %s\n", pos[1].c_str(), ws->schemaVersion(),
                    counted(static_cast<long long>(ws->classes().size()), "class", "classes").c_str());
        return 0;
    }
    if (action == "import") {
        if (pos.size() != 3)
            throw UsageError("workspace import DIR PATH [--masks MASKS] [--labels LABELS]");
        // Frames (or Kvasir images/masks) unless the path is a volume: DICOM, UW case-day, NIfTI/NRRD.
        const bool frames = std::filesystem::is_directory(pos[2]) && !args.has("labels") &&
                            !core::uw::isCaseDay(pos[2]) && core::scanDicomFolder(pos[2]).series.empty();
        if (frames) {
            nameClasses(); // before the masks are read: their label values are read up to the classes named
            return report(core::importFrames(*ws, pos[2], ws->numForeground(), args.get("masks")), "imported");
        }
        if (args.has("classes"))
            nameClasses();
        return report(core::importVolume(*ws, pos[2], args.get("labels")), "imported");
    }
    if (action == "export") {
        // One --FORMAT OUT per run; the formats are the registered exporters.
        const core::Exporter* chosen = nullptr;
        for (const auto& e : core::exporters())
            if (args.has(e->id())) {
                if (chosen)
                    throw UsageError("workspace export takes one format at a time (--" + chosen->id() + " and --" +
                                     e->id() + ")");
                chosen = e.get();
            }
        if (!chosen)
            throw UsageError("workspace export needs a format: one of --" + [] {
                std::string all;
                for (const auto& e : core::exporters())
                    all += (all.empty() ? "" : ", --") + e->id();
                return all;
            }());
        core::ExportOptions options;
        options.destination = args.get(chosen->id());
        options.deidentify = args.has("deidentify");
        if (options.deidentify && !chosen->supportsDeidentify()) {
            std::string those;
            for (const auto& e : core::exporters())
                if (e->supportsDeidentify())
                    those += (those.empty() ? "--" : ", --") + e->id();
            throw UsageError("--deidentify: the --" + chosen->id() + " export does not de-identify (" + those + " do)");
        }
        options.cancel = cancelOnSignal();
        const auto r = chosen->run(*ws, options);
        if (r.cancelled)
            return 130;
        return report(r, ("exported (" + chosen->title() + ")").c_str());
    }
    if (action == "evaluate")
        return evaluateWorkspace(*ws, args);
    if (action == "rank") {
        // Active learning: unreviewed images by the active (or --model) model's uncertainty.
        const auto [weights, modelId] = chosenModel(*ws, args);
        const auto model = core::loadModel(weights);
        const auto ranked = core::rankByUncertainty(*ws, *model, modelId, [](int i, int n) {
            std::fprintf(stderr, "  scoring %d/%d\r", i + 1, n);
        });
        std::printf("%s, most uncertain first (mean pixel entropy under flip TTA):\n",
                    counted(static_cast<long long>(ranked.size()), "unreviewed image", "unreviewed images").c_str());
        for (const auto& [id, score] : ranked)
            if (const auto image = ws->image(id))
                std::printf("  %.4f  %s\n", score, image->path.c_str());
        return 0;
    }
    if (action == "split") {
        // The frozen validation split, set from a list of image file names (one per line).
        std::ifstream list(args.require("val-list"));
        if (!list)
            throw core::ImageError(core::ErrorCode::NotFound, "cannot read " + args.get("val-list"));
        std::set<std::string> names;
        for (std::string line; std::getline(list, line);)
            if (!line.empty())
                names.insert(std::filesystem::path(line).stem().string());
        std::vector<std::int64_t> ids;
        for (const auto& c : ws->cases())
            for (const auto& image : ws->images(c.id))
                if (names.count(std::filesystem::path(image.path).stem().string()))
                    ids.push_back(image.id);
        ws->setValidationImages(ids);
        std::printf("validation split: %s held out of every fine-tune\n",
                    counted(static_cast<long long>(ids.size()), "image", "images").c_str());
        return ids.empty() ? 1 : 0;
    }
    if (action == "agreement")
        return agreement(*ws, args);
    if (action == "status") {
        nlohmann::json j;
        j["store"] = ws->shared() ? "postgresql" : "sqlite";
        j["files"] = ws->folder(); // where this client keeps the workspace's files
        j["schema"] = ws->schemaVersion();
        j["integrity"] = ws->integrityOk() ? "ok" : "damaged";
        j["revisions"] = ws->revisionCount();
        for (const auto& c : ws->classes())
            j["classes"].push_back({{"label", c.label}, {"name", c.name}, {"colour", {c.r, c.g, c.b}}});
        j["cases"] = nlohmann::json::array();
        for (const auto& c : ws->cases())
            j["cases"].push_back({{"name", c.name}, {"status", core::reviewStatusName(c.status)}, {"images", c.images},
                                  {"comment", c.comment}, {"reviewer", c.reviewer}});
        j["authors"] = nlohmann::json::object(); // mask revisions per person ("" before names were kept)
        for (const auto& [author, n] : ws->revisionsByAuthor())
            j["authors"][author] = n;
        if (args.has("json")) {
            std::cout << j.dump(2) << std::endl;
        } else {
            std::printf("workspace %s (%s): schema %d, integrity %s, %s, %s\n", pos[1].c_str(),
                        ws->shared() ? "PostgreSQL, shared" : "SQLite", ws->schemaVersion(), ws->integrityOk() ? "ok" : "DAMAGED",
                        counted(static_cast<long long>(ws->revisionCount()), "mask revision", "mask revisions").c_str(),
                        counted(static_cast<long long>(j["cases"].size()), "case", "cases").c_str());
            std::string authors;
            for (const auto& [author, n] : ws->revisionsByAuthor())
                authors += (authors.empty() ? "" : ", ") + (author.empty() ? std::string("(not recorded)") : author) + " " +
                           std::to_string(n);
            if (!authors.empty())
                std::printf("  revisions by: %s\n", authors.c_str());
            for (const auto& c : ws->cases())
                std::printf("  %-40s %-12s %5d images  %s%s\n", c.name.c_str(), core::reviewStatusName(c.status), c.images,
                            c.reviewer.empty() ? "" : ("by " + c.reviewer + "  ").c_str(), c.comment.c_str());
        }
        return ws->integrityOk() ? 0 : 6;
    }
    throw UsageError("unknown workspace action '" + action + "' (create, import, export, split, rank, evaluate, agreement, status)");
}

} // namespace delineo::cli
