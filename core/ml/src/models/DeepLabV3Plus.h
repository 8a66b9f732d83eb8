#pragma once
#include "../SegmentationNet.h"
#include "Blocks.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

// Residual basic block (two 3x3 convs) with a projected shortcut when the shape changes.
class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(int in, int out, int stride, int dilation);
    torch::Tensor forward(torch::Tensor x);

private:
    torch::nn::Sequential body_{nullptr}, shortcut_{nullptr};
};
TORCH_MODULE(ResidualBlock);

// Atrous spatial pyramid pooling: 1x1, three dilated 3x3 (rates 6, 12, 18 at output stride 16)
// and image-level pooling, concatenated and projected.
class AsppImpl : public torch::nn::Module {
public:
    AsppImpl(int in, int out);
    torch::Tensor forward(const torch::Tensor& x);

private:
    std::vector<torch::nn::Sequential> branches_;
    torch::nn::Sequential pooling_{nullptr}, project_{nullptr};
};
TORCH_MODULE(Aspp);

// DeepLabV3+ (Chen et al. 2018) on a residual encoder trained from scratch: output stride 16
// (the last stage dilated instead of strided), ASPP, and a decoder that joins the stride-4 features.
// `depth` sets the residual blocks per stage (depth / 2, at least 1).
class DeepLabV3PlusImpl : public SegmentationNetImpl {
public:
    explicit DeepLabV3PlusImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x) override;

private:
    torch::nn::Sequential stem_{nullptr}, low_{nullptr}, encoder_{nullptr}, reduceLow_{nullptr}, decoder_{nullptr};
    Aspp aspp_{nullptr};
    torch::nn::Conv2d head_{nullptr};
};

} // namespace delineo::ml
