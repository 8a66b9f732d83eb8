#include "delineo/core/VolumeOps.h"
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Reslice.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace delineo::core {

namespace {

// The class as a bit per voxel over its bounding box, grown by `margin` voxels on every side (kept
// inside the volume only for margin 0). Only slices with a label map are read.
struct ClassBox {
    int x0 = 0, y0 = 0, z0 = 0, w = 0, h = 0, d = 0;
    std::vector<std::uint8_t> bits; // 1 = class
    bool empty() const { return bits.empty(); }
    std::size_t index(int x, int y, int z) const { return (std::size_t(z) * h + y) * w + x; }
};

// One label value's bounding box in voxels (x1 < 0: absent).
struct Bounds {
    int x0 = 1 << 30, y0 = 1 << 30, z0 = 1 << 30, x1 = -1, y1 = -1, z1 = -1;
};

// Sums of the values under each label, shifted by the first value seen so that the variance keeps
// its precision on values far from zero.
struct ValueSums {
    std::uint64_t n = 0;
    double shift = 0, sum = 0, squares = 0, min = 0, max = 0;
    void add(double v)
    {
        if (n++ == 0)
            shift = min = max = v;
        const double d = v - shift;
        sum += d;
        squares += d * d;
        min = std::min(min, v);
        max = std::max(max, v);
    }
};

// One slice's labels: each label's bounds and, given the slice's grey values, their sums.
template <typename T>
void scanSlice(const LabelMap& m, int z, const T* values, std::array<Bounds, 256>& b, std::array<ValueSums, 256>* sums)
{
    for (int y = 0; y < m.height; ++y) {
        const std::size_t at = std::size_t(y) * m.width;
        const std::uint8_t* row = m.labels.data() + at;
        for (int x = 0; x < m.width; ++x) {
            const std::uint8_t l = row[x];
            if (!l)
                continue;
            Bounds& c = b[l];
            c.x0 = std::min(c.x0, x), c.x1 = std::max(c.x1, x);
            c.y0 = std::min(c.y0, y), c.y1 = std::max(c.y1, y);
            c.z0 = std::min(c.z0, z), c.z1 = std::max(c.z1, z);
            if (values)
                (*sums)[l].add(double(values[at + std::size_t(x)]));
        }
    }
}

// The bounding box of every label value, in one pass over the slices given (those with a label
// map); with `sums`, the image's values under each label in the same pass (grey images only).
std::array<Bounds, 256> boundsOf(const AnnotationDocument& doc, const std::vector<int>& slices,
                                 std::array<ValueSums, 256>* sums = nullptr)
{
    std::array<Bounds, 256> b;
    for (int z : slices) {
        const LabelMap& m = doc.labels(z);
        const Image* img = sums ? &doc.slice(z) : nullptr;
        if (img && (img->channels != 1 || std::size_t(img->width) * std::size_t(img->height) != m.labels.size()))
            img = nullptr;
        const auto* data = img ? img->bytes.data() : nullptr;
        switch (img ? img->type : PixelType::U8) {
        case PixelType::U8: scanSlice(m, z, data, b, sums); break;
        case PixelType::U16: scanSlice(m, z, reinterpret_cast<const std::uint16_t*>(data), b, sums); break;
        case PixelType::I16: scanSlice(m, z, reinterpret_cast<const std::int16_t*>(data), b, sums); break;
        case PixelType::F32: scanSlice(m, z, reinterpret_cast<const float*>(data), b, sums); break;
        }
    }
    return b;
}

ClassBox boxOf(const AnnotationDocument& doc, std::uint8_t label, int margin, const Bounds& bounds)
{
    const int x0 = bounds.x0, y0 = bounds.y0, z0 = bounds.z0, x1 = bounds.x1, y1 = bounds.y1, z1 = bounds.z1;
    ClassBox b;
    if (x1 < 0)
        return b;
    b.x0 = x0 - margin, b.y0 = y0 - margin, b.z0 = z0 - margin;
    b.w = x1 - x0 + 1 + 2 * margin, b.h = y1 - y0 + 1 + 2 * margin, b.d = z1 - z0 + 1 + 2 * margin;
    b.bits.assign(std::size_t(b.w) * b.h * b.d, 0);
    for (int z = z0; z <= z1; ++z) {
        if (!doc.hasMask(z))
            continue;
        const LabelMap& m = doc.labels(z);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                b.bits[b.index(x - b.x0, y - b.y0, z - b.z0)] = m.at(x, y) == label;
    }
    return b;
}

ClassBox boxOf(const AnnotationDocument& doc, std::uint8_t label, int margin)
{
    return boxOf(doc, label, margin, boundsOf(doc, doc.maskedSlices())[label]);
}

// Gives each connected piece of value `value` its own id (1, 2, …) in `ids`; returns their sizes.
// Neighbourhood 26 (all touching voxels) or 6 (faces only).
std::vector<std::uint64_t> components(const ClassBox& b, std::uint8_t value, int neighbourhood, std::vector<std::uint32_t>& ids)
{
    ids.assign(b.bits.size(), 0);
    std::vector<std::uint64_t> sizes{0};
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < b.bits.size(); ++start) {
        if (b.bits[start] != value || ids[start])
            continue;
        const auto id = std::uint32_t(sizes.size());
        sizes.push_back(0);
        ids[start] = id;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            ++sizes[id];
            const int x = int(i % b.w), y = int(i / b.w % b.h), z = int(i / (std::size_t(b.w) * b.h));
            for (int dz = -1; dz <= 1; ++dz)
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int steps = std::abs(dx) + std::abs(dy) + std::abs(dz);
                        if (steps == 0 || (neighbourhood == 6 && steps > 1))
                            continue;
                        const int nx = x + dx, ny = y + dy, nz = z + dz;
                        if (nx < 0 || ny < 0 || nz < 0 || nx >= b.w || ny >= b.h || nz >= b.d)
                            continue;
                        const std::size_t n = b.index(nx, ny, nz);
                        if (b.bits[n] == value && !ids[n]) {
                            ids[n] = id;
                            stack.push_back(n);
                        }
                    }
        }
    }
    return sizes;
}

