#pragma once
#include <torch/torch.h>

#include <string>
#include <vector>

namespace delineo::ml {

// `logits` N x C x H x W (C = 1: binary, sigmoid; C > 1: softmax over background + classes);
// `target` N x H x W int64 class indices.

// Soft Dice loss over foreground channels; `probs` N x C x H x W, `onehot` same shape.
torch::Tensor softDiceLoss(const torch::Tensor& probs, const torch::Tensor& onehot);
// Binary cross-entropy (per channel on the one-hot target when C > 1).
torch::Tensor bceLoss(const torch::Tensor& logits, const torch::Tensor& target);
// Cross-entropy over the classes (BCE when C = 1).
torch::Tensor crossEntropyLoss(const torch::Tensor& logits, const torch::Tensor& target);
// Soft Dice on the foreground probabilities.
torch::Tensor diceLoss(const torch::Tensor& logits, const torch::Tensor& target);
// Focal loss (Lin et al. 2017), gamma 2: cross-entropy weighted by (1 - p_true)^gamma.
torch::Tensor focalLoss(const torch::Tensor& logits, const torch::Tensor& target, double gamma = 2.0);

// A weighted sum of the losses above, written "bce+dice", "ce+dice", "0.5*focal+dice", ...
struct LossTerm {
    std::string name;   // bce, ce, dice, focal
    double weight = 1.0;
};
std::vector<LossTerm> parseLoss(const std::string& spec); // throws TrainingError
std::string defaultLoss(bool binary);                     // "bce+dice" / "ce+dice"
torch::Tensor combinedLoss(const torch::Tensor& logits, const torch::Tensor& target, const std::vector<LossTerm>& terms);

// The default combination for the logits' channel count.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

// Class indices from logits (sigmoid > 0.5 for one channel, argmax otherwise).
torch::Tensor labelsFromLogits(const torch::Tensor& logits);

} // namespace delineo::ml
