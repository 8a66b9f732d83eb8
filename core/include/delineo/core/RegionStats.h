#pragma once
#include "delineo/core/Image.h"

#include <array>
#include <cstddef>
#include <vector>

namespace delineo::core {

// The values inside a closed outline drawn on a plane, as a reading station reports a region of
// interest (mean HU of a lesion): every pixel whose centre the outline encloses.
struct RegionStats {
    std::size_t pixels = 0;
    double mean = 0, sd = 0, min = 0, max = 0; // sd: of the pixels themselves (population)
};

// `outline` in pixel coordinates of `image` (pixel centres at k + 0.5); the first channel of a
// colour image. No pixels (an outline thinner than one pixel, or off the image): pixels 0.
RegionStats regionStats(const Image& image, const std::vector<std::array<double, 2>>& outline);

} // namespace delineo::core
