#pragma once
#include <cstddef>
#include <cstdint>

namespace delineo::ml {

// Keeps the large CPU tensor blocks that training and inference free and hands them back on the next
// request of the same size. glibc gives every block over 32 MB back to the kernel on free, and blocks
// of a few MB come back as fresh pages too, so each training step or forward pass page-faulted and
// zeroed its activations again: a third of a training step on two cores, over half of a UNet forward.
// Large blocks are also backed by transparent huge pages where the kernel offers them (madvise mode).
namespace CpuTensorCache {

struct Stats {
    std::size_t cachedBytes = 0; // free blocks held for reuse
    std::size_t liveBytes = 0;   // large blocks in use
    std::uint64_t hits = 0;      // large requests served from the cache
    std::uint64_t misses = 0;    // large requests that went to the system
};

// While a Scope lives (a training run, a command-line run), freed large blocks are kept for reuse, up to
// the largest cap of the open scopes; blocks of sizes no longer asked for make room for new ones.
// When the last scope ends they are freed, and from then on large blocks go straight back to the
// system again. The first Scope makes the cache LibTorch's CPU allocator for the rest of the process.
class Scope {
public:
    Scope(); // a training run's cap: a quarter of the memory, 1 to 16 GB
    explicit Scope(std::size_t limit);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    std::size_t limit_;
};
// The cap for repeated forward passes (delineo-cli): a sixteenth of the memory, 256 MB to 1 GB (a
// batch-1 UNet at 256x256 reuses about 30 MB, a batch of 8 tiles about 270 MB).
std::size_t inferenceLimit();
// Caps the cached bytes below every scope's own cap (tests; memory pressure).
void setLimit(std::size_t bytes);
Stats stats();
// Requests at least this large are cached; smaller ones use plain aligned malloc.
constexpr std::size_t kMinCachedBytes = std::size_t(1) << 20;

} // namespace CpuTensorCache

} // namespace delineo::ml
