#pragma once
#include "delineo/core/RegionStats.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/Workspace.h"

namespace delineo::core {

class Volume;

// What a kept measurement (a ruler or an outline, in voxel coordinates) reads on its image: the
// plane it lies in (axial, coronal or sagittal, through the voxels or, for an oblique series, along
// the patient as the views may cut it) and its length in mm or area in mm², measured as the
// window measures on that plane (patient space, uneven slices where they lie).
struct MeasurementFigure {
    bool found = false;   // false: its points lie in none of those planes
    Plane plane = Plane::Axial;
    int index = 0;        // the plane's number, from 0
    bool alongPatient = false;
    double value = 0;     // mm, or mm² for an outline
    RegionStats values;   // an outline's pixels on that plane, as the views read them (pixels 0: none)
};
// With `values`, an outline's values too (its plane resampled: the volume's pixels must be there),
// on grey images only: a colour frame's red channel would read as a figure it is not.
MeasurementFigure measurementFigure(const Volume& volume, const Measurement& m, bool values = false);

} // namespace delineo::core
