#include "delineo/core/LabelFiles.h"
#include "delineo/core/Text.h"
#include "delineo/core/SlicerSegments.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/ClassPalette.h"
#include "delineo/core/DicomSeg.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Reslice.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<double, 9>; // row-major

// The file name without the label map's extension ("seg" for seg.nii.gz or seg.seg.nrrd): what
// its label description is named after.
std::string labelStem(const std::string& fileName)
{
    std::string stem = fileName;
    for (const char* ext : {".nii.gz", ".seg.nrrd", ".nii", ".nrrd", ".nhdr", ".dcm", ".png", ".tif", ".tiff", ".bmp"})
        if (endsWith(lowercase(stem), ext)) {
            stem.resize(stem.size() - std::strlen(ext));
            break;
        }
    return stem;
}

// Columns: the voxel steps along x, y and z in patient space (direction times spacing).
Mat3 stepsOf(const Geometry& g)
{
    Mat3 m{};
    for (int axis = 0; axis < 3; ++axis)
        for (int r = 0; r < 3; ++r)
            m[r * 3 + axis] = g.direction[axis * 3 + r] * g.spacing[axis];
    return m;
}

double determinant(const Mat3& m)
{
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}

bool invert(const Mat3& m, Mat3& out)
{
    const double det = determinant(m);
    if (std::abs(det) < 1e-12)
        return false;
    out = {(m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
           (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
           (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    return true;
}

Vec3 mulVec(const Mat3& m, const Vec3& v)
{
    return {m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
}

Mat3 times(const Mat3& a, const Mat3& b)
{
    Mat3 out{};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            for (int k = 0; k < 3; ++k)
                out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
    return out;
}

// Slice z's first voxel in patient space, on the volume's regular grid: as ITK-based tools (ITK-SNAP,
// 3D Slicer, Delineo's own exports) place a series, a tilted one's shear left out, so their label
// maps come back voxel for voxel.
Vec3 sliceOrigin(const Volume& v, int z)
{
    const Geometry& g = v.geometry;
    Vec3 o = g.origin;
    for (int r = 0; r < 3; ++r)
        o[r] += z * g.spacing[2] * g.direction[6 + r];
    return o;
}

bool nearInteger(double x, double tol) { return std::abs(x - std::round(x)) <= tol; }

// Nearest-neighbour placement of `src` (on grid `from`) onto `onto`'s voxels.
std::vector<LabelMap> place(std::vector<LabelMap> src, const Geometry& from, const Volume& onto,
                            std::vector<LoadWarning>& notes, const std::string& path)
{
    const int sw = src.front().width, sh = src.front().height, sd = static_cast<int>(src.size());
    const int w = onto.width(), h = onto.height(), d = onto.depth();
    const Geometry& to = onto.geometry;
    Mat3 toLabel{};
    if (!invert(stepsOf(from), toLabel))
        throw ImageError(ErrorCode::Corrupt, path + " has a degenerate geometry (its axes are not independent)");
    const Mat3 step = times(toLabel, stepsOf(to)); // label voxels per image voxel, along x, y, z
    const auto finite = [](const auto& values) {
        return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v) && std::abs(v) < 1e9; });
    };
    if (!finite(step) || !finite(from.origin))
        throw ImageError(ErrorCode::Corrupt, path + " has a geometry that places no voxel on the image");
    // Voxel for voxel when every image axis runs along a label axis, one voxel per voxel, and each
    // slice starts on a label voxel's centre.
    // (A single image slice has no z step to compare.)
    const int axes = d > 1 ? 3 : 2;
    bool exact = true, sameAxes = true;
    for (int c = 0; c < axes; ++c) {
        int ones = 0;
        for (int r = 0; r < 3; ++r) {
            const double e = step[r * 3 + c];
            if (std::abs(std::abs(e) - 1) < 1e-3)
                ++ones;
            else if (std::abs(e) > 1e-3)
                exact = false;
            sameAxes = sameAxes && std::abs(e - (r == c ? 1.0 : 0.0)) < 1e-3;
        }
        exact = exact && ones == 1;
    }
    bool identity = sameAxes && sw == w && sh == h && sd == d;
    std::vector<Vec3> starts(static_cast<std::size_t>(d));
    for (int z = 0; z < d; ++z) {
        Vec3 o = sliceOrigin(onto, z);
        for (int r = 0; r < 3; ++r)
            o[r] -= from.origin[r];
        starts[std::size_t(z)] = mulVec(toLabel, o);
        if (!finite(starts[std::size_t(z)]))
            throw ImageError(ErrorCode::Corrupt, path + " has a geometry that places no voxel on the image");
        for (int r = 0; r < 3; ++r) {
            exact = exact && nearInteger(starts[std::size_t(z)][r], 0.05);
            const double want = r == 2 ? z : 0;
            identity = identity && std::abs(starts[std::size_t(z)][r] - want) < 0.05;
        }
    }
    if (identity)
        return src; // moved out: the file's own maps
    std::vector<LabelMap> out;
    out.reserve(std::size_t(d));
    std::size_t placed = 0;
    // Voxel for voxel the steps are whole: integer strides through the file's voxels, over the part
    // of each row that falls inside the file.
    const auto whole = [](double v) { return static_cast<long>(std::lround(v)); };
    const auto floorDiv = [](long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); };
    const long di = whole(step[0]), dj = whole(step[3]), dk = whole(step[6]);
    const bool aligned = std::abs(step[1]) < 1e-9 && std::abs(step[3]) < 1e-9 && std::abs(step[6]) < 1e-9 &&
                         std::abs(step[7]) < 1e-9;
    for (int z = 0; z < d; ++z) {
        LabelMap m(w, h);
        const Vec3& s0 = starts[std::size_t(z)];
        for (int y = 0; exact && y < h; ++y) {
            const long i = whole(s0[0] + y * step[1]), j = whole(s0[1] + y * step[4]), k = whole(s0[2] + y * step[7]);
            long from = 0, to = w; // x in [from, to)
            for (const auto& [at, by, n] : {std::tuple{i, di, long(sw)}, std::tuple{j, dj, long(sh)}, std::tuple{k, dk, long(sd)}}) {
                if (by == 0) {
                    if (at < 0 || at >= n)
                        to = 0;
                } else if (by > 0) {
                    from = std::max(from, -floorDiv(at, by));
                    to = std::min(to, floorDiv(n - 1 - at, by) + 1);
                } else {
                    from = std::max(from, floorDiv(at - n, -by) + 1);
                    to = std::min(to, floorDiv(at, -by) + 1);
                }
            }
            std::uint8_t* row = m.labels.data() + std::size_t(y) * w;
            for (long x = from; x < to; ++x) {
                const std::uint8_t l = src[std::size_t(k + x * dk)].labels[std::size_t(j + x * dj) * sw + std::size_t(i + x * di)];
                row[x] = l;
                placed += l != 0;
            }
        }
        // Same axes on another grid (the usual case): each image column reads one file column, each
        // row one file row, so the lookups are made once per slice.
        if (!exact && aligned) {
            const long k = std::lround(s0[2]);
            std::vector<long> column(std::size_t(w), -1);
            for (int x = 0; x < w; ++x)
                if (const long i = std::lround(s0[0] + x * step[0]); i >= 0 && i < sw)
                    column[std::size_t(x)] = i;
            for (int y = 0; k >= 0 && k < sd && y < h; ++y) {
                const long j = std::lround(s0[1] + y * step[4]);
                if (j < 0 || j >= sh)
                    continue;
                const std::uint8_t* in = src[std::size_t(k)].labels.data() + std::size_t(j) * sw;
                std::uint8_t* row = m.labels.data() + std::size_t(y) * w;
                for (int x = 0; x < w; ++x)
                    if (const long i = column[std::size_t(x)]; i >= 0) {
                        row[x] = in[i];
                        placed += in[i] != 0;
                    }
            }
            out.push_back(std::move(m));
            continue;
        }
        for (int y = 0; !exact && y < h; ++y) {
            double qx = s0[0] + y * step[1], qy = s0[1] + y * step[4], qz = s0[2] + y * step[7];
            for (int x = 0; x < w; ++x, qx += step[0], qy += step[3], qz += step[6]) {
                const long i = std::lround(qx), j = std::lround(qy), k = std::lround(qz);
                if (i < 0 || j < 0 || k < 0 || i >= sw || j >= sh || k >= sd)
                    continue;
                const std::uint8_t l = src[std::size_t(k)].labels[std::size_t(j) * sw + std::size_t(i)];
                m.labels[std::size_t(y) * w + std::size_t(x)] = l;
                placed += l != 0;
            }
        }
        out.push_back(std::move(m));
    }
    // Labelled voxels of the file that no image voxel reads: its part outside the image.
    std::size_t labelled = 0;
    for (const LabelMap& m : src)
        labelled += std::size_t(std::count_if(m.labels.begin(), m.labels.end(), [](std::uint8_t l) { return l != 0; }));
    if (labelled > 0 && placed == 0)
        throw ImageError(ErrorCode::WrongSize, path + " does not overlap the image: its labels lie elsewhere in the patient");
    // One image voxel reads one label voxel when the grids match; on another grid, compare volumes.
    const double expected = double(labelled) / std::max(std::abs(determinant(step)), 1e-9);
    const double outside = expected > 0 ? 100.0 * (1.0 - double(placed) / expected) : 0;
    if (exact && !sameAxes)
        notes.push_back({warning::kLabelsReoriented, {}});
    else if (!exact) {
        std::ostringstream grid, mm;
        grid << sw << "x" << sh << "x" << sd;
        mm.precision(3);
        mm << from.spacing[0] << "x" << from.spacing[1] << "x" << from.spacing[2];
        notes.push_back({warning::kLabelsResampled, {grid.str(), mm.str()}});
    }
    if (d > 1 && (exact ? outside >= 0.05 : outside >= 5)) { // resampling moves counts by a few percent
        std::ostringstream pct;
        pct.precision(outside < 10 ? 2 : 3);
        pct << outside;
        notes.push_back({warning::kLabelsOutside, {pct.str()}});
    }
    return out;
}

// A mask picture: 0/255 (or a JPEG's near values) is one class, anything else class indices.
LabelMap maskPicture(const std::string& path)
{
    const Image img = loadImage(path);
    LabelMap out(img.width, img.height);
    const bool jpeg = lowercase(fs::path(path).extension().string()).find("jp") != std::string::npos;
    bool binary = jpeg;
    if (!binary) {
        binary = true;
        for (int y = 0; y < img.height && binary; ++y)
            for (int x = 0; x < img.width; ++x)
                if (const double v = img.value(x, y, 0); v != 0 && v != 255) {
                    binary = false;
                    break;
                }
    }
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const double v = img.value(x, y, 0);
            out.at(x, y) = binary ? (v >= 128 ? 1 : 0) : static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
        }
    return out;
}

