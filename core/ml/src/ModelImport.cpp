#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/ml/Errors.h"
#include "models/TorchScriptCheck.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::ml {

namespace {

std::string readAll(const std::string& path, const char* what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError(std::string("cannot read the ") + what + " " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

std::string importTorchScript(const std::string& modelPath, const std::string& sidecarJsonPath,
                              const std::string& outDir, const std::string& name)
{
    const std::string text = readAll(sidecarJsonPath, "sidecar");
    if (jsonDepth(text) > kMaxJsonDepth)
        throw ModelError("sidecar " + sidecarJsonPath + " nests arrays or objects too deep");
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        throw ModelError("sidecar " + sidecarJsonPath + " is not a JSON object");
    if (j.contains("architecture") && j["architecture"] != kTorchScriptArchitecture)
        throw ModelError("sidecar " + sidecarJsonPath + " names architecture " + j["architecture"].dump() +
                         "; an imported model is \"torchscript\"");
    j["architecture"] = kTorchScriptArchitecture;
    j["format"] = "delineo-model";
    j["formatVersion"] = 1;
    if (!j.contains("description"))
        j["description"] = "Imported TorchScript model (" + fs::path(modelPath).filename().string() + ")";
    const ModelConfig config = ModelConfig::fromJson(j.dump());
    checkTorchScriptInChildProcess(modelPath, config); // throws with the reason

    const std::string stem = name.empty() ? fs::path(modelPath).stem().string() : name;
    std::error_code ec;
    fs::create_directories(outDir, ec);
    const std::string target = (fs::path(outDir) / (stem + ".pt")).string();
    try {
        writeFileAtomic(target, readAll(modelPath, "model"));
        writeFileAtomic(sidecarPath(target), config.toJson());
    } catch (const std::runtime_error& e) {
        throw ModelError(e.what());
    }
    return target;
}

} // namespace delineo::ml
