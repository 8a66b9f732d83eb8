#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace delineo::core {

// Pixel buffers for a video's frame cache, ready before the frames arrive. A fresh 1080p buffer
// costs ~20 ms of page faults on a virtual machine and a touched one 0.3 ms to fill, so while the
// cache still grows, a thread of its own touches the next few buffers beside the decoder, off the
// thread that shows the frames; buffers of frames pushed out of a full cache are kept for reuse.
class FrameBufferPool {
public:
    explicit FrameBufferPool(std::size_t frameBytes);
    ~FrameBufferPool();
    FrameBufferPool(const FrameBufferPool&) = delete;
    FrameBufferPool& operator=(const FrameBufferPool&) = delete;

    // A buffer of at least frameBytes, touched; empty when none is ready.
    std::vector<std::uint8_t> take();
    // Keeps a frame's buffer for reuse, up to a few.
    void give(std::vector<std::uint8_t> buffer);
    bool ready() const;
    // Keeps up to `n` buffers ready from now on (0: only what give() brings).
    void prepare(std::size_t n);

private:
    struct State;
    std::shared_ptr<State> state_; // shared with the thread, which may outlive the pool (see ~FrameBufferPool)
};

} // namespace delineo::core
