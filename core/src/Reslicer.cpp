#include "delineo/core/Reslicer.h"
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"
#include "delineo/core/ParallelFor.h"
#include "Vec3.h"

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <type_traits>
#include <limits>

namespace delineo::core {

// Label maps read in the image's walk (Reslicer::image with sources): for a row on one slice, each
// source's map of that slice and its row of output (flatRow returns how many, at most 4); a row
// across the slices walks its own (slantedRow).
struct RowLabels {
    std::function<std::size_t(int v, const Reslicer::Point& a, const std::uint8_t** src, std::uint8_t** dst)> flatRow;
    std::function<void(int v, const Reslicer::Point& a, int first, int last)> slantedRow;
};

namespace {

// Unevenly spaced slices (`bands` from sliceBands; none when even): the even slice coordinate the
// grid walks in, to the place between the slices where it lies, and back.
double sliceOfEven(const std::vector<double>& bands, double z)
{
    return bands.empty() ? z : unbandedRow(bands, z + 0.5) - 0.5;
}
double evenOfSlice(const std::vector<double>& bands, double z)
{
    return bands.empty() ? z : bandedRow(bands, z + 0.5) - 0.5;
}

using namespace vec3;

// Half a degree: closer than that to a patient axis is read as on it (rounding in the files).
const double kAligned = std::cos(0.5 * 3.14159265358979323846 / 180);

bool onAnAxis(const Vec& v)
{
    const double n = norm(v);
    return n > 0 && std::max({std::abs(v[0]), std::abs(v[1]), std::abs(v[2])}) / n >= kAligned;
}

// The pixels [first, last) of a row whose point a + u b lies in the volume, [-0.5, n - 0.5] on each
// axis (points between the slices' own places keep the ends, so the even z serves).
void insideRange(const Reslicer::Point& a, const Reslicer::Point& b, const std::array<int, 3>& n, int width, int& first,
                 int& last)
{
    double lo = 0, hi = width - 1;
    for (std::size_t i = 0; i < 3; ++i) {
        const double low = -0.5, high = n[i] - 0.5;
        if (std::abs(b[i]) < 1e-12) {
            if (a[i] < low || a[i] > high)
                hi = -1;
            continue;
        }
        double t0 = (low - a[i]) / b[i], t1 = (high - a[i]) / b[i];
        if (t0 > t1)
            std::swap(t0, t1);
        lo = std::max(lo, t0);
        hi = std::min(hi, t1);
    }
    first = std::clamp(int(std::ceil(lo - 1e-9)), 0, width);
    last = std::max(first, std::min(width, int(std::floor(hi + 1e-9)) + 1));
}

// How many pixels ahead a slanted row asks for its memory, and the offset of the voxel under
// pixel u of a row within its slice: u inside the row's range (insideRange), so x and y lie in
// [-0.5, n - 0.5] and truncate into the slice.
constexpr int kAhead = 12;
std::size_t aheadOffset(const Reslicer::Point& a, const Reslicer::Point& du, int u, int w)
{
    return std::size_t(int(a[1] + u * du[1])) * std::size_t(w) + std::size_t(int(a[0] + u * du[0]));
}

constexpr std::size_t kMostSources = 4; // label maps read in one walk

// Samples of one plane, pixel (u, v) at voxel point origin + u du + v dv (slices placed by `bands`
// when uneven): trilinear inside the volume (between slices only when `smooth`), `outside` beyond.
// A row across the slices' planes (every row of a true coronal plane through a series turned
// about the head-foot axis) reads one or two slices, found once for the row.
template <typename T>
void sample(const Volume& volume, const Reslicer::Point& origin, const Reslicer::Point& du, const Reslicer::Point& dv,
            const std::vector<double>& bands, int width, int height, bool smooth, double outside, std::uint8_t* out,
            const RowLabels* labels)
{
    const int w = volume.width(), h = volume.height(), d = volume.depth();
    std::vector<const T*> slices;
    slices.resize(std::size_t(d));
    for (int z = 0; z < d; ++z)
        slices[std::size_t(z)] = reinterpret_cast<const T*>(volume.slice(z).bytes.data());
    const auto store = [](double value) {
        if constexpr (std::is_integral_v<T>) {
            // Rounded half up by truncation (std::floor is a call on the baseline x86-64 ISA).
            const double lo = double(std::numeric_limits<T>::lowest()), hi = double(std::numeric_limits<T>::max());
            value = std::min(std::max(value + 0.5, lo), hi);
            long long i = static_cast<long long>(value);
            i -= double(i) > value;
            return T(i);
        } else {
            return T(value);
        }
    };
    const auto slicePlace = [&](double z, int& z0, int& z1, double& fz) {
        z = sliceOfEven(bands, z);
        z = smooth ? std::clamp(z, 0.0, d - 1.0) : std::clamp(std::round(z), 0.0, d - 1.0);
        z0 = int(z);
        z1 = std::min(z0 + 1, d - 1);
        fz = z - z0 < 1e-6 ? 0.0 : z - z0; // on a slice: that slice alone
    };
    const T background = store(outside);
    const bool flat = std::abs(du[2]) < 1e-12;
    parallelFor(std::size_t(height), 0, [&](std::size_t row) {
        const int v = int(row);
        const Reslicer::Point a{origin[0] + v * dv[0], origin[1] + v * dv[1], origin[2] + v * dv[2]};
        int first = 0, last = 0;
        insideRange(a, du, {w, h, d}, width, first, last);
        T* dst = reinterpret_cast<T*>(out) + std::size_t(v) * width;
        std::fill(dst, dst + first, background);
        std::fill(dst + last, dst + width, background);
        int z0 = 0, z1 = 0;
        double fz = 0;
        if (flat)
            slicePlace(a[2], z0, z1, fz);
        // Label maps walked with the pixels (their nearest voxel): one pass, more memory in flight.
        std::array<const std::uint8_t*, kMostSources> src{};
        std::array<std::uint8_t*, kMostSources> to{};
        const std::size_t maps = labels && flat ? labels->flatRow(v, a, src.data(), to.data()) : 0;
        // Locals the compiler keeps in registers: the label writes (bytes) may alias anything whose
        // address escaped (the row's point, the map pointers handed to flatRow).
        const double ax = a[0], ay = a[1], az = a[2], dx = du[0], dy = du[1], dz = du[2];
        const Reslicer::Point line{ax, ay, az}, step{dx, dy, dz};
        const std::uint8_t* from[kMostSources] = {src[0], src[1], src[2], src[3]};
        std::uint8_t* into[kMostSources] = {to[0], to[1], to[2], to[3]};
        const T* s0 = slices[std::size_t(z0)];
        const T* s1 = slices[std::size_t(z1)];
        const double wLast = w - 1.0, hLast = h - 1.0;
        for (int u = first; u < last; ++u) {
            // A row across a turned slice walks it on a slant, a new cache line every few pixels:
            // asking for them ahead keeps several in flight (the loads, not the sums, cost here).
            if (flat && u + kAhead < last) {
                const std::size_t i = aheadOffset(line, step, u + kAhead, w);
                __builtin_prefetch(s0 + i);
                __builtin_prefetch(s0 + i + w);
                if (fz > 0) {
                    __builtin_prefetch(s1 + i);
                    __builtin_prefetch(s1 + i + w);
                }
                for (std::size_t k = 0; k < maps; ++k)
                    __builtin_prefetch(from[k] + i);
            }
            const double x = std::min(std::max(ax + u * dx, 0.0), wLast), y = std::min(std::max(ay + u * dy, 0.0), hLast);
            if (maps) { // rounded as Reslicer::walkRow rounds them
                const std::size_t at = std::size_t(int(y + 0.5)) * std::size_t(w) + std::size_t(int(x + 0.5));
                for (std::size_t k = 0; k < maps; ++k)
                    into[k][u] = from[k][at];
            }
            if (!flat) {
                slicePlace(az + u * dz, z0, z1, fz);
                s0 = slices[std::size_t(z0)];
                s1 = slices[std::size_t(z1)];
            }
            const int x0 = int(x), y0 = int(y);
            const int x1 = std::min(x0 + 1, w - 1), y1 = std::min(y0 + 1, h - 1);
            const double fx = x - x0, fy = y - y0;
            const std::size_t r0 = std::size_t(y0) * w, r1 = std::size_t(y1) * w;
            const auto plane = [&](const T* s) {
                const double top = s[r0 + x0] * (1 - fx) + s[r0 + x1] * fx;
                const double bottom = s[r1 + x0] * (1 - fx) + s[r1 + x1] * fx;
                return top * (1 - fy) + bottom * fy;
            };
            dst[u] = store(fz > 0 ? plane(s0) * (1 - fz) + plane(s1) * fz : plane(s0));
        }
        if (labels && !flat)
            labels->slantedRow(v, a, first, last);
    });
}

} // namespace

Reslicer::Reslicer(const Volume& volume, bool alongPatient)
{
    if (!alongPatient || !oblique(volume))
        return;
    patient_ = true;
    width_ = volume.width();
    height_ = volume.height();
    depth_ = volume.depth();
    origin_ = volume.geometry.origin;
    const PlaneAxes inPlane = planeAxes(volume, Plane::Axial);
    columns_ = {inPlane.u, inPlane.v, planeAxes(volume, Plane::Coronal).v};
    // The inverse of the voxel-to-patient matrix: rows are the cross products over the determinant.
    const Vec& a = columns_[0];
    const Vec& b = columns_[1];
    const Vec& c = columns_[2];
    const double det = dot(a, cross(b, c));
    if (!std::isfinite(det) || std::abs(det) < 1e-12) {
        patient_ = false;
        return;
    }
    for (int i = 0; i < 3; ++i) {
        const Vec r = i == 0 ? cross(b, c) : i == 1 ? cross(c, a) : cross(a, b);
        inverse_[std::size_t(i)] = {r[0] / det, r[1] / det, r[2] / det};
    }
    bands_ = sliceBands(volume);
    double brightest = 0;
    volume.slice(0).range(outside_, brightest); // beyond the volume: its darkest value (air), as the first slice has it
    double finest = 1; // the closest two slices, in mean steps
    for (std::size_t k = 3; k < bands_.size(); k += 2)
        finest = std::min(finest, bands_[k] - bands_[k - 2]);
    const double inPlaneStep = std::min(norm(a), norm(b));
    for (int p = 0; p < 3; ++p) {
        // The voxel axis that runs closest to this patient axis gives its step: the slices' own
        // step where that is the slice axis, so a plane across the slices meets each of them.
        int best = 0;
        for (int k = 1; k < 3; ++k)
            if (std::abs(columns_[std::size_t(k)][std::size_t(p)]) / norm(columns_[std::size_t(k)]) >
                std::abs(columns_[std::size_t(best)][std::size_t(p)]) / norm(columns_[std::size_t(best)]))
                best = k;
        // Slices spaced unevenly: the closest two set the step, so that thin slices are not skipped.
        double step = best == 2 ? std::abs(c[std::size_t(p)]) * finest : inPlaneStep;
        double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
        for (int corner = 0; corner < 8; ++corner) {
            const Point q = patientOfVoxel({corner & 1 ? width_ - 1.0 : 0.0, corner & 2 ? height_ - 1.0 : 0.0,
                                            corner & 4 ? depth_ - 1.0 : 0.0});
            lo = std::min(lo, q[std::size_t(p)]);
            hi = std::max(hi, q[std::size_t(p)]);
        }
        if (!std::isfinite(hi - lo)) { // a damaged geometry: its own planes, which need no extent
            patient_ = false;
            return;
        }
        step = std::max({step, (hi - lo) / 2047, 1e-3}); // at most 2048 planes along an axis
        Axis& axis = axes_[std::size_t(p)];
        axis.count = int(std::floor((hi - lo) / step + 1e-6)) + 1;
        // Head up: the head-foot axis runs from the top down.
        axis.origin = p == 2 ? hi : lo;
        axis.step = p == 2 ? -step : step;
    }
}

bool Reslicer::oblique(const Volume& volume)
{
    if (volume.depth() < 2 || !placedInPatient(volume))
        return false;
    const PlaneAxes inPlane = planeAxes(volume, Plane::Axial);
    const Vec step = planeAxes(volume, Plane::Coronal).v;
    const Vec normal = cross(inPlane.u, inPlane.v);
    for (const Vec& v : {inPlane.u, inPlane.v, step})
        if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]))
            return false; // a damaged geometry is not resampled
    const double across = norm(step) * norm(normal);
    const bool tilted = across > 0 && std::abs(dot(step, normal)) / across < kAligned;
    return !onAnAxis(inPlane.u) || !onAnAxis(inPlane.v) || tilted;
}

