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

} // namespace delineo::core