std::string quotedName(const std::string& line)
{
    const auto a = line.find('"'), b = line.rfind('"');
    return a != std::string::npos && b > a ? line.substr(a + 1, b - a - 1) : std::string();
}

} // namespace

std::vector<WorkspaceClass> withUnnamedLabels(const std::vector<LabelMap>& slices, const std::vector<WorkspaceClass>& named,
                                              const std::vector<WorkspaceClass>& known)
{
    return mergedClasses(named, unnamedLabels(slices, mergedClasses(known, named)));
}

namespace {

// Which label values the maps hold.
std::array<bool, 256> labelsPresent(const std::vector<LabelMap>& slices)
{
    std::array<bool, 256> present{};
    for (const LabelMap& m : slices)
        for (std::uint8_t l : m.labels)
            present[l] = true;
    return present;
}

} // namespace

std::vector<WorkspaceClass> unnamedLabels(const std::vector<LabelMap>& slices, const std::vector<WorkspaceClass>& named)
{
    const std::array<bool, 256> present = labelsPresent(slices);
    std::vector<WorkspaceClass> have = named, out;
    for (int l = 1; l < 256; ++l)
        if (present[std::size_t(l)] &&
            std::none_of(have.begin(), have.end(), [l](const WorkspaceClass& c) { return c.label == l; })) {
            // The colour the window draws an unnamed label in, unless a class already wears it.
            Rgb c = paletteColour(std::size_t(l - 1));
            if (std::any_of(have.begin(), have.end(), [&](const WorkspaceClass& k) { return Rgb{k.r, k.g, k.b} == c; }))
                c = unusedColour(have);
            have.push_back({l, "label " + std::to_string(l), c[0], c[1], c[2]});
            out.push_back(have.back());
        }
    return out;
}