Reslicer::Frame Reslicer::frameOf(Plane plane)
{
    // Coronal: the patient's left to the right (the patient's right on the reader's left), head
    // up, posterior across; sagittal: anterior on the left, head up, left across.
    switch (plane) {
    case Plane::Coronal: return {0, 2, 1};
    case Plane::Sagittal: return {1, 2, 0};
    case Plane::Axial: break;
    }
    return {0, 1, 2};
}

PlaneSize Reslicer::size(const Volume& volume, Plane plane) const
{
    if (!patient_ || plane == Plane::Axial)
        return planeSize(volume.width(), volume.height(), volume.depth(), plane);
    return gridSize(plane);
}

PlaneSize Reslicer::gridSize(Plane plane) const
{
    const Frame f = frameOf(plane);
    return {axes_[std::size_t(f.u)].count, axes_[std::size_t(f.v)].count, axes_[std::size_t(f.n)].count};
}

Reslicer::Point Reslicer::patientAt(Plane plane, double index, double u, double v) const
{
    const Frame f = frameOf(plane);
    Point p{};
    const auto along = [&](int axis, double t) {
        p[std::size_t(axis)] = axes_[std::size_t(axis)].origin + t * axes_[std::size_t(axis)].step;
    };
    along(f.u, u - 0.5);
    along(f.v, v - 0.5);
    along(f.n, index);
    return p;
}

