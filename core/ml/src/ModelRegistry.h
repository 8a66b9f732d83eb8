#pragma once
#include "SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

#include <functional>
#include <string>
#include <vector>

namespace delineo::ml {

using ModelFactory = std::function<SegmentationNetPtr(const ModelConfig&)>;

// Stable id -> factory. Every architecture is listed once in registerBuiltinModels().
// Interactive (promptable) architectures are listed apart: they need prompts to run.
class ModelRegistry {
public:
    static ModelRegistry& builtin();
    void add(const std::string& id, ModelFactory factory, bool interactive = false);
    bool contains(const std::string& id) const;
    std::vector<std::string> ids(bool interactive = false) const;
    SegmentationNetPtr create(const ModelConfig& config) const; // throws ModelError

private:
    struct Entry {
        std::string id;
        ModelFactory factory;
        bool interactive = false;
    };
    std::vector<Entry> entries_;
};

void registerBuiltinModels(ModelRegistry& registry);

} // namespace delineo::ml
