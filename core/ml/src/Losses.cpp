#include "Losses.h"
#include "delineo/ml/Errors.h"

#include <cstdlib>

namespace delineo::ml {

namespace F = torch::nn::functional;
using torch::indexing::Slice;

namespace {

torch::Tensor oneHot(const torch::Tensor& target, int64_t channels, torch::Dtype dtype)
{
    if (channels == 1)
        return target.unsqueeze(1).to(dtype);
    return F::one_hot(target, channels).permute({0, 3, 1, 2}).to(dtype);
}

} // namespace

torch::Tensor softDiceLoss(const torch::Tensor& probs, const torch::Tensor& onehot)
{
    const double eps = 1.0;
    auto dims = std::vector<int64_t>{0, 2, 3};
    auto inter = (probs * onehot).sum(dims);
    auto denom = probs.sum(dims) + onehot.sum(dims);
    return 1.0 - ((2.0 * inter + eps) / (denom + eps)).mean();
}

torch::Tensor bceLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    return F::binary_cross_entropy_with_logits(logits, oneHot(target, logits.size(1), logits.scalar_type()));
}

torch::Tensor crossEntropyLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    if (logits.size(1) == 1)
        return bceLoss(logits, target);
    return F::cross_entropy(logits, target);
}

torch::Tensor diceLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    const auto onehot = oneHot(target, logits.size(1), logits.scalar_type());
    if (logits.size(1) == 1)
        return softDiceLoss(torch::sigmoid(logits), onehot);
    return softDiceLoss(torch::softmax(logits, 1).index({Slice(), Slice(1)}), onehot.index({Slice(), Slice(1)}));
}

torch::Tensor focalLoss(const torch::Tensor& logits, const torch::Tensor& target, double gamma)
{
    if (logits.size(1) == 1) {
        const auto t = target.unsqueeze(1).to(logits.scalar_type());
        const auto ce = F::binary_cross_entropy_with_logits(
            logits, t, F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
        const auto p = torch::sigmoid(logits);
        const auto pTrue = p * t + (1 - p) * (1 - t);
        return (torch::pow(1 - pTrue, gamma) * ce).mean();
    }
    const auto logp = torch::log_softmax(logits, 1).gather(1, target.unsqueeze(1));
    return (-torch::pow(1 - logp.exp(), gamma) * logp).mean();
}

std::vector<LossTerm> parseLoss(const std::string& spec)
{
    std::vector<LossTerm> terms;
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t plus = spec.find('+', start);
        std::string part = spec.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        LossTerm t;
        const std::size_t star = part.find('*');
        if (star != std::string::npos) {
            const std::string w = part.substr(0, star);
            char* end = nullptr;
            t.weight = std::strtod(w.c_str(), &end);
            if (w.empty() || *end != '\0' || !(t.weight > 0))
                throw TrainingError("loss '" + spec + "': bad weight '" + w + "'");
            part = part.substr(star + 1);
        }
        if (part != "bce" && part != "ce" && part != "dice" && part != "focal")
            throw TrainingError("loss '" + spec + "': unknown term '" + part + "' (use bce, ce, dice, focal)");
        t.name = part;
        terms.push_back(t);
        if (plus == std::string::npos)
            break;
        start = plus + 1;
    }
    return terms;
}

std::string defaultLoss(bool binary)
{
    return binary ? "bce+dice" : "ce+dice";
}

torch::Tensor combinedLoss(const torch::Tensor& logits, const torch::Tensor& target, const std::vector<LossTerm>& terms)
{
    torch::Tensor total;
    for (const auto& t : terms) {
        torch::Tensor v = t.name == "bce"     ? bceLoss(logits, target)
                          : t.name == "ce"    ? crossEntropyLoss(logits, target)
                          : t.name == "dice"  ? diceLoss(logits, target)
                                              : focalLoss(logits, target);
        v = v * t.weight;
        total = total.defined() ? total + v : v;
    }
    return total;
}

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    static const auto binary = parseLoss(defaultLoss(true)), multi = parseLoss(defaultLoss(false));
    return combinedLoss(logits, target, logits.size(1) == 1 ? binary : multi);
}

torch::Tensor labelsFromLogits(const torch::Tensor& logits)
{
    if (logits.size(1) == 1)
        return (logits.squeeze(1) > 0).to(torch::kUInt8);
    return logits.argmax(1).to(torch::kUInt8);
}

} // namespace delineo::ml
