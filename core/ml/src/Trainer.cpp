#include "delineo/ml/Trainer.h"
#include "BatchLoader.h"
#include "ClickSimulation.h"
#include "CheckpointIO.h"
#include "Losses.h"
#include "ModelRegistry.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/CpuTensorCache.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Distributed.h"
#include "delineo/ml/Errors.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace delineo::ml {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

nlohmann::json metricsToJson(const SegmentationMetrics& m)
{
    nlohmann::json j;
    for (const auto& [name, value] : namedValues(m))
        j[name] = value; // NaN (undefined HD95) is written as null
    return j;
}

// Every rank's per-image metrics summed into means over all images, as one process computes them
// (HD95 over the images where it is defined).
std::vector<SegmentationMetrics> meansOverRanks(const std::vector<std::vector<SegmentationMetrics>>& perClass, Distributed& dist)
{
    constexpr int kFields = 8;
    torch::Tensor t = torch::zeros({static_cast<std::int64_t>(perClass.size()) * kFields}, torch::kDouble);
    auto* a = t.data_ptr<double>();
    for (std::size_t k = 0; k < perClass.size(); ++k)
        for (const auto& m : perClass[k]) {
            double* f = a + k * kFields;
            f[0] += m.pixelAccuracy, f[1] += m.iou, f[2] += m.dice, f[3] += m.precision, f[4] += m.recall, f[5] += 1;
            if (std::isfinite(m.hd95))
                f[6] += m.hd95, f[7] += 1;
        }
    dist.sum(t);
    a = t.data_ptr<double>();
    std::vector<SegmentationMetrics> out(perClass.size());
    for (std::size_t k = 0; k < perClass.size(); ++k) {
        const double* f = a + k * kFields;
        if (f[5] > 0)
            out[k] = {f[0] / f[5], f[1] / f[5], f[2] / f[5], f[3] / f[5], f[4] / f[5]};
        out[k].hd95 = f[7] > 0 ? f[6] / f[7] : std::numeric_limits<double>::quiet_NaN();
    }
    return out;
}

// Mean over images of per-class metrics, computed at the model's input size. Distributed: each
// rank measures every world-th image and the means are reduced.
ImageMetrics validate(const SegmentationNetPtr& net, const SampleSource& val, const ModelConfig& cfg,
                      const torch::Device& device, int batchSize, const std::atomic<bool>* cancel,
                      Distributed* dist = nullptr)
{
    net->eval();
    torch::NoGradGuard noGrad;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < val.size(); ++i)
        if (!dist || static_cast<int>(i % dist->world()) == dist->rank())
            order.push_back(i);
    if (dist)
        cancel = nullptr; // every rank must take part in the reduction
    BatchLoader loader(val, order, batchSize, false, 0, 1, cfg.imageChannels(), cfg.inputSize);
    std::vector<std::vector<SegmentationMetrics>> perClass(cfg.numForeground());
    Batch batch;
    while (loader.next(batch)) {
        if (cancel && cancel->load())
            break;
        torch::Tensor pred, truth;
        if (cfg.promptChannels > 0) {
            // Interactive models: the object after one click at its interior, from an empty mask.
            const InteractiveBatch b = firstClickBatch(batch.images, batch.masks, device);
            pred = labelsFromLogits(net->forward(b.inputs)).to(torch::kCPU).contiguous();
            truth = b.targets.to(torch::kCPU, torch::kUInt8).contiguous();
        } else {
            pred = labelsFromLogits(net->forward(batch.images.to(device))).to(torch::kCPU).contiguous();
            truth = batch.masks.to(torch::kUInt8).contiguous();
        }
        for (int64_t i = 0; i < pred.size(0); ++i) {
            auto m = evaluateLabels(pred[i].data_ptr<std::uint8_t>(), truth[i].data_ptr<std::uint8_t>(),
                                    cfg.inputSize, cfg.inputSize, cfg.numForeground());
            for (int k = 0; k < cfg.numForeground(); ++k)
                perClass[k].push_back(m.perClass[k]);
        }
    }
    ImageMetrics result;
    if (dist)
        result.perClass = meansOverRanks(perClass, *dist);
    else
        for (auto& v : perClass)
            result.perClass.push_back(meanOf(v));
    result.mean = meanOf(result.perClass);
    return result;
}

