#pragma once
#include "SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

#include <functional>
#include <string>
#include <vector>

namespace delineo::ml {

using ModelFactory = std::function<SegmentationNetPtr(const ModelConfig&)>;

// Stable id -> factory. Every architecture is listed once in registerBuiltinModels().
class ModelRegistry {
public:
    static ModelRegistry& builtin();
    void add(const std::string& id, ModelFactory factory);
    bool contains(const std::string& id) const;
    std::vector<std::string> ids() const;
    SegmentationNetPtr create(const ModelConfig& config) const; // throws ModelError

private:
    std::vector<std::pair<std::string, ModelFactory>> entries_;
};

void registerBuiltinModels(ModelRegistry& registry);

} // namespace delineo::ml