Reslicer::Point Reslicer::voxelOfPatient(const Point& p) const
{
    const Vec d{p[0] - origin_[0], p[1] - origin_[1], p[2] - origin_[2]};
    Point voxel{dot(inverse_[0], d), dot(inverse_[1], d), dot(inverse_[2], d)};
    voxel[2] = sliceOfEven(bands_, voxel[2]); // unevenly spaced slices: where each lies
    return voxel;
}

Reslicer::Point Reslicer::patientOfVoxel(const Point& voxel) const
{
    const double z = evenOfSlice(bands_, voxel[2]);
    Point p = origin_;
    for (int i = 0; i < 3; ++i)
        p[std::size_t(i)] += voxel[0] * columns_[0][std::size_t(i)] + voxel[1] * columns_[1][std::size_t(i)] +
                             z * columns_[2][std::size_t(i)];
    return p;
}

Reslicer::Point Reslicer::voxelAt(Plane plane, double index, double u, double v) const
{
    if (!patient_ || plane == Plane::Axial) {
        switch (plane) {
        case Plane::Axial: return {u - 0.5, v - 0.5, index};
        case Plane::Coronal: return {u - 0.5, index, v - 0.5};
        case Plane::Sagittal: return {index, u - 0.5, v - 0.5};
        }
    }
    return voxelOfPatient(patientAt(plane, index, u, v));
}

