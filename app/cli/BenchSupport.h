#pragma once
// Internal: what the training benchmarks share: the model set-up and epoch rates from epoch ends.
#include "CliArgs.h"

#include "delineo/ml/ModelConfig.h"

#include <chrono>
#include <cstddef>
#include <vector>

namespace delineo::cli {

using BenchClock = std::chrono::steady_clock;

// --train ARCH (or unet), --base, --depth, --size, with ImageNet normalisation.
ml::ModelConfig benchModelConfig(const CliArgs& args);

struct EpochRates {
    double median = 0, low = 0, high = 0;   // images/s
    std::size_t epochs = 0;
};
// Images/s of each epoch after the first (the warm-up), from the time each epoch ended; `ends`
// starts with the time training was started.
EpochRates epochRates(const std::vector<BenchClock::time_point>& ends, std::size_t imagesPerEpoch);

int benchFineTune(const CliArgs& args);

} // namespace delineo::cli
