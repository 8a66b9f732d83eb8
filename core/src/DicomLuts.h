#pragma once
// Internal: lookup tables stored in segments (PS3.3 C.7.9.2), as ultrasound and some MR colour
// palettes are.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineo::core {

// Expands segmented palette data (discrete, linear and indirect segments) into `entries` values.
// Returns an empty table when the segments are malformed (unknown opcode, a run past the table,
// an indirect reference outside the data or one that refers to itself).
std::vector<std::uint16_t> expandSegmentedLut(const std::uint16_t* data, std::size_t count, std::size_t entries);

} // namespace delineo::core