// The voxel of the box's largest piece (ids and sizes from `components`) nearest that piece's
// centre, in mm so that thick slices do not pull it along the slice axis. The box is walked in
// order (no division per voxel): the Structures panel computes this at every pause in the edits.
Voxel centreOf(const AnnotationDocument& doc, const ClassBox& b, const std::vector<std::uint32_t>& ids,
               const std::vector<std::uint64_t>& sizes)
{
    const auto largest = std::uint32_t(std::max_element(sizes.begin() + 1, sizes.end()) - sizes.begin());
    const auto& g = doc.volume().geometry;
    const std::array<double, 3> mm{g.spacing[0] > 0 ? g.spacing[0] : 1, g.spacing[1] > 0 ? g.spacing[1] : 1,
                                   g.spacing[2] > 0 ? g.spacing[2] : 1};
    // Calls visit(x, y, z) for each voxel of the piece, in the box's order.
    const auto eachVoxel = [&](const auto& visit) {
        std::size_t i = 0;
        for (int z = 0; z < b.d; ++z)
            for (int y = 0; y < b.h; ++y)
                for (int x = 0; x < b.w; ++x, ++i)
                    if (ids[i] == largest)
                        visit(x, y, z);
    };
    std::array<double, 3> sum{};
    eachVoxel([&](int x, int y, int z) {
        sum[0] += x * mm[0], sum[1] += y * mm[1], sum[2] += z * mm[2];
    });
    const double n = double(sizes[largest]);
    const std::array<double, 3> centre{sum[0] / n, sum[1] / n, sum[2] / n};
    Voxel best{};
    double bestDistance = -1;
    eachVoxel([&](int x, int y, int z) {
        const double dx = x * mm[0] - centre[0], dy = y * mm[1] - centre[1], dz = z * mm[2] - centre[2];
        const double d = dx * dx + dy * dy + dz * dz;
        if (bestDistance < 0 || d < bestDistance)
            bestDistance = d, best = {x, y, z};
    });
    return {b.x0 + best.x, b.y0 + best.y, b.z0 + best.z};
}

// Writes the box back: voxels whose bit says `set` take the label (over background, or anything with
// overwrite), voxels of the label whose bit is clear become background.
std::map<int, LabelMap> writeBox(const AnnotationDocument& doc, const ClassBox& b, std::uint8_t label, bool overwrite)
{
    std::map<int, LabelMap> out;
    const int W = doc.volume().width(), H = doc.volume().height();
    for (int bz = 0; bz < b.d; ++bz) {
        const int z = bz + b.z0;
        if (z < 0 || z >= doc.depth())
            continue;
        const LabelMap& current = doc.labels(z);
        LabelMap* next = nullptr;
        for (int by = 0; by < b.h; ++by)
            for (int bx = 0; bx < b.w; ++bx) {
                const int x = bx + b.x0, y = by + b.y0;
                if (x < 0 || y < 0 || x >= W || y >= H)
                    continue;
                const std::uint8_t v = current.at(x, y);
                const bool set = b.bits[b.index(bx, by, bz)];
                std::uint8_t want = v;
                if (set && v != label && (v == 0 || overwrite))
                    want = label;
                else if (!set && v == label)
                    want = 0;
                if (want == v)
                    continue;
                if (!next)
                    next = &out.emplace(z, current).first->second;
                next->at(x, y) = want;
            }
    }
    return out;
}

} // namespace

