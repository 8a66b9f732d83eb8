#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// FCN-8s (Long et al. 2015) on a VGG-like encoder of depth + 1 pooled stages (depth 4: strides
// 2..32 as in VGG-16). Class scores from the deepest features are upsampled and summed with scores
// from the two stages before (strides 16 and 8 for depth 4), then resized to the input.
class FCNImpl : public SegmentationNetImpl {
public:
    explicit FCNImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    std::vector<torch::nn::Sequential> stages_;
    torch::nn::Sequential fc_{nullptr};
    std::vector<torch::nn::Conv2d> scores_; // deepest first
};

} // namespace delineo::ml
