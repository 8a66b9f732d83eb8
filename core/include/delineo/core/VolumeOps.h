#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/Reslice.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace delineo::core {

class AnnotationDocument;
struct Volume;

// What the Structures panel and `delineo-cli stats` report for one class of a label volume.
struct StructureStats {
    int label = 0;
    std::uint64_t voxels = 0;
    double volumeMl = 0;          // 0 when the spacing is unknown
    bool volumeKnown = false;     // pixel and slice spacing both from the file
    // The voxels times one pixel's area: the figure of an image on its own or of a video's frame
    // (an area, not a volume); none when the pixel spacing is unknown.
    std::optional<double> areaMm2;
    int firstSlice = -1, lastSlice = -1; // 0-based; -1 when the class is absent
    int components = 0;           // 26-connected pieces in 3D
    std::optional<Voxel> centre;  // structureCentre
    // The image's values under the class (after the file's rescale: HU on CT), as 3D Slicer's
    // Segment Statistics gives them; only for grey images with the class present.
    bool valuesKnown = false;
    double mean = 0, sd = 0, min = 0, max = 0; // sd: of the voxels themselves (population)
};

// The volume of one voxel in mm^3 (slice step from the slices' positions, so a tilt is counted).
double voxelVolumeMm3(const Volume& volume);
// One entry per class 1..classes, in order; over slice `slice` alone when it is given (a video's
// frame: its pieces are those of the frame, its volume that of one slice thickness).
std::vector<StructureStats> structureStats(const AnnotationDocument& doc, int classes, int slice = -1);

// Where the views go to show a class (the Structures panel's double-click, as 3D Slicer jumps to
// a segment): the voxel of its largest 26-connected piece nearest that piece's centre in mm, so
// that it lies inside a curved structure too. None when the class is absent.
std::optional<Voxel> structureCentre(const AnnotationDocument& doc, std::uint8_t label);

// 3D mask operations on one class, over the whole volume. Each returns the axial label maps that
// change (slice -> its new map), for one grouped undoable edit.
// Clears 26-connected pieces of the class with fewer than minVoxels voxels.
std::map<int, LabelMap> removeSmallIslands3D(const AnnotationDocument& doc, std::uint8_t label,
                                             std::uint64_t minVoxels);
// Fills background enclosed by the class in 3D (not 6-connected to the outside of its bounding box).
std::map<int, LabelMap> fillHoles3D(const AnnotationDocument& doc, std::uint8_t label, bool overwriteOthers = false);

} // namespace delineo::core