void writeLabelFile(const std::string& path, const Volume& image, const std::vector<LabelMap>& slices,
                    const std::vector<WorkspaceClass>& classes, int slice)
{
    const std::string name = lowercase(path);
    std::error_code ec;
    if (const fs::path folder = fs::absolute(path).parent_path(); !fs::is_directory(folder, ec))
        throw ImageError(ErrorCode::NotFound, "folder not found: " + folder.string());
    if (static_cast<int>(slices.size()) != image.depth() || image.empty())
        throw ImageError(ErrorCode::WrongSize, "the labels do not cover the image's " + std::to_string(image.depth()) + " slices");
    if (isItkVolumePath(path)) {
        if (image.streamed())
            throw ImageError(ErrorCode::UnsupportedFormat, "a video's labels are saved frame by frame (PNG), not as a volume");
        // A NRRD carries Slicer's segment fields, so that Slicer opens it as named segments.
        const bool nrrd = endsWith(name, ".nrrd") || endsWith(name, ".nhdr");
        writeItkLabels(path, slices, image.geometry,
                       nrrd ? slicerSegmentFields(slices, classes) : std::map<std::string, std::string>{});
        writeLabelDescriptions(labelStem(path) + ".txt", classes); // where labelDescriptionsFor looks
    } else if (endsWith(name, ".dcm")) {
        if (image.slice(0).format != "dicom")
            throw ImageError(ErrorCode::UnsupportedFormat, "a DICOM SEG needs a DICOM series to refer to");
        writeDicomSeg(path, image, slices, classes, false);
    } else if (hasImageExtension(path)) {
        if (slice < 0 || slice >= image.depth())
            throw ImageError(ErrorCode::WrongSize, "slice " + std::to_string(slice + 1) + " is not in the image");
        int most = 0;
        for (std::uint8_t l : slices[std::size_t(slice)].labels)
            most = std::max(most, int(l));
        saveMask(path, slices[std::size_t(slice)], std::max<int>(most, static_cast<int>(classes.size())));
    } else {
        throw ImageError(ErrorCode::UnsupportedFormat, path + ": save as .nii.gz, .nrrd, .dcm (DICOM SEG) or .png");
    }
}

