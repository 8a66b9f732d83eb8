#include "UNet3Plus.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

UNet3PlusImpl::UNet3PlusImpl(const ModelConfig& c) : depth_(c.depth)
{
    const std::vector<int> w = levelWidths(c.baseWidth, depth_);
    const int cat = c.baseWidth, fused = cat * (depth_ + 1);
    for (int i = 0; i <= depth_; ++i)
        encoder_.push_back(register_module("enc" + std::to_string(i), doubleConv(i == 0 ? c.inChannels : w[i - 1], w[i])));
    branches_.resize(static_cast<std::size_t>(depth_));
    fuse_.resize(static_cast<std::size_t>(depth_));
    for (int i = depth_ - 1; i >= 0; --i) {
        for (int k = 0; k <= depth_; ++k) {
            // Deeper decoder levels carry the fused width; the bottleneck and encoder their own.
            const int in = (k > i && k < depth_) ? fused : w[k];
            branches_[i].push_back(register_module("d" + std::to_string(i) + "_from" + std::to_string(k),
                                                   convBnRelu(in, cat)));
        }
        fuse_[i] = register_module("fuse" + std::to_string(i), convBnRelu(fused, fused));
    }
    head_ = register_module("head", torch::nn::Conv2d(torch::nn::Conv2dOptions(fused, c.outChannels(), 1)));
}

torch::Tensor UNet3PlusImpl::forward(torch::Tensor x)
{
    std::vector<torch::Tensor> enc;
    if (!is_training()) // inference in oneDNN's blocked layout on the CPU (see UNet)
        x = toBlocked(x);
    for (int i = 0; i <= depth_; ++i) {
        x = encoder_[i]->forward(i == 0 ? x : F::max_pool2d(x, F::MaxPool2dFuncOptions(2)));
        enc.push_back(x);
    }
    std::vector<torch::Tensor> dec(static_cast<std::size_t>(depth_) + 1);
    dec[depth_] = enc[depth_];
    for (int i = depth_ - 1; i >= 0; --i) {
        const auto h = enc[i].size(2), wd = enc[i].size(3);
        std::vector<torch::Tensor> parts;
        for (int k = 0; k <= depth_; ++k) {
            torch::Tensor src;
            if (k < i)
                src = maxPoolTo(enc[k], h, wd);
            else if (k == i)
                src = enc[k];
            else
                src = resizeTo(dec[k], h, wd);
            parts.push_back(branches_[i][k]->forward(src));
        }
        dec[i] = forwardConcatenated(fuse_[i], parts);
    }
    return toDense(head_->forward(dec[0]));
}

} // namespace delineo::ml
