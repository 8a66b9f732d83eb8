#pragma once
// Building blocks shared by the architectures.
#include <torch/torch.h>

#include <vector>

namespace delineo::ml {

// 3x3 (or k x k) convolution + batch norm + ReLU.
torch::nn::Sequential convBnRelu(int in, int out, int kernel = 3, int stride = 1, int dilation = 1);

// Two 3x3 conv + batch norm + ReLU.
torch::nn::Sequential doubleConv(int in, int out, int mid = 0);

// oneDNN's blocked layout on the CPU. With plain NCHW tensors LibTorch reorders every activation to
// and from that layout around each convolution, forward and backward: about a fifth of a training step.
// Convolution, batch norm, ReLU, max pooling and addition run on blocked tensors (with autograd);
// concatenation and interpolation need dense ones.
bool blockedLayoutSuits(const torch::Tensor& x);
torch::Tensor toBlocked(const torch::Tensor& x); // x itself where the layout does not suit
torch::Tensor toDense(const torch::Tensor& x);
// block->forward(cat(parts, 1)) for a block that starts with a convolution. When a part is blocked
// it runs as conv(a, W_a) + conv(b, W_b) + ... with W split by input channel, since concatenation has
// no blocked form; the result stays blocked. Dense parts are concatenated as usual.
torch::Tensor forwardConcatenated(torch::nn::Sequential& block, const std::vector<torch::Tensor>& parts);
// Adaptive max pooling to an exact size, as plain max pooling (which has a blocked form) when the
// size divides evenly.
torch::Tensor maxPoolTo(const torch::Tensor& x, int64_t height, int64_t width);

// One Sequential running the parts' modules in order (a Sequential cannot hold a Sequential).
torch::nn::Sequential chain(std::initializer_list<torch::nn::Sequential> parts);

// Bilinear resize to an exact spatial size (any input size works, not only multiples of 2^depth).
// Interpolation has no blocked form: a blocked input is resized densely and returned blocked.
torch::Tensor resizeTo(const torch::Tensor& x, int64_t height, int64_t width);
torch::Tensor resizeLike(const torch::Tensor& x, const torch::Tensor& like);

// Encoder widths base, 2*base, ..., base << depth.
std::vector<int> levelWidths(int base, int depth);

} // namespace delineo::ml
