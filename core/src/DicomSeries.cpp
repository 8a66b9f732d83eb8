#include "delineo/core/DicomSeries.h"
#include "DicomReader.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/ParallelFor.h"
#include "delineo/core/Reader.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <numeric>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// A figure for a warning a person reads: "4.00 mm", not "4.001926 mm".
std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

double dot(const std::array<double, 3>& a, const std::array<double, 3>& b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

} // namespace

void orderAndMeasure(Volume& v)
{
    auto& s = v.slices;
    const bool geometric = std::all_of(s.begin(), s.end(), [](const Image& i) { return i.hasPosition && i.hasOrientation; });
    if (!geometric) {
        std::stable_sort(s.begin(), s.end(), [](const Image& a, const Image& b) { return a.instanceNumber < b.instanceNumber; });
        if (s.size() > 1)
            v.warnings.push_back({warning::kNoGeometry, {}});
        return;
    }
    const auto normal = s.front().normal();
    std::stable_sort(s.begin(), s.end(), [&](const Image& a, const Image& b) {
        return dot(a.position, normal) < dot(b.position, normal);
    });
    const auto& o = s.front().orientation;
    v.geometry.origin = s.front().position;
    v.geometry.direction = {o[0], o[1], o[2], o[3], o[4], o[5], normal[0], normal[1], normal[2]};
    if (s.size() < 2)
        return;
    std::vector<double> gaps;
    double maxTilt = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const std::array<double, 3> d{s[i].position[0] - s[i - 1].position[0], s[i].position[1] - s[i - 1].position[1],
                                      s[i].position[2] - s[i - 1].position[2]};
        const double along = dot(d, normal);
        gaps.push_back(along);
        const double len = std::sqrt(dot(d, d));
        if (len > 1e-6)
            maxTilt = std::max(maxTilt, std::acos(std::min(1.0, std::abs(along) / len)) * 180.0 / M_PI);
    }
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    v.geometry.spacing[2] = median;
    v.geometry.sliceSpacingKnown = median > 1e-6;
    if (sorted.front() < 1e-6)
        v.warnings.push_back({warning::kSharedPosition, {}});
    if (median > 1e-6 && (sorted.back() - sorted.front()) > 0.01 * median)
        v.warnings.push_back({warning::kIrregularSpacing, {fixed(sorted.front(), 2), fixed(sorted.back(), 2), fixed(median, 2)}});
    if (maxTilt > 0.5)
        v.warnings.push_back({warning::kGantryTilt, {fixed(maxTilt, 1)}});
}

