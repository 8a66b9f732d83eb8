#pragma once
#include "delineo/core/Image.h"

#include <array>
#include <string>
#include <vector>

namespace delineo::core {

// Patient-space geometry (LPS, mm) of a stack of slices.
struct Geometry {
    std::array<double, 3> origin{0, 0, 0};         // centre of the first voxel of slice 0
    std::array<double, 3> spacing{1, 1, 1};        // x (columns), y (rows), z (between slices)
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1}; // row, column, slice direction cosines
    bool spacingKnown = false;
    bool sliceSpacingKnown = false;
};

// One or more slices/frames of the same size and pixel type (a DICOM series, a multi-frame file,
// a UW-Madison case-day, an endoscopy frame). Slices are Images, so one slice is a cheap reference.
struct Volume {
    std::vector<Image> slices;
    Geometry geometry;
    std::string seriesUid, description, source;
    // Irregular spacing, gantry tilt, missing slices: reported to the user, never silently fixed.
    std::vector<std::string> warnings;

    int depth() const { return static_cast<int>(slices.size()); }
    int width() const { return slices.empty() ? 0 : slices.front().width; }
    int height() const { return slices.empty() ? 0 : slices.front().height; }
    bool empty() const { return slices.empty(); }
    const Image& slice(int z) const { return slices.at(static_cast<std::size_t>(z)); }
    std::size_t bytes() const;
};

// A volume of one slice, for 2D images.
Volume volumeFromImage(Image image);

} // namespace delineo::core
