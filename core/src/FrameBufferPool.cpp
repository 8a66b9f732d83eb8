#include "FrameBufferPool.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <pthread.h>
#include <sched.h>
#include <thread>

namespace delineo::core {

namespace {
constexpr std::size_t kKept = 2; // buffers of evicted frames kept for the next ones
}

struct FrameBufferPool::State {
    explicit State(std::size_t bytes) : frameBytes(bytes) {}
    const std::size_t frameBytes;
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<std::vector<std::uint8_t>> ready;
    std::size_t wanted = 0;
    bool started = false, stopping = false;

    void run()
    {
        // Only on a core nobody else wants: a seek waiting for the decoder must not share its core
        // with buffers for frames that may never come.
        sched_param idle{};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            wake.wait(lock, [this] { return stopping || ready.size() < wanted; });
            if (stopping)
                return;
            lock.unlock();
            std::vector<std::uint8_t> buffer(frameBytes); // zeroed: every page touched here
            lock.lock();
            if (ready.size() < wanted)
                ready.push_back(std::move(buffer));
        }
    }
};

FrameBufferPool::FrameBufferPool(std::size_t frameBytes) : state_(std::make_shared<State>(frameBytes)) {}

FrameBufferPool::~FrameBufferPool()
{
    // Not joined: at idle priority on busy cores the thread may take seconds to finish the buffer
    // it touches, and closing a video must not wait for it. It holds the state and ends by itself.
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->stopping = true;
    }
    state_->wake.notify_all();
}

std::vector<std::uint8_t> FrameBufferPool::take()
{
    std::vector<std::uint8_t> buffer;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        if (state_->ready.empty())
            return buffer;
        buffer = std::move(state_->ready.back());
        state_->ready.pop_back();
    }
    state_->wake.notify_one();
    return buffer;
}

void FrameBufferPool::give(std::vector<std::uint8_t> buffer)
{
    if (buffer.capacity() < state_->frameBytes)
        return;
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->ready.size() < std::max(kKept, state_->wanted))
        state_->ready.push_back(std::move(buffer));
}

bool FrameBufferPool::ready() const
{
    std::lock_guard<std::mutex> lock(state_->mutex);
    return !state_->ready.empty();
}

void FrameBufferPool::prepare(std::size_t n)
{
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        if (n == state_->wanted)
            return;
        state_->wanted = n;
        if (n > 0 && !state_->started) {
            state_->started = true;
            std::thread([state = state_] { state->run(); }).detach();
        }
    }
    state_->wake.notify_one();
}

} // namespace delineo::core
