#pragma once
#include "delineo/core/Image.h"
#include <string>

namespace delineo::core {

// Reads a mask image. Binary (numForeground == 1): any value >= 128 is class 1, which reads
// Kvasir's 3-channel JPEG masks and Delineo's own 0/255 PNGs. Multi-class: values are class
// indices. Throws ImageError.
LabelMap loadMask(const std::string& path, int numForeground);

// Writes an 8-bit PNG atomically (temp file, fsync, rename): 0/255 for binary, indices otherwise.
void saveMask(const std::string& path, const LabelMap& labels, int numForeground);

} // namespace delineo::core