Reslicer::Point Reslicer::planeAt(Plane plane, const Point& voxel) const
{
    if (!patient_ || plane == Plane::Axial) {
        switch (plane) {
        case Plane::Axial: return {voxel[2], voxel[0] + 0.5, voxel[1] + 0.5};
        case Plane::Coronal: return {voxel[1], voxel[0] + 0.5, voxel[2] + 0.5};
        case Plane::Sagittal: return {voxel[0], voxel[1] + 0.5, voxel[2] + 0.5};
        }
    }
    const Point p = patientOfVoxel(voxel);
    const Frame f = frameOf(plane);
    const auto t = [&](int axis) {
        const Axis& a = axes_[std::size_t(axis)];
        return (p[std::size_t(axis)] - a.origin) / a.step;
    };
    return {t(f.n), t(f.u) + 0.5, t(f.v) + 0.5};
}

Image Reslicer::image(const Volume& volume, Plane plane, int index, bool smooth) const
{
    if (!patient_ || plane == Plane::Axial)
        return resliceImage(volume, plane, index);
    return sampled(volume, plane, index, smooth, nullptr);
}

Image Reslicer::image(const Volume& volume, Plane plane, int index, bool smooth, const std::vector<SliceSource>& sources,
                      std::vector<LabelMap>& labels) const
{
    if (!patient_ || plane == Plane::Axial || sources.empty() || sources.size() > kMostSources) {
        labels = this->labels(sources, volume, plane, index);
        return image(volume, plane, index, smooth);
    }
    const PlaneSize size = gridSize(plane);
    requirePlaneIndex(index, size.count, plane);
    const std::vector<std::vector<const LabelMap*>> slices = gather(sources);
    labels.assign(sources.size(), LabelMap(size.width, size.height));
    Point o, du, dv;
    walk(plane, index, o, du, dv);
    RowLabels rows;
    rows.flatRow = [&](int v, const Point& a, const std::uint8_t** src, std::uint8_t** dst) {
        return rowSources(slices, labels, std::size_t(v) * std::size_t(size.width), a, src, dst);
    };
    rows.slantedRow = [&](int v, const Point& a, int first, int last) {
        slantedRow(slices, labels, std::size_t(v) * std::size_t(size.width), a, du, first, last);
    };
    return sampled(volume, plane, index, smooth, &rows);
}

