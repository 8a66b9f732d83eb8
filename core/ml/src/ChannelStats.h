#pragma once
// Internal: the model's per-channel normalisation as tensors.
#include "delineo/ml/ModelConfig.h"

#include <torch/torch.h>

#include <array>
#include <vector>

namespace delineo::ml {

// A config's mean or std for each of its image channels as C x 1 x 1, which broadcasts over both
// C x H x W samples and N x C x H x W batches (2.5D: every slice's channels normalise alike).
inline torch::Tensor channelStats(const std::array<float, 3>& v, const ModelConfig& c)
{
    std::vector<float> out(static_cast<std::size_t>(c.imageChannels()));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = v[i % static_cast<std::size_t>(c.inChannels)];
    return torch::tensor(out).view({-1, 1, 1});
}

// x (values in 0..1, C x H x W or N x C x H x W) normalised as the model expects, contiguous.
inline torch::Tensor normalised(const torch::Tensor& x, const ModelConfig& c)
{
    return ((x - channelStats(c.mean, c)) / channelStats(c.std, c)).contiguous();
}

} // namespace delineo::ml
