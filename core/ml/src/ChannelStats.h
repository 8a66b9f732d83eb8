#pragma once
// Internal: the model's per-channel normalisation as tensors.
#include "delineo/ml/ModelConfig.h"

#include <torch/torch.h>

#include <array>
#include <vector>

namespace delineo::ml {

// The first `channels` values of a config's mean or std as C x 1 x 1, which broadcasts over both
// C x H x W samples and N x C x H x W batches.
inline torch::Tensor channelStats(const std::array<float, 3>& v, int channels)
{
    return torch::tensor(std::vector<float>(v.begin(), v.begin() + channels)).view({-1, 1, 1});
}

// x (values in 0..1, C x H x W or N x C x H x W) normalised as the model expects, contiguous.
inline torch::Tensor normalised(const torch::Tensor& x, const ModelConfig& c)
{
    return ((x - channelStats(c.mean, c.inChannels)) / channelStats(c.std, c.inChannels)).contiguous();
}

} // namespace delineo::ml