Image Reslicer::sampled(const Volume& volume, Plane plane, int index, bool smooth, const RowLabels* rows) const
{
    const PlaneSize size = gridSize(plane);
    requirePlaneIndex(index, size.count, plane);
    Image out = planeImage(volume, size.width, size.height, gridAxes(plane));
    Point o, du, dv;
    walk(plane, index, o, du, dv);
    const double lo = outside_;
    std::uint8_t* dst = out.bytes.data();
    const int w = size.width, h = size.height;
    switch (out.type) {
    case PixelType::U8: sample<std::uint8_t>(volume, o, du, dv, bands_, w, h, smooth, lo, dst, rows); break;
    case PixelType::U16: sample<std::uint16_t>(volume, o, du, dv, bands_, w, h, smooth, lo, dst, rows); break;
    case PixelType::I16: sample<std::int16_t>(volume, o, du, dv, bands_, w, h, smooth, lo, dst, rows); break;
    case PixelType::F32: sample<float>(volume, o, du, dv, bands_, w, h, smooth, lo, dst, rows); break;
    }
    return out;
}

LabelMap Reslicer::labels(const AnnotationDocument& doc, Plane plane, int index) const
{
    if (!patient_ || plane == Plane::Axial)
        return resliceLabels(doc, plane, index);
    return labels([&doc](int z) { return doc.hasMask(z) ? &doc.labels(z) : nullptr; }, doc.volume(), plane, index);
}

LabelMap Reslicer::labels(const SliceSource& sliceAt, const Volume& volume, Plane plane, int index) const
{
    return std::move(labels(std::vector<SliceSource>{sliceAt}, volume, plane, index).front());
}

std::vector<LabelMap> Reslicer::labels(const std::vector<SliceSource>& sources, const Volume& volume, Plane plane,
                                       int index) const
{
    std::vector<LabelMap> out;
    if (!patient_ || plane == Plane::Axial) {
        for (const auto& sliceAt : sources)
            out.push_back(resliceLabels(sliceAt, volume.width(), volume.height(), volume.depth(), plane, index));
        return out;
    }
    for (std::size_t k = 0; k < sources.size(); k += kMostSources) { // at most kMostSources in one walk
        const std::vector<SliceSource> some(sources.begin() + std::ptrdiff_t(k),
                                            sources.begin() + std::ptrdiff_t(std::min(sources.size(), k + kMostSources)));
        for (LabelMap& m : sampledLabels(gather(some), plane, index))
            out.push_back(std::move(m));
    }
    return out;
}