Volume withoutPixels(const Volume& v)
{
    Volume out;
    out.stream = v.stream;
    out.geometry = v.geometry;
    out.seriesUid = v.seriesUid;
    out.description = v.description;
    out.source = v.source;
    out.slices.reserve(v.slices.size());
    for (const Image& s : v.slices) {
        Image h; // every field but the pixels (bytes, VOI LUT)
        h.width = s.width, h.height = s.height, h.channels = s.channels, h.type = s.type;
        h.spacingX = s.spacingX, h.spacingY = s.spacingY, h.spacingKnown = s.spacingKnown;
        h.invertDisplay = s.invertDisplay, h.windows = s.windows;
        h.path = s.path, h.format = s.format, h.modality = s.modality, h.transferSyntax = s.transferSyntax;
        h.photometric = s.photometric, h.seriesUid = s.seriesUid;
        h.position = s.position, h.orientation = s.orientation;
        h.hasPosition = s.hasPosition, h.hasOrientation = s.hasOrientation;
        h.instanceNumber = s.instanceNumber, h.voiLutFirst = s.voiLutFirst;
        out.slices.push_back(std::move(h));
    }
    return out;
}

bool isUnnamed(const WorkspaceClass& c) { return c.name == "label " + std::to_string(c.label); }

std::vector<WorkspaceClass> namedOver(std::vector<WorkspaceClass> have, const std::vector<WorkspaceClass>& more)
{
    have.erase(std::remove_if(have.begin(), have.end(),
                              [&](const WorkspaceClass& h) {
                                  return isUnnamed(h) && std::any_of(more.begin(), more.end(), [&](const WorkspaceClass& m) {
                                             return m.label == h.label && !isUnnamed(m);
                                         });
                              }),
               have.end());
    return mergedClasses(std::move(have), more);
}

