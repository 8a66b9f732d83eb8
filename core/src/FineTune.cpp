#include "delineo/core/FineTune.h"

#include "delineo/core/DataSplit.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ml/Prompts.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

std::string hex(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// Validation images chosen once: grouped by the set of classes their masks contain, each group
// ordered by a stable hash of the path, and the first share of each group held out.
std::vector<std::int64_t> chooseValidation(const Workspace& ws, const std::vector<ReviewedSlice>& reviewed,
                                           double fraction)
{
    std::map<std::int64_t, std::set<int>> classesOf;
    for (const auto& r : reviewed) {
        auto& set = classesOf[r.imageId];
        if (const auto m = ws.latestMask(r.imageId, r.slice))
            for (std::uint8_t v : m->labels.labels)
                if (v)
                    set.insert(v);
    }
    std::map<std::set<int>, std::vector<std::pair<std::uint64_t, std::int64_t>>> groups;
    for (const auto& [image, classes] : classesOf) {
        const auto entry = ws.image(image);
        groups[classes].push_back({fnv1a(entry ? entry->path : std::to_string(image)), image});
    }
    std::vector<std::int64_t> val;
    for (auto& [classes, members] : groups) {
        std::sort(members.begin(), members.end());
        const auto n = static_cast<std::size_t>(std::floor(fraction * static_cast<double>(members.size()) + 0.5));
        for (std::size_t i = 0; i < n && i < members.size(); ++i)
            val.push_back(members[i].second);
    }
    if (val.empty() && classesOf.size() >= 4) { // small workspaces still get one held-out image
        std::vector<std::pair<std::uint64_t, std::int64_t>> all;
        for (const auto& [image, classes] : classesOf)
            all.push_back({fnv1a(std::to_string(image)), image});
        val.push_back(std::min_element(all.begin(), all.end())->second);
    }
    std::sort(val.begin(), val.end());
    return val;
}

// A simulated annotator (clicks at the largest error, from an empty mask, up to 20) on every object
// of the validation slices, each class present an object; at most 60 objects.
FineTuneOutcome::ClickFigures clickFigures(const Workspace& ws, const std::vector<ReviewedSlice>& slices,
                                           const std::string& weights, const std::atomic<bool>* cancel)
{
    constexpr int kMaxClicks = 20, kMaxObjects = 60;
    FineTuneOutcome::ClickFigures f;
    const auto model = ml::InteractiveSegmenter::load(weights);
    std::string cachedPath;
    Volume volume;
    for (const ReviewedSlice& r : slices) {
        const auto entry = ws.image(r.imageId);
        const auto mask = ws.latestMask(r.imageId, r.slice);
        if (!entry || !mask)
            continue;
        if (cachedPath != entry->path) {
            volume = loadVolume(entry->path);
            cachedPath = entry->path;
        }
        if (r.slice >= volume.depth())
            continue;
        const Image& img = volume.slice(r.slice);
        const int want = model->config().inChannels;
        const std::vector<std::uint8_t> pixels = modelInput8(img, want);
        std::set<int> present(mask->labels.labels.begin(), mask->labels.labels.end());
        present.erase(0);
        for (int c : present) {
            if (f.objects >= kMaxObjects || (cancel && cancel->load()))
                break;
            std::vector<std::uint8_t> object(mask->labels.labels.size());
            for (std::size_t i = 0; i < object.size(); ++i)
                object[i] = mask->labels.labels[i] == c;
            const auto t = ml::simulateAnnotator(*model, {pixels.data(), img.width, img.height, want}, object.data(),
                                                 nullptr, false, kMaxClicks, 0.90);
            f.noc85 += ml::clicksToReach(t.dice, 0.85, kMaxClicks);
            f.noc90 += ml::clicksToReach(t.dice, 0.90, kMaxClicks);
            f.dice1 += t.dice.empty() ? t.startDice : t.dice.front();
            ++f.objects;
        }
    }
    if (f.objects) {
        f.noc85 /= f.objects;
        f.noc90 /= f.objects;
        f.dice1 /= f.objects;
    }
    return f;
}

nlohmann::json clickJson(const FineTuneOutcome::ClickFigures& f)
{
    return {{"objects", f.objects}, {"NoC@85", f.noc85}, {"NoC@90", f.noc90}, {"dice@1", f.dice1}};
}

std::string timestamp()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

} // namespace