std::vector<std::vector<const LabelMap*>> Reslicer::gather(const std::vector<SliceSource>& sources) const
{
    std::vector<std::vector<const LabelMap*>> slices(sources.size(), std::vector<const LabelMap*>(std::size_t(depth_)));
    for (std::size_t k = 0; k < sources.size(); ++k)
        for (int z = 0; z < depth_; ++z) // asked here: a source need not be safe across threads
            if (const LabelMap* m = sources[k](z); m && m->width == width_ && m->height == height_)
                slices[k][std::size_t(z)] = m;
    return slices;
}

std::vector<LabelMap> Reslicer::sampledLabels(const std::vector<std::vector<const LabelMap*>>& sources, Plane plane,
                                              int index) const
{
    const PlaneSize size = gridSize(plane);
    requirePlaneIndex(index, size.count, plane);
    std::vector<LabelMap> out(sources.size(), LabelMap(size.width, size.height));
    Point o, du, dv;
    walk(plane, index, o, du, dv);
    const bool flat = std::abs(du[2]) < 1e-12;
    parallelFor(std::size_t(size.height), 0, [&](std::size_t row) {
        const int v = int(row);
        const Point a{o[0] + v * dv[0], o[1] + v * dv[1], o[2] + v * dv[2]};
        int first = 0, last = 0;
        insideRange(a, du, {width_, height_, depth_}, size.width, first, last);
        const std::size_t at = std::size_t(v) * std::size_t(size.width);
        if (!flat) {
            slantedRow(sources, out, at, a, du, first, last);
            return;
        }
        std::array<const std::uint8_t*, kMostSources> src{};
        std::array<std::uint8_t*, kMostSources> dst{};
        const std::size_t maps = rowSources(sources, out, at, a, src.data(), dst.data());
        walkRow(a, du, first, last, src.data(), dst.data(), maps);
    });
    return out;
}

std::size_t Reslicer::rowSources(const std::vector<std::vector<const LabelMap*>>& sources, std::vector<LabelMap>& out,
                                 std::size_t at, const Point& a, const std::uint8_t** src, std::uint8_t** dst) const
{
    // One slice for the whole row (the nearest): raw pointers, so the writes need not reload the maps.
    const int z = int(std::floor(sliceOfEven(bands_, a[2]) + 0.5));
    if (z < 0 || z >= depth_)
        return 0;
    std::size_t m = 0; // the sources with this slice
    for (std::size_t k = 0; k < sources.size() && m < kMostSources; ++k)
        if (const LabelMap* map = sources[k][std::size_t(z)]) {
            src[m] = map->labels.data();
            dst[m++] = out[k].labels.data() + at;
        }
    return m;
}

void Reslicer::slantedRow(const std::vector<std::vector<const LabelMap*>>& sources, std::vector<LabelMap>& out,
                          std::size_t at, const Point& a, const Point& du, int first, int last) const
{
    for (int u = first; u < last; ++u) {
        int x = 0, y = 0, z = 0;
        if (!nearest({a[0] + u * du[0], a[1] + u * du[1], a[2] + u * du[2]}, x, y, z))
            continue;
        for (std::size_t k = 0; k < sources.size(); ++k)
            if (const LabelMap* m = sources[k][std::size_t(z)])
                out[k].labels[at + std::size_t(u)] = m->at(x, y);
    }
}

void Reslicer::walkRow(const Point& a, const Point& du, int first, int last, const std::uint8_t* const* src,
                       std::uint8_t* const* dst, std::size_t count) const
{
    if (count == 0)
        return;
    const int w = width_, h = height_;
    for (int u = first; u < last; ++u) {
        if (u + kAhead < last) {
            const std::size_t ahead = aheadOffset(a, du, u + kAhead, w);
            for (std::size_t k = 0; k < count; ++k)
                __builtin_prefetch(src[k] + ahead);
        }
        const int x = std::min(int(std::max(a[0] + u * du[0], 0.0) + 0.5), w - 1);
        const int y = std::min(int(std::max(a[1] + u * du[1], 0.0) + 0.5), h - 1);
        const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
        for (std::size_t k = 0; k < count; ++k)
            dst[k][u] = src[k][i];
    }
}