std::vector<WorkspaceClass> readLabelDescriptions(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw ImageError(fs::exists(path) ? ErrorCode::Unreadable : ErrorCode::NotFound, "cannot read " + path);
    std::vector<WorkspaceClass> out;
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#')
            continue;
        std::istringstream fields(line);
        int label = -1, r = -1, g = -1, b = -1;
        std::string name;
        // ITK-SNAP: IDX R G B A VIS MSH "LABEL"; 3D Slicer: IDX NAME R G B A.
        if (!(fields >> label))
            throw ImageError(ErrorCode::Corrupt, path + ":" + std::to_string(lineNo) + ": not a label description");
        if (line.find('"') != std::string::npos) {
            fields >> r >> g >> b;
            name = quotedName(line);
        } else {
            fields >> name >> r >> g >> b;
        }
        if (!fields && !fields.eof())
            r = -1;
        if (label < 0 || label > 255 || r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255)
            throw ImageError(ErrorCode::Corrupt, path + ":" + std::to_string(lineNo) + ": not a label description");
        if (label > 0 && !name.empty())
            out.push_back({label, name, std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)});
    }
    std::sort(out.begin(), out.end(), [](const WorkspaceClass& a, const WorkspaceClass& b) { return a.label < b.label; });
    return out;
}

void writeLabelDescriptions(const std::string& path, const std::vector<WorkspaceClass>& classes)
{
    std::ostringstream out;
    if (endsWith(lowercase(path), ".ctbl")) {
        out << "# Color table file " << fs::path(path).filename().string() << "\n# " << classes.size() + 1
            << " values\n0 Background 0 0 0 0\n";
        for (const WorkspaceClass& c : classes) {
            std::string name = c.name;
            std::replace(name.begin(), name.end(), ' ', '_'); // the table's names are one word
            out << c.label << ' ' << name << ' ' << int(c.r) << ' ' << int(c.g) << ' ' << int(c.b) << " 255\n";
        }
    } else {
        out << "################################################\n"
               "# ITK-SnAP Label Description File\n"
               "# File format: \n"
               "# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n"
               "################################################\n"
               "    0     0    0    0        0  0  0    \"Clear Label\"\n";
        for (const WorkspaceClass& c : classes) {
            std::string name = c.name;
            std::replace(name.begin(), name.end(), '"', '\'');
            out << "  " << c.label << "   " << int(c.r) << "  " << int(c.g) << "  " << int(c.b) << "        1  1  1    \""
                << name << "\"\n";
        }
    }
    writeTextFile(path, out.str());
}

