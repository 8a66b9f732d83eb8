#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// UNet++ (Zhou et al. 2018): nested, densely connected skip pathways. Node X(i,j) at level i
// takes every earlier node of its level plus the upsampled X(i+1,j-1); the head reads X(0,depth).
class UNetPlusPlusImpl : public SegmentationNetImpl {
public:
    explicit UNetPlusPlusImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    int depth_;
    // nodes_[i][j] is X(i,j); j == 0 is the encoder.
    std::vector<std::vector<torch::nn::Sequential>> nodes_;
    torch::nn::Conv2d head_{nullptr};
};

} // namespace delineo::ml
