#include "delineo/core/PackedBytes.h"

#include <zlib.h>

#include <stdexcept>
#include <string>

namespace delineo::core {

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

} // namespace delineo::core
