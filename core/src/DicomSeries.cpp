#include "delineo/core/DicomSeries.h"
#include "delineo/core/Text.h"
#include "delineo/core/DataSplit.h"
#include "DicomFunctionalGroups.h"
#include "DicomReader.h"
#include "DicomStackKey.h"
#include "Vec3.h"
#include "delineo/core/Limits.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/ParallelFor.h"
#include "delineo/core/Reader.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <map>
#include <set>
#include <tuple>
#include <numeric>

namespace fs = std::filesystem;

namespace delineo::core {

using vec3::dot;

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
        v.warnings.push_back({warning::kIrregularSpacing, {fixedPoint(sorted.front(), 2), fixedPoint(sorted.back(), 2), fixedPoint(median, 2)}});
    if (maxTilt > 0.5)
        v.warnings.push_back({warning::kGantryTilt, {fixedPoint(maxTilt, 1)}});
}

DicomScan scanDicomFolder(const std::string& folder, int threads)
{
    registerDicomCodecs();
    std::vector<std::string> paths;
    std::error_code ec;
    if (fs::is_regular_file(folder))
        paths.push_back(folder); // one (enhanced) file's stacks
    else if (!fs::is_directory(folder))
        throw ImageError(ErrorCode::NotFound, "folder not found: " + folder);
    else
        for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec))
            if (!ec && it->is_regular_file(ec))
                paths.push_back(it->path().string());
    std::sort(paths.begin(), paths.end());

    struct Header {
        bool image = false;
        std::string why, uid, description, modality;
        int rows = 0, columns = 0, frames = 1;
        DicomStackKey stack;
        // An enhanced file's frames, each its own (its functional groups): several stacks may
        // share the file. Empty: every frame is `stack`.
        std::vector<DicomStackKey> frameStacks;
        int number = -1; // Series Number
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
        if (OFString sop; ds->findAndGetOFString(DCM_SOPClassUID, sop).good() && sop == UID_SegmentationStorage) {
            h.why = "a DICOM SEG (labels: open it over its image with Mask → Open Segmentation)";
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
        const DicomStackKey stack = stackKeyOf(ds);
        h = Header{true, {}, uid.c_str(), desc.c_str(), modality.c_str(), rows, cols, std::max<Sint32>(1, frames), stack, {}};
        if (Sint32 number = 0; ds->findAndGetSint32(DCM_SeriesNumber, number).good())
            h.number = number;
        // Only a file with an item per frame (a damaged count must not make a billion keys).
        const FunctionalGroups groups(ds);
        if (h.frames > 1 && groups.perFrameCount() == static_cast<unsigned long>(h.frames))
            for (long f = 0; f < h.frames; ++f)
                h.frameStacks.push_back(frameStackKey(groups, f, stack));
    });

    DicomScan scan;
    // Series -> stack -> its files and frames (0: every frame of the file). A stack differs in
    // echo, phase, diffusion weighting, plane or size.
    using Stack = std::tuple<std::string, std::string, std::string, int, int, std::string, std::string>;
    std::map<std::string, std::map<Stack, std::vector<std::pair<std::size_t, int>>>> bySeries;
    // A series' planes: within about a degree is one plane (the cosines' rounding is not another).
    std::map<std::string, std::vector<std::array<double, 6>>> planesOf;
    const auto planeOf = [&](const std::string& series, const DicomStackKey& h) {
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
        const auto stackKey = [&](const DicomStackKey& k) {
            return Stack{k.echo, k.phase, planeOf(series, k), h.rows, h.columns, k.b, k.component};
        };
        if (h.frameStacks.empty())
            bySeries[series][stackKey(h.stack)].emplace_back(i, 0);
        else
            for (std::size_t f = 0; f < h.frameStacks.size(); ++f)
                bySeries[series][stackKey(h.frameStacks[f])].emplace_back(i, int(f + 1));
    }
    for (const auto& [uid, stacks] : bySeries) {
        // Name each stack by what sets it apart from the others of its series.
        std::set<std::string> echoes, phases, planes, sizes, bs, components;
        for (const auto& [key, files] : stacks) {
            bs.insert(std::get<5>(key));
            components.insert(std::get<6>(key));
            echoes.insert(std::get<0>(key));
            phases.insert(std::get<1>(key));
            planes.insert(std::get<2>(key));
            sizes.insert(std::to_string(std::get<4>(key)) + " x " + std::to_string(std::get<3>(key)));
        }
        int planeNumber = 0;
        for (const auto& [key, files] : stacks) {
            const Header& h = headers[files.front().first];
            DicomSeriesInfo s;
            s.uid = h.uid;
            s.description = h.description;
            s.modality = h.modality;
            s.number = h.number;
            s.rows = h.rows;
            s.columns = h.columns;
            // Frames of a file go with their file; a file all of whose frames are in this stack is
            // read whole, as a file of one stack is.
            bool whole = true;
            for (std::size_t k = 0; k < files.size(); ++k) {
                const auto [i, frame] = files[k];
                if (k == 0 || files[k - 1].first != i) {
                    s.files.push_back(paths[i]);
                    s.fileFrames.emplace_back();
                }
                s.frames += frame ? 1 : headers[i].frames;
                if (frame)
                    s.fileFrames.back().push_back(frame);
                if (k + 1 == files.size() || files[k + 1].first != i)
                    whole = whole && (s.fileFrames.back().empty() || int(s.fileFrames.back().size()) == headers[i].frames);
            }
            if (whole)
                s.fileFrames.clear();
            using By = StackPart::By;
            const auto known = [](const std::string& v) { return v.empty() ? std::string("?") : v; };
            const std::string& echo = std::get<0>(key);
            if (echoes.size() > 1)
                // An enhanced file's echo is its effective echo time: numbered in the order of time.
                s.stackParts.push_back({By::Echo, echo.rfind(kEchoTime, 0) == 0
                                                      ? std::to_string(std::distance(echoes.begin(), echoes.find(echo)) + 1)
                                                      : known(echo)});
            if (phases.size() > 1)
                s.stackParts.push_back({By::Phase, known(std::get<1>(key))});
            if (bs.size() > 1)
                s.stackParts.push_back({By::BValue, known(std::get<5>(key))});
            if (planes.size() > 1)
                s.stackParts.push_back({By::Plane, std::to_string(++planeNumber)});
            if (sizes.size() > 1)
                s.stackParts.push_back({By::Size, std::to_string(h.columns) + " x " + std::to_string(h.rows)});
            if (components.size() > 1)
                s.stackParts.push_back({By::Component, known(std::get<6>(key))});
            static const char* const words[] = {"echo ", "phase ", "b ", "plane ", "", ""};
            for (const StackPart& p : s.stackParts) {
                std::string text = words[int(p.by)] + p.value;
                if (p.by == By::Component) { // "PHASE" -> "phase image", apart from a dynamic's "phase 3"
                    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
                    text += " image";
                }
                s.stack += (s.stack.empty() ? "" : ", ") + text;
            }
            scan.series.push_back(std::move(s));
        }
    }
    std::stable_sort(scan.series.begin(), scan.series.end(),
                     [](const DicomSeriesInfo& a, const DicomSeriesInfo& b) { return a.frames > b.frames; });
    // Short names, but never one for two series: UIDs of one scanner may end alike
    // ("…20040826185059.5457"), and those series are named by their whole UID.
    std::map<std::string, int> uses;
    for (DicomSeriesInfo& s : scan.series)
        ++uses[s.name = seriesName(folder, s)];
    for (DicomSeriesInfo& s : scan.series)
        if (uses[s.name] > 1)
            s.name = seriesName(folder, s, true);
    return scan;
}

