#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/ml/Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace delineo::ml {

using nlohmann::json;

std::string ModelConfig::toJson() const
{
    json j;
    j["format"] = "delineo-model";
    j["formatVersion"] = 1;
    j["architecture"] = architecture;
    j["inChannels"] = inChannels;
    if (promptChannels > 0)
        j["promptChannels"] = promptChannels;
    j["baseWidth"] = baseWidth;
    j["depth"] = depth;
    j["inputSize"] = inputSize;
    j["normalisation"] = {{"mean", mean}, {"std", std}};
    json cls = json::array();
    for (const auto& c : classes)
        cls.push_back({{"name", c.name}, {"colour", c.colour}});
    j["classes"] = cls;
    j["description"] = description;
    if (!sha256.empty())
        j["sha256"] = sha256;
    if (demo)
        j["demo"] = true;
    j["metrics"] = jsonDepth(metricsJson) > kMaxJsonDepth ? json::object()
                                                          : json::parse(metricsJson.empty() ? "{}" : metricsJson, nullptr, false);
    if (j["metrics"].is_discarded())
        j["metrics"] = json::object();
    return j.dump(2);
}

ModelConfig ModelConfig::fromJson(const std::string& text)
{
    if (jsonDepth(text) > kMaxJsonDepth)
        throw ModelError("model sidecar nests arrays or objects more than " + std::to_string(kMaxJsonDepth) + " deep");
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw ModelError("model sidecar is not valid JSON");
    ModelConfig c;
    try {
        c.architecture = j.at("architecture").get<std::string>();
        c.inChannels = j.at("inChannels").get<int>();
        c.promptChannels = j.value("promptChannels", 0);
        c.baseWidth = j.value("baseWidth", 16);
        c.depth = j.value("depth", 4);
        c.inputSize = j.at("inputSize").get<int>();
        if (j.contains("normalisation")) {
            // One value per input channel (1 or 3); a single value serves every channel.
            auto three = [](const json& v) {
                const auto vals = v.get<std::vector<float>>();
                if (vals.empty() || vals.size() > 3)
                    throw ModelError("model sidecar: normalisation needs 1 to 3 values");
                return std::array<float, 3>{vals[0], vals[std::min<std::size_t>(1, vals.size() - 1)],
                                            vals[std::min<std::size_t>(2, vals.size() - 1)]};
            };
            c.mean = three(j["normalisation"].at("mean"));
            c.std = three(j["normalisation"].at("std"));
        }
        c.classes.clear();
        for (const auto& e : j.at("classes")) {
            ClassInfo ci;
            ci.name = e.at("name").get<std::string>();
            ci.colour = e.at("colour").get<std::array<std::uint8_t, 3>>();
            c.classes.push_back(ci);
        }
        c.description = j.value("description", "");
        c.demo = j.value("demo", false);
        c.sha256 = j.value("sha256", "");
        c.metricsJson = j.contains("metrics") ? j["metrics"].dump() : "{}";
    } catch (const json::exception& e) {
        throw ModelError(std::string("model sidecar is missing a field: ") + e.what());
    }
    if (c.inChannels != 1 && c.inChannels != 3)
        throw ModelError("model sidecar: inChannels must be 1 or 3");
    if (c.promptChannels != 0 && c.promptChannels != 4)
        throw ModelError("model sidecar: promptChannels must be 0 or 4");
    if (c.classes.empty() || c.classes.size() > 254)
        throw ModelError("model sidecar: needs 1 to 254 classes");
    if (c.inputSize < 16 || c.inputSize > 1024 || c.inputSize % 16 != 0)
        throw ModelError("model sidecar: inputSize must be a multiple of 16 in 16..1024");
    if (c.baseWidth < 1 || c.baseWidth > 512 || c.depth < 1 || c.depth > 6)
        throw ModelError("model sidecar: baseWidth/depth out of range");
    return c;
}

} // namespace delineo::ml