// This rank's share of an epoch (torch's DistributedSampler): the order padded with its own start
// to a multiple of the world, then every world-th element from this rank's index.
std::vector<std::size_t> shardOf(const std::vector<std::size_t>& order, const Distributed* dist)
{
    if (!dist)
        return order;
    const std::size_t world = static_cast<std::size_t>(dist->world());
    const std::size_t total = (order.size() + world - 1) / world * world;
    std::vector<std::size_t> out;
    for (std::size_t i = static_cast<std::size_t>(dist->rank()); i < total; i += world)
        out.push_back(order[i % order.size()]);
    return out;
}

// Values summed over the ranks in one exchange (one process: the values themselves).
template <std::size_t N>
std::array<double, N> summed(Distributed* dist, const std::array<double, N>& values)
{
    if (!dist)
        return values;
    torch::Tensor t = torch::tensor(std::vector<double>(values.begin(), values.end()), torch::kDouble);
    dist->sum(t);
    std::array<double, N> out;
    for (std::size_t i = 0; i < N; ++i)
        out[i] = t[static_cast<std::int64_t>(i)].item<double>();
    return out;
}

double summed(Distributed* dist, double value) { return summed<1>(dist, {value})[0]; }

// CUDA autocast for the forward pass and loss (LibTorch has no scoped guard for it).
class AutocastScope {
public:
    explicit AutocastScope(bool on) : on_(on)
    {
        if (on_)
            setEnabled(true);
    }
    ~AutocastScope()
    {
        if (on_) {
            setEnabled(false);
            at::autocast::clear_cache();
        }
    }

private:
    static void setEnabled(bool on)
    {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, on);
#else
        at::autocast::set_enabled(on);
#endif
    }
    bool on_;
};

// Drops the gradients instead of zeroing them: backward then writes fresh ones rather than adding
// into zeros, one pass less over every gradient.
void clearGradients(torch::optim::Optimizer& optimizer)
{
    for (auto& group : optimizer.param_groups())
        for (auto& p : group.params())
            p.mutable_grad() = torch::Tensor();
}

// Dynamic loss scaling for half precision (what torch.cuda.amp.GradScaler does): gradients are
// unscaled before the step; an overflow skips the step and halves the scale, and a long run of
// good steps doubles it.
struct LossScaler {
    double scale = 65536.0;
    int goodSteps = 0;

    bool unscale(torch::optim::Optimizer& optimizer)
    {
        std::vector<torch::Tensor> peaks;
        for (auto& group : optimizer.param_groups())
            for (auto& p : group.params())
                if (p.grad().defined()) {
                    p.mutable_grad().div_(scale);
                    peaks.push_back(p.grad().abs().max());
                }
        const bool finite = peaks.empty() || torch::isfinite(torch::stack(peaks)).all().item<bool>();
        if (!finite) {
            scale /= 2;
            goodSteps = 0;
            clearGradients(optimizer);
            return false;
        }
        if (++goodSteps % 2000 == 0)
            scale *= 2;
        return true;
    }
};

} // namespace

double scheduledRate(const std::string& schedule, double baseRate, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    if (schedule == "onecycle") {
        // Smith's one-cycle: from base/25 up to base over 30% of the run, then down to base/1e4.
        const double warm = 0.3;
        if (t < warm)
            return baseRate / 25 + (baseRate - baseRate / 25) * 0.5 * (1 - std::cos(M_PI * t / warm));
        return baseRate / 1e4 + (baseRate - baseRate / 1e4) * 0.5 * (1 + std::cos(M_PI * (t - warm) / (1 - warm)));
    }
    // Cosine over the whole run, floor at 2% of the base rate.
    return baseRate * (0.02 + 0.98 * 0.5 * (1.0 + std::cos(M_PI * t)));
}

