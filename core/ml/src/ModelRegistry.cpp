#include "ModelRegistry.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"
#include "models/AttentionUNet.h"
#include "models/DeepLabV3Plus.h"
#include "models/FCN.h"
#include "models/UNet.h"
#include "models/UNet3Plus.h"
#include "models/UNetPlusPlus.h"

namespace delineo::ml {

void registerBuiltinModels(ModelRegistry& registry)
{
    registry.add("unet", [](const ModelConfig& c) { return std::make_shared<UNetImpl>(c); });
    registry.add("unetpp", [](const ModelConfig& c) { return std::make_shared<UNetPlusPlusImpl>(c); });
    registry.add("attention_unet", [](const ModelConfig& c) { return std::make_shared<AttentionUNetImpl>(c); });
    registry.add("unet3p", [](const ModelConfig& c) { return std::make_shared<UNet3PlusImpl>(c); });
    registry.add("deeplabv3p", [](const ModelConfig& c) { return std::make_shared<DeepLabV3PlusImpl>(c); });
    registry.add("fcn", [](const ModelConfig& c) { return std::make_shared<FCNImpl>(c); });
}

ModelRegistry& ModelRegistry::builtin()
{
    static ModelRegistry registry = [] {
        ModelRegistry r;
        registerBuiltinModels(r);
        return r;
    }();
    return registry;
}

void ModelRegistry::add(const std::string& id, ModelFactory factory)
{
    entries_.emplace_back(id, std::move(factory));
}

bool ModelRegistry::contains(const std::string& id) const
{
    for (const auto& e : entries_)
        if (e.first == id)
            return true;
    return false;
}

std::vector<std::string> ModelRegistry::ids() const
{
    std::vector<std::string> out;
    for (const auto& e : entries_)
        out.push_back(e.first);
    return out;
}

SegmentationNetPtr ModelRegistry::create(const ModelConfig& config) const
{
    for (const auto& e : entries_)
        if (e.first == config.architecture)
            return e.second(config);
    if (config.architecture == kTorchScriptArchitecture)
        throw ModelError("TorchScript models are for inference only; train or fine-tune a built-in architecture");
    throw ModelError("unknown architecture '" + config.architecture + "'");
}

std::vector<std::string> architectures() { return ModelRegistry::builtin().ids(); }

} // namespace delineo::ml
