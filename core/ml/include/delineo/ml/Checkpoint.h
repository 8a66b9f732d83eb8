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

// Writes text to path atomically (temp file, fsync, rename). Throws std::runtime_error.
void writeFileAtomic(const std::string& path, const std::string& bytes);

} // namespace delineo::ml
