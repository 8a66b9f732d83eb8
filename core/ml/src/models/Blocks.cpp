#include "Blocks.h"
#include "FusedConv.h"

#include <algorithm>

namespace delineo::ml {

namespace F = torch::nn::functional;
using namespace torch::nn;

Sequential convBnRelu(int in, int out, int kernel, int stride, int dilation)
{
    const int pad = dilation * (kernel - 1) / 2;
    return Sequential(Conv2d(Conv2dOptions(in, out, kernel).stride(stride).padding(pad).dilation(dilation).bias(false)),
                      BatchNorm2d(out), ReLU(ReLUOptions().inplace(true)));
}

Sequential doubleConv(int in, int out, int mid)
{
    if (mid <= 0)
        mid = out;
    return Sequential(Conv2d(Conv2dOptions(in, mid, 3).padding(1).bias(false)), BatchNorm2d(mid),
                      ReLU(ReLUOptions().inplace(true)),
                      Conv2d(Conv2dOptions(mid, out, 3).padding(1).bias(false)), BatchNorm2d(out),
                      ReLU(ReLUOptions().inplace(true)));
}

bool blockedLayoutSuits(const torch::Tensor& x)
{
    return x.is_mkldnn() || (x.device().is_cpu() && x.scalar_type() == torch::kFloat && at::hasMKLDNN());
}

torch::Tensor toBlocked(const torch::Tensor& x)
{
    return x.is_mkldnn() || !blockedLayoutSuits(x) ? x : x.contiguous().to_mkldnn();
}

torch::Tensor toDense(const torch::Tensor& x)
{
    return x.is_mkldnn() ? x.to_dense() : x;
}

torch::Tensor forwardConcatenated(Sequential& block, const std::vector<torch::Tensor>& parts)
{
    const bool blocked = std::any_of(parts.begin(), parts.end(), [](const torch::Tensor& p) { return p.is_mkldnn(); });
    if (!blocked) {
        std::vector<torch::Tensor> dense(parts.begin(), parts.end());
        return block->forward(torch::cat(dense, 1));
    }
    torch::Tensor y;
    if (auto fused = std::dynamic_pointer_cast<FusedConvImpl>(block->ptr(0))) {
        y = fused->forwardParts(parts);
    } else {
        auto& conv = *block->ptr<Conv2dImpl>(0);
        const auto& o = conv.options;
        TORCH_CHECK(o.groups() == 1, "forwardConcatenated needs an ungrouped first convolution");
        // The blocks built here pad to keep the size (convBnRelu, doubleConv).
        const std::vector<int64_t> padding{(*o.dilation())[0] * ((*o.kernel_size())[0] - 1) / 2,
                                           (*o.dilation())[1] * ((*o.kernel_size())[1] - 1) / 2};
        int64_t from = 0;
        for (const auto& part : parts) {
            const auto x = toBlocked(part);
            auto term = torch::conv2d(x, conv.weight.narrow(1, from, x.size(1)).contiguous(),
                                      from == 0 ? conv.bias : torch::Tensor(), *o.stride(), padding, *o.dilation());
            y = from == 0 ? term : y + term;
            from += x.size(1);
        }
    }
    auto it = block->begin();
    for (++it; it != block->end(); ++it)
        y = it->forward(y);
    return y;
}

torch::Tensor maxPoolTo(const torch::Tensor& x, int64_t height, int64_t width)
{
    const int64_t h = x.size(2), w = x.size(3);
    if (h % height == 0 && w % width == 0)
        return F::max_pool2d(x, F::MaxPool2dFuncOptions({h / height, w / width}));
    auto y = F::adaptive_max_pool2d(toDense(x), F::AdaptiveMaxPool2dFuncOptions({height, width}));
    return x.is_mkldnn() ? toBlocked(y) : y;
}

Sequential chain(std::initializer_list<Sequential> parts)
{
    Sequential all;
    for (const auto& p : parts)
        all->extend(*p);
    return all;
}

torch::Tensor resizeTo(const torch::Tensor& x, int64_t height, int64_t width)
{
    if (x.size(2) == height && x.size(3) == width)
        return x;
    if (x.is_mkldnn())
        return toBlocked(resizeTo(x.to_dense(), height, width));
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .size(std::vector<int64_t>{height, width})
                                 .mode(torch::kBilinear)
                                 .align_corners(true));
}

torch::Tensor resizeLike(const torch::Tensor& x, const torch::Tensor& like)
{
    return resizeTo(x, like.size(2), like.size(3));
}

std::vector<int> levelWidths(int base, int depth)
{
    std::vector<int> w;
    for (int i = 0; i <= depth; ++i)
        w.push_back(base << i);
    return w;
}

} // namespace delineo::ml
