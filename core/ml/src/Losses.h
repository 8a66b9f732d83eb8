#pragma once
#include <torch/torch.h>

namespace delineo::ml {

// Soft Dice loss over foreground channels; `probs` N x C x H x W, `onehot` same shape.
torch::Tensor softDiceLoss(const torch::Tensor& probs, const torch::Tensor& onehot);

// Binary: BCE-with-logits + soft Dice. Multi-class: cross-entropy + soft Dice on foreground.
// `logits` N x C x H x W; `target` N x H x W int64 class indices.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

// Class indices from logits (sigmoid > 0.5 for one channel, argmax otherwise).
torch::Tensor labelsFromLogits(const torch::Tensor& logits);

} // namespace delineo::ml
