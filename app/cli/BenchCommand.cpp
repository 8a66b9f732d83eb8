#include "Commands.h"

#include "delineo/core/ResourcePaths.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Segmenter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

namespace delineo::cli {

// Inference latency of one frame through Segmenter::predict (normalise, resize, forward,
// resize back, argmax), median and p95 over --runs after 2 warm-up runs.
int runBench(const CliArgs& args)
{
    const std::string modelPath = args.get("model", core::defaultModelPath());
    const int w = args.getInt("width", args.getInt("size", 256)), h = args.getInt("height", args.getInt("size", 256));
    const int runs = std::max(3, args.getInt("runs", 20));
    auto seg = ml::Segmenter::load(modelPath);
    std::vector<std::uint8_t> frame(static_cast<std::size_t>(w) * h * 3);
    std::mt19937 rng(1);
    for (auto& v : frame)
        v = static_cast<std::uint8_t>(rng());
    std::vector<double> ms;
    for (int i = 0; i < runs + 2; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        seg->predict({frame.data(), w, h, 3});
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= 2)
            ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("bench infer: model %s (input %d), frame %dx%d, device %s, %d threads: median %.1f ms, p95 %.1f ms, "
                "min %.1f ms over %d runs\n",
                modelPath.c_str(), seg->config().inputSize, w, h, seg->device().c_str(), ml::cpuThreads(),
                ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.front(), runs);
    return 0;
}

} // namespace delineo::cli
