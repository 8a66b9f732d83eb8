#pragma once
#include "delineo/ml/Metrics.h"
#include "delineo/ml/ModelConfig.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace delineo::ml {

// One training example at the model's input size.
struct TrainSample {
    std::vector<float> image;        // CHW, already normalised
    std::vector<std::uint8_t> mask;  // HxW class indices (0 = background)
};

// Supplies samples; must be safe to call from several threads at once.
class SampleSource {
public:
    virtual ~SampleSource() = default;
    virtual std::size_t size() const = 0;
    // `augment` asks for a random augmentation drawn from `seed` (deterministic per seed).
    virtual TrainSample sample(std::size_t index, bool augment, std::uint64_t seed) const = 0;
};

struct TrainOptions {
    int epochs = 10;
    int batchSize = 8;
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    std::uint64_t seed = 42;
    int dataWorkers = 1;
    int patience = 0;              // early stopping on val Dice; 0 = off
    double maxSeconds = 0;         // time budget; 0 = none
    bool augment = true;
    std::string outputPath;        // best checkpoint (.pt); last goes to <stem>.last.pt
    std::string initWeights;       // start from these weights (fine-tuning)
    bool transferInit = false;     // initWeights come from another architecture's twin (see WeightsFit)
    std::string resumeFrom;        // resume a run: a .last.pt with optimizer state
    std::string device;            // "" = preferred device
    std::string loss;              // "" = bce+dice (binary) / ce+dice; e.g. "0.5*focal+dice"
    std::string schedule = "cosine"; // or "onecycle": warm up to the rate over 30% of steps, then anneal
    bool mixedPrecision = true;    // CUDA only: autocast to half precision with dynamic loss scaling
    bool followEnvironment = true; // torchrun's variables make this one rank of a job (false: one process)
    // Several ranks: batch norm over the global batch (as one process of it trains) instead of each
    // rank's own. Exact, and 40% slower on CPUs (it leaves oneDNN's blocked layout at every layer).
    bool syncBatchNorm = false;
};

// Learning rate at progress t in [0, 1] of the run (no I/O; exposed for tests).
double scheduledRate(const std::string& schedule, double baseRate, double t);

struct TrainProgress {
    int epoch = 0, epochs = 0;
    int step = 0, stepsPerEpoch = 0;
    double loss = 0;               // running mean loss of this epoch
    double imagesPerSecond = 0;
    double etaSeconds = 0;
    bool epochDone = false;
    bool hasValidation = false;
    ImageMetrics validation;       // set when epochDone && hasValidation
    double bestDice = 0;
};

struct TrainResult {
    // Under torchrun's environment (RANK, WORLD_SIZE, …) train() is one rank of a data-parallel job
    // (delineo/ml/Distributed.h): only the leader, rank 0, wrote the checkpoints and reports.
    bool leader = true;
    int world = 1;
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestDice = 0;
    bool cancelled = false;
    double seconds = 0;
    double imagesPerSecond = 0;
    ImageMetrics bestValidation;
    std::string bestPath, lastPath;
};

using ProgressCallback = std::function<void(const TrainProgress&)>;

// Trains `config` on `train`, selecting on `val` (may be empty). Throws TrainingError.
// Cancel leaves the last written checkpoints intact.
TrainResult train(const ModelConfig& config, const TrainOptions& options, const SampleSource& train,
                  const SampleSource* val, const ProgressCallback& progress,
                  const std::atomic<bool>* cancel);


// Mean per-class metrics of the weights at `weightsPath` on `val`, at the model's input size (as
// training validates), so a base model and its fine-tuned child compare on equal terms.
ImageMetrics evaluateWeights(const ModelConfig& config, const std::string& weightsPath, const SampleSource& val,
                             const std::string& device = {}, int batchSize = 8,
                             const std::atomic<bool>* cancel = nullptr);

// {"mean": {...}, "<class name>": {...}} with every metric of namedValues().
std::string validationJson(const ModelConfig& config, const ImageMetrics& metrics);

// Parameter count of a freshly built network.
std::int64_t parameterCount(const ModelConfig& config);

// Registered architecture ids, in registration order.
std::vector<std::string> architectures();
// The promptable ones (clicks, box, scribbles and the previous mask as extra inputs).
std::vector<std::string> interactiveArchitectures();

} // namespace delineo::ml
