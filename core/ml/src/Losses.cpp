#include "Losses.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

torch::Tensor softDiceLoss(const torch::Tensor& probs, const torch::Tensor& onehot)
{
    const double eps = 1.0;
    auto dims = std::vector<int64_t>{0, 2, 3};
    auto inter = (probs * onehot).sum(dims);
    auto denom = probs.sum(dims) + onehot.sum(dims);
    return 1.0 - ((2.0 * inter + eps) / (denom + eps)).mean();
}

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    if (logits.size(1) == 1) {
        auto t = target.unsqueeze(1).to(logits.dtype());
        auto bce = F::binary_cross_entropy_with_logits(logits, t);
        return bce + softDiceLoss(torch::sigmoid(logits), t);
    }
    auto ce = F::cross_entropy(logits, target);
    auto probs = torch::softmax(logits, 1);
    auto onehot = F::one_hot(target, logits.size(1)).permute({0, 3, 1, 2}).to(logits.dtype());
    using torch::indexing::Slice;
    return ce + softDiceLoss(probs.index({Slice(), Slice(1)}), onehot.index({Slice(), Slice(1)}));
}

torch::Tensor labelsFromLogits(const torch::Tensor& logits)
{
    if (logits.size(1) == 1)
        return (logits.squeeze(1) > 0).to(torch::kUInt8);
    return logits.argmax(1).to(torch::kUInt8);
}

} // namespace delineo::ml
