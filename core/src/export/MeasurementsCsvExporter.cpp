// Every ruler and outline of the workspace, whatever its image (a DICOM series, a NIfTI volume, an
// endoscopy picture or a video frame), as one CSV file a spreadsheet or a statistics package reads:
// one row per measurement with its name, kind, plane, length or area and unit, who drew it and
// when, an outline's values (mean, SD, range and pixel count on its plane, HU on CT, as the window
// shows them), and its points in voxel coordinates. Lengths are in mm where the image gives a
// spacing, else in pixels, and the unit column says which.
#include "ExportSupport.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/Volume.h"

#include <algorithm>

#include <cstdio>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. A field
// starting with = + - @ would run as a formula in a spreadsheet: a leading quote keeps it text.
std::string field(const std::string& text)
{
    std::string out = text;
    if (!out.empty() && (out[0] == '=' || out[0] == '+' || out[0] == '-' || out[0] == '@'))
        out.insert(0, "'");
    if (out.find_first_of(",\"\r\n") == std::string::npos)
        return out;
    std::string quoted = "\"";
    for (char c : out)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

// A video's frames have no spacing and no place: its measurements need only its size, and a long
// video is not decoded for them.
Volume sizeOnly(const ImageEntry& image)
{
    Volume v;
    Image frame;
    frame.width = image.width;
    frame.height = image.height;
    v.slices.assign(std::size_t(std::max(image.slices, 1)), frame);
    return v;
}

std::string number(double value, int decimals)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

} // namespace

class MeasurementsCsvExporter : public Exporter {
public:
    std::string id() const override { return "measurements-csv"; }
    std::string title() const override { return "Measurements CSV"; }
    std::string description() const override
    {
        return "one row per ruler or outline of every image: name, kind, plane, length or area (mm or px), "
               "an outline's mean, SD and range, author, time and voxel points";
    }
    bool destinationIsFile() const override { return true; }
    std::string fileSuffix() const override { return ".csv"; }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        report.ofMeasurements = true;
        const std::vector<MeasuredImage> todo = measuredImages(ws);
        std::string text = "case,image,key,name,kind,plane,slice,value,unit,mean,sd,min,max,pixels,value_unit,author,created,points\n";
        forEachItem(todo.size(), options, report, [&](std::size_t i) {
            const MeasuredImage& t = todo[i];
            try {
                // The image gives the plane, the spacing and an outline's values; a video's frames
                // only their size (its outlines' values are left empty).
                const bool video = VideoReader::isVideoPath(t.image.path);
                const Volume source = video ? sizeOnly(t.image) : loadVolume(t.image.path);
                const bool mm = source.geometry.spacingKnown;
                const std::string valueUnit = video ? "" : core::valueUnit(source.slice(0));
                for (const Measurement& m : t.kept) {
                    const MeasurementFigure f = measurementFigure(source, m, !video);
                    const RegionStats& v = f.values;
                    const std::string values = v.pixels ? number(v.mean, 2) + ',' + number(v.sd, 2) + ',' + number(v.min, 2) + ',' +
                                                              number(v.max, 2) + ',' + std::to_string(v.pixels) + ',' + valueUnit
                                                        : std::string(",,,,,");
                    std::string points;
                    for (const auto& p : m.points)
                        points += (points.empty() ? "" : ";") + number(p[0], 2) + ' ' + number(p[1], 2) + ' ' + number(p[2], 2);
                    const std::string unit = m.closed ? (mm ? "mm2" : "px2") : (mm ? "mm" : "px");
                    text += field(t.kase.name) + ',' + field(t.image.path) + ',' + field(m.key) + ',' + field(m.label) + ',' +
                            (m.closed ? "area" : "ruler") + ',' + (f.found ? planeName(f.plane) : "") + ',' +
                            (f.found ? std::to_string(f.index + 1) : "") + ',' + (f.found ? number(f.value, 2) : "") + ',' +
                            unit + ',' + values + ',' + field(m.author) + ',' + field(m.created) + ',' + points + '\n';
                    ++report.measurements;
                }
                ++report.images;
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(t.image.path));
            }
        });
        if (todo.empty())
            report.notes.push_back("no image has a ruler or an outline");
        makeParent(fs::absolute(options.destination));
        writeTextFile(options.destination, text);
        return report;
    }
};

std::unique_ptr<Exporter> makeMeasurementsCsvExporter() { return std::make_unique<MeasurementsCsvExporter>(); }

} // namespace delineo::core
