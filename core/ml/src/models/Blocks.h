#pragma once
// Building blocks shared by the architectures.
#include <torch/torch.h>

#include <vector>

namespace delineo::ml {

// 3x3 (or k x k) convolution + batch norm + ReLU.
torch::nn::Sequential convBnRelu(int in, int out, int kernel = 3, int stride = 1, int dilation = 1);

// Two 3x3 conv + batch norm + ReLU.
torch::nn::Sequential doubleConv(int in, int out, int mid = 0);

// One Sequential running the parts' modules in order (a Sequential cannot hold a Sequential).
torch::nn::Sequential chain(std::initializer_list<torch::nn::Sequential> parts);

// Bilinear resize to an exact spatial size (any input size works, not only multiples of 2^depth).
torch::Tensor resizeTo(const torch::Tensor& x, int64_t height, int64_t width);
torch::Tensor resizeLike(const torch::Tensor& x, const torch::Tensor& like);

// Encoder widths base, 2*base, ..., base << depth.
std::vector<int> levelWidths(int base, int depth);

} // namespace delineo::ml
