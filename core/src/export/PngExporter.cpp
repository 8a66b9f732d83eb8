// PNG masks: OUT/CASE/NAME.png for a frame, OUT/CASE/NAME/slice_NNNN.png (frame_NNNN for a video)
// for each annotated slice of a volume. Binary 0/255 for one class, else class indices.
#include "ExportSupport.h"
#include "delineo/core/MaskIO.h"

namespace fs = std::filesystem;

namespace delineo::core {

class PngExporter : public Exporter {
public:
    std::string id() const override { return "png"; }
    std::string title() const override { return "PNG masks"; }
    std::string description() const override
    {
        return "OUT/CASE/NAME.png per frame, OUT/CASE/NAME/slice_NNNN.png per annotated slice or video frame "
               "(0/255 for one class, else class indices)";
    }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        const int fg = ws.numForeground();
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            const fs::path base = fs::path(options.destination) / a.kase.name;
            for (int z : a.slices) {
                const fs::path target = a.image.slices == 1 ? base / (stemOf(a.image) + ".png")
                                                            : base / stemOf(a.image) / (sliceName(a, z) + ".png");
                try {
                    makeParent(target);
                    saveMask(target.string(), maskOf(ws, a, z), fg);
                    ++report.masks;
                } catch (const ImageError& e) {
                    report.failed.push_back(e.reportLine(fs::path(target).string()));
                }
            }
            ++report.images;
        });
        return report;
    }
};

std::unique_ptr<Exporter> makePngExporter() { return std::make_unique<PngExporter>(); }

} // namespace delineo::core
