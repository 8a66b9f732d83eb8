#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// UNet (Ronneberger et al.) with bilinear upsampling + convolution instead of transposed
// convolutions: same receptive field, fewer parameters, and no BLAS-bound convT on CPU.
class UNetImpl : public SegmentationNetImpl {
public:
    explicit UNetImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    std::vector<torch::nn::Sequential> down_;
    std::vector<torch::nn::Sequential> up_;
    torch::nn::Conv2d head_{nullptr};
};

} // namespace delineo::ml
