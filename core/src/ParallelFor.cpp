#include "delineo/core/ParallelFor.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace delineo::core {

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
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker, false);
    worker(true);
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace delineo::core