std::string labelDescriptionsFor(const std::string& labelPath)
{
    const fs::path p(labelPath);
    const std::string stem = labelStem(p.filename().string());
    const fs::path dir = p.parent_path();
    std::error_code ec;
    for (const std::string& name : {stem + ".txt", stem + ".label", stem + ".ctbl", stem + "_ColorTable.ctbl"})
        if (fs::is_regular_file(dir / name, ec))
            return (dir / name).string();
    for (const fs::path& folder : {dir, dir.parent_path()})
        for (const char* name : {"labels.txt", "labels.ctbl"})
            if (!folder.empty() && fs::is_regular_file(folder / name, ec))
                return (folder / name).string();
    return {};
}

namespace {

// Names compared as people write them: "Large bowel", "large_bowel" and "large-bowel" are one class.
std::string nameKey(const std::string& name)
{
    std::string k;
    for (const char c : lowercase(name)) {
        const bool gap = c == ' ' || c == '_' || c == '-';
        if (gap && (k.empty() || k.back() == ' '))
            continue;
        k += gap ? ' ' : c;
    }
    while (!k.empty() && k.back() == ' ')
        k.pop_back();
    return k;
}

// The file's labels in the workspace's numbering: a label the file names as a class of `known`
// takes that class's number; one whose number `known` gives a class of another name, or that
// another label now takes, moves to a number nobody uses. Unnamed labels keep their numbers.
void matchKnownClasses(LabelFile& file, const std::vector<WorkspaceClass>& known)
{
    // Nothing to match without names on both sides: the voxels are not scanned.
    if (known.empty() || std::all_of(file.classes.begin(), file.classes.end(), isUnnamed))
        return;
    std::array<int, 256> to;
    for (int v = 0; v < 256; ++v)
        to[std::size_t(v)] = v;
    const std::array<bool, 256> present = labelsPresent(file.slices);
    std::array<bool, 256> taken{};
    const auto knownAs = [&](int label) {
        return std::find_if(known.begin(), known.end(), [&](const WorkspaceClass& k) { return k.label == label; });
    };
    for (const WorkspaceClass& k : known)
        if (k.label >= 1 && k.label <= 255)
            taken[std::size_t(k.label)] = true;
    std::array<bool, 256> moved{};
    for (const WorkspaceClass& c : file.classes) {
        if (isUnnamed(c))
            continue;
        for (const WorkspaceClass& k : known)
            if (!isUnnamed(k) && nameKey(k.name) == nameKey(c.name)) {
                to[std::size_t(c.label)] = k.label;
                moved[std::size_t(c.label)] = true;
            }
    }
    std::array<bool, 256> target{};
    for (int v = 1; v < 256; ++v)
        if (moved[std::size_t(v)])
            target[std::size_t(to[std::size_t(v)])] = true;
    const auto named = [&](int v) {
        return std::find_if(file.classes.begin(), file.classes.end(),
                            [&](const WorkspaceClass& c) { return c.label == v && !isUnnamed(c); });
    };
    for (int v = 1; v < 256; ++v) {
        if (moved[std::size_t(v)])
            continue;
        const auto k = knownAs(v);
        const bool otherClass = named(v) != file.classes.end() && k != known.end() && !isUnnamed(*k);
        const bool overtaken = target[std::size_t(v)] && (present[std::size_t(v)] || named(v) != file.classes.end());
        if (!otherClass && !overtaken)
            continue;
        int free = 0;
        for (int f = 1; f < 256 && free == 0; ++f)
            if (!taken[std::size_t(f)] && !target[std::size_t(f)] && !present[std::size_t(f)] &&
                named(f) == file.classes.end())
                free = f;
        if (free == 0)
            throw ImageError(ErrorCode::UnsupportedFormat, "the file's labels and the workspace's classes need more than 255 labels");
        to[std::size_t(v)] = free;
        target[std::size_t(free)] = true;
    }
    std::vector<std::string> moves, unnamedMoves;
    for (int v = 1; v < 256; ++v)
        if (to[std::size_t(v)] != v && present[std::size_t(v)] && named(v) == file.classes.end())
            unnamedMoves.push_back(std::to_string(v) + " \u2192 " + std::to_string(to[std::size_t(v)]));
    for (WorkspaceClass& c : file.classes)
        if (const int t = to[std::size_t(c.label)]; t != c.label) {
            moves.push_back(c.name + " " + std::to_string(c.label) + " \u2192 " + std::to_string(t));
            c.label = t;
        }
    moves.insert(moves.end(), unnamedMoves.begin(), unnamedMoves.end());
    if (moves.empty())
        return;
    for (LabelMap& m : file.slices)
        for (std::uint8_t& l : m.labels)
            l = static_cast<std::uint8_t>(to[l]);
    std::string list;
    for (const std::string& m : moves)
        list += (list.empty() ? "" : ", ") + m;
    file.notes.push_back({warning::kLabelsRenumbered, {list}});
}

} // namespace

