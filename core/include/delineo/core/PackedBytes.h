#pragma once
#include "delineo/core/Image.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineo::core {

// Byte buffers kept deflated (zlib, run-length strategy) while nobody looks at them: the AI result
// of a 1080p frame is 2 MB of labels in long runs, a few KB packed, so a whole procedure's results fit.
std::vector<std::uint8_t> packBytes(const std::vector<std::uint8_t>& bytes);
// Throws std::runtime_error when `packed` does not inflate to exactly `size` bytes.
std::vector<std::uint8_t> unpackBytes(const std::vector<std::uint8_t>& packed, std::size_t size);

// Run-length code of a label map (value, varint length pairs): how the workspace stores masks and
// how an unshown slice keeps its map; one pass each way.
std::vector<std::uint8_t> encodeLabelRuns(const LabelMap& labels);
LabelMap decodeLabelRuns(const std::uint8_t* data, std::size_t size, int width, int height); // ImageError
bool labelRunsHaveForeground(const std::vector<std::uint8_t>& runs);
bool labelRunsFit(const std::vector<std::uint8_t>& runs, std::size_t pixels); // whole, none empty, none over

} // namespace delineo::core
