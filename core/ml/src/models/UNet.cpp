#include "UNet.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

UNetImpl::UNetImpl(const ModelConfig& c)
{
    const int b = c.baseWidth, depth = c.depth;
    // Encoder widths b, 2b, ..., the deepest halved because bilinear up keeps channels.
    const std::vector<int> w = levelWidths(b, depth);
    down_.push_back(register_module("inc", doubleConv(c.inChannels, w[0])));
    for (int i = 1; i <= depth; ++i) {
        const int out = (i == depth) ? w[i] / 2 : w[i];
        down_.push_back(register_module("down" + std::to_string(i), doubleConv(w[i - 1], out)));
    }
    for (int i = depth; i >= 1; --i) {
        const int in = w[i];                        // skip (w[i-1]) + upsampled (w[i-1])
        const int out = (i == 1) ? w[0] : w[i - 1] / 2;
        up_.push_back(register_module("up" + std::to_string(depth - i + 1), doubleConv(in, out, in / 2)));
    }
    head_ = register_module("head", torch::nn::Conv2d(torch::nn::Conv2dOptions(w[0], c.outChannels(), 1)));
}

torch::Tensor UNetImpl::forward(torch::Tensor x)
{
    // On the CPU everything but the upsampling stays in oneDNN's blocked layout.
    std::vector<torch::Tensor> skips;
    x = down_[0]->forward(toBlocked(x));
    for (size_t i = 1; i < down_.size(); ++i) {
        skips.push_back(x);
        x = down_[i]->forward(F::max_pool2d(x, F::MaxPool2dFuncOptions(2)));
    }
    for (auto& up : up_) {
        torch::Tensor skip = skips.back();
        skips.pop_back();
        x = forwardConcatenated(up, {skip, resizeTo(toDense(x), skip.size(2), skip.size(3))});
    }
    return toDense(head_->forward(x));
}

} // namespace delineo::ml