double voxelVolumeMm3(const Volume& volume)
{
    // The parallelepiped one voxel spans: a pixel's area along the normal, times the slice step.
    const auto n = planeAxes(volume, Plane::Axial).normal();
    const auto step = planeAxes(volume, Plane::Coronal).v;
    return std::abs(n[0] * step[0] + n[1] * step[1] + n[2] * step[2]);
}

std::vector<StructureStats> structureStats(const AnnotationDocument& doc, int classes, int slice)
{
    std::vector<StructureStats> out;
    const Geometry& g = doc.volume().geometry;
    const bool known = g.spacingKnown && (g.sliceSpacingKnown || doc.depth() == 1);
    const double voxelMl = voxelVolumeMm3(doc.volume()) / 1000.0;
    // One slice: a box one slice deep, whose 26-connected pieces are its 8-connected ones.
    const std::vector<int> slices = slice < 0 ? doc.maskedSlices() : (doc.hasMask(slice) ? std::vector<int>{slice} : std::vector<int>{});
    std::array<ValueSums, 256> values;
    const auto bounds = boundsOf(doc, slices, &values);
    for (int k = 1; k <= std::min(classes, 255); ++k) {
        StructureStats s;
        s.label = k;
        s.volumeKnown = known;
        if (g.spacingKnown)
            s.areaMm2 = 0.0;
        const ClassBox b = boxOf(doc, std::uint8_t(k), 0, bounds[k]);
        if (!b.empty()) {
            std::vector<std::uint32_t> ids;
            const auto sizes = components(b, 1, 26, ids);
            s.components = int(sizes.size()) - 1;
            for (std::size_t i = 1; i < sizes.size(); ++i)
                s.voxels += sizes[i];
            s.firstSlice = b.z0;
            s.lastSlice = b.z0 + b.d - 1;
            s.volumeMl = known ? double(s.voxels) * voxelMl : 0;
            if (g.spacingKnown)
                s.areaMm2 = double(s.voxels) * g.spacing[0] * g.spacing[1];
            s.centre = centreOf(doc, b, ids, sizes);
        }
        if (const ValueSums& v = values[std::size_t(k)]; v.n > 0) {
            const double mean = v.sum / double(v.n);
            s.valuesKnown = true;
            s.mean = v.shift + mean;
            s.sd = std::sqrt(std::max(0.0, v.squares / double(v.n) - mean * mean));
            s.min = v.min;
            s.max = v.max;
        }
        out.push_back(s);
    }
    return out;
}

std::optional<Voxel> structureCentre(const AnnotationDocument& doc, std::uint8_t label)
{
    const ClassBox b = boxOf(doc, label, 0);
    if (b.empty() || label == 0)
        return std::nullopt;
    std::vector<std::uint32_t> ids;
    const auto sizes = components(b, 1, 26, ids);
    return centreOf(doc, b, ids, sizes);
}

std::map<int, LabelMap> removeSmallIslands3D(const AnnotationDocument& doc, std::uint8_t label, std::uint64_t minVoxels)
{
    ClassBox b = boxOf(doc, label, 0);
    if (b.empty())
        return {};
    std::vector<std::uint32_t> ids;
    const auto sizes = components(b, 1, 26, ids);
    for (std::size_t i = 0; i < b.bits.size(); ++i)
        if (b.bits[i] && sizes[ids[i]] < minVoxels)
            b.bits[i] = 0;
    return writeBox(doc, b, label, false);
}

std::map<int, LabelMap> fillHoles3D(const AnnotationDocument& doc, std::uint8_t label, bool overwriteOthers)
{
    // A one-voxel frame of background around the box connects everything outside the class.
    ClassBox b = boxOf(doc, label, 1);
    if (b.empty())
        return {};
    std::vector<std::uint32_t> ids;
    components(b, 0, 6, ids);
    const std::uint32_t outside = ids[0]; // the frame's corner is background
    for (std::size_t i = 0; i < b.bits.size(); ++i)
        if (!b.bits[i] && ids[i] != outside)
            b.bits[i] = 1;
    return writeBox(doc, b, label, overwriteOthers);
}

} // namespace delineo::core
