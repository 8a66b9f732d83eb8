#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// Additive attention gate (Oktay et al. 2018): the decoder signal g weighs the skip features x
// by a per-pixel coefficient in [0, 1] before they are concatenated.
class AttentionGateImpl : public torch::nn::Module {
public:
    AttentionGateImpl(int gateChannels, int skipChannels, int interChannels);
    torch::Tensor forward(const torch::Tensor& g, const torch::Tensor& x);

private:
    torch::nn::Sequential wg_{nullptr}, wx_{nullptr}, psi_{nullptr};
};
TORCH_MODULE(AttentionGate);

// Attention U-Net: UNet whose skip connections pass through attention gates.
class AttentionUNetImpl : public SegmentationNetImpl {
public:
    explicit AttentionUNetImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    std::vector<torch::nn::Sequential> down_, upConv_, decode_;
    std::vector<AttentionGate> gates_;
    torch::nn::Conv2d head_{nullptr};
};

} // namespace delineo::ml
