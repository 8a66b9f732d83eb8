#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/ml/Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

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
    if (contextSlices > 1)
        j["contextSlices"] = contextSlices;
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
    if (!modalities.empty())
        j["modalities"] = modalities;
    j["metrics"] = parseBounded(metricsJson.empty() ? "{}" : metricsJson);
    if (j["metrics"].is_discarded())
        j["metrics"] = json::object();
    return j.dump(2);
}

namespace {

// Numbers are range-checked before they are converted: nlohmann-json casts 2e51 to int as it is
// (undefined behaviour) where a damaged sidecar deserves a typed error.
double number(const json& v, const char* field, double lo, double hi)
{
    if (!v.is_number())
        throw ModelError(std::string("model sidecar: ") + field + " must be a number");
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        throw ModelError(std::string("model sidecar: ") + field + " is out of range");
    return d;
}

int integer(const json& v, const char* field, double lo, double hi)
{
    const double d = number(v, field, lo, hi);
    if (d != std::floor(d))
        throw ModelError(std::string("model sidecar: ") + field + " must be a whole number");
    return static_cast<int>(d);
}

int integerOr(const json& j, const char* field, int fallback, double lo, double hi)
{
    return j.contains(field) ? integer(j[field], field, lo, hi) : fallback;
}

} // namespace

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
        constexpr double big = 1 << 20;
        c.inChannels = integer(j.at("inChannels"), "inChannels", 0, big);
        c.promptChannels = integerOr(j, "promptChannels", 0, 0, big);
        c.contextSlices = integerOr(j, "contextSlices", 1, 0, big);
        c.baseWidth = integerOr(j, "baseWidth", 16, 0, big);
        c.depth = integerOr(j, "depth", 4, 0, big);
        c.inputSize = integer(j.at("inputSize"), "inputSize", 0, big);
        if (j.contains("normalisation")) {
            // One value per input channel (1 or 3); a single value serves every channel.
            auto three = [](const json& v) {
                if (!v.is_array() || v.empty() || v.size() > 3)
                    throw ModelError("model sidecar: normalisation needs 1 to 3 values");
                std::vector<float> vals;
                for (const auto& x : v)
                    vals.push_back(static_cast<float>(number(x, "normalisation", -1e6, 1e6)));
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
            const json& colour = e.at("colour");
            if (!colour.is_array() || colour.size() != 3)
                throw ModelError("model sidecar: a class colour needs 3 values");
            for (std::size_t k = 0; k < 3; ++k)
                ci.colour[k] = static_cast<std::uint8_t>(integer(colour[k], "colour", 0, 255));
            c.classes.push_back(ci);
        }
        c.description = j.value("description", "");
        c.demo = j.value("demo", false);
        c.modalities = j.value("modalities", std::vector<std::string>{});
        c.sha256 = j.value("sha256", "");
        c.metricsJson = j.contains("metrics") ? j["metrics"].dump() : "{}";
    } catch (const json::exception& e) {
        throw ModelError(std::string("model sidecar is missing a field: ") + e.what());
    }
    if (c.inChannels != 1 && c.inChannels != 3)
        throw ModelError("model sidecar: inChannels must be 1 or 3");
    if (c.promptChannels != 0 && c.promptChannels != 4)
        throw ModelError("model sidecar: promptChannels must be 0 or 4");
    if (!validContextSlices(c.contextSlices))
        throw ModelError("model sidecar: contextSlices must be odd, 1 to " + std::to_string(kMaxContextSlices));
    if (c.contextSlices > 1 && c.promptChannels > 0)
        throw ModelError("model sidecar: an interactive model reads one slice (contextSlices 1)");
    if (c.classes.empty() || c.classes.size() > 254)
        throw ModelError("model sidecar: needs 1 to 254 classes");
    if (c.inputSize < 16 || c.inputSize > 1024 || c.inputSize % 16 != 0)
        throw ModelError("model sidecar: inputSize must be a multiple of 16 in 16..1024");
    if (c.baseWidth < 1 || c.baseWidth > 512 || c.depth < 1 || c.depth > 6)
        throw ModelError("model sidecar: baseWidth/depth out of range");
    return c;
}

bool ModelConfig::fits(int channels, const std::string& modality) const
{
    if ((channels == 3 ? 3 : 1) != inChannels)
        return false;
    return modality.empty() || modalities.empty() ||
           std::find(modalities.begin(), modalities.end(), modality) != modalities.end();
}

} // namespace delineo::ml
