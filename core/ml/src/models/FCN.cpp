#include "FCN.h"

namespace delineo::ml {

namespace F = torch::nn::functional;
using namespace torch::nn;

FCNImpl::FCNImpl(const ModelConfig& c)
{
    const std::vector<int> w = levelWidths(c.baseWidth, c.depth);
    for (int i = 0; i <= c.depth; ++i)
        stages_.push_back(register_module("stage" + std::to_string(i + 1), doubleConv(i == 0 ? c.inChannels : w[i - 1], w[i])));
    const int deep = w.back();
    // The fully connected layers of the classifier, as convolutions.
    fc_ = register_module("fc", chain({convBnRelu(deep, deep, 3), convBnRelu(deep, deep, 1)}));
    scores_.push_back(register_module("score_fc", Conv2d(Conv2dOptions(deep, c.outChannels(), 1))));
    const int skips = std::min(2, c.depth);
    for (int s = 1; s <= skips; ++s)
        scores_.push_back(register_module("score_pool" + std::to_string(s),
                                          Conv2d(Conv2dOptions(w[c.depth - s], c.outChannels(), 1))));
}

torch::Tensor FCNImpl::forward(torch::Tensor x)
{
    const auto h = x.size(2), wd = x.size(3);
    std::vector<torch::Tensor> pooled;
    if (!is_training()) // inference in oneDNN's blocked layout on the CPU (see UNet)
        x = toBlocked(x);
    for (auto& stage : stages_) {
        x = F::max_pool2d(stage->forward(x), F::MaxPool2dFuncOptions(2));
        pooled.push_back(x);
    }
    auto score = scores_[0]->forward(fc_->forward(x));
    for (std::size_t s = 1; s < scores_.size(); ++s) {
        const auto& skip = pooled[pooled.size() - 1 - s];
        score = resizeLike(score, skip) + scores_[s]->forward(skip);
    }
    return toDense(resizeTo(score, h, wd));
}

} // namespace delineo::ml