std::int64_t parameterCount(const ModelConfig& config)
{
    auto net = ModelRegistry::builtin().create(config);
    std::int64_t n = 0;
    for (const auto& p : net->parameters())
        n += p.numel();
    return n;
}

TrainResult train(const ModelConfig& config, const TrainOptions& opt, const SampleSource& trainSet,
                  const SampleSource* valSet, const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    if (trainSet.size() == 0)
        throw TrainingError("no training samples");
    if (opt.outputPath.empty())
        throw TrainingError("no output path for the checkpoint");
    if (opt.batchSize < 1 || opt.epochs < 1)
        throw TrainingError("batch size and epochs must be at least 1");
    const auto start = Clock::now();
    const std::string devName = opt.device.empty() ? preferredDevice() : opt.device;
    useAllCpuThreads();
    const CpuTensorCache::Scope tensorCache;
    const torch::Device device(devName == "cuda" ? torch::kCUDA : torch::kCPU);
    torch::manual_seed(opt.seed);

    ModelConfig cfg = config;
    const std::string lossSpec = opt.loss.empty() ? defaultLoss(cfg.binary()) : opt.loss;
    const std::vector<LossTerm> lossTerms = parseLoss(lossSpec);
    auto net = ModelRegistry::builtin().create(cfg);
    if (!opt.initWeights.empty())
        // A fine-tune may add classes after the base's own: its head grows (never for a resume).
        loadWeights(net, opt.initWeights, opt.transferInit ? WeightsFit::Transfer : WeightsFit::MoreClasses);
    if (!opt.resumeFrom.empty())
        loadWeights(net, opt.resumeFrom);
    net->to(device);
    // torchrun's environment: one rank of a data-parallel job. Rank 0's weights are everyone's,
    // batch norm sees each rank's batch (or, asked, the global one) and only rank 0 writes.
    const std::unique_ptr<Distributed> dist = opt.followEnvironment ? Distributed::fromEnvironment(devName) : nullptr;
    if (dist) {
        std::vector<torch::Tensor> state = net->parameters();
        for (const auto& b : net->buffers())
            state.push_back(b);
        dist->broadcast(state);
        if (opt.syncBatchNorm)
            synchroniseBatchNorm(*net, *dist);
    }
    const bool leader = !dist || dist->leader();
    const std::uint64_t rankSeed = dist ? static_cast<std::uint64_t>(dist->rank()) * 1000003u : 0;

    torch::optim::AdamW optimizer(net->parameters(),
                                  torch::optim::AdamWOptions(opt.learningRate).weight_decay(opt.weightDecay));
    ResumeState resumed;
    if (!opt.resumeFrom.empty())
        resumed = loadOptimizer(optimizer, opt.resumeFrom);
    const int firstEpoch = resumed.epoch;

    if (opt.schedule != "cosine" && opt.schedule != "onecycle")
        throw TrainingError("unknown learning-rate schedule '" + opt.schedule + "' (cosine or onecycle)");
    const bool amp = opt.mixedPrecision && device.is_cuda();
    LossScaler scaler;
    const std::size_t perRank = dist ? (trainSet.size() + dist->world() - 1) / dist->world() : trainSet.size();
    const int steps = static_cast<int>((perRank + opt.batchSize - 1) / opt.batchSize);
    const double totalSteps = static_cast<double>(steps) * opt.epochs;
    TrainResult result;
    if (resumed.hasBest) { // the resumed run has to beat the interrupted run's best, not replace it
        result.bestDice = resumed.bestDice;
        result.bestEpoch = resumed.bestEpoch;
    }
    result.bestPath = opt.outputPath;
    result.lastPath = lastCheckpointPath(opt.outputPath);
    if (leader) { // the checkpoints' folder, for every caller
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(opt.outputPath).parent_path(), ec);
    }
    double trainSeconds = 0;
    std::int64_t trainImages = 0;
    int sinceBest = 0;
    const bool haveVal = valSet && valSet->size() > 0;

    for (int epoch = firstEpoch; epoch < opt.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        std::vector<std::size_t> order(trainSet.size());
        std::iota(order.begin(), order.end(), 0);
        std::mt19937_64 rng(opt.seed + static_cast<std::uint64_t>(epoch));
        std::shuffle(order.begin(), order.end(), rng);
        BatchLoader loader(trainSet, shardOf(order, dist.get()), opt.batchSize, opt.augment, opt.seed * 7919 + epoch + rankSeed,
                           opt.dataWorkers, cfg.imageChannels(), cfg.inputSize);
        std::mt19937 clickRng(static_cast<std::uint32_t>(opt.seed * 104729 + epoch + rankSeed));
        net->train();
        double lossSum = 0;
        int step = 0;
        Batch batch;
        while (loader.next(batch)) {
            const double lr = scheduledRate(opt.schedule, opt.learningRate,
                                             (static_cast<double>(epoch) * steps + step) / totalSteps);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
            // Batch norm cannot train on a single image; skip a trailing singleton.
            if (batch.images.size(0) < 2 && steps > 1)
                continue;
            const auto stepStart = Clock::now();
            clearGradients(optimizer);
            torch::Tensor loss;
            if (cfg.promptChannels > 0) {
                // Prompts simulated against the network as it is now (its own predictions fed back).
                const InteractiveBatch b = simulateInteraction(net, batch.images, batch.masks, device, clickRng);
                AutocastScope autocast(amp);
                loss = combinedLoss(net->forward(b.inputs), b.targets, lossTerms);
            } else {
                AutocastScope autocast(amp);
                loss = combinedLoss(net->forward(batch.images.to(device)), batch.masks.to(device), lossTerms);
            }
            // One exchange a step: the mean loss, and whether any rank was asked to stop (then every
            // rank stops at this step, before its update).
            const auto [lossTotal, stopping] = summed<2>(dist.get(), {loss.item<double>(), cancel && cancel->load() ? 1.0 : 0.0});
            if (stopping > 0) {
                result.cancelled = true;
                break;
            }
            const double lossValue = lossTotal / (dist ? dist->world() : 1);
            if (!std::isfinite(lossValue))
                throw TrainingError("training diverged (loss is not finite) at epoch " + std::to_string(epoch + 1));
            if (amp)
                (loss.to(torch::kFloat32) * scaler.scale).backward();
            else
                loss.backward();
            if (dist)
                dist->averageGradients(net->parameters());
            if (amp && !scaler.unscale(optimizer))
                continue; // overflow in half precision: skip this step with a smaller scale
            optimizer.step();
            trainSeconds += secondsSince(stepStart);
            trainImages += batch.images.size(0);
            lossSum += lossValue;
            ++step;
            if (progress && leader) {
                TrainProgress p;
                p.epoch = epoch + 1;
                p.epochs = opt.epochs;
                p.step = step;
                p.stepsPerEpoch = steps;
                p.loss = lossSum / step;
                p.imagesPerSecond = trainSeconds > 0 ? trainImages / trainSeconds : 0;
                const double done = static_cast<double>(epoch - firstEpoch) * steps + step;
                const double remaining = static_cast<double>(opt.epochs - firstEpoch) * steps - done;
                p.etaSeconds = secondsSince(start) / done * remaining;
                p.bestDice = result.bestDice;
                progress(p);
            }
        }
        if (result.cancelled)
            break;

        TrainProgress p;
        p.epoch = epoch + 1;
        p.epochs = opt.epochs;
        p.step = step;
        p.stepsPerEpoch = steps;
        p.loss = step ? lossSum / step : 0;
        p.epochDone = true;
        p.imagesPerSecond = trainSeconds > 0 ? trainImages / trainSeconds : 0;
        ImageMetrics val;
        if (haveVal) {
            val = validate(net, *valSet, cfg, device, opt.batchSize, cancel, dist.get());
            if (summed(dist.get(), cancel && cancel->load() ? 1 : 0) > 0) {
                result.cancelled = true;
                break;
            }
            p.hasValidation = true;
            p.validation = val;
        }
        const double dice = haveVal ? val.mean.dice : -p.loss;
        const bool improved = (result.epochsRun == 0 && !resumed.hasBest) || dice > result.bestDice || (!haveVal);
        result.epochsRun = epoch + 1;

        nlohmann::json metrics;
        metrics["epoch"] = epoch + 1;
        metrics["trainLoss"] = p.loss;
        metrics["loss"] = lossSpec;
        metrics["trainImagesPerSecond"] = p.imagesPerSecond;
        metrics["trainSamples"] = trainSet.size();
        metrics["trainSeconds"] = secondsSince(start); // a model trained elsewhere brings its training time
        metrics["ranks"] = dist ? dist->world() : 1;
        if (haveVal) {
            metrics["valSamples"] = valSet->size();
            metrics["val"] = nlohmann::json::parse(validationJson(cfg, val));
        }
        cfg.metricsJson = metrics.dump();
        if (improved) {
            result.bestDice = dice;
            result.bestEpoch = epoch + 1;
            result.bestValidation = val;
            if (leader)
                saveModel(net, cfg, result.bestPath);
            sinceBest = 0;
        } else {
            ++sinceBest;
        }
        if (leader)
            saveModel(net, cfg, result.lastPath, &optimizer,
                      ResumeState{epoch + 1, haveVal && result.bestEpoch > 0, result.bestDice, result.bestEpoch});
        p.bestDice = result.bestDice;
        const double elapsed = secondsSince(start);
        p.etaSeconds = elapsed / (epoch + 1 - firstEpoch) * (opt.epochs - epoch - 1);
        if (progress && leader)
            progress(p);
        if (opt.patience > 0 && sinceBest >= opt.patience)
            break;
        // Each rank's clock differs: any rank out of time stops them all.
        if (summed(dist.get(), opt.maxSeconds > 0 && elapsed + secondsSince(epochStart) > opt.maxSeconds ? 1 : 0) > 0)
            break;
    }
    result.seconds = secondsSince(start);
    // The job's throughput: every rank's images over the slowest rank's time.
    result.imagesPerSecond = trainSeconds > 0 ? summed(dist.get(), double(trainImages)) / trainSeconds : 0;
    result.leader = leader;
    result.world = dist ? dist->world() : 1;
    return result;
}

std::string validationJson(const ModelConfig& cfg, const ImageMetrics& m)
{
    nlohmann::json j = {{"mean", metricsToJson(m.mean)}};
    for (int k = 0; k < cfg.numForeground() && k < static_cast<int>(m.perClass.size()); ++k)
        j[cfg.classes[k].name] = metricsToJson(m.perClass[k]);
    return j.dump();
}

ImageMetrics evaluateWeights(const ModelConfig& config, const std::string& weightsPath, const SampleSource& val,
                             const std::string& deviceName, int batchSize, const std::atomic<bool>* cancel)
{
    const std::string devName = deviceName.empty() ? preferredDevice() : deviceName;
    useAllCpuThreads();
    const torch::Device device(devName == "cuda" ? torch::kCUDA : torch::kCPU);
    auto net = ModelRegistry::builtin().create(config);
    loadWeights(net, weightsPath);
    net->to(device);
    return validate(net, val, config, device, std::max(1, batchSize), cancel);
}

} // namespace delineo::ml
