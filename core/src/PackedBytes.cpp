#include "delineo/core/PackedBytes.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"

#include <zlib.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace delineo::core {

namespace {

void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

} // namespace

std::vector<std::uint8_t> packBytes(const std::vector<std::uint8_t>& bytes)
{
    z_stream z{};
    // Level 1 with Z_RLE: label maps and quantised confidences are runs; this packs them at
    // several hundred MB/s, where the default strategy is many times slower for little gain.
    if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    std::vector<std::uint8_t> out(deflateBound(&z, uLong(bytes.size())));
    z.next_in = const_cast<Bytef*>(bytes.data());
    z.avail_in = uInt(bytes.size());
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw std::runtime_error("zlib: deflate did not finish");
    out.resize(z.total_out);
    out.shrink_to_fit();
    return out;
}

std::vector<std::uint8_t> unpackBytes(const std::vector<std::uint8_t>& packed, std::size_t size)
{
    std::vector<std::uint8_t> out(size);
    if (size == 0)
        return out;
    uLongf length = uLongf(size);
    if (uncompress(out.data(), &length, packed.data(), uLong(packed.size())) != Z_OK || length != size)
        throw std::runtime_error("packed bytes do not inflate to " + std::to_string(size) + " bytes");
    return out;
}

std::vector<std::uint8_t> encodeLabelRuns(const LabelMap& m)
{
    std::vector<std::uint8_t> out;
    const auto& l = m.labels;
    for (std::size_t i = 0; i < l.size();) {
        std::size_t j = i + 1;
        while (j < l.size() && l[j] == l[i])
            ++j;
        out.push_back(l[i]);
        putVarint(out, j - i);
        i = j;
    }
    return out;
}

namespace {

// Calls run(value, at, length) for each run, in order; false at the first malformed one.
template <typename Run>
bool forEachRun(const std::uint8_t* data, std::size_t size, std::size_t pixels, Run&& run)
{
    std::size_t at = 0, in = 0;
    while (in < size) {
        const std::uint8_t value = data[in++];
        std::uint64_t length = 0;
        for (int shift = 0; in < size; shift += 7) {
            const std::uint8_t b = data[in++];
            length |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80) || shift > 56)
                break;
        }
        if (length == 0 || at + length > pixels)
            return false;
        run(value, at, std::size_t(length));
        at += length;
    }
    return at == pixels;
}

} // namespace

LabelMap decodeLabelRuns(const std::uint8_t* data, std::size_t size, int width, int height)
{
    // The size comes from a store that may be damaged: checked against the runs and the image limit
    // before anything is allocated.
    if (width <= 0 || height <= 0)
        throw ImageError(ErrorCode::Corrupt, "a stored mask has no size (" + std::to_string(width) + "x" +
                                                 std::to_string(height) + ")");
    const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (!forEachRun(data, size, pixels, [](std::uint8_t, std::size_t, std::size_t) {}))
        throw ImageError(ErrorCode::Corrupt, "a stored mask does not fit its size");
    checkedImageBytes("a stored mask", std::uint64_t(height), std::uint64_t(width), 1, 1);
    LabelMap m(width, height);
    const bool whole = forEachRun(data, size, m.labels.size(), [&m](std::uint8_t value, std::size_t at, std::size_t n) {
        std::fill_n(m.labels.begin() + static_cast<std::ptrdiff_t>(at), n, value);
    });
    if (!whole)
        throw ImageError(ErrorCode::Corrupt, "a stored mask does not fit its size");
    return m;
}

bool labelRunsFit(const std::vector<std::uint8_t>& runs, std::size_t pixels)
{
    return forEachRun(runs.data(), runs.size(), pixels, [](std::uint8_t, std::size_t, std::size_t) {});
}

bool labelRunsHaveForeground(const std::vector<std::uint8_t>& runs)
{
    if (runs.empty())
        return false;
    if (runs[0] != 0)
        return true;
    // Runs of equal values are merged, so a second run means a second value, which is not 0.
    std::size_t in = 1;
    while (in < runs.size() && (runs[in] & 0x80))
        ++in;
    return in + 1 < runs.size();
}

} // namespace delineo::core
