#include "DeepLabV3Plus.h"

namespace delineo::ml {

namespace F = torch::nn::functional;
using namespace torch::nn;

ResidualBlockImpl::ResidualBlockImpl(int in, int out, int stride, int dilation)
{
    body_ = register_module(
        "body", Sequential(Conv2d(Conv2dOptions(in, out, 3).stride(stride).padding(dilation).dilation(dilation).bias(false)),
                           BatchNorm2d(out), ReLU(ReLUOptions().inplace(true)),
                           Conv2d(Conv2dOptions(out, out, 3).padding(dilation).dilation(dilation).bias(false)),
                           BatchNorm2d(out)));
    if (in != out || stride != 1)
        shortcut_ = register_module(
            "shortcut", Sequential(Conv2d(Conv2dOptions(in, out, 1).stride(stride).bias(false)), BatchNorm2d(out)));
}

torch::Tensor ResidualBlockImpl::forward(torch::Tensor x)
{
    auto identity = shortcut_ ? shortcut_->forward(x) : x;
    return torch::relu(body_->forward(x) + identity);
}

AsppImpl::AsppImpl(int in, int out)
{
    branches_.push_back(register_module("b0", convBnRelu(in, out, 1)));
    int n = 1;
    for (int rate : {6, 12, 18})
        branches_.push_back(register_module("b" + std::to_string(n++), convBnRelu(in, out, 3, 1, rate)));
    // No batch norm on the pooled branch: it is 1x1 and may see a batch of one.
    pooling_ = register_module("pool", Sequential(Conv2d(Conv2dOptions(in, out, 1)), ReLU(ReLUOptions().inplace(true))));
    project_ = register_module("project", convBnRelu(5 * out, out, 1));
}

torch::Tensor AsppImpl::forward(const torch::Tensor& x)
{
    std::vector<torch::Tensor> parts;
    for (auto& b : branches_)
        parts.push_back(b->forward(x));
    auto pooled = pooling_->forward(F::adaptive_avg_pool2d(x, F::AdaptiveAvgPool2dFuncOptions(1)));
    parts.push_back(toDense(pooled).expand({-1, -1, x.size(2), x.size(3)}).contiguous());
    return forwardConcatenated(project_, parts);
}

namespace {

Sequential stage(int in, int out, int blocks, int stride, int dilation)
{
    Sequential s;
    for (int i = 0; i < blocks; ++i)
        s->push_back(ResidualBlock(i == 0 ? in : out, out, i == 0 ? stride : 1, dilation));
    return s;
}

} // namespace

DeepLabV3PlusImpl::DeepLabV3PlusImpl(const ModelConfig& c)
{
    const int b = c.baseWidth, blocks = std::max(1, c.depth / 2);
    const int lowWidth = 2 * b, deep = 8 * b, lowReduced = std::max(8, 3 * b);
    stem_ = register_module("stem", chain({convBnRelu(c.inChannels, b, 3, 2), convBnRelu(b, b)}));   // /2
    low_ = register_module("layer1", stage(b, lowWidth, blocks, 2, 1));                                  // /4
    encoder_ = register_module("encoder", chain({stage(lowWidth, 4 * b, blocks, 2, 1),                   // /8
                                                 stage(4 * b, deep, blocks, 2, 1),                       // /16
                                                 stage(deep, deep, blocks, 1, 2)}));                     // /16, dilated
    aspp_ = register_module("aspp", Aspp(deep, deep));
    reduceLow_ = register_module("reduce_low", convBnRelu(lowWidth, lowReduced, 1));
    decoder_ = register_module("decoder", chain({convBnRelu(deep + lowReduced, deep), convBnRelu(deep, deep)}));
    head_ = register_module("head", Conv2d(Conv2dOptions(deep, c.outChannels(), 1)));
}

torch::Tensor DeepLabV3PlusImpl::forward(torch::Tensor x)
{
    const auto h = x.size(2), w = x.size(3);
    // Inference runs in oneDNN's blocked layout on the CPU (see UNet); training stays dense.
    const auto low = low_->forward(stem_->forward(is_training() ? x : toBlocked(x)));
    const auto context = aspp_->forward(encoder_->forward(low));
    auto y = forwardConcatenated(decoder_, {resizeLike(toDense(context), low), reduceLow_->forward(low)});
    return toDense(resizeTo(head_->forward(y), h, w));
}

} // namespace delineo::ml
