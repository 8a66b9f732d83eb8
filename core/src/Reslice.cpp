#include "delineo/core/Reslice.h"
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ParallelFor.h"
#include "Vec3.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace delineo::core {

namespace {

using namespace vec3;

// The step from one slice to the next in patient space: from the slices' own positions where every
// slice has one (a tilted gantry steps off the normal), otherwise the normal times the spacing.
Vec sliceStep(const Volume& volume)
{
    const Geometry& g = volume.geometry;
    const Vec normal{g.direction[6], g.direction[7], g.direction[8]};
    const auto& s = volume.slices;
    if (s.size() > 1 && s.front().hasPosition && s.back().hasPosition) {
        const double n = double(s.size() - 1);
        const Vec step{(s.back().position[0] - s.front().position[0]) / n,
                       (s.back().position[1] - s.front().position[1]) / n,
                       (s.back().position[2] - s.front().position[2]) / n};
        if (norm(step) > 1e-6)
            return step;
    }
    // Unknown slice spacing: as wide as a pixel, so the plane at least keeps its proportions.
    return scaled(normal, g.sliceSpacingKnown ? g.spacing[2] : g.spacing[0]);
}

} // namespace

void requirePlaneIndex(int index, int count, Plane plane)
{
    if (index < 0 || index >= count)
        throw ImageError(ErrorCode::WrongSize, std::string(planeName(plane)) + " plane " + std::to_string(index) +
                                                   " is outside the volume (0.." + std::to_string(count - 1) + ")");
}

void requirePlaneFits(const LabelMap& labels, const PlaneSize& size, Plane plane)
{
    if (labels.width != size.width || labels.height != size.height)
        throw ImageError(ErrorCode::WrongSize, std::string("a ") + planeName(plane) + " mask of " +
                                                   std::to_string(labels.width) + "x" + std::to_string(labels.height) +
                                                   " does not fit the plane's " + std::to_string(size.width) + "x" +
                                                   std::to_string(size.height));
}

const char* planeName(Plane plane)
{
    switch (plane) {
    case Plane::Axial: return "axial";
    case Plane::Coronal: return "coronal";
    case Plane::Sagittal: return "sagittal";
    }
    return "";
}

PlaneSize planeSize(int width, int height, int depth, Plane plane)
{
    switch (plane) {
    case Plane::Axial: return {width, height, depth};
    case Plane::Coronal: return {width, depth, height};
    case Plane::Sagittal: return {height, depth, width};
    }
    return {};
}

Voxel voxelAt(Plane plane, int index, int u, int v)
{
    switch (plane) {
    case Plane::Axial: return {u, v, index};
    case Plane::Coronal: return {u, index, v};
    case Plane::Sagittal: return {index, u, v};
    }
    return {};
}

void planePixel(Plane plane, const Voxel& p, int& index, int& u, int& v)
{
    switch (plane) {
    case Plane::Axial: index = p.z, u = p.x, v = p.y; return;
    case Plane::Coronal: index = p.y, u = p.x, v = p.z; return;
    case Plane::Sagittal: index = p.x, u = p.y, v = p.z; return;
    }
}

PlaneAxes planeAxes(const Volume& volume, Plane plane)
{
    const Geometry& g = volume.geometry;
    const Vec row = scaled({g.direction[0], g.direction[1], g.direction[2]}, g.spacing[0]);
    const Vec column = scaled({g.direction[3], g.direction[4], g.direction[5]}, g.spacing[1]);
    switch (plane) {
    case Plane::Axial: return {row, column};
    case Plane::Coronal: return {row, sliceStep(volume)};
    case Plane::Sagittal: return {column, sliceStep(volume)};
    }
    return {};
}

