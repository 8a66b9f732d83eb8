#include "Commands.h"

#include "delineo/ml/DistributedSetup.h"

#include "delineo/core/ClassPalette.h"
#include "delineo/core/DataSplit.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/PackedDataset.h"
#include "delineo/ml/Trainer.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace delineo::cli {

namespace {

std::atomic<bool> g_cancel{false};
extern "C" void onSignal(int) { g_cancel = true; }

} // namespace

const std::atomic<bool>* cancelOnSignal()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    return &g_cancel;
}

ml::ProgressCallback consoleProgress()
{
    auto lastReported = std::make_shared<int>(-1);
    return [lastReported](const ml::TrainProgress& p) {
        if (p.epochDone) {
            std::fprintf(stderr, "epoch %d/%d  loss %.4f  %.2f img/s", p.epoch, p.epochs, p.loss, p.imagesPerSecond);
            if (p.hasValidation)
                std::fprintf(stderr, "  val dice %.4f iou %.4f", p.validation.mean.dice, p.validation.mean.iou);
            std::fprintf(stderr, "  best %.4f  eta %.0f s\n", p.bestDice, p.etaSeconds);
        } else if (p.step % 10 == 0 && p.step != *lastReported) {
            *lastReported = p.step;
            std::fprintf(stderr, "  epoch %d step %d/%d loss %.4f %.2f img/s\r", p.epoch, p.step, p.stepsPerEpoch,
                         p.loss, p.imagesPerSecond);
        }
    };
}

namespace {

std::vector<core::SamplePair> pairsFor(const CliArgs& args, const std::string& listOption, const std::string& dflt)
{
    if (args.has("images"))
        return core::SegmentationDataset::folderPairs(args.require("images"), args.require("masks"));
    const std::string list = args.get(listOption, dflt);
    return core::SegmentationDataset::kvasirPairs(args.require("data"), list);
}

} // namespace

std::vector<ml::ClassInfo> parseClasses(const std::string& text)
{
    // "polyp" or "stomach,large_bowel,small_bowel"; colours from the class palette.
    std::vector<std::string> names;
    std::stringstream ss(text);
    for (std::string name; std::getline(ss, name, ',');)
        if (!name.empty())
            names.push_back(name);
    std::vector<ml::ClassInfo> out;
    for (const auto& c : core::classesNamed(names))
        out.push_back({c.name, {c.r, c.g, c.b}});
    if (out.empty())
        throw UsageError("--classes needs at least one class name");
    return out;
}

