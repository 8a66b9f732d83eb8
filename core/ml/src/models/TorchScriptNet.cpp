#include "TorchScriptNet.h"
#include "ArchiveCheck.h"
#include "delineo/ml/Errors.h"

namespace delineo::ml {

namespace {

std::string shape(const torch::Tensor& t)
{
    std::string s;
    for (auto d : t.sizes())
        s += (s.empty() ? "" : " x ") + std::to_string(d);
    return s;
}

} // namespace

TorchScriptNetImpl::TorchScriptNetImpl(const std::string& path, const ModelConfig& c, const torch::Device& device)
{
    if (const std::string problem = torchArchiveProblem(path); !problem.empty())
        throw ModelError("cannot load TorchScript model " + path + ": not a TorchScript archive or damaged (" +
                         problem + ")");
    try {
        module_ = torch::jit::load(path, device);
    } catch (const std::exception&) { // c10::Error, torch::jit::ErrorReport (unknown types), zip errors
        throw ModelError("cannot load TorchScript model " + path + ": not a TorchScript archive or damaged");
    }
    module_.eval();
    torch::Tensor y;
    try {
        torch::NoGradGuard noGrad;
        const auto out = module_.forward({torch::zeros({1, c.imageChannels(), c.inputSize, c.inputSize}, device)});
        if (!out.isTensor())
            throw ModelError("TorchScript model " + path + " must return one tensor of logits (it returns " +
                             out.tagKind() + ")");
        y = out.toTensor();
    } catch (const ModelError&) {
        throw;
    } catch (const std::exception&) {
        throw ModelError("TorchScript model " + path + " fails on a 1 x " + std::to_string(c.imageChannels()) + " x " +
                         std::to_string(c.inputSize) + " x " + std::to_string(c.inputSize) +
                         " input (does the sidecar's inChannels/inputSize match the model?)");
    }
    if (y.dim() != 4 || y.size(0) != 1 || y.size(1) != c.outChannels() || y.size(2) != c.inputSize ||
        y.size(3) != c.inputSize)
        throw ModelError("TorchScript model " + path + " returns " + shape(y) + " for a " + std::to_string(c.inputSize) +
                         "-pixel input; the sidecar's " + std::to_string(c.numForeground()) + " class(es) need 1 x " +
                         std::to_string(c.outChannels()) + " x " + std::to_string(c.inputSize) + " x " +
                         std::to_string(c.inputSize));
}

torch::Tensor TorchScriptNetImpl::forward(torch::Tensor x)
{
    return module_.forward({std::move(x)}).toTensor();
}

void TorchScriptNetImpl::train(bool on)
{
    module_.train(on);
    torch::nn::Module::train(on);
}

} // namespace delineo::ml