DicomScan scanDicomFolder(const std::string& folder, int threads)
{
    registerDicomCodecs();
    if (!fs::is_directory(folder))
        throw ImageError(ErrorCode::NotFound, "folder not found: " + folder);
    std::vector<std::string> paths;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec))
        if (!ec && it->is_regular_file(ec))
            paths.push_back(it->path().string());
    std::sort(paths.begin(), paths.end());

    struct Header {
        bool image = false;
        std::string why, uid, description, modality;
        int rows = 0, columns = 0, frames = 1;
        std::string echo, phase, b; // what tells a series' stacks apart, with the plane
        std::array<double, 6> cosines{};
        bool oriented = false;
    };
    std::vector<Header> headers(paths.size());
    parallelFor(paths.size(), threads, [&](std::size_t i) {
        Header& h = headers[i];
        DcmFileFormat file;
        // Values longer than 4 KiB (pixel data) stay on disk: a header scan reads ~1 KiB a file.
        try {
            if (loadDicomFile(file, paths[i], DicomLoad::Header).bad()) {
                h.why = "not DICOM or unreadable";
                return;
            }
            checkElementLengths(file, paths[i]);
        } catch (const ImageError& e) {
            h.why = e.what();
            return;
        }
        DcmDataset* ds = file.getDataset();
        if (!ds->tagExists(DCM_PixelData)) {
            h.why = "no pixel data";
            return;
        }
        OFString uid, desc, modality;
        ds->findAndGetOFString(DCM_SeriesInstanceUID, uid);
        ds->findAndGetOFString(DCM_SeriesDescription, desc);
        ds->findAndGetOFString(DCM_Modality, modality);
        Uint16 rows = 0, cols = 0;
        ds->findAndGetUint16(DCM_Rows, rows);
        ds->findAndGetUint16(DCM_Columns, cols);
        Sint32 frames = 1;
        ds->findAndGetSint32(DCM_NumberOfFrames, frames);
        OFString echo, phase;
        ds->findAndGetOFString(DCM_EchoNumbers, echo);
        ds->findAndGetOFString(DCM_TemporalPositionIdentifier, phase);
        Float64 bValue = 0;
        const std::string b = ds->findAndGetFloat64(DCM_DiffusionBValue, bValue).good() ? fixed(bValue, 0) : "";
        std::array<double, 6> cosines{};
        bool oriented = true;
        for (unsigned long k = 0; k < 6; ++k)
            oriented = oriented && ds->findAndGetFloat64(DCM_ImageOrientationPatient, cosines[k], k).good();
        h = Header{true, {}, uid.c_str(), desc.c_str(), modality.c_str(), rows, cols, std::max<Sint32>(1, frames),
                   echo.c_str(), phase.c_str(), b, cosines, oriented};
    });

    DicomScan scan;
    // Series -> stack -> its files. A stack differs in echo, phase, diffusion weighting, plane or size.
    using Stack = std::tuple<std::string, std::string, std::string, int, int, std::string>;
    std::map<std::string, std::map<Stack, std::vector<std::size_t>>> bySeries;
    // A series' planes: within about a degree is one plane (the cosines' rounding is not another).
    std::map<std::string, std::vector<std::array<double, 6>>> planesOf;
    const auto planeOf = [&](const std::string& series, const Header& h) {
        if (!h.oriented)
            return std::string("-");
        auto& planes = planesOf[series];
        for (std::size_t p = 0; p < planes.size(); ++p) {
            const auto& c = planes[p];
            const double row = c[0] * h.cosines[0] + c[1] * h.cosines[1] + c[2] * h.cosines[2];
            const double column = c[3] * h.cosines[3] + c[4] * h.cosines[4] + c[5] * h.cosines[5];
            if (row > 0.9998 && column > 0.9998)
                return std::to_string(p);
        }
        planes.push_back(h.cosines);
        return std::to_string(planes.size() - 1);
    };
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const Header& h = headers[i];
        if (!h.image) {
            scan.skipped.push_back(paths[i] + ": " + h.why);
            continue;
        }
        const std::string series = h.uid.empty() ? "no-uid:" + paths[i] : h.uid;
        bySeries[series][{h.echo, h.phase, planeOf(series, h), h.rows, h.columns, h.b}].push_back(i);
    }
    for (const auto& [uid, stacks] : bySeries) {
        // Name each stack by what sets it apart from the others of its series.
        std::set<std::string> echoes, phases, planes, sizes, bs;
        for (const auto& [key, files] : stacks) {
            bs.insert(std::get<5>(key));
            echoes.insert(std::get<0>(key));
            phases.insert(std::get<1>(key));
            planes.insert(std::get<2>(key));
            sizes.insert(std::to_string(std::get<4>(key)) + " x " + std::to_string(std::get<3>(key)));
        }
        int planeNumber = 0;
        for (const auto& [key, files] : stacks) {
            const Header& h = headers[files.front()];
            DicomSeriesInfo s;
            s.uid = h.uid;
            s.description = h.description;
            s.modality = h.modality;
            s.rows = h.rows;
            s.columns = h.columns;
            for (std::size_t i : files) {
                s.frames += headers[i].frames;
                s.files.push_back(paths[i]);
            }
            using By = StackPart::By;
            const auto known = [](const std::string& v) { return v.empty() ? std::string("?") : v; };
            if (echoes.size() > 1)
                s.stackParts.push_back({By::Echo, known(h.echo)});
            if (phases.size() > 1)
                s.stackParts.push_back({By::Phase, known(h.phase)});
            if (bs.size() > 1)
                s.stackParts.push_back({By::BValue, known(h.b)});
            if (planes.size() > 1)
                s.stackParts.push_back({By::Plane, std::to_string(++planeNumber)});
            if (sizes.size() > 1)
                s.stackParts.push_back({By::Size, std::to_string(h.columns) + " x " + std::to_string(h.rows)});
            static const char* const words[] = {"echo ", "phase ", "b ", "plane ", ""};
            for (const StackPart& p : s.stackParts)
                s.stack += (s.stack.empty() ? "" : ", ") + (words[int(p.by)] + p.value);
            scan.series.push_back(std::move(s));
        }
    }
    std::stable_sort(scan.series.begin(), scan.series.end(),
                     [](const DicomSeriesInfo& a, const DicomSeriesInfo& b) { return a.frames > b.frames; });
    return scan;
}

