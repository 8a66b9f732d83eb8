// COCO JSON: one image entry per annotated frame (every annotated slice of a volume, every
// annotated frame of a video) and one annotation per class present, its mask as uncompressed RLE
// (column-major run lengths, starting with background) with area and bounding box. Frames of
// videos and volumes are written as PNG beside the JSON (JSON_frames/) so every entry names a file.
#include "ExportSupport.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/DicomSeries.h"

#include <nlohmann/json.hpp>

#include <set>

namespace fs = std::filesystem;

namespace delineo::core {

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

namespace {

void addAnnotations(nlohmann::json& j, const LabelMap& labels, int imageId, int& annotationId, TransferReport& report)
{
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
}

} // namespace

class CocoExporter : public Exporter {
public:
    std::string id() const override { return "coco"; }
    std::string title() const override { return "COCO JSON"; }
    std::string description() const override
    {
        return "one image entry per annotated frame or slice, RLE masks per class (frames of videos and volumes "
               "written beside it as PNG)";
    }
    bool destinationIsFile() const override { return true; }
    std::string fileSuffix() const override { return ".json"; }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        const fs::path json = fs::absolute(options.destination);
        const fs::path frames = json.parent_path() / (json.stem().string() + "_frames");
        nlohmann::json j;
        j["info"] = {{"description", "Delineo workspace export"}, {"version", "1.0"}};
        j["images"] = nlohmann::json::array();
        j["annotations"] = nlohmann::json::array();
        int imageId = 0, annotationId = 0;
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            try {
                Volume source;
                if (a.image.slices > 1)
                    source = loadVolume(a.image.path);
                for (int z : a.slices) {
                    const LabelMap labels = maskOf(ws, a, z);
                    nlohmann::json entry = {{"id", ++imageId}, {"width", labels.width}, {"height", labels.height},
                                            {"delineo_case", a.kase.name}, {"delineo_source", a.image.path}};
                    if (a.image.slices == 1) {
                        entry["file_name"] = a.image.path;
                    } else {
                        if (z >= source.depth())
                            throw ImageError(ErrorCode::WrongSize, "the source has fewer slices than the workspace");
                        const fs::path file = frames / (flatId(a) + "_" + sliceName(a, z) + ".png");
                        writeModelViewPng(file, source.slice(z));
                        entry["file_name"] = fs::relative(file, json.parent_path()).string();
                        entry["delineo_slice"] = z;
                    }
                    j["images"].push_back(entry);
                    addAnnotations(j, labels, imageId, annotationId, report);
                }
                ++report.images;
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(fs::path(a.image.path).string()));
            }
        });
        std::set<int> used;
        for (const auto& annotation : j["annotations"])
            used.insert(annotation["category_id"].get<int>());
        j["categories"] = nlohmann::json::array();
        for (const auto& c : exportedClasses(ws, used, report))
            j["categories"].push_back({{"id", c.label}, {"name", c.name}, {"supercategory", "anatomy"}});
        makeParent(json);
        writeTextFile(json.string(), j.dump() + "\n");
        return report;
    }
};

std::unique_ptr<Exporter> makeCocoExporter() { return std::make_unique<CocoExporter>(); }

} // namespace delineo::core
