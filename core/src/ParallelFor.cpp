#include "delineo/core/ParallelFor.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace delineo::core {

namespace {

// Helper threads kept between calls: a plane resampled at every crosshair move is a few hundred
// microseconds of work, and starting and joining a thread costs about 80 µs of it (a wake-up, a
// few). One call holds them at a time; a call made meanwhile (from another thread, or from inside
// a body) starts threads of its own as before.
class Helpers
{
public:
    static Helpers& instance()
    {
        static Helpers helpers;
        return helpers;
    }

    // Runs `job` on `count` helpers while the caller runs `own`; returns once every helper that
    // started it is done. False (nothing run) when another call holds the helpers.
    bool run(int count, const std::function<void()>& job, const std::function<void()>& own)
    {
        if (count > kMost || held_.exchange(true))
            return false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            while (int(threads_.size()) < count)
                threads_.emplace_back([this] { serve(); });
            job_ = &job;
            wanted_ = count;
            started_ = 0;
            ++generation_;
        }
        wake_.notify_all();
        std::exception_ptr thrown; // from the caller's progress callback: the helpers are waited for first
        try {
            own();
        } catch (...) {
            thrown = std::current_exception();
        }
        {
            // Helpers not yet awake are not waited for: the caller's loop has taken the work.
            std::unique_lock<std::mutex> lock(mutex_);
            wanted_ = started_;
            done_.wait(lock, [this] { return running_ == 0; });
            job_ = nullptr;
        }
        held_ = false;
        if (thrown)
            std::rethrow_exception(thrown);
        return true;
    }

    ~Helpers()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_)
            t.join();
    }

private:
    static constexpr int kMost = 64;

    void serve()
    {
        std::uint64_t seen = 0;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return stop_ || (generation_ != seen && started_ < wanted_); });
            if (stop_)
                return;
            seen = generation_;
            ++started_;
            ++running_;
            const std::function<void()>* job = job_;
            lock.unlock();
            (*job)();
            lock.lock();
            if (--running_ == 0)
                done_.notify_all();
        }
    }

    std::atomic<bool> held_{false};
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::vector<std::thread> threads_;
    const std::function<void()>* job_ = nullptr;
    std::uint64_t generation_ = 0;
    int wanted_ = 0, started_ = 0, running_ = 0;
    bool stop_ = false;
};

} // namespace

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& body,
                 const std::atomic<bool>* cancel, const std::function<void(std::size_t)>& afterEach)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, n)));
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex mutex;
    auto worker = [&](bool caller) {
        for (std::size_t i; (i = next++) < n;) {
            if ((cancel && cancel->load()) || failed)
                return;
            try {
                body(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!error)
                    error = std::current_exception();
                failed = true;
            }
            const std::size_t d = ++done;
            if (caller && afterEach)
                afterEach(d);
        }
    };
    if (threads <= 1) {
        worker(true);
    } else if (!Helpers::instance().run(threads - 1, [&] { worker(false); }, [&] { worker(true); })) {
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(worker, false);
        worker(true);
        for (auto& t : pool)
            t.join();
    }
    if (error)
        std::rethrow_exception(error);
}

} // namespace delineo::core
