#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace delineo::core {

class AnnotationDocument;

// The three planes of the voxel grid. Axial is the stack as stored (pixels x, y; one per slice z);
// Coronal holds a row y (pixels x, z); Sagittal holds a column x (pixels y, z). For an oblique series
// they are the series' own planes, which is what a reader edits in (the voxels are never resampled).
enum class Plane { Axial, Coronal, Sagittal };
const char* planeName(Plane plane);

struct Voxel {
    int x = 0, y = 0, z = 0;
    bool operator==(const Voxel& o) const { return x == o.x && y == o.y && z == o.z; }
};

// Pixels of one plane of a width x height x depth grid, and how many such planes there are.
struct PlaneSize {
    int width = 0, height = 0, count = 0;
};
PlaneSize planeSize(int width, int height, int depth, Plane plane);
// Pixel (u, v) of plane `index` as a voxel, and back.
Voxel voxelAt(Plane plane, int index, int u, int v);
void planePixel(Plane plane, const Voxel& voxel, int& index, int& u, int& v);
// ImageError (WrongSize) for a plane index outside 0..count-1, or labels of another size.
void requirePlaneIndex(int index, int count, Plane plane);
void requirePlaneFits(const LabelMap& labels, const PlaneSize& size, Plane plane);

// Where a plane's pixels lie in patient space (mm): one pixel right moves by `u`, one down by `v`.
// The slice step comes from the slices' own positions, so a gantry tilt shows as a shear.
struct PlaneAxes {
    std::array<double, 3> u{1, 0, 0}, v{0, 1, 0};
    // u x v: across the plane, as long as one pixel's area (mm^2).
    std::array<double, 3> normal() const
    {
        return {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }
};
PlaneAxes planeAxes(const Volume& volume, Plane plane);

// Where each slice's band of rows lies along a coronal or sagittal plane, in rows of the mean slice
// step: for slice z, its band's first edge (knot 2z, halfway to the slice before) and its centre
// (knot 2z + 1, where the slice lies), then the last edge (depth). A series spaced unevenly (a head
// CT of thin and thick blocks) is drawn as it lies, not stretched to one step. Empty when the
// spacing is even (within 2%) or the slices have no positions.
std::vector<double> sliceBands(const Volume& volume);
// A plane row coordinate (slice index units, slice z spanning [z, z+1), its centre z + 0.5) to the
// even rows the plane's transform draws (`bands` from sliceBands; unchanged when empty), and back.
double bandedRow(const std::vector<double>& bands, double row);
double unbandedRow(const std::vector<double>& bands, double row);

// Drawing a coronal or sagittal plane smooth between its slices (as 3D Slicer does by default), not
// in blocks as tall as each slice: `perRow` drawn rows per even row, each a linear blend of the two
// slices whose centres lie either side of it (by where the slices lie, `bands` as above), the ends
// held. Weights are of `to`, in 256ths. The labels stay in bands: they belong to their slices.
struct RowBlend {
    int from = 0, to = 0, weight = 0;
};
std::vector<RowBlend> sliceRowBlends(const std::vector<double>& bands, int slices, int perRow);

// Plane pixel -> screen millimetres, as QTransform's m11, m12, m21, m22: screen x = m11 u + m21 v,
// screen y = m12 u + m22 v. Spacing gives the aspect, a tilt the shear, and coronal and sagittal
// planes are turned so that the head is up.
struct PlaneTransform {
    double m11 = 1, m12 = 0, m21 = 0, m22 = 1;
};
// `turnAxial`: the axial plane drawn as it lies too (an oblique slice turned straight), not as stored.
PlaneTransform planeTransform(const Volume& volume, Plane plane, bool turnAxial = false);

// Whether the volume's voxels have a known place in the patient (DICOM with positions and
// orientations, NIfTI, NRRD): what placing another file by geometry, and orientation letters, need.
bool placedInPatient(const Volume& volume);
// DICOM's letters for a direction in patient space (LPS): L/R, P/A, S/I, the largest component
// first, then any other of at least sin 15 degrees ("LP" along a row turned 30 degrees).
std::string directionLetters(const std::array<double, 3>& lps);
// The letters at the left, right, top and bottom edges of a view showing a plane through `t`
// (identity for the axial view): e.g. R, L, A, P on an axial slice of a supine patient.
std::array<std::string, 4> edgeLetters(const PlaneAxes& axes, const PlaneTransform& t);

// An image of `width` x `height` samples (zero) for a plane of `volume`: the series' presentation
// (windows, LUTs, photometric), the pixel spacing of `axes`.
Image planeImage(const Volume& volume, int width, int height, const PlaneAxes& axes);
// Plane `index` as an image / a label map (samples copied, nothing interpolated). The pixel spacing
// of the result is the length of the plane's axes.
Image resliceImage(const Volume& volume, Plane plane, int index);
LabelMap resliceLabels(const AnnotationDocument& doc, Plane plane, int index);
// The same from axial maps given by `sliceAt(z)` (null: nothing on slice z), for a volume of
// width x height x depth: e.g. the AI results waiting on some slices.
LabelMap resliceLabels(const std::function<const LabelMap*(int)>& sliceAt, int width, int height, int depth,
                       Plane plane, int index);
// The axial label maps that change when plane `index` becomes `labels`: slice -> its new map.
std::map<int, LabelMap> writePlane(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels);
// The same into `maps`, whose slices stand in for the document's (several planes into one edit).
void writePlaneInto(const AnnotationDocument& doc, Plane plane, int index, const LabelMap& labels,
                    std::map<int, LabelMap>& maps);

// Lengths and areas on a plane in patient space (mm, mm^2), from plane pixel coordinates.
double distanceMm(const PlaneAxes& axes, std::array<double, 2> a, std::array<double, 2> b);
double polygonAreaMm2(const PlaneAxes& axes, const std::vector<std::array<double, 2>>& points);

} // namespace delineo::core