PlaneTransform planeTransform(const Volume& volume, Plane plane, bool turnAxial)
{
    const PlaneAxes a = planeAxes(volume, plane);
    const double lu = norm(a.u);
    const Vec e1 = scaled(a.u, 1.0 / lu);
    const double along = dot(a.v, e1);
    const double across = norm(cross(e1, a.v));
    // Axial: the pixels as stored, with their aspect and (a tilt's) shear.
    PlaneTransform t{lu, 0, along, across};
    if (plane != Plane::Axial || turnAxial) {
        // A stacked plane is drawn as the patient lies in it: its screen axes are the patient's
        // axes seen in the plane (head up, the patient's right or front on the left), so a
        // gantry tilt or an oblique series looks as it does in the body, turned and sheared.
        const Vec n = scaled(cross(a.u, a.v), 1.0 / std::max(1e-12, norm(cross(a.u, a.v))));
        const int facing = std::abs(n[0]) >= std::max(std::abs(n[1]), std::abs(n[2])) ? 0
                           : std::abs(n[1]) >= std::abs(n[2])                           ? 1
                                                                                        : 2;
        // Screen down and right in LPS: inferior and the patient's posterior (sagittal) or left
        // (coronal); a plane that faces the feet shows posterior down and left right.
        const Vec down = facing == 2 ? Vec{0, 1, 0} : Vec{0, 0, -1};
        const Vec right = facing == 0 ? Vec{0, 1, 0} : Vec{1, 0, 0};
        Vec e2 = {down[0] - dot(down, n) * n[0], down[1] - dot(down, n) * n[1], down[2] - dot(down, n) * n[2]};
        e2 = scaled(e2, 1.0 / std::max(1e-12, norm(e2)));
        Vec ex = cross(e2, n);
        if (dot(ex, right) < 0)
            ex = scaled(ex, -1);
        t = {dot(a.u, ex), dot(a.u, e2), dot(a.v, ex), dot(a.v, e2)};
    }
    // In units of the finer of the two pixel sizes.
    const double unit = std::min(lu, across);
    if (unit > 1e-9) {
        t.m11 /= unit;
        t.m12 /= unit;
        t.m21 /= unit;
        t.m22 /= unit;
    }
    return t;
}

std::vector<double> sliceBands(const Volume& volume)
{
    const auto& s = volume.slices;
    const std::size_t d = s.size();
    if (d < 3 || !std::all_of(s.begin(), s.end(), [](const Image& i) { return i.hasPosition; }))
        return {};
    const Vec step = sliceStep(volume);
    const double mean = norm(step);
    if (mean < 1e-9)
        return {};
    const Vec along = scaled(step, 1.0 / mean);
    std::vector<double> centre(d);
    bool even = true;
    for (std::size_t z = 0; z < d; ++z) {
        const Vec off{s[z].position[0] - s[0].position[0], s[z].position[1] - s[0].position[1],
                      s[z].position[2] - s[0].position[2]};
        centre[z] = 0.5 + dot(off, along) / mean;
        if (z > 0 && (centre[z] - centre[z - 1] < 1e-6))
            return {}; // out of order or doubled: drawn evenly, as loaded
        even = even && std::abs(centre[z] - (z + 0.5)) < 0.02;
    }
    if (even)
        return {};
    // Knots at every half row: slice z's band edges (halfway to its neighbours) and its centre.
    std::vector<double> knots(2 * d + 1);
    for (std::size_t z = 0; z < d; ++z) {
        knots[2 * z] = z == 0 ? 0.0 : (centre[z - 1] + centre[z]) / 2;
        knots[2 * z + 1] = centre[z];
    }
    knots[2 * d] = double(d);
    return knots;
}

double bandedRow(const std::vector<double>& bands, double row)
{
    if (bands.size() < 3)
        return row;
    const int last = int(bands.size()) - 2;
    const int i = std::clamp(int(std::floor(2 * row)), 0, last);
    return bands[std::size_t(i)] + (2 * row - i) * (bands[std::size_t(i) + 1] - bands[std::size_t(i)]);
}

double unbandedRow(const std::vector<double>& bands, double row)
{
    if (bands.size() < 3)
        return row;
    // The piece holding `row` (the first and last extended beyond the plane's ends).
    const auto after = std::upper_bound(bands.begin() + 1, bands.end() - 1, row);
    const std::size_t i = std::size_t(after - bands.begin()) - 1;
    const double height = bands[i + 1] - bands[i];
    return (double(i) + (height > 1e-12 ? (row - bands[i]) / height : 0.0)) / 2;
}

std::vector<RowBlend> sliceRowBlends(const std::vector<double>& bands, int slices, int perRow)
{
    std::vector<RowBlend> out;
    if (slices <= 0 || perRow <= 0)
        return out;
    out.reserve(std::size_t(slices) * std::size_t(perRow));
    for (int r = 0; r < slices * perRow; ++r) {
        // The drawn row's centre as a slice coordinate, 0 at the first slice's centre.
        const double s = unbandedRow(bands, (r + 0.5) / perRow) - 0.5;
        RowBlend b;
        if (s >= slices - 1) {
            b.from = b.to = slices - 1;
        } else if (s > 0) {
            b.from = int(std::floor(s));
            b.to = b.from + 1;
            b.weight = int(std::lround((s - b.from) * 256));
        }
        out.push_back(b);
    }
    return out;
}

