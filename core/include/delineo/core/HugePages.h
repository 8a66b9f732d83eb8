#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace delineo::core {

struct Volume;

// Puts the memory of large buffers on 2 MB pages now (Linux 6.1+: MADV_COLLAPSE), so that walks
// across many slices (a true coronal or sagittal plane of an oblique series reads a slanted line
// from each of hundreds of slices) miss the page tables far less. A hint: where the kernel refuses
// (older kernel, transparent huge pages off, memory short) nothing changes. Returns the number of
// 2 MB blocks collapsed. Slow-ish (a copy of the memory): call it from a background job.
std::size_t collapseIntoHugePages(const std::vector<std::pair<const void*, std::size_t>>& buffers);
// The pixels of every slice of `volume`.
std::size_t collapseIntoHugePages(const Volume& volume);

} // namespace delineo::core
