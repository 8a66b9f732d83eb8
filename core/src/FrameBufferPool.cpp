#include "FrameBufferPool.h"

#include <algorithm>
#include <pthread.h>
#include <sched.h>

namespace delineo::core {

namespace {
constexpr std::size_t kKept = 2; // buffers of evicted frames kept for the next ones
}

FrameBufferPool::FrameBufferPool(std::size_t frameBytes) : frameBytes_(frameBytes) {}

FrameBufferPool::~FrameBufferPool()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (toucher_.joinable())
        toucher_.join();
}

std::vector<std::uint8_t> FrameBufferPool::take()
{
    std::vector<std::uint8_t> buffer;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (ready_.empty())
            return buffer;
        buffer = std::move(ready_.back());
        ready_.pop_back();
    }
    wake_.notify_one();
    return buffer;
}

void FrameBufferPool::give(std::vector<std::uint8_t> buffer)
{
    if (buffer.capacity() < frameBytes_)
        return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_.size() < std::max(kKept, wanted_))
        ready_.push_back(std::move(buffer));
}

bool FrameBufferPool::ready() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return !ready_.empty();
}

std::size_t FrameBufferPool::readyCount() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return ready_.size();
}

void FrameBufferPool::prepare(std::size_t n)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (n == wanted_)
            return;
        wanted_ = n;
        if (n > 0 && !toucher_.joinable())
            toucher_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

void FrameBufferPool::run()
{
    // Only on a core nobody else wants: a seek waiting for the decoder must not share its core
    // with buffers for frames that may never come.
    sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || ready_.size() < wanted_; });
        if (stopping_)
            return;
        lock.unlock();
        std::vector<std::uint8_t> buffer(frameBytes_); // zeroed: every page touched here
        lock.lock();
        if (ready_.size() < wanted_)
            ready_.push_back(std::move(buffer));
    }
}

} // namespace delineo::core
