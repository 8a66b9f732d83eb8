#include "delineo/core/WorkspaceIO.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

std::vector<fs::path> imagesIn(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && hasImageExtension(e.path().string()) && !looksLikeDicom(e.path().string()))
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string failure(const fs::path& p, const ImageError& e)
{
    return p.string() + ": " + e.what() + " [" + ImageError::codeName(e.code()) + "]";
}

} // namespace

TransferReport importFrames(Workspace& ws, const std::string& folder, int numForeground, const std::string& masksFolder,
                            const std::atomic<bool>* cancel, const std::function<void(int, int)>& progress)
{
    const fs::path root = fs::absolute(folder);
    if (!fs::is_directory(root))
        throw ImageError(ErrorCode::NotFound, "folder not found: " + folder);
    const bool kvasir = fs::is_directory(root / "images");
    const fs::path imageDir = kvasir ? root / "images" : root;
    const fs::path maskDir = !masksFolder.empty() ? fs::absolute(masksFolder) : root / "masks";
    std::map<std::string, fs::path> masks;
    for (const auto& m : imagesIn(maskDir))
        masks[m.stem().string()] = m;
    const auto images = imagesIn(imageDir);
    TransferReport report;
    const std::int64_t caseId = ws.addCase(root.filename().string());
    for (std::size_t i = 0; i < images.size(); ++i) {
        if (cancel && cancel->load())
            break;
        const fs::path& p = images[i];
        try {
            const Image img = loadImage(p.string());
            const std::int64_t id = ws.addImage(caseId, p.string(), img.width, img.height);
            ++report.images;
            if (const auto it = masks.find(p.stem().string()); it != masks.end()) {
                const LabelMap m = loadMask(it->second.string(), numForeground);
                if (m.width != img.width || m.height != img.height)
                    throw ImageError(ErrorCode::WrongSize, "mask " + it->second.string() + " does not match the image size");
                if (!ws.latestMask(id, 0)) {
                    ws.commitMask(id, 0, m, MaskKind::Corrected);
                    ++report.masks;
                }
            }
        } catch (const ImageError& e) {
            report.failed.push_back(failure(p, e));
        }
        if (progress)
            progress(static_cast<int>(i + 1), static_cast<int>(images.size()));
    }
    return report;
}

TransferReport exportPngMasks(const Workspace& ws, const std::string& outDir, int numForeground)
{
    TransferReport report;
    for (const auto& c : ws.cases()) {
        for (const auto& image : ws.images(c.id)) {
            const auto rev = ws.latestMask(image.id, 0);
            if (!rev)
                continue;
            const fs::path target = fs::path(outDir) / c.name / (fs::path(image.path).stem().string() + ".png");
            try {
                std::error_code ec;
                fs::create_directories(target.parent_path(), ec);
                saveMask(target.string(), rev->labels, numForeground);
                ++report.masks;
            } catch (const ImageError& e) {
                report.failed.push_back(failure(target, e));
            }
        }
    }
    return report;
}

} // namespace delineo::core
