// libFuzzer's entry point for the target named by DELINEO_FUZZ_TARGET (one executable per target).
#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const delineo::fuzz::Target* t = [] {
        const auto* found = delineo::fuzz::target(DELINEO_FUZZ_TARGET);
        if (!found) {
            std::fprintf(stderr, "no fuzz target %s\n", DELINEO_FUZZ_TARGET);
            std::abort();
        }
        return found;
    }();
    t->run(data, size);
    return 0;
}
