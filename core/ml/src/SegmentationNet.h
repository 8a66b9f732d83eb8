#pragma once
// Internal: the common base of every architecture (torch types stay inside core/ml).
#include <torch/torch.h>

namespace delineo::ml {

class SegmentationNetImpl : public torch::nn::Module {
public:
    // Returns logits N x outChannels x H x W for input N x inChannels x H x W.
    virtual torch::Tensor forward(torch::Tensor x) = 0;
};

using SegmentationNetPtr = std::shared_ptr<SegmentationNetImpl>;

} // namespace delineo::ml
