#include "delineo/core/WorkspaceIO.h"
#include "delineo/core/MaskOps.h"
#include "delineo/core/ClassPalette.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/UwMadison.h"


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
            report.failed.push_back(e.reportLine(p.string()));
        }
        if (progress)
            progress(static_cast<int>(i + 1), static_cast<int>(images.size()));
    }
    return report;
}

TransferReport importVolume(Workspace& ws, const std::string& path, const std::string& labels)
{
    TransferReport report;
    fs::path source = fs::absolute(path);
    std::error_code ec;
    const bool folder = fs::is_directory(source, ec);
    const bool uwCase = folder && uw::isCaseDay(source.string());
    if (!folder && !fs::exists(source, ec)) {
        throw ImageError(ErrorCode::NotFound, "not found: " + path);
    }
    if (folder && !uwCase) {
        // DICOM: the workspace keeps its own copy, de-identified by default.
        const bool deidentify = deidentifyOnImport(ws.folder());
        const auto copied = importDicom({source.string()}, (fs::path(ws.folder()) / "dicom").string(), deidentify,
                                        deidentify ? workspacePseudonyms(ws.folder()) : Pseudonyms{});
        report.failed = copied.failed;
        if (copied.written == 0)
            throw ImageError(ErrorCode::UnsupportedFormat, "no DICOM images found in " + path);
        source = copied.roots.front(); // its folder's name, or the pseudonym that replaced it
    }
    std::vector<std::string> ids;
    const Volume v = uwCase ? uw::loadCaseDay(source.string(), &ids) : loadVolume(source.string());
    const std::int64_t caseId = ws.addCase(source.filename().string());
    const std::int64_t image = ws.addImage(caseId, source.string(), v.width(), v.height(), v.depth());
    ++report.images;
    if (labels.empty())
        return report;
    std::vector<LabelMap> slices;
    // The classes the labels come with join the workspace's list; labels it names keep their names.
    std::vector<WorkspaceClass> named;
    if (uwCase) {
        const auto rows = uw::readCsv(labels);
        for (const auto& id : ids)
            slices.push_back(uw::labelsFor(rows, id, v.width(), v.height()));
        named = giTractClasses(); // as the GI-tract model names and colours them
    } else {
        LabelFile file = readLabelFile(labels, v, ws.classes());
        slices = std::move(file.slices);
        named = std::move(file.classes);
        for (const LoadWarning& n : file.notes)
            report.notes.push_back(labels + ": " + n.text());
    }
    if (static_cast<int>(slices.size()) != v.depth())
        throw ImageError(ErrorCode::WrongSize, "labels " + labels + " have " + std::to_string(slices.size()) +
                                                   " slices; the image has " + std::to_string(v.depth()));
    for (const LabelMap& m : slices)
        if (m.width != v.width() || m.height != v.height())
            throw ImageError(ErrorCode::WrongSize, "labels " + labels + " do not match the image size");
    named = withUnnamedLabels(slices, named, ws.classes());
    if (!named.empty())
        ws.setClasses(namedOver(ws.classes(), named));
    for (int z = 0; z < v.depth(); ++z) {
        const LabelMap& m = slices[static_cast<std::size_t>(z)];
        if (anyForeground(m.labels)) {
            ws.commitMask(image, z, m, MaskKind::Corrected);
            ++report.masks;
        }
    }
    return report;
}

} // namespace delineo::core
