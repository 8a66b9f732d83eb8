#include "AttentionUNet.h"

namespace delineo::ml {

namespace F = torch::nn::functional;
using namespace torch::nn;

AttentionGateImpl::AttentionGateImpl(int gateChannels, int skipChannels, int interChannels)
{
    wg_ = register_module("wg", Sequential(Conv2d(Conv2dOptions(gateChannels, interChannels, 1).bias(false)),
                                           BatchNorm2d(interChannels)));
    wx_ = register_module("wx", Sequential(Conv2d(Conv2dOptions(skipChannels, interChannels, 1).bias(false)),
                                           BatchNorm2d(interChannels)));
    psi_ = register_module("psi", Sequential(Conv2d(Conv2dOptions(interChannels, 1, 1).bias(false)), BatchNorm2d(1),
                                             Sigmoid()));
}

torch::Tensor AttentionGateImpl::forward(const torch::Tensor& g, const torch::Tensor& x)
{
    const auto alpha = psi_->forward(torch::relu(wg_->forward(g) + wx_->forward(x)));
    // Blocked tensors multiply only at equal shapes; alpha has one channel.
    if (x.is_mkldnn())
        return toBlocked(x.to_dense() * alpha.to_dense());
    return x * alpha;
}

AttentionUNetImpl::AttentionUNetImpl(const ModelConfig& c)
{
    const int depth = c.depth;
    const std::vector<int> w = levelWidths(c.baseWidth, depth);
    down_.push_back(register_module("inc", doubleConv(c.inChannels, w[0])));
    for (int i = 1; i <= depth; ++i)
        down_.push_back(register_module("down" + std::to_string(i), doubleConv(w[i - 1], w[i])));
    for (int i = depth; i >= 1; --i) {
        const std::string n = std::to_string(depth - i + 1);
        upConv_.push_back(register_module("upconv" + n, convBnRelu(w[i], w[i - 1])));
        gates_.push_back(register_module("gate" + n, AttentionGate(w[i - 1], w[i - 1], std::max(1, w[i - 1] / 2))));
        decode_.push_back(register_module("up" + n, doubleConv(2 * w[i - 1], w[i - 1])));
    }
    head_ = register_module("head", Conv2d(Conv2dOptions(w[0], c.outChannels(), 1)));
}

torch::Tensor AttentionUNetImpl::forward(torch::Tensor x)
{
    std::vector<torch::Tensor> skips;
    // Inference runs in oneDNN's blocked layout on the CPU (see UNet); training stays dense.
    x = down_[0]->forward(is_training() ? x : toBlocked(x));
    for (std::size_t i = 1; i < down_.size(); ++i) {
        skips.push_back(x);
        x = down_[i]->forward(F::max_pool2d(x, F::MaxPool2dFuncOptions(2)));
    }
    for (std::size_t k = 0; k < decode_.size(); ++k) {
        const torch::Tensor skip = skips.back();
        skips.pop_back();
        const auto g = upConv_[k]->forward(resizeLike(x, skip));
        x = forwardConcatenated(decode_[k], {gates_[k]->forward(g, skip), g});
    }
    return toDense(head_->forward(x));
}

} // namespace delineo::ml