bool Reslicer::nearest(Point even, int& x, int& y, int& z) const
{
    even[2] = sliceOfEven(bands_, even[2]);
    // Inside first: then the values plus a half are positive and truncation rounds them.
    if (!(even[0] >= -0.5 && even[1] >= -0.5 && even[2] >= -0.5 && even[0] < width_ - 0.5 && even[1] < height_ - 0.5 &&
          even[2] < depth_ - 0.5))
        return false;
    x = int(even[0] + 0.5);
    y = int(even[1] + 0.5);
    z = int(even[2] + 0.5);
    return true;
}

void Reslicer::walk(Plane plane, int index, Point& origin, Point& du, Point& dv) const
{
    // The affine part (before the slices' own places): pixel (0, 0) and one step along u and v.
    const auto even = [&](double u, double v) {
        const Point p = patientAt(plane, index, u, v);
        const Vec d{p[0] - origin_[0], p[1] - origin_[1], p[2] - origin_[2]};
        return Point{dot(inverse_[0], d), dot(inverse_[1], d), dot(inverse_[2], d)};
    };
    origin = even(0.5, 0.5);
    const Point pu = even(1.5, 0.5), pv = even(0.5, 1.5);
    du = {pu[0] - origin[0], pu[1] - origin[1], pu[2] - origin[2]};
    dv = {pv[0] - origin[0], pv[1] - origin[1], pv[2] - origin[2]};
}

void Reslicer::write(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels,
                     std::map<int, LabelMap>& maps) const
{
    if (!patient_ || plane == Plane::Axial) {
        writePlaneInto(doc, plane, index, labels, maps);
        return;
    }
    const PlaneSize size = this->size(doc.volume(), plane);
    requirePlaneIndex(index, size.count, plane);
    requirePlaneFits(labels, size, plane);
    // Only the pixels that changed: several pixels can share a voxel, and one left as it was must
    // not undo its neighbour's edit.
    const auto sliceAt = [&](int z) -> const LabelMap* {
        const auto it = maps.find(z);
        return it != maps.end() ? &it->second : doc.hasMask(z) ? &doc.labels(z) : nullptr;
    };
    const LabelMap before = this->labels(sliceAt, doc.volume(), plane, index);
    Point o, du, dv;
    walk(plane, index, o, du, dv);
    for (int v = 0; v < size.height; ++v)
        for (int u = 0; u < size.width; ++u) {
            const std::uint8_t next = labels.at(u, v);
            if (next == before.at(u, v))
                continue;
            int x = 0, y = 0, z = 0;
            if (!nearest({o[0] + u * du[0] + v * dv[0], o[1] + u * du[1] + v * dv[1], o[2] + u * du[2] + v * dv[2]}, x, y, z))
                continue;
            auto it = maps.find(z);
            if (it == maps.end())
                it = maps.emplace(z, doc.labels(z)).first;
            it->second.at(x, y) = next;
        }
}

std::map<int, LabelMap> Reslicer::write(const AnnotationDocument& doc, Plane plane, int index,
                                        const LabelMap& labels) const
{
    std::map<int, LabelMap> out;
    write(doc, plane, index, labels, out);
    return out;
}

PlaneAxes Reslicer::axes(const Volume& volume, Plane plane) const
{
    if (!patient_ || plane == Plane::Axial)
        return planeAxes(volume, plane);
    return gridAxes(plane);
}

PlaneAxes Reslicer::gridAxes(Plane plane) const
{
    const Frame f = frameOf(plane);
    PlaneAxes a;
    a.u = {0, 0, 0};
    a.v = {0, 0, 0};
    a.u[std::size_t(f.u)] = axes_[std::size_t(f.u)].step;
    a.v[std::size_t(f.v)] = axes_[std::size_t(f.v)].step;
    return a;
}

