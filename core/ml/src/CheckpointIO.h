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
// Loads only weights into an existing net (e.g. fine-tuning from a checkpoint of the same shape).
void loadWeights(const SegmentationNetPtr& net, const std::string& weightsPath);
// Restores optimizer state; returns the epoch stored with it.
int loadOptimizer(torch::optim::Optimizer& optimizer, const std::string& weightsPath);

} // namespace delineo::ml
