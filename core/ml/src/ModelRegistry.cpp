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
    // The interactive model: a UNet reading the image, the prompt maps and the previous mask
    // (RITM's input scheme), one binary output for the object the prompts point at.
    registry.add("prompt_unet", [](const ModelConfig& c) {
        if (c.promptChannels != 4 || !c.binary())
            throw ModelError("prompt_unet needs promptChannels 4 and one class (the object prompted)");
        ModelConfig wide = c;
        wide.inChannels = c.inChannels + c.promptChannels;
        return std::make_shared<UNetImpl>(wide);
    }, /*interactive=*/true);
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

void ModelRegistry::add(const std::string& id, ModelFactory factory, bool interactive)
{
    entries_.push_back({id, std::move(factory), interactive});
}

bool ModelRegistry::contains(const std::string& id) const
{
    for (const auto& e : entries_)
        if (e.id == id)
            return true;
    return false;
}

std::vector<std::string> ModelRegistry::ids(bool interactive) const
{
    std::vector<std::string> out;
    for (const auto& e : entries_)
        if (e.interactive == interactive)
            out.push_back(e.id);
    return out;
}

SegmentationNetPtr ModelRegistry::create(const ModelConfig& config) const
{
    // A 2.5D model is the same network with its first convolution reading every slice's channels.
    ModelConfig wide = config;
    wide.inChannels = config.imageChannels();
    wide.contextSlices = 1;
    for (const auto& e : entries_)
        if (e.id == config.architecture)
            return e.factory(wide);
    if (config.architecture == kTorchScriptArchitecture)
        throw ModelError("TorchScript models are for inference only; train or fine-tune a built-in architecture");
    throw ModelError("unknown architecture '" + config.architecture + "'");
}

std::vector<std::string> architectures() { return ModelRegistry::builtin().ids(); }
std::vector<std::string> interactiveArchitectures() { return ModelRegistry::builtin().ids(true); }

} // namespace delineo::ml