bool placedInPatient(const Volume& volume)
{
    if (volume.empty() || volume.streamed())
        return false;
    const Image& s = volume.slice(0);
    if (s.format == "nifti" || s.format == "nrrd")
        return true;
    return s.format == "dicom" && std::all_of(volume.slices.begin(), volume.slices.end(),
                                              [](const Image& i) { return i.hasPosition && i.hasOrientation; });
}

std::string directionLetters(const std::array<double, 3>& lps)
{
    const double length = norm(lps);
    if (length < 1e-12)
        return {};
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int a, int b) { return std::abs(lps[a]) > std::abs(lps[b]); });
    static const char* letters[3][2] = {{"R", "L"}, {"A", "P"}, {"I", "S"}}; // -, + of x, y, z (LPS)
    std::string out;
    for (int axis : order) {
        const double c = lps[std::size_t(axis)] / length;
        if (out.empty() || std::abs(c) >= 0.2588) // sin 15 degrees
            out += letters[axis][c > 0 ? 1 : 0];
    }
    return out;
}

std::array<std::string, 4> edgeLetters(const PlaneAxes& axes, const PlaneTransform& t)
{
    // A step on screen (sx, sy) back to plane pixels, then into the patient along u and v.
    const double det = t.m11 * t.m22 - t.m21 * t.m12;
    if (std::abs(det) < 1e-12)
        return {};
    const auto patient = [&](double sx, double sy) {
        const double du = (t.m22 * sx - t.m21 * sy) / det, dv = (-t.m12 * sx + t.m11 * sy) / det;
        return Vec{du * axes.u[0] + dv * axes.v[0], du * axes.u[1] + dv * axes.v[1], du * axes.u[2] + dv * axes.v[2]};
    };
    return {directionLetters(patient(-1, 0)), directionLetters(patient(1, 0)), directionLetters(patient(0, -1)),
            directionLetters(patient(0, 1))};
}

Image planeImage(const Volume& volume, int width, int height, const PlaneAxes& axes)
{
    const Image& first = volume.slice(0);
    Image out;
    // Presentation (windows, LUTs, photometric) is the series'; the pixels are the plane's.
    out.channels = first.channels;
    out.type = first.type;
    out.invertDisplay = first.invertDisplay;
    out.windows = first.windows;
    out.voiLut = first.voiLut;
    out.voiLutFirst = first.voiLutFirst;
    out.modality = first.modality;
    out.photometric = first.photometric;
    out.format = first.format;
    out.seriesUid = first.seriesUid;
    out.path = volume.source;
    out.width = width;
    out.height = height;
    out.spacingX = norm(axes.u);
    out.spacingY = norm(axes.v);
    out.spacingKnown = first.spacingKnown;
    out.bytes.resize(out.pixelCount() * std::size_t(bytesPerSample(first.type)) * std::size_t(first.channels));
    return out;
}

namespace {

// Samples of `Bytes` bytes, one every `stride` bytes from `src`, `n` of them, packed into `dst`.
template <std::size_t Bytes>
void gatherColumn(const std::uint8_t* src, std::size_t stride, int n, std::uint8_t* dst)
{
    for (int y = 0; y < n; ++y, src += stride, dst += Bytes)
        std::memcpy(dst, src, Bytes);
}

} // namespace

Image resliceImage(const Volume& volume, Plane plane, int index)
{
    const PlaneSize size = planeSize(volume.width(), volume.height(), volume.depth(), plane);
    requirePlaneIndex(index, size.count, plane);
    const Image& first = volume.slice(0);
    if (plane == Plane::Axial)
        return volume.slice(index);
    Image out = planeImage(volume, size.width, size.height, planeAxes(volume, plane));
    const std::size_t sample = std::size_t(bytesPerSample(first.type)) * first.channels;
    // A sagittal plane reads one sample per row of every slice, each from its own cache line: the
    // slices are shared between both cores (the loads, not the copies, take the time).
    parallelFor(std::size_t(size.height), 0, [&](std::size_t z) {
        const Image& s = volume.slice(int(z));
        std::uint8_t* dst = out.bytes.data() + z * size.width * sample;
        if (plane == Plane::Coronal) {
            std::memcpy(dst, s.bytes.data() + std::size_t(index) * s.width * sample, size.width * sample);
            return;
        }
        const std::uint8_t* src = s.bytes.data() + std::size_t(index) * sample;
        const std::size_t stride = std::size_t(s.width) * sample;
        switch (sample) { // a copy of known size per sample, not a call
        case 1: gatherColumn<1>(src, stride, size.width, dst); break;
        case 2: gatherColumn<2>(src, stride, size.width, dst); break;
        case 4: gatherColumn<4>(src, stride, size.width, dst); break;
        default:
            for (int y = 0; y < size.width; ++y, src += stride, dst += sample)
                std::memcpy(dst, src, sample);
        }
    });
    return out;
}

