// The rulers and outlines kept on DICOM series, as one DICOM SR measurement report per series
// (OUT/CASE/NAME-measurements.dcm, TID 1500 layout). Images of other kinds have no place in a DICOM
// study, nor do DICOM images without a place in the patient (the report holds points in the
// patient): they are left out, and the report says how many.
#include "ExportSupport.h"
#include "delineo/core/DicomSr.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/VideoReader.h"

namespace fs = std::filesystem;

namespace delineo::core {

class DicomSrExporter : public Exporter {
public:
    std::string id() const override { return "dicom-sr"; }
    std::string title() const override { return "DICOM SR measurements"; }
    std::string description() const override
    {
        return "OUT/CASE/NAME-measurements.dcm per DICOM series with rulers or outlines: lengths and areas with "
               "their points in the patient (TID 1500)";
    }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        report.ofMeasurements = true;
        const std::vector<MeasuredImage> todo = measuredImages(ws);
        int notDicom = 0, notPlaced = 0;
        forEachItem(todo.size(), options, report, [&](std::size_t i) {
            const MeasuredImage& t = todo[i];
            const fs::path target = fs::path(options.destination) / t.kase.name / (stemOf(t.image) + "-measurements.dcm");
            try {
                const Volume source = VideoReader::isVideoPath(t.image.path) ? Volume() : loadVolume(t.image.path);
                if (source.empty() || !looksLikeDicom(source.slice(0).path)) {
                    ++notDicom;
                } else if (!placedInPatient(source)) {
                    ++notPlaced;
                } else {
                    makeParent(target);
                    report.measurements += writeMeasurementReport(target.string(), source, t.kept);
                    ++report.images;
                }
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(target.string()));
            }
        });
        if (todo.empty())
            report.notes.push_back("no image has a ruler or an outline");
        const auto leftOut = [&](int n, const char* why) {
            if (n > 0)
                report.notes.push_back(std::to_string(n) + (n == 1 ? " image" : " images") + " with measurements left out: " + why);
        };
        leftOut(notDicom, "not a DICOM series");
        leftOut(notPlaced, "no place in the patient (DICOM without image position and orientation)");
        return report;
    }
};

std::unique_ptr<Exporter> makeDicomSrExporter() { return std::make_unique<DicomSrExporter>(); }

} // namespace delineo::core
