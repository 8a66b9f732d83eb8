#include "delineo/core/WorkspaceFiles.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/ml/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

bool adopt(Workspace& ws, std::int64_t image, int slice, const fs::path& file, int numForeground, int width,
           int height, TransferReport& report)
{
    if (ws.latestMask(image, slice))
        return false; // the database has the newer word on this slice
    try {
        const LabelMap mask = loadMask(file.string(), numForeground);
        if (mask.width != width || mask.height != height)
            throw ImageError(ErrorCode::WrongSize, "the mask does not match its image's size");
        ws.commitMask(image, slice, mask, MaskKind::Corrected);
        ++report.masks;
        return true;
    } catch (const ImageError& e) {
        report.failed.push_back(e.reportLine(file.string()));
        return false;
    }
}

} // namespace

TransferReport adoptMaskFiles(Workspace& ws, int numForeground)
{
    TransferReport report;
    const fs::path root = fs::absolute(ws.folder());
    const fs::path masks = root / "masks";
    std::error_code ec;
    if (!fs::is_directory(masks, ec))
        return report;
    // Frames in the workspace folder by stem, and the stored images by the name of their file or folder.
    std::map<std::string, fs::path> frames;
    for (const auto& e : fs::directory_iterator(root, ec))
        if (e.is_regular_file(ec) && hasImageExtension(e.path().string()) && !looksLikeDicom(e.path().string()))
            frames.emplace(e.path().stem().string(), e.path());
    std::map<std::string, ImageEntry> stored;
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id)) {
            fs::path p(image.path);
            stored.emplace(fs::is_directory(p, ec) ? p.filename().string() : p.stem().string(), image);
        }
    for (const auto& e : fs::directory_iterator(masks, ec)) {
        const std::string stem = e.path().stem().string();
        if (e.is_regular_file(ec) && hasImageExtension(e.path().string())) {
            const auto frame = frames.find(stem);
            if (frame == frames.end())
                continue;
            const auto known = ws.imageId(frame->second.string());
            std::int64_t image = 0;
            int width = 0, height = 0;
            if (known) {
                const auto entry = ws.image(*known);
                image = entry->id;
                width = entry->width;
                height = entry->height;
            } else {
                try {
                    const Image img = loadImage(frame->second.string());
                    width = img.width;
                    height = img.height;
                } catch (const ImageError& err) {
                    report.failed.push_back(frame->second.string() + ": " + err.what());
                    continue;
                }
                const std::int64_t caseId = ws.addCase(fs::relative(frame->second, root).string());
                image = ws.addImage(caseId, frame->second.string(), width, height);
                ++report.images;
                // A frame whose only mask is the file someone drew is a corrected case.
                if (adopt(ws, image, 0, e.path(), numForeground, width, height, report))
                    ws.setReview(caseId, ReviewStatus::Corrected, "");
                continue;
            }
            adopt(ws, image, 0, e.path(), numForeground, width, height, report);
        } else if (e.is_directory(ec)) {
            const auto it = stored.find(e.path().filename().string());
            if (it == stored.end())
                continue;
            for (const auto& s : fs::directory_iterator(e.path(), ec)) {
                int number = 0;
                if (std::sscanf(s.path().filename().string().c_str(), "slice_%d.png", &number) != 1 || number < 1 ||
                    number > it->second.slices)
                    continue;
                adopt(ws, it->second.id, number - 1, s.path(), numForeground, it->second.width, it->second.height, report);
            }
        }
    }
    return report;
}

std::string copyModelFile(const Workspace& ws, const std::string& weights, const std::string& stem)
{
    if (!fs::exists(weights))
        throw ImageError(ErrorCode::NotFound, "model not found: " + weights);
    const fs::path dir = fs::path(ws.folder()) / "models";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path target = dir / (stem + ".pt");
    if (fs::weakly_canonical(weights, ec) != fs::weakly_canonical(target, ec)) {
        fs::copy_file(weights, target, fs::copy_options::overwrite_existing, ec);
        if (!ec)
            fs::copy_file(ml::sidecarPath(weights), ml::sidecarPath(target.string()), fs::copy_options::overwrite_existing,
                          ec);
        if (ec)
            throw ImageError(ErrorCode::WriteFailed, "cannot copy the model into " + dir.string() + ": " + ec.message());
    }
    return "models/" + stem + ".pt";
}

std::int64_t addModelFile(Workspace& ws, const std::string& weights, const std::string& name)
{
    if (!fs::exists(weights))
        throw ImageError(ErrorCode::NotFound, "model not found: " + weights);
    const ml::ModelConfig cfg = ml::readSidecar(weights);
    const std::string stem = name.empty() ? fs::path(weights).stem().string() : name;
    ModelVersion v;
    v.path = copyModelFile(ws, weights, stem);
    v.name = stem;
    v.sidecar = cfg.toJson();
    // Its own figures were measured elsewhere; this workspace's split measures it at the first fine-tune.
    v.metrics = nlohmann::json{{"source", nlohmann::json::parse(cfg.metricsJson, nullptr, false)}}.dump();
    return ws.addModelVersion(v);
}

} // namespace delineo::core