LabelMap resliceLabels(const AnnotationDocument& doc, Plane plane, int index)
{
    const Volume& volume = doc.volume();
    if (plane == Plane::Axial) {
        requirePlaneIndex(index, volume.depth(), plane);
        return doc.labels(index);
    }
    return resliceLabels([&doc](int z) { return doc.hasMask(z) ? &doc.labels(z) : nullptr; }, volume.width(),
                         volume.height(), volume.depth(), plane, index);
}

LabelMap resliceLabels(const std::function<const LabelMap*(int)>& sliceAt, int width, int height, int depth,
                       Plane plane, int index)
{
    const PlaneSize size = planeSize(width, height, depth, plane);
    requirePlaneIndex(index, size.count, plane);
    if (plane == Plane::Axial) {
        const LabelMap* m = sliceAt(index);
        return m ? *m : LabelMap(width, height);
    }
    LabelMap out(size.width, size.height);
    std::vector<const LabelMap*> slices(std::size_t(size.height), nullptr);
    for (int z = 0; z < size.height; ++z) // asked here: `sliceAt` need not be safe across threads
        if (const LabelMap* m = sliceAt(z); m && m->width == width && m->height == height)
            slices[std::size_t(z)] = m;
    parallelFor(std::size_t(size.height), 0, [&](std::size_t z) {
        const LabelMap* m = slices[z];
        if (!m)
            return;
        std::uint8_t* dst = out.labels.data() + z * size.width;
        if (plane == Plane::Coronal)
            std::memcpy(dst, m->labels.data() + std::size_t(index) * m->width, size.width);
        else
            gatherColumn<1>(m->labels.data() + index, std::size_t(m->width), size.width, dst);
    });
    return out;
}

std::map<int, LabelMap> writePlane(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels)
{
    std::map<int, LabelMap> out;
    writePlaneInto(doc, plane, index, labels, out);
    return out;
}

void writePlaneInto(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels,
                    std::map<int, LabelMap>& maps)
{
    const Volume& volume = doc.volume();
    const PlaneSize size = planeSize(volume.width(), volume.height(), volume.depth(), plane);
    requirePlaneIndex(index, size.count, plane);
    requirePlaneFits(labels, size, plane);
    if (plane == Plane::Axial) {
        const auto it = maps.find(index);
        if (!((it != maps.end() ? it->second : doc.labels(index)) == labels))
            maps[index] = labels;
        return;
    }
    for (int z = 0; z < size.height; ++z) {
        const auto it = maps.find(z);
        LabelMap* next = it != maps.end() ? &it->second : nullptr;
        const LabelMap& current = next ? *next : doc.labels(z);
        const std::uint8_t* row = labels.labels.data() + std::size_t(z) * size.width;
        for (int i = 0; i < size.width; ++i) {
            const int x = plane == Plane::Coronal ? i : index, y = plane == Plane::Coronal ? index : i;
            if (current.at(x, y) == row[i])
                continue;
            if (!next)
                next = &maps.emplace(z, current).first->second;
            next->at(x, y) = row[i];
        }
    }
}

double distanceMm(const PlaneAxes& axes, std::array<double, 2> a, std::array<double, 2> b)
{
    const double du = b[0] - a[0], dv = b[1] - a[1];
    return norm({du * axes.u[0] + dv * axes.v[0], du * axes.u[1] + dv * axes.v[1], du * axes.u[2] + dv * axes.v[2]});
}

double polygonAreaMm2(const PlaneAxes& axes, const std::vector<std::array<double, 2>>& points)
{
    // Shoelace in pixel units, times the area of one pixel's parallelogram.
    double twice = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        const auto& q = points[(i + 1) % points.size()];
        twice += p[0] * q[1] - q[0] * p[1];
    }
    return std::abs(twice) / 2 * norm(axes.normal());
}

} // namespace delineo::core
