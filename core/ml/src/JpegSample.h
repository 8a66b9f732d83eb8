#pragma once
// Internal: the JPEG samples of packed datasets, encoded by stb_image_write; decoded by
// libjpeg-turbo where the build finds it (Debian's, fuzzed upstream: a damaged or hostile pack is
// refused, never read out of bounds), by stb_image otherwise (a standalone GPU trainer build whose
// machine lacks libjpeg, reading packs it made itself).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineo::ml {

// Decodes a `side` x `side` JPEG into `out` (side * side * channels bytes, rows of interleaved
// channels; 1: grey, 3: RGB, converted as needed). False when the data is damaged, warns of damage,
// or holds another size.
// Appends the JPEG of a `side` x `side` image (rows of interleaved channels, 1 or 3) to `out`.
bool encodeJpegSample(const std::uint8_t* pixels, int side, int channels, int quality, std::vector<std::uint8_t>& out);

bool decodeJpegSample(const std::uint8_t* data, std::size_t size, int side, int channels, std::uint8_t* out);

} // namespace delineo::ml