std::string modelFile(const Workspace& ws, const ModelVersion& v)
{
    const fs::path p(v.path);
    return p.is_absolute() ? v.path : (fs::path(ws.folder()) / p).string();
}

std::unique_ptr<SegmentationDataset> trainingSamples(const Workspace& ws, const std::vector<ReviewedSlice>& slices,
                                                     const ml::ModelConfig& config, const std::atomic<bool>* cancel)
{
    if (slices.empty())
        return nullptr;
    std::mutex dbMutex;
    auto load = [&](std::size_t i) {
        const ReviewedSlice& r = slices[i];
        std::optional<ImageEntry> entry;
        std::optional<MaskRevision> mask;
        {
            std::lock_guard<std::mutex> lock(dbMutex);
            entry = ws.image(r.imageId);
            mask = ws.latestMask(r.imageId, r.slice);
        }
        if (!entry || !mask)
            throw ImageError(ErrorCode::NotFound, "workspace image " + std::to_string(r.imageId) + " vanished");
        thread_local std::string cachedPath;
        thread_local Volume cached;
        if (cachedPath != entry->path) {
            cached = loadVolume(entry->path);
            cachedPath = entry->path;
        }
        if (r.slice >= cached.depth())
            throw ImageError(ErrorCode::WrongSize, entry->path + " has no slice " + std::to_string(r.slice));
        if (config.contextSlices > 1) // the slice's neighbours come from the same volume, masked or not
            return std::make_pair(modelInputImage(cached, r.slice, config), std::move(mask->labels));
        return std::make_pair(cached.slice(r.slice), std::move(mask->labels));
    };
    return std::make_unique<SegmentationDataset>(slices.size(), load, config, 0, cancel);
}

std::vector<std::int64_t> frozenValidation(Workspace& ws, double fraction)
{
    std::vector<std::int64_t> val = ws.validationImages();
    if (val.empty()) {
        val = chooseValidation(ws, ws.reviewedSlices(), fraction);
        if (!val.empty())
            ws.setValidationImages(val);
    }
    return val;
}

FineTunePlan planFineTune(Workspace& ws, const FineTuneSettings& settings)
{
    FineTunePlan plan;
    const auto base = settings.baseModel ? ws.model(settings.baseModel) : ws.activeModel(settings.kind);
    if (!base)
        throw ImageError(ErrorCode::NotFound,
                         settings.baseModel ? "workspace has no model version " + std::to_string(settings.baseModel)
                         : settings.kind == ModelKind::Interactive
                             ? "workspace has no interactive (AI Assist) model yet: add one first"
                             : "workspace has no model yet: add one first");
    plan.base = *base;
    plan.config = ml::ModelConfig::fromJson(base->sidecar);
    if (plan.config.architecture == ml::kTorchScriptArchitecture)
        throw ImageError(ErrorCode::UnsupportedFormat,
                         "model v" + std::to_string(base->id) + " is an imported TorchScript model: it cannot be fine-tuned here");

    // Mask files dropped into WS/masks/ count as corrections, for the GUI and the CLI alike.
    // An interactive model has one output, the prompted object: the masks keep the workspace's classes.
    const int classes = plan.config.interactive() ? std::max<int>(1, static_cast<int>(ws.classes().size()))
                                                  : plan.config.numForeground();
    const TransferReport adopted = adoptMaskFiles(ws, classes);
    plan.adoptedMasks = adopted.masks;
    plan.adoptionFailures = adopted.failed;
    const std::vector<ReviewedSlice> reviewed = ws.reviewedSlices();
    plan.splitChosenNow = ws.validationImages().empty();
    plan.valImages = frozenValidation(ws, settings.valFraction);
    const std::set<std::int64_t> val(plan.valImages.begin(), plan.valImages.end());
    std::uint64_t h = kFnvOffset;
    for (const auto& r : reviewed) {
        if (val.count(r.imageId)) {
            plan.val.push_back(r);
        } else {
            plan.train.push_back(r);
            h = fnv1a(std::to_string(r.imageId) + ":" + std::to_string(r.slice) + ":" + std::to_string(r.revisionId) + ";", h);
        }
    }
    if (plan.train.empty())
        throw ImageError(ErrorCode::NotFound, "no corrected or approved masks outside the validation split to train on");
    plan.dataHash = hex(h);
    if (!plan.config.interactive()) {
        const auto named = ws.classes();
        for (int next = plan.config.numForeground() + 1;; ++next) {
            const auto it = std::find_if(named.begin(), named.end(), [&](const WorkspaceClass& c) { return c.label == next; });
            if (it == named.end())
                break;
            plan.newClasses.push_back(*it);
        }
    }
    return plan;
}

