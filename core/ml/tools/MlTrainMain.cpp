// delineo-ml-train: the trainer of `delineo-cli train`, built with nothing but LibTorch, for a machine
// (e.g. a GPU box) that has no Qt, OpenCV or DCMTK. It reads the folder written by
// `delineo-cli train ... --pack DIR`: config.json, train.pack and val.pack.
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/PackedDataset.h"
#include "delineo/ml/Segmenter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>

namespace {

std::atomic<bool> g_cancel{false};
extern "C" void onSignal(int) { g_cancel = true; }

const char* kUsage =
    "usage: delineo-ml-train --pack DIR --evaluate MODEL.pt [--tiles]\n"
    "         (the inference engine on the validation pack: batched, on CUDA when there is one)\n"
    "       delineo-ml-train --pack DIR --out OUT.pt [--config DIR/config.json] [--epochs 20]\n"
    "                        [--batch 8] [--lr 1e-3] [--schedule cosine|onecycle] [--loss SPEC] [--patience N] [--seed 42]\n"
    "                        [--workers 1] [--time-budget S] [--resume OUT.last.pt] [--init BASE.pt] [--no-amp]\n"
    "                        [--sync-bn]  (one rank of a job under torchrun's RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT)\n";

// Runs the Segmenter (the app's inference engine) over the validation pack in batches of 8 and
// prints mean Dice and time per frame.
int evaluate(const std::string& packDir, const std::string& modelPath, bool tiles)
{
    using namespace delineo::ml;
    auto seg = Segmenter::load(modelPath);
    const ModelConfig& c = seg->config();
    auto val = PackedDataset::read(packDir + "/val.pack", c);
    const int s = c.inputSize, ch = c.imageChannels();
    std::vector<std::vector<std::uint8_t>> pixels;
    std::vector<std::vector<std::uint8_t>> truth;
    for (std::size_t i = 0; i < val->size(); ++i) {
        const TrainSample t = val->sample(i, false, 0);
        std::vector<std::uint8_t> hwc(static_cast<std::size_t>(s) * s * ch);
        for (int k = 0; k < ch; ++k)
            for (int p = 0; p < s * s; ++p) {
                const float v = (t.image[static_cast<std::size_t>(k) * s * s + p] * c.std[k % c.inChannels] + c.mean[k % c.inChannels]) * 255.f;
                hwc[static_cast<std::size_t>(p) * ch + k] = static_cast<std::uint8_t>(std::clamp(v + 0.5f, 0.f, 255.f));
            }
        pixels.push_back(std::move(hwc));
        truth.push_back(t.mask);
    }
    PredictOptions options;
    options.tiled = tiles;
    std::vector<SegmentationMetrics> dice;
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t first = 0; first < pixels.size(); first += 8) {
        std::vector<ImageU8View> batch;
        for (std::size_t i = first; i < std::min(pixels.size(), first + 8); ++i)
            batch.push_back({pixels[i].data(), s, s, ch});
        const auto preds = seg->predictBatch(batch, options);
        for (std::size_t i = 0; i < preds.size(); ++i)
            dice.push_back(evaluateLabels(preds[i].labels.data(), truth[first + i].data(), s, s, c.numForeground()).mean);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s on %s: %zu validation frames, mean Dice %.4f, %.2f ms per frame (batches of 8%s)\n",
                modelPath.c_str(), seg->device().c_str(), pixels.size(), meanOf(dice).dice,
                1000.0 * seconds / pixels.size(), tiles ? ", tiled" : "");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace delineo::ml;
    std::map<std::string, std::string> opts;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--", 0) != 0) {
            std::fprintf(stderr, "delineo-ml-train: unexpected argument %s\n%s", a.c_str(), kUsage);
            return 2;
        }
        const bool flag = a == "--no-amp" || a == "--help" || a == "--tiles" || a == "--sync-bn";
        if (!flag && i + 1 >= argc) {
            std::fprintf(stderr, "delineo-ml-train: %s needs a value\n%s", a.c_str(), kUsage);
            return 2;
        }
        opts[a.substr(2)] = flag ? "1" : argv[++i];
    }
    if (opts.count("help") || !opts.count("pack") || !(opts.count("out") || opts.count("evaluate"))) {
        std::fprintf(opts.count("help") ? stdout : stderr, "%s", kUsage);
        return opts.count("help") ? 0 : 2;
    }
    auto get = [&](const std::string& k, const std::string& dflt) { return opts.count(k) ? opts[k] : dflt; };
    try {
        if (opts.count("evaluate"))
            return evaluate(opts["pack"], opts["evaluate"], opts.count("tiles") > 0);
        const std::string dir = opts["pack"];
        PackedDataset::Folder pack = PackedDataset::readFolder(dir, get("config", ""));
        const ModelConfig& config = pack.config;
        auto& trainSet = pack.train;
        auto& valSet = pack.val;
        TrainOptions opt;
        opt.outputPath = opts["out"];
        opt.epochs = std::stoi(get("epochs", "20"));
        opt.batchSize = std::stoi(get("batch", "8"));
        opt.learningRate = std::stod(get("lr", "1e-3"));
        opt.schedule = get("schedule", "cosine");
        opt.loss = get("loss", "");
        opt.patience = std::stoi(get("patience", "0"));
        opt.seed = std::stoull(get("seed", "42"));
        opt.dataWorkers = std::stoi(get("workers", "1"));
        opt.maxSeconds = std::stod(get("time-budget", "0"));
        opt.resumeFrom = get("resume", "");
        opt.initWeights = get("init", ""); // fine-tuning: the base version's weights
        opt.mixedPrecision = !opts.count("no-amp");
        opt.syncBatchNorm = opts.count("sync-bn") > 0;
        std::printf("%zu training and %zu validation samples; device %s\n", trainSet->size(), valSet->size(),
                    preferredDevice().c_str());
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto result = train(config, opt, *trainSet, valSet.get(), [](const TrainProgress& p) {
            if (p.epochDone)
                std::printf("epoch %d/%d  loss %.4f  %.1f img/s  val dice %.4f iou %.4f  best %.4f\n", p.epoch,
                            p.epochs, p.loss, p.imagesPerSecond, p.validation.mean.dice, p.validation.mean.iou,
                            p.bestDice);
            std::fflush(stdout);
        }, &g_cancel);
        if (result.leader)
            std::printf("%s: best val dice %.4f at epoch %d, %.1f img/s (%d rank%s), %.0f s -> %s\n",
                        result.cancelled ? "cancelled" : "done", result.bestDice, result.bestEpoch,
                        result.imagesPerSecond, result.world, result.world > 1 ? "s" : "", result.seconds,
                        result.bestPath.c_str());
        else
            std::printf("%s: rank 0 wrote the model\n", result.cancelled ? "cancelled" : "done");
        return result.cancelled ? 130 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "delineo-ml-train: %s\n", e.what());
        return 1;
    }
}
