#include "BenchSupport.h"
#include "delineo/core/ModelTrust.h"
#include "Commands.h"

#include "delineo/core/ResourcePaths.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/ModelStats.h"
#include "delineo/ml/Trainer.h"
#include "delineo/ml/Segmenter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

std::vector<std::string> splitIds(const std::string& list)
{
    if (list == "all")
        return ml::architectures();
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        ids.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return ids;
}

// Parameters, forward GFLOPs and forward time of fresh architectures (no weights needed).
int benchArchitectures(const CliArgs& args)
{
    const int size = args.getInt("size", 256), runs = std::max(3, args.getInt("runs", 10));
    ml::ModelConfig cfg;
    cfg.baseWidth = args.getInt("base", 16);
    cfg.depth = args.getInt("depth", 4);
    cfg.inChannels = args.getInt("channels", 3);
    cfg.classes.resize(static_cast<std::size_t>(std::max(1, args.getInt("classes", 1))), {"class", {255, 0, 0}});
    std::printf("bench arch: %dx%d input, %d channels, %d classes, base %d, depth %d, batch 1, %d runs, %d threads\n",
                size, size, cfg.inChannels, cfg.numForeground(), cfg.baseWidth, cfg.depth, runs, ml::cpuThreads());
    std::printf("%-16s %12s %8s | %-28s | %-28s\n", "", "", "", "plain forward", "inference form");
    std::printf("%-16s %12s %8s | %8s %8s %10s | %8s %8s %10s\n", "architecture", "parameters", "GFLOPs", "ms", "p95 ms",
                "GFLOP/s", "ms", "p95 ms", "GFLOP/s");
    for (const auto& id : splitIds(args.get("arch"))) {
        cfg.architecture = id;
        const ml::ModelStats s = ml::measureModel(cfg, size, runs);
        const auto rate = [&](double ms) { return ms > 0 ? s.forwardGflops / (ms / 1000.0) : 0.0; };
        std::printf("%-16s %12lld %8.2f | %8.1f %8.1f %10.1f | %8.1f %8.1f %10.1f\n", id.c_str(),
                    static_cast<long long>(s.parameters), s.forwardGflops, s.forwardMs, s.forwardMsP95, rate(s.forwardMs),
                    s.inferenceMs, s.inferenceMsP95, rate(s.inferenceMs));
    }
    return 0;
}

// Training throughput through the real pipeline: Kvasir frames decoded once, augmented on worker
// threads each step, batch 8 at the model input. Epoch 1 warms up; the next --runs epochs are timed
// (wall clock, data waits and checkpoint saves included) and their median is reported.
int benchTraining(const CliArgs& args)
{
    const ml::ModelConfig cfg = benchModelConfig(args);
    auto pairs = core::SegmentationDataset::kvasirPairs(args.require("data"), "train.txt");
    pairs.resize(std::min<std::size_t>(pairs.size(), static_cast<std::size_t>(args.getInt("images", 64))));
    core::SegmentationDataset data(pairs, cfg);
    ml::TrainOptions opt;
    const int runs = std::max(1, args.getInt("runs", 3));
    opt.epochs = 1 + runs;
    opt.batchSize = args.getInt("batch", 8);
    opt.dataWorkers = args.getInt("workers", 1);
    opt.outputPath = (fs::temp_directory_path() / "delineo-bench-train.pt").string();
    std::vector<BenchClock::time_point> epochEnds{BenchClock::now()};
    ml::train(cfg, opt, data, nullptr, [&](const ml::TrainProgress& p) {
        if (p.epochDone)
            epochEnds.push_back(BenchClock::now());
    }, nullptr);
    const EpochRates r = epochRates(epochEnds, pairs.size());
    const double gflop = 3 * ml::measureModel(cfg, cfg.inputSize, 0).forwardGflops;
    std::printf("bench train: %s base %d, %dx%d, batch %d, augmentation on, %zu Kvasir images, %d threads, "
                "median of %zu epochs: %.2f images/s (%.2f-%.2f), %.1f GFLOP/s (%.1f-%.1f; 3 x %.2f GFLOP "
                "forward per image)\n",
                cfg.architecture.c_str(), cfg.baseWidth, cfg.inputSize, cfg.inputSize, opt.batchSize, pairs.size(),
                ml::cpuThreads(), r.epochs, r.median, r.low, r.high, gflop * r.median, gflop * r.low, gflop * r.high,
                gflop / 3);
    return 0;
}

} // namespace

// Inference latency of one frame through Segmenter::predict (normalise, resize, forward,
// resize back, argmax), median and p95 over --runs after 2 warm-up runs. With --arch: a table of
// architectures instead.
int runBench(const CliArgs& args)
{
    if (args.has("arch"))
        return benchArchitectures(args);
    if (args.has("finetune"))
        return benchFineTune(args);
    if (args.has("train"))
        return benchTraining(args);
    const std::string modelPath = args.get("model", core::defaultModelPath());
    const int w = args.getInt("width", args.getInt("size", 256)), h = args.getInt("height", args.getInt("size", 256));
    const int runs = std::max(3, args.getInt("runs", 20));
    auto seg = core::loadModel(modelPath);
    std::vector<std::uint8_t> frame(static_cast<std::size_t>(w) * h * 3);
    std::mt19937 rng(1);
    for (auto& v : frame)
        v = static_cast<std::uint8_t>(rng());
    std::vector<double> ms;
    for (int i = 0; i < runs + 2; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        seg->predict({frame.data(), w, h, 3});
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= 2)
            ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("bench infer: model %s (input %d), frame %dx%d, device %s, %d threads: median %.1f ms, p95 %.1f ms, "
                "min %.1f ms over %d runs\n",
                modelPath.c_str(), seg->config().inputSize, w, h, seg->device().c_str(), ml::cpuThreads(),
                ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.front(), runs);
    return 0;
}

ml::ModelConfig benchModelConfig(const CliArgs& args)
{
    ml::ModelConfig cfg;
    cfg.architecture = args.get("train", "unet");
    cfg.baseWidth = args.getInt("base", 16);
    cfg.depth = args.getInt("depth", 4);
    cfg.inputSize = args.getInt("size", 256);
    cfg.mean = {0.485f, 0.456f, 0.406f};
    cfg.std = {0.229f, 0.224f, 0.225f};
    return cfg;
}

EpochRates epochRates(const std::vector<BenchClock::time_point>& ends, std::size_t imagesPerEpoch)
{
    std::vector<double> rates;
    for (std::size_t i = 2; i < ends.size(); ++i)
        rates.push_back(static_cast<double>(imagesPerEpoch) / std::chrono::duration<double>(ends[i] - ends[i - 1]).count());
    std::sort(rates.begin(), rates.end());
    if (rates.empty())
        return {};
    return {rates[rates.size() / 2], rates.front(), rates.back(), rates.size()};
}

} // namespace delineo::cli
