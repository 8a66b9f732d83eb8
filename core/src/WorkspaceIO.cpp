#include "delineo/core/WorkspaceIO.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/DicomSeg.h"
#include "delineo/core/Deidentifier.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/UwMadison.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

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

// Every (case, image, latest mask) of the workspace, in case and path order.
template <typename Visit>
void forEachMasked(const Workspace& ws, Visit visit)
{
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id))
            if (auto rev = ws.latestMask(image.id, 0))
                visit(c, image, rev->labels);
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
        const auto copied = importDicom({source.string()}, (fs::path(ws.folder()) / "dicom").string(),
                                        deidentifyOnImport(ws.folder()));
        report.failed = copied.failed;
        if (copied.written == 0)
            throw ImageError(ErrorCode::UnsupportedFormat, "no DICOM images found in " + path);
        source = fs::path(ws.folder()) / "dicom" / source.filename();
    }
    std::vector<std::string> ids;
    const Volume v = uwCase ? uw::loadCaseDay(source.string(), &ids) : loadVolume(source.string());
    const std::int64_t caseId = ws.addCase(source.filename().string());
    const std::int64_t image = ws.addImage(caseId, source.string(), v.width(), v.height(), v.depth());
    ++report.images;
    if (labels.empty())
        return report;
    std::vector<LabelMap> slices;
    if (uwCase) {
        const auto rows = uw::readCsv(labels);
        for (const auto& id : ids)
            slices.push_back(uw::labelsFor(rows, id, v.width(), v.height()));
    } else if (isDicomSeg(labels)) {
        slices = readDicomSeg(labels, v, ws.classes());
    } else {
        slices = readItkLabels(labels);
    }
    if (static_cast<int>(slices.size()) != v.depth())
        throw ImageError(ErrorCode::WrongSize, "labels " + labels + " have " + std::to_string(slices.size()) +
                                                   " slices; the image has " + std::to_string(v.depth()));
    for (int z = 0; z < v.depth(); ++z) {
        const LabelMap& m = slices[static_cast<std::size_t>(z)];
        if (m.width != v.width() || m.height != v.height())
            throw ImageError(ErrorCode::WrongSize, "labels " + labels + " do not match the image size");
        if (std::any_of(m.labels.begin(), m.labels.end(), [](std::uint8_t x) { return x != 0; })) {
            ws.commitMask(image, z, m, MaskKind::Corrected);
            ++report.masks;
        }
    }
    return report;
}

TransferReport exportPngMasks(const Workspace& ws, const std::string& outDir, int numForeground)
{
    TransferReport report;
    forEachMasked(ws, [&](const CaseSummary& c, const ImageEntry& image, const LabelMap& labels) {
        const fs::path target = fs::path(outDir) / c.name / (fs::path(image.path).stem().string() + ".png");
        try {
            std::error_code ec;
            fs::create_directories(target.parent_path(), ec);
            saveMask(target.string(), labels, numForeground);
            ++report.masks;
        } catch (const ImageError& e) {
            report.failed.push_back(failure(target, e));
        }
    });
    return report;
}

TransferReport exportNnUnet(const Workspace& ws, const std::string& outDir)
{
    TransferReport report;
    const fs::path root(outDir);
    std::error_code ec;
    fs::create_directories(root / "imagesTr", ec);
    fs::create_directories(root / "labelsTr", ec);
    int channels = 0;
    forEachMasked(ws, [&](const CaseSummary& c, const ImageEntry& image, const LabelMap& labels) {
        const std::string id = c.name + "_" + fs::path(image.path).stem().string();
        try {
            const Image img = loadImage(image.path);
            std::vector<std::uint8_t> px = modelInput8(img);
            cv::Mat m(img.height, img.width, img.channels == 3 ? CV_8UC3 : CV_8UC1, px.data()), out;
            if (img.channels == 3)
                cv::cvtColor(m, out, cv::COLOR_RGB2BGR);
            else
                out = m;
            const fs::path imagePath = root / "imagesTr" / (id + "_0000.png");
            writeViaTempFile(imagePath.string(), [&](const std::string& tmp) {
                return cv::imwrite(tmp, out) ? std::string() : std::string("PNG encoder failed");
            });
            cv::Mat lab(labels.height, labels.width, CV_8UC1, const_cast<std::uint8_t*>(labels.labels.data()));
            writeViaTempFile((root / "labelsTr" / (id + ".png")).string(), [&](const std::string& tmp) {
                return cv::imwrite(tmp, lab) ? std::string() : std::string("PNG encoder failed");
            });
            channels = img.channels;
            ++report.images;
            ++report.masks;
        } catch (const ImageError& e) {
            report.failed.push_back(failure(image.path, e));
        }
    });
    nlohmann::json j;
    if (channels == 3)
        j["channel_names"] = {{"0", "R"}, {"1", "G"}, {"2", "B"}};
    else
        j["channel_names"] = {{"0", "image"}};
    j["labels"]["background"] = 0;
    for (const auto& c : ws.classes())
        j["labels"][c.name] = c.label;
    j["numTraining"] = report.masks;
    j["file_ending"] = ".png";
    j["overwrite_image_reader_writer"] = "NaturalImage2DIO";
    writeTextFile((root / "dataset.json").string(), j.dump(2) + "\n");
    return report;
}

