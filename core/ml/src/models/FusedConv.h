#pragma once
// The inference form of Conv2d [+ BatchNorm2d] [+ ReLU] on the CPU: batch norm folded into the
// weights and bias, the weights reordered once into the layout oneDNN's kernel wants, and the ReLU
// and the sum of a split convolution done by the convolution itself (oneDNN post-ops).
#include <torch/torch.h>

#include <memory>
#include <vector>

namespace delineo::ml {

class FusedConvImpl : public torch::nn::Module {
public:
    FusedConvImpl(const torch::nn::Conv2dImpl& conv, const torch::nn::BatchNorm2dImpl* bn, bool relu);
    ~FusedConvImpl() override;

    // Same layout out as in: a blocked (mkldnn) input gives a blocked output, a dense one a dense one.
    torch::Tensor forward(const torch::Tensor& x);
    // conv(cat(parts, 1)) without building the concatenation: each part against its slice of the
    // weight, accumulated in the output. The result is blocked.
    torch::Tensor forwardParts(const std::vector<torch::Tensor>& parts);

    // True when the oneDNN kernels are called directly (ideep headers at build time); otherwise
    // LibTorch's own operators run the folded weights.
    static bool fusesInOneDnn();

private:
    struct Kernels;
    torch::Tensor weight_, bias_; // folded, dense
    std::vector<int64_t> stride_, padding_, dilation_;
    bool relu_;
    std::unique_ptr<Kernels> kernels_;
};
TORCH_MODULE(FusedConv);

// Rewrites every Conv2d [+ BatchNorm2d] [+ ReLU] run inside the net's Sequentials into a FusedConv,
// for inference on the CPU. The net's parameters stay as they are (the rewritten entries are copies),
// so only call it on a net that is no longer trained. Returns the number of convolutions fused.
int prepareForInference(torch::nn::Module& net);

} // namespace delineo::ml
