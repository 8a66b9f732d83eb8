#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineo::core {

// Byte buffers kept deflated (zlib, run-length strategy) while nobody looks at them: the AI result
// of a 1080p frame is 2 MB of labels in long runs, a few KB packed, so a whole procedure's results fit.
std::vector<std::uint8_t> packBytes(const std::vector<std::uint8_t>& bytes);
// Throws std::runtime_error when `packed` does not inflate to exactly `size` bytes.
std::vector<std::uint8_t> unpackBytes(const std::vector<std::uint8_t>& packed, std::size_t size);

} // namespace delineo::core