Volume Reslicer::resampledVolume(const Volume& volume) const
{
    if (!patient_)
        throw ImageError(ErrorCode::UnsupportedFormat, "the series lies along the patient's axes: nothing to resample");
    const PlaneSize size = gridSize(Plane::Axial);
    const Image& first = volume.slice(0);
    checkedImageBytes(volume.source, std::uint64_t(size.height), std::uint64_t(size.width), std::uint64_t(first.channels),
                      std::uint64_t(bytesPerSample(first.type)), std::uint64_t(size.count));
    Volume out;
    out.slices.reserve(std::size_t(size.count));
    const Axis& l = axes_[0];
    const Axis& p = axes_[1];
    const Axis& s = axes_[2];
    for (int k = 0; k < size.count; ++k) {
        Image slice = sampled(volume, Plane::Axial, k, true, nullptr);
        // Rows along the patient's left, columns to the back, slices from the head down.
        slice.position = patientAt(Plane::Axial, k, 0.5, 0.5);
        slice.orientation = {1, 0, 0, 0, 1, 0};
        slice.hasPosition = slice.hasOrientation = true;
        slice.instanceNumber = k + 1;
        slice.fileFrame = 0;
        slice.seriesUid.clear();
        out.slices.push_back(std::move(slice));
    }
    Geometry& g = out.geometry;
    g.origin = out.slices.front().position;
    g.spacing = {l.step, p.step, -s.step};
    g.direction = {1, 0, 0, 0, 1, 0, 0, 0, -1};
    g.spacingKnown = g.sliceSpacingKnown = first.spacingKnown;
    g.slicesContiguous = true;
    out.description = volume.description.empty() ? std::string("along the patient's axes")
                                                 : volume.description + " (along the patient's axes)";
    out.source = volume.source;
    return out;
}

std::vector<LabelMap> Reslicer::resampledLabels(const std::function<const LabelMap*(int)>& sliceAt) const
{
    if (!patient_)
        throw ImageError(ErrorCode::UnsupportedFormat, "the series lies along the patient's axes: nothing to resample");
    const std::vector<std::vector<const LabelMap*>> slices = gather({sliceAt});
    std::vector<LabelMap> out;
    for (int k = 0; k < gridSize(Plane::Axial).count; ++k)
        out.push_back(std::move(sampledLabels(slices, Plane::Axial, k).front()));
    return out;
}

PlaneTransform Reslicer::transform(const Volume& volume, Plane plane) const
{
    if (plane == Plane::Axial) // the stored slice: as it lies when the other planes are the patient's
        return patient_ ? planeTransform(volume, plane, true) : PlaneTransform{};
    if (!patient_)
        return planeTransform(volume, plane);
    // The grid already runs head up with the patient's right or front on the left: a scale alone,
    // in units of the finer step.
    const PlaneAxes a = axes(volume, plane);
    const double su = norm(a.u), sv = norm(a.v), unit = std::min(su, sv);
    return {su / unit, 0, 0, sv / unit};
}

std::array<double, 2> Reslicer::trace(const Volume& volume, Plane in, Plane of) const
{
    const PlaneAxes a = axes(volume, in);
    const Vec d = cross(a.normal(), axes(volume, of).normal());
    // d in the plane's pixels: d = du u + dv v, by least squares over the two axes.
    const double uu = dot(a.u, a.u), uv = dot(a.u, a.v), vv = dot(a.v, a.v), du = dot(d, a.u), dv = dot(d, a.v);
    const double det = uu * vv - uv * uv;
    if (!(det > 0) || norm(d) < 1e-12)
        return {1, 0};
    return {(vv * du - uv * dv) / det, (uu * dv - uv * du) / det};
}

std::vector<double> Reslicer::bands(const Volume& volume, Plane plane) const
{
    if (patient_ || plane == Plane::Axial)
        return {};
    return sliceBands(volume);
}

} // namespace delineo::core
