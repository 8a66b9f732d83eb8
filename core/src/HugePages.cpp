#include "delineo/core/HugePages.h"
#include "delineo/core/Volume.h"

#include <cstdint>
#include <set>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace delineo::core {

std::size_t collapseIntoHugePages(const std::vector<std::pair<const void*, std::size_t>>& buffers)
{
#if defined(__linux__)
#ifndef MADV_COLLAPSE
    constexpr int MADV_COLLAPSE = 25; // Linux 6.1; older headers lack the name
#endif
    constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
    // Every 2 MB block a buffer touches, once (a slice of 512 KB shares its block with others);
    // the whole block is collapsed, whatever else lives in it: the pages move, their contents not.
    std::set<std::uintptr_t> blocks;
    for (const auto& [data, bytes] : buffers) {
        if (!data || bytes == 0)
            continue;
        const auto begin = reinterpret_cast<std::uintptr_t>(data);
        for (std::uintptr_t b = begin & ~(kHuge - 1); b < begin + bytes; b += kHuge)
            blocks.insert(b);
    }
    std::size_t collapsed = 0;
    for (std::uintptr_t b : blocks)
        if (madvise(reinterpret_cast<void*>(b), kHuge, MADV_COLLAPSE) == 0) // partly unmapped, or refused: left as is
            ++collapsed;
    return collapsed;
#else
    (void)buffers;
    return 0;
#endif
}

std::size_t collapseIntoHugePages(const Volume& volume)
{
    std::vector<std::pair<const void*, std::size_t>> buffers;
    buffers.reserve(volume.slices.size());
    for (const Image& s : volume.slices)
        buffers.emplace_back(s.bytes.data(), s.bytes.size());
    return collapseIntoHugePages(buffers);
}

} // namespace delineo::core
