#include "DicomLuts.h"

#include <cmath>

namespace delineo::core {

namespace {

// Appends the segments in data[begin, end); `depth` bounds indirect segments that point at others.
bool expand(const std::uint16_t* data, std::size_t count, std::size_t begin, std::size_t end, std::size_t entries,
            int depth, std::vector<std::uint16_t>& out)
{
    std::size_t i = begin;
    while (i + 1 < end) {
        const std::uint16_t opcode = data[i];
        const std::size_t length = data[i + 1];
        if (out.size() + (opcode == 2 ? 0 : length) > entries)
            return false;
        if (opcode == 0) { // discrete: `length` values follow
            if (i + 2 + length > end)
                return false;
            out.insert(out.end(), data + i + 2, data + i + 2 + length);
            i += 2 + length;
        } else if (opcode == 1) { // linear: from the last value to the next one over `length` entries
            if (out.empty() || i + 2 >= end)
                return false;
            const double y0 = out.back(), y1 = data[i + 2];
            for (std::size_t k = 1; k <= length; ++k)
                out.push_back(static_cast<std::uint16_t>(std::lround(y0 + (y1 - y0) * static_cast<double>(k) / length)));
            i += 3;
        } else if (opcode == 2) { // indirect: repeat `length` segments found at a 32-bit word offset
            if (depth > 0 || i + 3 >= end)
                return false;
            const std::size_t offset = data[i + 2] | (static_cast<std::size_t>(data[i + 3]) << 16);
            if (offset >= count)
                return false;
            std::size_t j = offset;
            for (std::size_t s = 0; s < length && j + 1 < count; ++s) {
                const std::size_t segmentEnd =
                    data[j] == 0 ? j + 2 + data[j + 1] : (data[j] == 1 ? j + 3 : count + 1);
                if (segmentEnd > count || !expand(data, count, j, segmentEnd, entries, depth + 1, out))
                    return false;
                j = segmentEnd;
            }
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<std::uint16_t> expandSegmentedLut(const std::uint16_t* data, std::size_t count, std::size_t entries)
{
    std::vector<std::uint16_t> out;
    out.reserve(entries);
    if (!data || !expand(data, count, 0, count, entries, 0, out) || out.empty())
        return {};
    // A table shorter than its descriptor repeats its last entry (as a viewer clamps).
    out.resize(entries, out.back());
    return out;
}

} // namespace delineo::core
