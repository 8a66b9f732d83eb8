#include "TorchScriptCheck.h"
#include "TorchScriptNet.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Sandbox.h"

#include <chrono>
#include <cstring>

namespace delineo::ml {

namespace {

constexpr int kCheckSeconds = 120; // a load and one forward pass; a compiler that spins is stopped
constexpr int kRefused = 3;         // the child's exit code for a typed refusal, its message on the pipe

} // namespace

void checkTorchScriptInChildProcess(const std::string& path, const ModelConfig& config)
{
    std::string message;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kCheckSeconds);
    const ChildEnd end = runInSandbox(
        [&](int out) { // in the child: load and run the model once
            std::string refusal;
            try {
                TorchScriptNetImpl check(path, config, torch::kCPU);
            } catch (const std::exception& e) {
                refusal = *e.what() ? e.what() : "cannot load TorchScript model " + path;
            }
            writeAll(out, refusal.data(), refusal.size());
            return refusal.empty() ? 0 : kRefused;
        },
        [&](const char* data, std::size_t size) {
            if (message.size() < 4096)
                message.append(data, size);
        },
        [&] { return std::chrono::steady_clock::now() < deadline; });
    if (!end.started)
        throw ModelError("cannot check " + path + ": " + std::strerror(errno));
    if (end.stopped)
        throw ModelError("TorchScript model " + path + " did not load and run within " + std::to_string(kCheckSeconds) +
                         " s");
    if (end.exitedWith(0))
        return;
    if (end.exitedWith(kRefused) && !message.empty())
        throw ModelError(message);
    throw ModelError("LibTorch crashed loading TorchScript model " + path +
                     (end.signal ? " (signal " + std::to_string(end.signal) + ")" : std::string()) +
                     ": the file is damaged or not a model");
}

} // namespace delineo::ml