std::string seriesName(const std::string& folder, const DicomSeriesInfo& series, bool wholeUid)
{
    const fs::path f = fs::path(folder).lexically_normal();
    // A folder by its name, one enhanced file by its name without the extension.
    std::string name = (!f.has_filename() ? f.parent_path().filename() : fs::is_regular_file(f) ? f.stem() : f.filename()).string();
    if (!series.uid.empty())
        name += "-" + series.uid.substr(series.uid.size() > 8 && !wholeUid ? series.uid.size() - 8 : 0);
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

namespace {

// The slices of one volume share size and pixel type (reslicing reads them as one block).
void checkAlike(const DicomSeriesInfo& series, const std::vector<Image>& slices)
{
    const Image& first = slices.front();
    for (const Image& s : slices)
        if (s.width != first.width || s.height != first.height || s.type != first.type || s.channels != first.channels)
            throw ImageError(ErrorCode::WrongSize, "series " + series.uid + " mixes image sizes or pixel types (" +
                                                       s.path + ")");
}

} // namespace

Volume loadDicomSeries(const DicomSeriesInfo& series, int threads, const std::atomic<bool>* cancel,
                       const LoadProgress& progress)
{
    if (series.files.empty())
        throw ImageError(ErrorCode::NotFound, "series " + series.uid + " has no files");
    const auto named = [&series](Volume& v) {
        if (!series.stack.empty())
            v.description += (v.description.empty() ? "" : " ") + ("(" + series.stack + ")");
    };
    if (!series.fileFrames.empty() || series.files.size() == 1 || series.frames > int(series.files.size())) {
        // Multi-frame (enhanced) files: each read in its frames' order, this stack's frames kept
        // (all of one holding this stack alone), then placed and measured as this stack's alone.
        Volume v;
        const int total = static_cast<int>(series.files.size());
        for (std::size_t f = 0; f < series.files.size(); ++f) {
            if (cancel && cancel->load())
                return {};
            Volume file = readDicomFrames(series.files[f], 1 << 30, false);
            std::vector<Image> frames = std::move(file.slices);
            if (f == 0)
                v = std::move(file);
            const std::vector<int> none, &keep = series.fileFrames.empty() ? none : series.fileFrames[f];
            for (Image& frame : frames)
                if (keep.empty() || std::find(keep.begin(), keep.end(), frame.fileFrame) != keep.end())
                    v.slices.push_back(std::move(frame));
            if (progress)
                progress(int(f + 1), total);
        }
        if (v.slices.empty())
            throw ImageError(ErrorCode::Corrupt, "series " + series.uid + " has none of the frames its stack names");
        checkAlike(series, v.slices); // the files of one stack (one size) may still differ in pixel type
        named(v);
        measureFrames(v);
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
    named(v);
    v.source = fs::path(series.files.front()).parent_path().string();
    const Image& first = slices.front();
    checkAlike(series, slices);
    v.geometry.spacing = {first.spacingX, first.spacingY, 1.0};
    v.geometry.spacingKnown = first.spacingKnown;
    v.slices = std::move(slices);
    orderAndMeasure(v);
    return v;
}

Volume loadLargestSeries(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress)
{
    return loadLargestSeries(scanDicomFolder(path, fs::is_directory(path) ? 0 : 1), path, cancel, progress);
}

Volume loadLargestSeries(const DicomScan& scan, const std::string& path, const std::atomic<bool>* cancel,
                         const LoadProgress& progress)
{
    if (scan.series.empty())
        throw ImageError(ErrorCode::UnsupportedFormat, "no DICOM images found in " + path);
    Volume v = loadDicomSeries(scan.series.front(), 0, cancel, progress);
    if (scan.series.size() > 1)
        v.warnings.push_back({warning::kOneOfSeveralSeries,
                              {std::to_string(scan.series.size()), scan.series.front().name}});
    return v;
}

bool isDicomDir(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    return name == "DICOMDIR";
}

namespace {

// The folder's files with their sizes and modification times (one file: itself): a scan of the
// folder stays true while this does.
std::uint64_t folderSignature(const std::string& folder)
{
    std::vector<std::string> entries;
    std::error_code ec;
    auto add = [&](const fs::path& p) {
        const auto size = fs::file_size(p, ec);
        const auto time = ec ? 0 : fs::last_write_time(p, ec).time_since_epoch().count();
        entries.push_back(p.string() + '\n' + std::to_string(ec ? 0 : size) + '\n' + std::to_string(time));
    };
    if (fs::is_regular_file(folder, ec))
        add(folder);
    else
        for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec))
            if (!ec && it->is_regular_file(ec))
                add(it->path());
    std::sort(entries.begin(), entries.end());
    std::uint64_t h = kFnvOffset;
    for (const auto& e : entries)
        h = fnv1a(e + '\0', h);
    return h;
}

// The last few folder scans, for loadVolume("FOLDER#series=NAME"): reviewing the series of one
// folder (a PACS retrieval, a study on a disc) one after another read every file's header again at
// each open. A scan is reused only while the folder's files, sizes and times are unchanged.
std::shared_ptr<const DicomScan> keptScan(const std::string& folder)
{
    struct Kept {
        std::string folder;
        std::uint64_t signature;
        std::shared_ptr<const DicomScan> scan;
    };
    static std::mutex mutex;
    static std::list<Kept> kept; // most recent first
    constexpr std::size_t kScans = 4;
    const std::uint64_t signature = folderSignature(folder);
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = kept.begin(); it != kept.end(); ++it)
            if (it->folder == folder && it->signature == signature) {
                kept.splice(kept.begin(), kept, it);
                return kept.front().scan;
            }
    }
    auto scan = std::make_shared<const DicomScan>(scanDicomFolder(folder));
    std::lock_guard<std::mutex> lock(mutex);
    kept.remove_if([&](const Kept& k) { return k.folder == folder; });
    kept.push_front({folder, signature, scan});
    if (kept.size() > kScans)
        kept.pop_back();
    return scan;
}

} // namespace

Volume loadVolume(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress)
{
    registerDicomCodecs();
    // One series of a folder holding several, as the workspace store keeps it.
    if (const auto at = path.find(kSeriesKey); at != std::string::npos) {
        const std::string folder = path.substr(0, at), name = path.substr(at + std::strlen(kSeriesKey));
        const auto scan = keptScan(folder);
        for (const DicomSeriesInfo& s : scan->series)
            if (s.name == name)
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
