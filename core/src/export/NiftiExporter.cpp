// NIfTI label maps with the source image's geometry (spacing, origin, direction): OUT/CASE/NAME.nii.gz
// per image, every slice; slices without a mask are background and the report counts them. The
// classes' names and colours go beside them as OUT/labels.txt (ITK-SNAP's label description, which
// Delineo reads back) and OUT/labels.ctbl (a 3D Slicer colour table).
#include "ExportSupport.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"

namespace fs = std::filesystem;

namespace delineo::core {

class NiftiExporter : public Exporter {
public:
    std::string id() const override { return "nifti"; }
    std::string title() const override { return "NIfTI label maps"; }
    std::string description() const override
    {
        return "OUT/CASE/NAME.nii.gz per image, every slice, with the image's spacing, origin and direction; "
               "the classes in OUT/labels.txt (ITK-SNAP) and OUT/labels.ctbl (3D Slicer)";
    }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        int background = 0;
        std::set<int> used;
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            const fs::path target = fs::path(options.destination) / a.kase.name / (stemOf(a.image) + ".nii.gz");
            try {
                int unannotated = 0;
                const auto slices = allSlices(ws, a, &unannotated);
                for (const LabelMap& m : slices)
                    noteLabels(m, used);
                const Volume source = loadVolume(a.image.path); // for its geometry
                makeParent(target);
                writeItkLabels(target.string(), slices, source.geometry);
                ++report.images;
                report.masks += static_cast<int>(a.slices.size());
                background += unannotated;
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(fs::path(target).string()));
            }
        });
        if (report.images > 0) {
            const auto classes = exportedClasses(ws, used, report);
            for (const char* name : {"labels.txt", "labels.ctbl"})
                try {
                    writeLabelDescriptions((fs::path(options.destination) / name).string(), classes);
                } catch (const ImageError& e) {
                    report.failed.push_back(e.reportLine(name));
                }
        }
        if (background > 0)
            report.notes.push_back(std::to_string(background) + " unannotated slices are background in the label maps");
        return report;
    }
};

std::unique_ptr<Exporter> makeNiftiExporter() { return std::make_unique<NiftiExporter>(); }

} // namespace delineo::core
