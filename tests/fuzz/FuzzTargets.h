#pragma once
// The fuzz targets: one per entry point that reads outside data. Each runs one input; the fuzz
// executables (FuzzEntry.cpp, one per target) and the regression test (tests/FuzzRegressionTest.cpp,
// replaying tests/data/fuzz-regressions/<target>/) call the same functions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::fuzz {

struct Target {
    std::string name;
    void (*run)(const std::uint8_t* data, std::size_t size);
};

const std::vector<Target>& targets();
const Target* target(const std::string& name);

} // namespace delineo::fuzz
