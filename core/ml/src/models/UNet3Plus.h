#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// UNet 3+ (Huang et al. 2020): full-scale skip connections. Every decoder level gathers all
// encoder levels (max-pooled down or taken as is) and all deeper decoder levels (upsampled), each
// reduced to `base` channels, then fuses them with one conv.
class UNet3PlusImpl : public SegmentationNetImpl {
public:
    explicit UNet3PlusImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    int depth_;
    std::vector<torch::nn::Sequential> encoder_;
    // branches_[i][k]: level k's contribution to decoder level i (i < depth).
    std::vector<std::vector<torch::nn::Sequential>> branches_;
    std::vector<torch::nn::Sequential> fuse_;
    torch::nn::Conv2d head_{nullptr};
};

} // namespace delineo::ml