TransferReport exportNifti(const Workspace& ws, const std::string& outDir)
{
    TransferReport report;
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id)) {
            std::vector<LabelMap> slices;
            bool any = false;
            for (int z = 0; z < image.slices; ++z) {
                auto rev = ws.latestMask(image.id, z);
                any = any || rev.has_value();
                slices.push_back(rev ? std::move(rev->labels) : LabelMap(image.width, image.height));
            }
            if (!any)
                continue;
            const fs::path target = fs::path(outDir) / c.name / (fs::path(image.path).stem().string() + ".nii.gz");
            try {
                const Volume source = loadVolume(image.path); // for its geometry
                std::error_code ec;
                fs::create_directories(target.parent_path(), ec);
                writeItkLabels(target.string(), slices, source.geometry);
                ++report.images;
                report.masks += static_cast<int>(slices.size());
            } catch (const ImageError& e) {
                report.failed.push_back(failure(target, e));
            }
        }
    return report;
}

TransferReport exportDicomSeg(const Workspace& ws, const std::string& outDir, bool deidentify)
{
    TransferReport report;
    Deidentifier deidentifier;
    const auto classes = ws.classes();
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id)) {
            std::vector<LabelMap> slices;
            bool any = false, aiDrafted = false;
            for (int z = 0; z < image.slices; ++z) {
                auto rev = ws.latestMask(image.id, z);
                any = any || rev.has_value();
                aiDrafted = aiDrafted || (rev && rev->kind == MaskKind::AiDraft);
                slices.push_back(rev ? std::move(rev->labels) : LabelMap(image.width, image.height));
            }
            if (!any)
                continue;
            const fs::path target = fs::path(outDir) / c.name / (fs::path(image.path).stem().string() + "-seg.dcm");
            try {
                const Volume source = loadVolume(image.path);
                if (source.empty() || !looksLikeDicom(source.slice(0).path))
                    throw ImageError(ErrorCode::UnsupportedFormat, "not a DICOM series: DICOM SEG needs DICOM sources");
                std::error_code ec;
                fs::create_directories(target.parent_path(), ec);
                writeDicomSeg(target.string(), source, slices, classes, aiDrafted);
                if (deidentify)
                    deidentifier.deidentifyFile(target.string(), target.string());
                ++report.images;
                report.masks += static_cast<int>(std::count_if(slices.begin(), slices.end(), [](const LabelMap& m) {
                    return std::any_of(m.labels.begin(), m.labels.end(), [](std::uint8_t x) { return x != 0; });
                }));
            } catch (const ImageError& e) {
                report.failed.push_back(failure(target, e));
            }
        }
    return report;
}

