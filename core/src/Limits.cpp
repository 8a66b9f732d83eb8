#include "delineo/core/Limits.h"
#include "delineo/core/Errors.h"

#include <cstdlib>
#include <limits>

namespace delineo::core {

std::size_t maxImageBytes()
{
    std::size_t mb = 2048;
    if (const char* env = std::getenv("DELINEO_MAX_IMAGE_MB")) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(env, &end, 10);
        if (end != env && v > 0 && v < (1ull << 40))
            mb = static_cast<std::size_t>(v);
    }
    return mb << 20;
}

std::size_t checkedImageBytes(const std::string& file, std::uint64_t rows, std::uint64_t columns, std::uint64_t samples,
                              std::uint64_t bytesPerSample, std::uint64_t frames)
{
    if (rows == 0 || columns == 0 || samples == 0 || bytesPerSample == 0 || frames == 0)
        throw ImageError(ErrorCode::Corrupt, file + ": the header gives an empty image size");
    const std::uint64_t limit = maxImageBytes();
    std::uint64_t total = 1;
    for (const std::uint64_t factor : {rows, columns, samples, bytesPerSample, frames}) {
        if (total > limit / factor) // also catches what would overflow 64 bits
            throw ImageError(ErrorCode::TooLarge,
                             file + ": the header gives " + std::to_string(columns) + " x " + std::to_string(rows) +
                                 " pixels x " + std::to_string(frames) + " frames, over the " +
                                 std::to_string(limit >> 20) + " MB limit (DELINEO_MAX_IMAGE_MB)");
        total *= factor;
    }
    return static_cast<std::size_t>(total);
}

} // namespace delineo::core