std::string seriesName(const std::string& folder, const DicomSeriesInfo& series)
{
    const fs::path f = fs::path(folder).lexically_normal();
    std::string name = (f.has_filename() ? f.filename() : f.parent_path().filename()).string();
    if (!series.uid.empty())
        name += "-" + series.uid.substr(series.uid.size() > 8 ? series.uid.size() - 8 : 0);
    if (!series.stack.empty()) {
        name += "-";
        for (const char c : series.stack)
            if (std::isalnum(static_cast<unsigned char>(c)))
                name += c;
            else if (name.back() != '-')
                name += '-';
    }
    return name;
}

Volume loadDicomSeries(const DicomSeriesInfo& series, int threads, const std::atomic<bool>* cancel,
                       const LoadProgress& progress)
{
    if (series.files.empty())
        throw ImageError(ErrorCode::NotFound, "series " + series.uid + " has no files");
    if (series.files.size() == 1) {
        Volume v = readDicomFrames(series.files.front());
        if (progress)
            progress(1, 1);
        return v;
    }
    std::vector<Image> slices(series.files.size());
    const int total = static_cast<int>(slices.size());
    parallelFor(
        slices.size(), threads, [&](std::size_t i) { slices[i] = readDicom(series.files[i]); }, cancel,
        [&](std::size_t done) {
            if (progress)
                progress(static_cast<int>(done), total);
        });
    Volume v;
    if (cancel && cancel->load())
        return v;
    v.seriesUid = series.uid;
    v.description = series.description;
    if (!series.stack.empty())
        v.description += (v.description.empty() ? "" : " ") + ("(" + series.stack + ")");
    v.source = fs::path(series.files.front()).parent_path().string();
    const Image& first = slices.front();
    for (const Image& s : slices)
        if (s.width != first.width || s.height != first.height || s.type != first.type || s.channels != first.channels)
            throw ImageError(ErrorCode::WrongSize, "series " + series.uid + " mixes image sizes or pixel types (" +
                                                       s.path + ")");
    v.geometry.spacing = {first.spacingX, first.spacingY, 1.0};
    v.geometry.spacingKnown = first.spacingKnown;
    v.slices = std::move(slices);
    orderAndMeasure(v);
    return v;
}

bool isDicomDir(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    return name == "DICOMDIR";
}

Volume loadVolume(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress)
{
    registerDicomCodecs();
    // One series of a folder holding several, as the workspace store keeps it.
    if (const auto at = path.find(kSeriesKey); at != std::string::npos) {
        const std::string folder = path.substr(0, at), name = path.substr(at + std::strlen(kSeriesKey));
        for (const DicomSeriesInfo& s : scanDicomFolder(folder).series)
            if (seriesName(folder, s) == name)
                return loadDicomSeries(s, 0, cancel, progress);
        throw ImageError(ErrorCode::NotFound, "series " + name + " is not in " + folder);
    }
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw ImageError(ErrorCode::NotFound, "file not found: " + path);
    // The registered readers decide; a file no reader names is tried as a frame, whose decoder
    // recognises JPEG, PNG, BMP and TIFF by content and says clearly when it is none of them.
    const Reader* reader = readerFor(path);
    if (!reader) {
        for (const auto& r : readers())
            if (r->id() == "frame")
                reader = r.get();
    }
    return reader->read(path, cancel, progress);
}

} // namespace delineo::core