TransferReport exportUwCsv(const Workspace& ws, const std::string& csvPath)
{
    TransferReport report;
    std::vector<uw::CsvRow> rows;
    auto addSlice = [&](const std::string& id, const LabelMap& labels) {
        std::vector<std::string> classes = uw::csvClasses();
        if (std::find(labels.labels.begin(), labels.labels.end(), std::uint8_t(4)) != labels.labels.end())
            classes.push_back("tumour");
        for (const auto& cls : classes) {
            const auto label = static_cast<std::uint8_t>(uw::labelOf(cls));
            std::vector<std::uint8_t> mask(labels.labels.size());
            for (std::size_t i = 0; i < mask.size(); ++i)
                mask[i] = labels.labels[i] == label;
            rows.push_back({id, cls, uw::encodeRle(mask.data(), labels.width, labels.height)});
        }
        ++report.masks;
    };
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id)) {
            const fs::path p(image.path);
            uw::SliceName name;
            if (image.slices == 1) {
                auto rev = ws.latestMask(image.id, 0);
                if (!rev)
                    continue;
                // caseN/caseN_dayM/scans/slice_NNNN_... -> caseN_dayM_slice_NNNN
                const bool uwSlice = uw::parseSliceName(p.filename().string(), name);
                const std::string day = p.parent_path().filename() == "scans" ? p.parent_path().parent_path().filename().string()
                                                                              : p.parent_path().filename().string();
                char slice[32];
                std::snprintf(slice, sizeof slice, "_slice_%04d", name.slice);
                addSlice(uwSlice ? day + slice : p.stem().string(), rev->labels);
                ++report.images;
                continue;
            }
            try {
                std::vector<std::string> ids;
                uw::loadCaseDay(image.path, &ids); // the ids of the slices, in volume order
                for (int z = 0; z < image.slices && z < static_cast<int>(ids.size()); ++z)
                    if (auto rev = ws.latestMask(image.id, z))
                        addSlice(ids[static_cast<std::size_t>(z)], rev->labels);
                ++report.images;
            } catch (const ImageError& e) {
                report.failed.push_back(failure(p, e));
            }
        }
    uw::writeCsv(csvPath, rows);
    return report;
}

std::vector<std::uint32_t> cocoRle(const LabelMap& labels, std::uint8_t label)
{
    std::vector<std::uint32_t> counts;
    bool inside = false;
    std::uint32_t run = 0;
    for (int x = 0; x < labels.width; ++x)
        for (int y = 0; y < labels.height; ++y) {
            const bool v = labels.at(x, y) == label;
            if (v != inside) {
                counts.push_back(run);
                run = 0;
                inside = v;
            }
            ++run;
        }
    counts.push_back(run);
    return counts;
}

LabelMap cocoRleDecode(const std::vector<std::uint32_t>& counts, int width, int height)
{
    LabelMap m(width, height);
    std::size_t at = 0;
    const std::size_t total = static_cast<std::size_t>(width) * height;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (at + counts[k] > total)
            throw ImageError(ErrorCode::Corrupt, "COCO RLE longer than its image");
        for (std::uint32_t i = 0; i < counts[k]; ++i, ++at)
            if (k % 2 == 1)
                m.at(static_cast<int>(at / height), static_cast<int>(at % height)) = 1;
    }
    if (at != total)
        throw ImageError(ErrorCode::Corrupt, "COCO RLE shorter than its image");
    return m;
}

TransferReport exportCoco(const Workspace& ws, const std::string& jsonPath)
{
    TransferReport report;
    nlohmann::json j;
    j["info"] = {{"description", "Delineo workspace export"}, {"version", "1.0"}};
    j["images"] = nlohmann::json::array();
    j["annotations"] = nlohmann::json::array();
    j["categories"] = nlohmann::json::array();
    for (const auto& c : ws.classes())
        j["categories"].push_back({{"id", c.label}, {"name", c.name}, {"supercategory", "anatomy"}});
    int imageId = 0, annotationId = 0;
    forEachMasked(ws, [&](const CaseSummary& c, const ImageEntry& image, const LabelMap& labels) {
        ++imageId;
        j["images"].push_back({{"id", imageId}, {"file_name", image.path}, {"width", labels.width},
                               {"height", labels.height}, {"delineo_case", c.name}});
        ++report.images;
        std::set<std::uint8_t> present(labels.labels.begin(), labels.labels.end());
        for (std::uint8_t k : present) {
            if (k == 0)
                continue;
            int x0 = labels.width, y0 = labels.height, x1 = -1, y1 = -1;
            std::size_t area = 0;
            for (int y = 0; y < labels.height; ++y)
                for (int x = 0; x < labels.width; ++x)
                    if (labels.at(x, y) == k) {
                        ++area;
                        x0 = std::min(x0, x); y0 = std::min(y0, y); x1 = std::max(x1, x); y1 = std::max(y1, y);
                    }
            j["annotations"].push_back({{"id", ++annotationId}, {"image_id", imageId}, {"category_id", k},
                                        {"iscrowd", 1}, {"area", area}, {"bbox", {x0, y0, x1 - x0 + 1, y1 - y0 + 1}},
                                        {"segmentation", {{"size", {labels.height, labels.width}},
                                                          {"counts", cocoRle(labels, k)}}}});
            ++report.masks;
        }
    });
    writeTextFile(jsonPath, j.dump() + "\n");
    return report;
}

} // namespace delineo::core
