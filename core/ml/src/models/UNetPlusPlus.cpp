#include "UNetPlusPlus.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

UNetPlusPlusImpl::UNetPlusPlusImpl(const ModelConfig& c) : depth_(c.depth)
{
    const std::vector<int> w = levelWidths(c.baseWidth, depth_);
    nodes_.resize(static_cast<std::size_t>(depth_) + 1);
    for (int i = 0; i <= depth_; ++i) {
        for (int j = 0; i + j <= depth_; ++j) {
            const int in = j == 0 ? (i == 0 ? c.inChannels : w[i - 1]) : j * w[i] + w[i + 1];
            nodes_[i].push_back(
                register_module("x" + std::to_string(i) + "_" + std::to_string(j), doubleConv(in, w[i])));
        }
    }
    head_ = register_module("head", torch::nn::Conv2d(torch::nn::Conv2dOptions(w[0], c.outChannels(), 1)));
}

torch::Tensor UNetPlusPlusImpl::forward(torch::Tensor x)
{
    std::vector<std::vector<torch::Tensor>> out(static_cast<std::size_t>(depth_) + 1);
    if (!is_training()) // inference in oneDNN's blocked layout on the CPU (see UNet)
        x = toBlocked(x);
    for (int i = 0; i <= depth_; ++i) {
        x = nodes_[i][0]->forward(i == 0 ? x : F::max_pool2d(x, F::MaxPool2dFuncOptions(2)));
        out[i].push_back(x);
    }
    // Fill the nested nodes diagonal by diagonal so each one's inputs exist.
    for (int j = 1; j <= depth_; ++j) {
        for (int i = 0; i + j <= depth_; ++i) {
            std::vector<torch::Tensor> inputs(out[i].begin(), out[i].begin() + j);
            inputs.push_back(resizeLike(toDense(out[i + 1][j - 1]), out[i][0]));
            out[i].push_back(forwardConcatenated(nodes_[i][j], inputs));
        }
    }
    return toDense(head_->forward(out[0][depth_]));
}

} // namespace delineo::ml
