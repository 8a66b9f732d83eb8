#include "Blocks.h"

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
