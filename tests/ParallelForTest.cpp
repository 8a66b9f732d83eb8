#include "delineo/core/ParallelFor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using delineo::core::parallelFor;

namespace {

// Every index once, whoever runs it.
void expectEachOnce(std::size_t n, int threads)
{
    std::vector<std::atomic<int>> seen(n);
    parallelFor(n, threads, [&](std::size_t i) { ++seen[i]; });
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_EQ(seen[i].load(), 1) << "index " << i << " of " << n << ", " << threads << " threads";
}

} // namespace

// The helper threads are kept between calls: many calls in a row, of every size, each index once.
TEST(ParallelFor, ManyCallsInARowRunEachIndexOnce)
{
    for (int round = 0; round < 300; ++round)
        expectEachOnce(std::size_t(round % 37), 1 + round % 5);
    expectEachOnce(100000, 0);
}

// A body that calls parallelFor itself, and calls from several threads at once, do not wait on the
// helpers another call holds: they run on threads of their own.
TEST(ParallelFor, NestedAndConcurrentCallsFinish)
{
    std::atomic<long> sum{0};
    parallelFor(8, 0, [&](std::size_t i) { parallelFor(100, 3, [&](std::size_t j) { sum += long(i * 100 + j); }); });
    EXPECT_EQ(sum.load(), 799L * 800 / 2);
    std::vector<std::thread> callers;
    std::atomic<long> total{0};
    for (int t = 0; t < 4; ++t)
        callers.emplace_back([&] {
            for (int k = 0; k < 50; ++k)
                parallelFor(64, 2, [&](std::size_t) { ++total; });
        });
    for (auto& t : callers)
        t.join();
    EXPECT_EQ(total.load(), 4L * 50 * 64);
}

// The first exception is rethrown on the caller, a thrown progress callback too, and the next
// call still runs (the helpers were let go).
TEST(ParallelFor, ExceptionsReachTheCallerAndTheHelpersStayUsable)
{
    EXPECT_THROW(parallelFor(1000, 2, [](std::size_t i) {
                     if (i == 500)
                         throw std::runtime_error("body");
                 }),
                 std::runtime_error);
    // afterEach runs on the caller's indices only: the helper waits until the caller has taken one.
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> callerRan{false};
    const auto body = [&](std::size_t) {
        if (std::this_thread::get_id() == caller)
            callerRan = true;
        while (!callerRan)
            std::this_thread::sleep_for(std::chrono::microseconds(50));
    };
    EXPECT_THROW(parallelFor(
                     100, 2, body, nullptr,
                     [](std::size_t done) {
                         if (done > 0)
                             throw std::runtime_error("progress");
                     }),
                 std::runtime_error);
    std::atomic<bool> cancel{true};
    std::atomic<int> ran{0};
    parallelFor(1000, 2, [&](std::size_t) { ++ran; }, &cancel);
    EXPECT_EQ(ran.load(), 0) << "cancelled before the first index";
    expectEachOnce(5000, 2);
}