ml::ModelConfig trainingConfig(const FineTunePlan& plan, const FineTuneSettings& settings, const Workspace& ws)
{
    ml::ModelConfig cfg = plan.config;
    if (settings.fromScratch && !settings.architecture.empty())
        cfg.architecture = settings.architecture;
    if (settings.fromScratch && settings.contextSlices > 0)
        cfg.contextSlices = settings.contextSlices;
    std::string learnt;
    for (const auto& c : settings.learnNewClasses ? plan.newClasses : std::vector<WorkspaceClass>{}) {
        cfg.classes.push_back({c.name, {c.r, c.g, c.b}});
        learnt += (learnt.empty() ? "; new classes: " : ", ") + c.name;
    }
    cfg.description = (settings.fromScratch ? "Trained from scratch" : "Fine-tuned from v" + std::to_string(plan.base.id)) +
                      std::string(" on ") + std::to_string(plan.train.size()) + " corrected slices of workspace " +
                      fs::path(ws.folder()).filename().string() +
                      (cfg.contextSlices > 1 ? " (2.5D: " + std::to_string(cfg.contextSlices) + " slices)" : std::string()) +
                      learnt;
    return cfg;
}

void checkSettings(const FineTunePlan& plan, const FineTuneSettings& settings)
{
    if (settings.fromScratch && !settings.architecture.empty()) {
        // Another architecture of the same kind: an automatic model cannot become a promptable one.
        const auto known = plan.config.interactive() ? ml::interactiveArchitectures() : ml::architectures();
        if (std::find(known.begin(), known.end(), settings.architecture) == known.end())
            throw ml::ModelError("no " + std::string(plan.config.interactive() ? "interactive " : "") + "architecture \"" +
                                 settings.architecture + "\" to train from scratch");
    }
    if (settings.contextSlices != 0 && !ml::validContextSlices(settings.contextSlices))
        throw ml::ModelError("a 2.5D model reads an odd number of slices, 1 to " + std::to_string(ml::kMaxContextSlices));
    if (settings.contextSlices > 1 && plan.config.interactive())
        throw ml::ModelError("an interactive model reads one slice");
}

int trainingBatch(const FineTunePlan& plan, const FineTuneSettings& settings)
{
    return static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, settings.batchSize)),
                                                   std::max<std::size_t>(2, plan.train.size())));
}

std::string runSettingsJson(const FineTunePlan& plan, const FineTuneSettings& settings, const ml::ModelConfig& cfg)
{
    return nlohmann::json{{"baseModel", plan.base.id},      {"fromScratch", settings.fromScratch},
                          {"architecture", cfg.architecture}, {"contextSlices", cfg.contextSlices},
                          {"epochs", settings.epochs},      {"learningRate", settings.effectiveRate()},
                          {"maxSeconds", settings.maxSeconds}, {"batchSize", settings.batchSize},
                          {"device", settings.device},      {"seed", settings.seed},
                          {"trainSlices", plan.train.size()}, {"valSlices", plan.val.size()},
                          {"dataHash", plan.dataHash}}
        .dump();
}

