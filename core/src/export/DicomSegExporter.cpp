// DICOM Segmentation objects (binary, one segment per class drawn) for images that are DICOM series:
// OUT/CASE/NAME-seg.dcm referencing the source images. Other images are listed as failed. With
// de-identification each file passes the PS3.15 Annex E basic profile with the workspace's key, so
// its UIDs are those the workspace gives the images when it de-identifies them; a series the
// workspace already holds de-identified keeps its pseudonyms and UIDs (remapping them again would
// lose the images it refers to).
#include "ExportSupport.h"
#include "delineo/core/MaskOps.h"
#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/DicomSeg.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"

#include <algorithm>
#include <memory>

namespace fs = std::filesystem;

namespace delineo::core {

class DicomSegExporter : public Exporter {
public:
    std::string id() const override { return "dicom-seg"; }
    std::string title() const override { return "DICOM SEG"; }
    std::string description() const override
    {
        return "OUT/CASE/NAME-seg.dcm per DICOM series, one segment per class, referencing every source image";
    }
    bool supportsDeidentify() const override { return true; }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        std::unique_ptr<Deidentifier> deidentifier; // made at the first file: it may create the workspace's key
        const auto classes = ws.classes();
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            const fs::path target = fs::path(options.destination) / a.kase.name / (stemOf(a.image) + "-seg.dcm");
            try {
                bool aiDrafted = false;
                for (int z : a.slices)
                    aiDrafted = aiDrafted || ws.latestMask(a.image.id, z)->kind == MaskKind::AiDraft;
                const auto slices = allSlices(ws, a);
                const Volume source = loadVolume(a.image.path);
                if (source.empty() || !looksLikeDicom(source.slice(0).path))
                    throw ImageError(ErrorCode::UnsupportedFormat, "not a DICOM series: DICOM SEG needs DICOM sources");
                writeDicomExport(ws, target, source.slice(0).path, options.deidentify, false, deidentifier,
                                 [&](const std::string& path) { writeDicomSeg(path, source, slices, classes, aiDrafted); });
                ++report.images;
                report.masks += static_cast<int>(std::count_if(slices.begin(), slices.end(), [](const LabelMap& m) { return anyForeground(m.labels); }));
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(fs::path(target).string()));
            }
        });
        report.notes.push_back(options.deidentify || deidentifyOnImport(ws.folder())
                                   ? "de-identified with the PS3.15 Annex E basic profile"
                                   : "patient identities kept, as the workspace keeps them");
        return report;
    }
};

std::unique_ptr<Exporter> makeDicomSegExporter() { return std::make_unique<DicomSegExporter>(); }

} // namespace delineo::core
