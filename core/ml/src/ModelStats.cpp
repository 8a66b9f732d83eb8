#include "delineo/ml/ModelStats.h"
#include "ModelRegistry.h"
#include "models/FusedConv.h"
#include "delineo/ml/CpuTensorCache.h"
#include "delineo/ml/Device.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <algorithm>
#include <chrono>

namespace delineo::ml {

namespace {

double countGflops(const SegmentationNetPtr& net, const torch::Tensor& x)
{
    namespace P = torch::autograd::profiler;
    using torch::profiler::impl::ProfilerConfig;
    using torch::profiler::impl::ProfilerState;
    P::enableProfilerLegacy(ProfilerConfig(ProfilerState::CPU, true, false, false, true));
    {
        torch::NoGradGuard noGrad;
        net->forward(x);
    }
    const auto lists = P::disableProfilerLegacy();
    std::uint64_t flops = 0;
    for (const auto& list : lists)
        for (auto e : list) // flops() is not const in this LibTorch
            if (e.kindStr() == std::string("push"))
                flops += e.flops();
    return static_cast<double>(flops) / 1e9;
}

} // namespace

namespace {

struct Timings {
    std::vector<double> ms;
    void add(double t) { ms.push_back(t); }
    double quantile(double q)
    {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(ms.size() * q))];
    }
};

double timeForward(const SegmentationNetPtr& net, const torch::Tensor& x)
{
    const auto t0 = std::chrono::steady_clock::now();
    auto y = net->forward(x);
    if (x.device().is_cuda())
        y = y.cpu(); // waits for the kernels
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

ModelStats measureModel(const ModelConfig& config, int size, int runs)
{
    ModelStats s;
    torch::manual_seed(0);
    auto net = ModelRegistry::builtin().create(config);
    net->eval();
    for (const auto& p : net->parameters())
        s.parameters += p.numel();
    s.forwardGflops = countGflops(net, torch::randn({1, config.imageChannels(), size, size}));
    if (runs <= 0)
        return s;
    useAllCpuThreads();
    s.device = preferredDevice();
    const torch::Device device(s.device == "cuda" ? torch::kCUDA : torch::kCPU);
    net->to(device);
    SegmentationNetPtr fused;
    if (device.is_cpu() && at::hasMKLDNN()) { // the same weights, prepared as Segmenter prepares them
        torch::manual_seed(0);
        fused = ModelRegistry::builtin().create(config);
        fused->eval();
        prepareForInference(*fused);
    }
    const auto x = torch::randn({1, config.imageChannels(), size, size}).to(device);
    // Both forms reuse their activation memory, as every delineo-cli command does (CliMain), whoever calls.
    const CpuTensorCache::Scope tensorCache(CpuTensorCache::inferenceLimit());
    Timings plain, inference;
    torch::NoGradGuard noGrad;
    for (int i = 0; i < runs + 2; ++i) {
        const double t = timeForward(net, x), f = fused ? timeForward(fused, x) : 0.0;
        if (i < 2)
            continue;
        plain.add(t);
        inference.add(f);
    }
    s.forwardMs = plain.quantile(0.5);
    s.forwardMsP95 = plain.quantile(0.95);
    if (fused) {
        s.inferenceMs = inference.quantile(0.5);
        s.inferenceMsP95 = inference.quantile(0.95);
    }
    return s;
}

} // namespace delineo::ml
