#include "delineo/core/ModelLibrary.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::core {

std::vector<ModelEntry> shippedModels()
{
    std::vector<ModelEntry> out;
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (const fs::path dir : {fs::path(resourceDir()) / "models", fs::path(userModelDir())})
        for (const auto& e : fs::directory_iterator(dir, ec))
            entries.push_back(e);
    for (const auto& e : entries) {
        const std::string name = e.path().filename().string();
        // Resume state (.last.pt, .optim.pt) is not a model to offer.
        if (e.path().extension() != ".pt" || name.find(".last.") != std::string::npos ||
            name.find(".optim.") != std::string::npos)
            continue;
        try {
            out.push_back({e.path().string(), ml::readSidecar(e.path().string())});
        } catch (const ml::ModelError&) {
        }
    }
    std::sort(out.begin(), out.end(), [](const ModelEntry& a, const ModelEntry& b) { return a.path < b.path; });
    return out;
}

std::vector<ModelEntry> shippedModelsFor(int channels, const std::string& modality)
{
    std::vector<ModelEntry> out;
    for (auto& entry : shippedModels())
        if (!entry.config.interactive() && entry.config.fits(channels, modality))
            out.push_back(std::move(entry));
    return out;
}

} // namespace delineo::core
