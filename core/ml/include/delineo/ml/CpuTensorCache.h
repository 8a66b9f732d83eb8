#pragma once
#include <cstddef>
#include <cstdint>

namespace delineo::ml {

// Keeps the large CPU tensor blocks that training frees and hands them back on the next request of
// the same size. glibc gives every block over 32 MB back to the kernel on free, so each training step
// page-faulted and zeroed all its activations again; that cost a third of the step on two cores.
// Large blocks are also backed by transparent huge pages where the kernel offers them (madvise mode).
namespace CpuTensorCache {

struct Stats {
    std::size_t cachedBytes = 0; // free blocks held for reuse
    std::size_t liveBytes = 0;   // large blocks in use
    std::uint64_t hits = 0;      // large requests served from the cache
    std::uint64_t misses = 0;    // large requests that went to the system
};

// While a Scope lives (a training run, whose steps repeat), freed large blocks are kept for reuse;
// when the last one ends they are freed, and from then on large blocks go straight back to the
// system again. The first Scope makes the cache LibTorch's CPU allocator for the rest of the process.
class Scope {
public:
    Scope();
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
};
// Cached bytes are capped; blocks freed beyond the cap go straight back to the system.
void setLimit(std::size_t bytes);
Stats stats();
// Requests at least this large are cached; smaller ones use plain aligned malloc.
constexpr std::size_t kMinCachedBytes = std::size_t(1) << 20;

} // namespace CpuTensorCache

} // namespace delineo::ml
