#pragma once
#include "delineo/ml/ModelConfig.h"
#include <string>

namespace delineo::ml {

// Path conventions of a checkpoint: weights at X.pt, sidecar X.json, optimizer X.optim.pt.
std::string sidecarPath(const std::string& weightsPath);
std::string optimizerPath(const std::string& weightsPath);
// Where training keeps its last epoch (for resume) beside the best weights: X.last.pt.
std::string lastCheckpointPath(const std::string& weightsPath);
ModelConfig readSidecar(const std::string& weightsPath); // throws ModelError

// The sidecar architecture of models exported from PyTorch (TorchScript), inference only.
inline constexpr const char* kTorchScriptArchitecture = "torchscript";

// Checks a TorchScript model against its sidecar (classes, colours, inChannels, inputSize,
// normalisation; architecture may be left out) by running it once, then copies both into
// outDir as NAME.pt + NAME.json. Returns the new weights path. Throws ModelError.
std::string importTorchScript(const std::string& modelPath, const std::string& sidecarJsonPath,
                              const std::string& outDir, const std::string& name = {});

// Writes text to path atomically (temp file, fsync, rename). Throws std::runtime_error.
void writeFileAtomic(const std::string& path, const std::string& bytes);

} // namespace delineo::ml
