#include "delineo/ml/ModelStats.h"
#include "ModelRegistry.h"
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

ModelStats measureModel(const ModelConfig& config, int size, int runs)
{
    ModelStats s;
    auto net = ModelRegistry::builtin().create(config);
    net->eval();
    for (const auto& p : net->parameters())
        s.parameters += p.numel();
    s.forwardGflops = countGflops(net, torch::randn({1, config.inChannels, size, size}));
    if (runs <= 0)
        return s;
    useAllCpuThreads();
    s.device = preferredDevice();
    const torch::Device device(s.device == "cuda" ? torch::kCUDA : torch::kCPU);
    net->to(device);
    const auto x = torch::randn({1, config.inChannels, size, size}).to(device);
    std::vector<double> ms;
    torch::NoGradGuard noGrad;
    for (int i = 0; i < runs + 2; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto y = net->forward(x);
        if (device.is_cuda())
            y = y.cpu(); // waits for the kernels
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= 2)
            ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    s.forwardMs = ms[ms.size() / 2];
    s.forwardMsP95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    return s;
}

} // namespace delineo::ml
