// Kaggle UW-Madison train.csv (id,class,segmentation): for every annotated slice one row per class
// (large_bowel, small_bowel, stomach; tumour too when drawn) with its RLE, empty when absent. Ids
// come from the UW layout (caseN_dayM_slice_NNNN); other images use NAME (a frame) or
// NAME_slice_NNNN / NAME_frame_NNNN (a slice of a volume, a frame of a video).
#include "ExportSupport.h"
#include "delineo/core/UwMadison.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// caseN/caseN_dayM/scans/slice_NNNN_... or caseN_dayM_slice_NNNN_... -> caseN_dayM_slice_NNNN
std::string frameId(const fs::path& p)
{
    uw::SliceName name;
    std::string day;
    if (!uw::parseSliceFile(p.filename().string(), name, &day))
        return p.stem().string();
    if (day.empty())
        day = p.parent_path().filename() == "scans" ? p.parent_path().parent_path().filename().string()
                                                    : p.parent_path().filename().string();
    return uw::sliceId(day, name.slice);
}

} // namespace

class UwCsvExporter : public Exporter {
public:
    std::string id() const override { return "uw-csv"; }
    std::string title() const override { return "Kaggle UW-Madison CSV"; }
    std::string description() const override
    {
        return "train.csv with id,class,segmentation: one row per class for every annotated slice";
    }
    bool destinationIsFile() const override { return true; }
    std::string fileSuffix() const override { return ".csv"; }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
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
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            try {
                if (a.image.slices == 1) {
                    addSlice(frameId(a.image.path), maskOf(ws, a, 0));
                } else {
                    std::vector<std::string> ids;
                    if (uw::isCaseDay(a.image.path))
                        uw::loadCaseDay(a.image.path, &ids); // the ids of the slices, in volume order
                    for (int z : a.slices)
                        addSlice(z < static_cast<int>(ids.size()) ? ids[static_cast<std::size_t>(z)]
                                                                  : stemOf(a.image) + "_" + sliceName(a, z),
                                 maskOf(ws, a, z));
                }
                ++report.images;
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(fs::path(a.image.path).string()));
            }
        });
        makeParent(fs::absolute(options.destination));
        uw::writeCsv(options.destination, rows);
        return report;
    }
};

std::unique_ptr<Exporter> makeUwCsvExporter() { return std::make_unique<UwCsvExporter>(); }

} // namespace delineo::core