std::string runSplitJson(const FineTunePlan& plan)
{
    std::set<std::int64_t> trainImages;
    for (const auto& r : plan.train)
        trainImages.insert(r.imageId);
    return nlohmann::json{{"val", plan.valImages}, {"train", std::vector<std::int64_t>(trainImages.begin(), trainImages.end())}}
        .dump();
}

ml::ImageMetrics measureBase(Workspace& ws, const ModelVersion& base, const std::vector<ReviewedSlice>& val,
                             const SegmentationDataset& samples, const ml::ModelConfig& samplesConfig, const std::string& device,
                             int batchSize, const std::atomic<bool>* cancel)
{
    const ml::ModelConfig config = ml::ModelConfig::fromJson(base.sidecar);
    // Read again when the base reads other slices or has fewer classes (those past its own are background to it).
    const bool sameSamples = config.contextSlices == samplesConfig.contextSlices &&
                             config.numForeground() == samplesConfig.numForeground();
    const auto own = sameSamples ? nullptr : trainingSamples(ws, val, config, cancel);
    const ml::ImageMetrics m = ml::evaluateWeights(config, modelFile(ws, base), own ? *own : samples, device, batchSize, cancel);
    // Versions added from outside get their figures on this workspace's split once.
    auto metrics = nlohmann::json::parse(base.metrics, nullptr, false);
    if (!metrics.is_object())
        metrics = nlohmann::json::object();
    if (!metrics.contains("val") && !(cancel && cancel->load())) {
        metrics["val"] = nlohmann::json::parse(ml::validationJson(config, m));
        metrics["valSlices"] = val.size();
        ws.setModelMetrics(base.id, metrics.dump());
    }
    return m;
}

