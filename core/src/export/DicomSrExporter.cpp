// The rulers and outlines kept on DICOM series, as one DICOM SR measurement report per series
// (OUT/CASE/NAME-measurements.dcm, TID 1500 layout). Images of other kinds have no place in a DICOM
// study, nor do DICOM images without a place in the patient (the report holds points in the
// patient): they are left out, and the report says how many. De-identified, a report leaves out
// who drew each measurement, names by kind and number those whose typed name may identify
// (Deidentifier::mayIdentify), and passes the basic profile with the Clean Structured Content option and the workspace's key,
// so that it refers to the images by the UIDs their de-identified copies have.
#include "ExportSupport.h"
#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomSr.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/VideoReader.h"

#include <memory>

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
    bool supportsDeidentify() const override { return true; }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        report.ofMeasurements = true;
        const std::vector<MeasuredImage> todo = measuredImages(ws);
        int notDicom = 0, notPlaced = 0;
        std::unique_ptr<Deidentifier> deidentifier; // made at the first file: it may create the workspace's key
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
                    std::vector<Measurement> kept = t.kept;
                    if (options.deidentify) {
                        const auto words = Deidentifier::identifiers(source.slice(0).path).words;
                        for (Measurement& m : kept) {
                            m.author.clear();
                            if (Deidentifier::mayIdentify(m.label, words))
                                m.label.clear(); // named by its kind and number instead
                        }
                    }
                    writeDicomExport(ws, target, source.slice(0).path, options.deidentify, true, deidentifier,
                                     [&](const std::string& path) {
                                         report.measurements += writeMeasurementReport(path, source, kept);
                                     });
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
        if (options.deidentify && report.images > 0)
            report.notes.push_back("de-identified: without the measurements' authors; a name holding the patient's name, ID, "
                                   "birth date or four digits in a row replaced by the measurement's kind and number");
        return report;
    }
};

std::unique_ptr<Exporter> makeDicomSrExporter() { return std::make_unique<DicomSrExporter>(); }

} // namespace delineo::core