int runTrain(const CliArgs& args)
{
    ml::ModelConfig cfg;
    if (args.has("init")) {
        cfg = ml::readSidecar(args.get("init"));
    } else {
        cfg.architecture = args.get("arch", "unet");
        cfg.inChannels = args.getInt("channels", 3);
        cfg.classes = parseClasses(args.get("classes", "polyp"));
        cfg.baseWidth = args.getInt("base", 16);
        cfg.depth = args.getInt("depth", 4);
        cfg.inputSize = args.getInt("size", 256);
        cfg.contextSlices = args.getInt("context", 1);
        if (!ml::validContextSlices(cfg.contextSlices))
            throw UsageError("--context must be odd, 1 to " + std::to_string(ml::kMaxContextSlices));
        if (cfg.contextSlices > 1 && args.has("interactive"))
            throw UsageError("--context is for automatic models: an interactive model reads one slice");
        if (cfg.inChannels == 3) {
            cfg.mean = {0.485f, 0.456f, 0.406f};
            cfg.std = {0.229f, 0.224f, 0.225f};
        } else {
            cfg.mean = {0.5f, 0.5f, 0.5f};
            cfg.std = {0.25f, 0.25f, 0.25f};
        }
    }
    cfg.description = args.get("description", cfg.description);
    cfg.demo = cfg.demo || args.has("demo");
    // The masks keep their classes; the interactive model segments one prompted object at a time.
    ml::ModelConfig dataCfg = cfg;
    // An interactive model started from another interactive one keeps its one "object" class; the
    // masks' classes (each an object to prompt) come from --classes.
    if (args.has("interactive") && args.has("classes"))
        dataCfg.classes = parseClasses(args.get("classes"));
    // --init with an automatic model transfers its filters into the interactive twin.
    const bool transfer = args.has("interactive") && cfg.promptChannels == 0;
    if (transfer) {
        if (args.has("init") && cfg.architecture != "unet")
            throw UsageError("--interactive --init needs a unet model (the prompt model is a UNet)");
        cfg.architecture = args.get("arch", "prompt_unet");
        cfg.promptChannels = 4;
        cfg.classes = {{"object", {60, 220, 90}}};
    }

    ml::TrainOptions opt;
    const std::string packDir = args.get("pack");
    opt.outputPath = packDir.empty() ? args.require("out") : std::string();
    opt.epochs = args.getInt("epochs", 20);
    opt.batchSize = args.getInt("batch", 8);
    opt.learningRate = args.getDouble("lr", 1e-3);
    opt.seed = static_cast<std::uint64_t>(args.getInt("seed", 42));
    opt.dataWorkers = args.getInt("workers", 1);
    opt.patience = args.getInt("patience", 0);
    opt.maxSeconds = args.getDouble("time-budget", 0);
    opt.augment = !args.has("no-augment");
    opt.initWeights = args.get("init");
    opt.transferInit = transfer && args.has("init");
    opt.resumeFrom = args.get("resume");
    opt.loss = args.get("loss");
    opt.schedule = args.get("schedule", "cosine");
    opt.mixedPrecision = !args.has("no-amp");
    opt.syncBatchNorm = args.has("sync-bn");
    const auto outDir = packDir.empty() ? std::filesystem::path(opt.outputPath).parent_path() : std::filesystem::path(packDir);
    if (!outDir.empty())
        std::filesystem::create_directories(outDir);

    const auto t0 = std::chrono::steady_clock::now();
    std::vector<core::SamplePair> trainPairs = pairsFor(args, "train-list", "train.txt"), valPairs;
    const ml::DistributedSetup ranks = ml::DistributedSetup::fromEnvironment();
    if (args.has("images") && !args.has("no-val")) {
        // Folder data: a split frozen beside the images on first use.
        const std::string splitFile =
            args.get("split", (std::filesystem::path(args.require("images")) / "delineo-split.json").string());
        // One data-parallel job, one split: rank 0 freezes it, the others read it once it is there.
        for (int i = 0; ranks.rank > 0 && !std::filesystem::exists(splitFile) && i < 1200; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        core::SplitPairs split = core::frozenSplit(trainPairs, splitFile, args.getDouble("val-fraction", 0.2));
        std::fprintf(stderr, "split %s: %zu train, %zu validation (%d new names recorded)\n", splitFile.c_str(),
                     split.train.size(), split.val.size(), split.added);
        trainPairs = std::move(split.train);
        valPairs = std::move(split.val);
    } else if (!args.has("no-val")) {
        valPairs = pairsFor(args, "val-list", "val.txt");
    }
    core::SegmentationDataset trainSet(trainPairs, dataCfg);
    std::unique_ptr<core::SegmentationDataset> valSet;
    if (!valPairs.empty())
        valSet = std::make_unique<core::SegmentationDataset>(valPairs, dataCfg);
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "loaded %zu training and %zu validation pairs in %.1f s; device %s, %d threads\n",
                 trainSet.size(), valSet ? valSet->size() : 0, loadSeconds, ml::preferredDevice().c_str(),
                 ml::cpuThreads());

    if (!packDir.empty()) {
        // The same samples and config, packed for delineo-ml-train on a machine with only LibTorch.
        if (!valSet)
            throw UsageError("--pack needs validation data (do not combine it with --no-val)");
        ml::PackedDataset::writeFolder(packDir, cfg, trainSet, *valSet);
        std::printf("packed %zu training and %zu validation samples into %s\n", trainSet.size(), valSet->size(),
                    packDir.c_str());
        return 0;
    }
    if (ranks.world > 1)
        std::fprintf(stderr, "rank %d of %d ranks (%s:%d); batch %d per rank, %d in all\n", ranks.rank, ranks.world,
                     ranks.masterAddr.c_str(), ranks.masterPort, opt.batchSize, opt.batchSize * ranks.world);
    auto result = ml::train(cfg, opt, trainSet, valSet.get(), consoleProgress(), cancelOnSignal());
    if (!result.leader)
        std::printf("rank %d: %s, %s (rank 0 wrote the model)\n", ranks.rank, result.cancelled ? "cancelled" : "done",
                    counted(result.epochsRun, "epoch", "epochs").c_str());
    else if (valSet)
        std::printf("%s: %s, best val dice %.4f at epoch %d, %.2f img/s, %.0f s -> %s\n",
                    result.cancelled ? "cancelled" : "done", counted(result.epochsRun, "epoch", "epochs").c_str(),
                    result.bestDice, result.bestEpoch, result.imagesPerSecond, result.seconds, result.bestPath.c_str());
    else
        std::printf("%s: %s (no validation set: last epoch kept), %.2f img/s, %.0f s -> %s\n",
                    result.cancelled ? "cancelled" : "done", counted(result.epochsRun, "epoch", "epochs").c_str(),
                    result.imagesPerSecond, result.seconds, result.bestPath.c_str());
    return result.cancelled ? 130 : 0;
}

} // namespace delineo::cli
