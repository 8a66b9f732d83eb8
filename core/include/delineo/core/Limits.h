#pragma once
#include <cmath>
#include <cstdint>
#include <cstddef>
#include <string>

namespace delineo::core {

// The most bytes one decoded image or volume may take: DELINEO_MAX_IMAGE_MB (default 2048). Loaders
// check sizes read from headers against it (and against the file's real size where the data is
// stored uncompressed) before allocating anything.
std::size_t maxImageBytes();

// rows x columns x samples x bytes per sample x frames, with overflow checks. Throws
// ImageError(Corrupt) naming `file` for a size that is not positive, ImageError(TooLarge) for one
// over maxImageBytes().
std::size_t checkedImageBytes(const std::string& file, std::uint64_t rows, std::uint64_t columns, std::uint64_t samples,
                              std::uint64_t bytesPerSample, std::uint64_t frames = 1);

// A spacing, offset, position or matrix entry in millimetres read from a header: finite and within
// a kilometre ("NaN" or 1e300 in a damaged file is not; huge values also overflow to NaN in the
// differences that order slices).
inline bool plausible(double v) { return std::isfinite(v) && std::abs(v) <= 1e6; }

} // namespace delineo::core
