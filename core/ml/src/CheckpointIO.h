#pragma once
// Internal: save/load networks with their sidecar.
#include "SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

struct LoadedModel {
    ModelConfig config;
    SegmentationNetPtr net;
};

// Writes weights (and optimizer state when given) and the sidecar, each atomically.
void saveModel(const SegmentationNetPtr& net, const ModelConfig& config, const std::string& weightsPath,
               torch::optim::Optimizer* optimizer = nullptr, int epoch = 0);
LoadedModel loadModel(const std::string& weightsPath, const torch::Device& device); // ModelError
// For inference: on CUDA when there is a GPU, else the CPU (`device` says which), in eval mode; an
// interactive model only when `interactive`, never otherwise (the two read different inputs).
LoadedModel loadForInference(const std::string& weightsPath, bool interactive, torch::Device& device);
// Exact: every tensor must match. Transfer: an automatic model starts the interactive twin of its
// architecture (wider input, maybe another head).
enum class WeightsFit { Exact, Transfer };
// Loads only weights into an existing net (e.g. fine-tuning from a checkpoint of the same shape).
void loadWeights(const SegmentationNetPtr& net, const std::string& weightsPath, WeightsFit fit = WeightsFit::Exact);
// Restores optimizer state; returns the epoch stored with it.
int loadOptimizer(torch::optim::Optimizer& optimizer, const std::string& weightsPath);

} // namespace delineo::ml
