#pragma once
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>

namespace delineo::core {

// Runs body(i) for i in [0, n) on `threads` threads (0 = all cores), the caller being one of them.
// Stops early on cancel or on the first exception, which is rethrown. afterEach(done) runs on the
// calling thread only, so progress callbacks never run concurrently.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& body,
                 const std::atomic<bool>* cancel = nullptr, const std::function<void(std::size_t)>& afterEach = nullptr);

} // namespace delineo::core