FineTuneOutcome runFineTune(Workspace& ws, const FineTunePlan& plan, const FineTuneSettings& settings,
                            const ml::ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    checkSettings(plan, settings);
    const auto start = std::chrono::steady_clock::now();
    FineTuneOutcome out;
    const std::string name = "v" + std::to_string(ws.models().size() + 1) + "-" + timestamp();
    const std::string relPath = "models/" + name + ".pt";
    const fs::path weights = fs::path(ws.folder()) / relPath;

    const ml::ModelConfig cfg = trainingConfig(plan, settings, ws);
    out.runId = ws.startTrainingRun(plan.base.id, runSettingsJson(plan, settings, cfg), runSplitJson(plan));

    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    try {
        std::error_code ec;
        fs::create_directories(weights.parent_path(), ec);
        const auto trainSet = trainingSamples(ws, plan.train, cfg, cancel);
        const auto valSet = trainingSamples(ws, plan.val, cfg, cancel);
        out.hasValidation = valSet && valSet->size() > 0;
        if (out.hasValidation && !(cancel && cancel->load()))
            out.base = measureBase(ws, plan.base, plan.val, *valSet, cfg, settings.device, settings.batchSize, cancel);
        ml::TrainOptions opt;
        opt.epochs = settings.epochs;
        opt.batchSize = trainingBatch(plan, settings);
        opt.learningRate = settings.effectiveRate();
        opt.maxSeconds = settings.maxSeconds;
        opt.seed = settings.seed;
        opt.device = settings.device;
        opt.outputPath = weights.string();
        opt.followEnvironment = false; // a workspace's run is one process (every rank would record it)
        if (!settings.fromScratch)
            opt.initWeights = modelFile(ws, plan.base);
        if (cancel && cancel->load())
            out.training.cancelled = true;
        else
            out.training = ml::train(cfg, opt, *trainSet, valSet.get(), progress, cancel);

        if (out.training.cancelled || out.training.epochsRun == 0) {
            out.status = RunStatus::Cancelled;
            for (const auto& p : {weights.string(), ml::sidecarPath(weights.string()), out.training.lastPath,
                                  ml::sidecarPath(out.training.lastPath), ml::optimizerPath(out.training.lastPath)})
                if (!p.empty())
                    fs::remove(p, ec);
            ws.finishTrainingRun(out.runId, RunStatus::Cancelled, 0,
                                 nlohmann::json{{"epochsRun", out.training.epochsRun}}.dump(), seconds());
            return out;
        }
        out.tuned = out.training.bestValidation;
        nlohmann::json metrics = nlohmann::json::object();
        if (out.hasValidation) {
            metrics["val"] = nlohmann::json::parse(ml::validationJson(cfg, out.tuned));
            metrics["baseVal"] = nlohmann::json::parse(ml::validationJson(cfg, out.base));
            metrics["valSlices"] = plan.val.size();
            if (cfg.interactive()) {
                out.baseClicks = clickFigures(ws, plan.val, modelFile(ws, plan.base), cancel);
                out.tunedClicks = clickFigures(ws, plan.val, weights.string(), cancel);
                metrics["clicks"] = clickJson(out.tunedClicks);
                metrics["baseClicks"] = clickJson(out.baseClicks);
            }
        }
        metrics["trainSlices"] = plan.train.size();
        metrics["bestEpoch"] = out.training.bestEpoch;
        metrics["epochsRun"] = out.training.epochsRun;

        ModelVersion v;
        v.parentId = settings.fromScratch ? 0 : plan.base.id;
        v.path = relPath;
        v.name = name;
        v.sidecar = ml::readSidecar(weights.string()).toJson();
        v.metrics = metrics.dump();
        v.dataHash = plan.dataHash;
        v.seconds = seconds();
        out.modelId = ws.addModelVersion(v);
        ws.finishTrainingRun(out.runId, RunStatus::Finished, out.modelId, metrics.dump(), v.seconds);
        // The resume state of this run is of no further use once the version is recorded.
        for (const auto& p : {out.training.lastPath, ml::sidecarPath(out.training.lastPath), ml::optimizerPath(out.training.lastPath)})
            fs::remove(p, ec);
        return out;
    } catch (const std::exception& e) {
        try {
            ws.finishTrainingRun(out.runId, RunStatus::Failed, 0, nlohmann::json{{"error", e.what()}}.dump(), seconds());
        } catch (...) {
        }
        throw;
    }
}

double uncertaintyOf(const ml::Segmenter& model, const Volume& v)
{
    ml::PredictOptions options;
    options.flipTta = true;
    options.keepProbabilities = true;
    // At most 64 slices, evenly spread: a streamed video has tens of thousands of frames.
    const int n = std::min(v.depth(), 64);
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        sum += ml::meanEntropy(predictSlice(model, v, static_cast<int>(static_cast<long long>(i) * v.depth() / n), options));
    }
    return n == 0 ? 0 : sum / n;
}

std::vector<std::pair<std::int64_t, double>> rankByUncertainty(Workspace& ws, const ml::Segmenter& model,
                                                               std::int64_t modelId,
                                                               const std::function<void(int, int)>& progress,
                                                               const std::atomic<bool>* cancel)
{
    std::set<std::int64_t> reviewed;
    for (const auto& r : ws.reviewedSlices())
        reviewed.insert(r.imageId);
    std::vector<ImageEntry> todo;
    for (const auto& c : ws.cases())
        if (c.status != ReviewStatus::Approved && c.status != ReviewStatus::Rejected)
            for (const auto& image : ws.images(c.id))
                if (!reviewed.count(image.id))
                    todo.push_back(image);
    std::vector<std::pair<std::int64_t, double>> out;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        if (cancel && cancel->load())
            break;
        if (progress)
            progress(static_cast<int>(i), static_cast<int>(todo.size()));
        try {
            const double score = uncertaintyOf(model, loadVolume(todo[i].path));
            ws.setUncertainty(todo[i].id, score, modelId);
            out.push_back({todo[i].id, score});
        } catch (const ImageError&) {
            // An unreadable image is not ranked; opening it shows the error.
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

} // namespace delineo::core
