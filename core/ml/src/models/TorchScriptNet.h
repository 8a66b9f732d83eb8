#pragma once
#include "../SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

#include <torch/script.h>

namespace delineo::ml {

// A model exported from PyTorch (torch.jit.trace / torch.jit.script), served like the built-in
// architectures. Inference only: it has no Delineo weights layout to fine-tune.
class TorchScriptNetImpl : public SegmentationNetImpl {
public:
    // Loads and checks the module: one forward of a 1 x inChannels x S x S batch must return a
    // 1 x outChannels x S x S tensor. Throws ModelError otherwise.
    TorchScriptNetImpl(const std::string& path, const ModelConfig& config, const torch::Device& device);
    torch::Tensor forward(torch::Tensor x) override;
    void train(bool on = true) override;

private:
    torch::jit::Module module_;
};

} // namespace delineo::ml
