#pragma once
#include "delineo/core/Reslice.h"

#include <array>
#include <functional>
#include <map>
#include <vector>

namespace delineo::core {

struct RowLabels; // label maps read in an image's walk (Reslicer.cpp)

// How the coronal and sagittal views cut a volume. Through its voxel planes (the free functions of
// Reslice.h: samples copied, what ITK-SNAP shows), or, for an oblique or tilted series, along the
// patient's axes (as 3D Slicer shows it): true coronal and sagittal planes, sampled from the
// voxels by trilinear interpolation (labels: the nearest voxel), and edits on them written into
// the nearest voxels. The axial view is always the stored slice, drawn turned as it lies beside
// true planes (transform). The volume is passed to each call (the object keeps the geometry only),
// so a Reslicer stays valid while its volume's pixels change.
class Reslicer {
public:
    using Point = std::array<double, 3>; // continuous voxel coordinates (x, y, z), voxel centres at integers

    Reslicer() = default; // voxel planes, for any volume
    Reslicer(const Volume& volume, bool alongPatient);

    // Rows or columns turned off the patient's axes, or slices stepping off their normal (a gantry
    // tilt), by more than half a degree; and placed in the patient (reslicing needs the geometry).
    static bool oblique(const Volume& volume);
    bool alongPatient() const { return patient_; }

    PlaneSize size(const Volume& volume, Plane plane) const;
    // Plane `index` as an image; `smooth` interpolates between slices (off: the nearest slice).
    Image image(const Volume& volume, Plane plane, int index, bool smooth = true) const;
    using SliceSource = std::function<const LabelMap*(int)>; // a label volume: slice z's map (null: none)
    // The same, and in its walk each source's labels on the plane (as labels() gives them), into
    // `labels` in order: the pixels and the maps read side by side.
    Image image(const Volume& volume, Plane plane, int index, bool smooth, const std::vector<SliceSource>& sources,
                std::vector<LabelMap>& labels) const;
    LabelMap labels(const AnnotationDocument& doc, Plane plane, int index) const;
    LabelMap labels(const SliceSource& sliceAt, const Volume& volume, Plane plane, int index) const;
    // Several label volumes on one plane (its labels and the AI results waiting on it) in one walk:
    // a true plane reads them side by side, which keeps twice the memory in flight, in about the
    // time of one. One map per source, in order.
    std::vector<LabelMap> labels(const std::vector<SliceSource>& sources, const Volume& volume, Plane plane,
                                 int index) const;
    // Writes what differs between `labels` and the plane as it is into `maps` (axial slice -> new
    // map; slices already in `maps` stand in for the document's).
    void write(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels,
               std::map<int, LabelMap>& maps) const;
    std::map<int, LabelMap> write(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels) const;

    // The whole series on the patient's axes, as 3D Slicer's Resample Scalar Volume makes it: the
    // true axial planes of the grid the coronal and sagittal views use, from the head down, each
    // pixel trilinear from the voxels (labels: the nearest voxel), placed in the patient. What a
    // double-oblique series needs for a true axial view. Only along the patient's axes (throws
    // ImageError UnsupportedFormat otherwise, TooLarge past maxImageBytes()).
    Volume resampledVolume(const Volume& volume) const;
    std::vector<LabelMap> resampledLabels(const std::function<const LabelMap*(int)>& sliceAt) const;

    PlaneAxes axes(const Volume& volume, Plane plane) const;
    PlaneTransform transform(const Volume& volume, Plane plane) const;
    std::vector<double> bands(const Volume& volume, Plane plane) const; // rows of uneven slices (voxel planes)
    // The direction, in pixels of plane `in`, along which the planes of orientation `of` cut it
    // (where a crosshair line runs): along a row or column through voxel planes, on a slant where
    // a true coronal plane cuts a turned slice.
    std::array<double, 2> trace(const Volume& volume, Plane in, Plane of) const;

    // Plane pixel coordinates (pixel centres at k + 0.5) of plane `index` to voxel coordinates, and
    // a voxel point to its plane: {index (planes at integers), u, v}.
    Point voxelAt(Plane plane, double index, double u, double v) const;
    Point planeAt(Plane plane, const Point& voxel) const;

private:
    // One patient axis of the grid: coordinates lo + t * step (t from 0 to count - 1), or, for the
    // head-foot axis drawn head up, hi - t * step.
    struct Axis {
        double origin = 0, step = 1;
        int count = 1;
    };
    struct Frame {
        int u, v, n; // the patient axes (0 L, 1 P, 2 S) along u, v and across
    };
    static Frame frameOf(Plane plane);
    // Sizes, axes and samples of the grid's planes, the axial ones included.
    PlaneSize gridSize(Plane plane) const;
    PlaneAxes gridAxes(Plane plane) const;
    // `labels`: label maps to read in the same walk, or null.
    Image sampled(const Volume& volume, Plane plane, int index, bool smooth, const RowLabels* labels) const;
    std::vector<std::vector<const LabelMap*>> gather(const std::vector<SliceSource>& sources) const;
    // A row on one slice: each source's map of it (at most 4) and the row's place `at` in `out`;
    // returns how many. A row across slices: sampled voxel by voxel.
    std::size_t rowSources(const std::vector<std::vector<const LabelMap*>>& sources, std::vector<LabelMap>& out,
                           std::size_t at, const Point& a, const std::uint8_t** src, std::uint8_t** dst) const;
    void slantedRow(const std::vector<std::vector<const LabelMap*>>& sources, std::vector<LabelMap>& out,
                    std::size_t at, const Point& a, const Point& du, int first, int last) const;
    // Per source, its map of each slice (null: none).
    std::vector<LabelMap> sampledLabels(const std::vector<std::vector<const LabelMap*>>& sources, Plane plane,
                                        int index) const;
    // Pixels [first, last) of a row on one slice (a + u du), from each of `count` slices' labels
    // into its row of `dst`.
    void walkRow(const Point& a, const Point& du, int first, int last, const std::uint8_t* const* src,
                 std::uint8_t* const* dst, std::size_t count) const;
    Point patientAt(Plane plane, double index, double u, double v) const; // mm, LPS
    Point voxelOfPatient(const Point& p) const;
    Point patientOfVoxel(const Point& voxel) const;
    // Plane `index` as voxel points before the slices' own places: pixel (0, 0), a step along u, v.
    void walk(Plane plane, int index, Point& origin, Point& du, Point& dv) const;
    // The voxel nearest such a point; false outside the volume.
    bool nearest(Point even, int& x, int& y, int& z) const;

    bool patient_ = false;
    int width_ = 0, height_ = 0, depth_ = 0;
    Point origin_{};                     // voxel (0, 0, 0) in the patient
    std::array<Point, 3> columns_{};     // one voxel step along x, y, z in the patient (mm)
    std::array<Point, 3> inverse_{};     // rows of the inverse of `columns_`
    std::array<Axis, 3> axes_{};         // L, P, S
    std::vector<double> bands_;          // uneven slices: sliceBands of the volume
    double outside_ = 0;                 // shown beyond the volume
};

} // namespace delineo::core