LabelFile readLabelFile(const std::string& path, const Volume& onto, const std::vector<WorkspaceClass>& known,
                        int slice, const std::string& names)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw ImageError(ErrorCode::NotFound, "file not found: " + path);
    if (onto.empty())
        throw ImageError(ErrorCode::WrongSize, "no image is open to read " + path + " onto");
    LabelFile out;
    if (isDicomSeg(path)) {
        out.slices = readDicomSeg(path, onto, known, &out.classes);
    } else if (isItkVolumePath(path)) {
        Geometry from;
        std::map<std::string, std::string> header;
        auto layers = readItkLabelLayers(path, &from, &header);
        const std::vector<SlicerSegment> segments = slicerSegments(header);
        if (layers.size() > 1 && segments.empty())
            throw ImageError(ErrorCode::UnsupportedFormat, path + " has " + std::to_string(layers.size()) +
                                                               " values per voxel and no segments: not a label map");
        std::vector<LabelMap> src;
        if (segments.empty()) {
            src = std::move(layers.front());
        } else {
            std::size_t overlapping = 0;
            src = flattenSegmentLayers(std::move(layers), segments, out.classes, overlapping);
            if (overlapping > 0)
                out.notes.push_back({warning::kLabelsOverlap, {std::to_string(overlapping)}});
        }
        if (placedInPatient(onto)) {
            out.slices = place(std::move(src), from, onto, out.notes, path);
        } else {
            if (src.front().width != onto.width() || src.front().height != onto.height() ||
                static_cast<int>(src.size()) != onto.depth())
                throw ImageError(ErrorCode::WrongSize,
                                 path + " is " + std::to_string(src.front().width) + "x" + std::to_string(src.front().height) +
                                     "x" + std::to_string(src.size()) + "; the image is " + std::to_string(onto.width()) +
                                     "x" + std::to_string(onto.height()) + "x" + std::to_string(onto.depth()) +
                                     " and has no position in space to place it by");
            out.slices = std::move(src);
            if (onto.depth() > 1)
                out.notes.push_back({warning::kLabelsByIndex, {}});
        }
    } else {
        if (!hasImageExtension(path))
            throw ImageError(ErrorCode::UnsupportedFormat,
                             path + " is not a label map Delineo reads (NIfTI, NRRD, DICOM SEG or a mask picture)");
        if (slice < 0 || slice >= onto.depth())
            throw ImageError(ErrorCode::WrongSize, "slice " + std::to_string(slice + 1) + " is not in the image");
        LabelMap m = maskPicture(path);
        if (m.width != onto.width() || m.height != onto.height())
            throw ImageError(ErrorCode::WrongSize, path + " is " + std::to_string(m.width) + "x" + std::to_string(m.height) +
                                                       "; the image is " + std::to_string(onto.width()) + "x" +
                                                       std::to_string(onto.height()));
        out.first = slice;
        out.slices.push_back(std::move(m));
    }
    if (out.classes.empty()) {
        out.namesFrom = names.empty() ? labelDescriptionsFor(path) : names;
        if (!out.namesFrom.empty())
            out.classes = readLabelDescriptions(out.namesFrom);
    }
    matchKnownClasses(out, known);
    return out;
}

} // namespace delineo::core
