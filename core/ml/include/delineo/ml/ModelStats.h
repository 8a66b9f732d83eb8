#pragma once
#include "delineo/ml/ModelConfig.h"

#include <cstdint>
#include <string>

namespace delineo::ml {

struct ModelStats {
    std::int64_t parameters = 0;
    double forwardGflops = 0;   // one size x size image: 2 x multiply-adds of convolutions and matrix products
    double forwardMs = 0;       // median of `runs` timed forward passes (batch of one, eval mode, no grad)
    double forwardMsP95 = 0;
    // The same passes in the form inference uses (batch norm folded, convolutions fused; see
    // prepareForInference), timed alternately with the plain ones; 0 where it does not apply (CUDA).
    double inferenceMs = 0;
    double inferenceMsP95 = 0;
    std::string device;
};

// Builds the architecture of `config` with fresh weights. FLOPs are counted by LibTorch's profiler
// on one forward pass; times are taken on the preferred device (CUDA if present) after 2 warm-ups.
// On the CPU the plain and the inference form of the same weights run alternately, so that both
// see the same machine.
// runs = 0 counts only parameters and FLOPs.
ModelStats measureModel(const ModelConfig& config, int size, int runs);

} // namespace delineo::ml
