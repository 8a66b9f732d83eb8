#pragma once
#include "delineo/ml/ModelConfig.h"

#include <string>
#include <vector>

namespace delineo::core {

struct ModelEntry {
    std::string path;         // weights (.pt); the sidecar sits beside it
    ml::ModelConfig config;
};

// The models shipped in resourceDir()/models and those in userModelDir() (imported or
// trained), by path; unreadable sidecars are skipped.
std::vector<ModelEntry> shippedModels();
// The automatic (not interactive) ones made for an image of `channels` and `modality`
// (ModelConfig::fits), in the same order: the first is the one such an image gets.
std::vector<ModelEntry> shippedModelsFor(int channels, const std::string& modality);

} // namespace delineo::core
