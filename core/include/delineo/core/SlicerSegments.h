#pragma once
// 3D Slicer's segmentation fields (a .seg.nrrd's SegmentN_Name, _Color, _LabelValue, _Layer…): read
// so that a Slicer segmentation opens with its names, colours and overlapping segments, and written
// so that Slicer opens Delineo's labels as named segments.
#include "delineo/core/Volume.h"
#include "delineo/core/Workspace.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace delineo::core {

struct SlicerSegment {
    WorkspaceClass cls; // name and colour; cls.label is the segment's LabelValue in its layer
    int layer = 0;      // the component of the file that holds it
};

// The segments a header describes, in their order (empty for a file that is not a segmentation).
std::vector<SlicerSegment> slicerSegments(const std::map<std::string, std::string>& header);

// One label map per slice from a segmentation's layers ([layer][slice], as readItkLabelLayers gives
// them). Each segment keeps its label value unless segments of different layers share one, then
// segments take the labels 1, 2… in their order. A voxel in more than one segment takes the last
// layer's and is counted in `overlapping`. `classes` receives the segments as classes of the
// labels they were given. Throws ImageError(UnsupportedFormat) past 255 labels.
std::vector<LabelMap> flattenSegmentLayers(std::vector<std::vector<LabelMap>> layers,
                                           const std::vector<SlicerSegment>& segments,
                                           std::vector<WorkspaceClass>& classes, std::size_t& overlapping);

// The header fields that make a 3D NRRD of `slices` a Slicer segmentation of one layer: a segment
// for each class (its extent in voxels, empty when it has none) and for each unnamed label.
std::map<std::string, std::string> slicerSegmentFields(const std::vector<LabelMap>& slices,
                                                       const std::vector<WorkspaceClass>& classes);

} // namespace delineo::core
