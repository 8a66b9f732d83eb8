#include "delineo/ml/Checkpoint.h"
#include "CheckpointIO.h"
#include "models/FusedConv.h"
#include "TensorArchive.h"
#include "ModelRegistry.h"
#include "models/TorchScriptCheck.h"
#include "models/TorchScriptNet.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <type_traits>
#include <unistd.h>

namespace delineo::ml {

static std::string stem(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash))
        return path.substr(0, dot);
    return path;
}

std::string sidecarPath(const std::string& weightsPath) { return stem(weightsPath) + ".json"; }
std::string optimizerPath(const std::string& weightsPath) { return stem(weightsPath) + ".optim.pt"; }
std::string lastCheckpointPath(const std::string& weightsPath) { return stem(weightsPath) + ".last.pt"; }

void writeFileAtomic(const std::string& path, const std::string& bytes)
{
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
    }
}

static std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ModelConfig readSidecar(const std::string& weightsPath)
{
    return ModelConfig::fromJson(readText(sidecarPath(weightsPath)));
}

namespace {

// AdamW's state of the i-th parameter, under names of its own.
std::string stateKey(std::size_t i, const char* field) { return "state." + std::to_string(i) + "." + field; }
constexpr std::int64_t kOptimizerFormat = 2; // 1: a module archive of torch::optim's own layout

// The optimizer's own key for a parameter's state: LibTorch 1.13 prints the tensor's address into
// a string, later versions use the address itself.
template <typename Key>
Key stateKeyOf(const torch::Tensor& p)
{
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream s;
        s << p.unsafeGetTensorImpl();
        return s.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}

template <typename F>
void forEachParameter(torch::optim::AdamW& optimizer, F&& f)
{
    using Key = typename std::decay_t<decltype(optimizer.state())>::key_type;
    std::size_t i = 0;
    for (auto& group : optimizer.param_groups())
        for (auto& p : group.params())
            f(i++, p, stateKeyOf<Key>(p));
}

} // namespace

void saveModel(const SegmentationNetPtr& net, const ModelConfig& config, const std::string& weightsPath,
               torch::optim::AdamW* optimizer, const ResumeState& state)
{
    // Weights are saved from CPU so a checkpoint trained on CUDA loads anywhere.
    NamedTensors weights;
    for (const auto& p : net->named_parameters())
        weights[p.key()] = p.value();
    for (const auto& b : net->named_buffers())
        weights[b.key()] = b.value();
    if (optimizer) {
        NamedTensors opt{{"format", torch::tensor(kOptimizerFormat)},
                         {"epoch", torch::tensor(static_cast<std::int64_t>(state.epoch))},
                         {"bestDice", torch::tensor(state.hasBest ? state.bestDice : -1e300, torch::kFloat64)},
                         {"bestEpoch", torch::tensor(static_cast<std::int64_t>(state.hasBest ? state.bestEpoch : -1))}};
        forEachParameter(*optimizer, [&](std::size_t i, const torch::Tensor&, const auto& key) {
            const auto found = optimizer->state().find(key);
            if (found == optimizer->state().end())
                return;
            const auto& s = static_cast<const torch::optim::AdamWParamState&>(*found->second);
            opt[stateKey(i, "step")] = torch::tensor(s.step());
            opt[stateKey(i, "exp_avg")] = s.exp_avg();
            opt[stateKey(i, "exp_avg_sq")] = s.exp_avg_sq();
            if (s.max_exp_avg_sq().defined())
                opt[stateKey(i, "max_exp_avg_sq")] = s.max_exp_avg_sq();
        });
        saveTensors(optimizerPath(weightsPath), opt);
    }
    saveTensors(weightsPath, weights);
    writeFileAtomic(sidecarPath(weightsPath), config.toJson());
}

void loadWeights(const SegmentationNetPtr& net, const std::string& weightsPath, WeightsFit fit)
{
    NamedTensors archive;
    try {
        archive = loadTensors(weightsPath).tensors;
    } catch (const std::exception& e) {
        throw ModelError(std::string("cannot read model weights: ") + e.what());
    }
    torch::NoGradGuard noGrad;
    auto readInto = [&](const std::string& key, torch::Tensor& target) {
        const auto found = archive.find(key);
        if (found == archive.end())
            throw ModelError("model weights " + weightsPath + " lack '" + key + "' (wrong architecture?)");
        const torch::Tensor& value = found->second;
        if (value.scalar_type() != target.scalar_type() && !(value.is_floating_point() && target.is_floating_point()))
            throw ModelError("model weights " + weightsPath + ": '" + key + "' has the wrong type");
        if (value.sizes() == target.sizes()) {
            target.copy_(value);
            return;
        }
        const bool grownHead = fit == WeightsFit::MoreClasses && value.dim() == target.dim() &&
                               (value.dim() == 1 || (value.dim() == 4 && value.size(2) == 1 && value.size(3) == 1)) &&
                               value.size(0) < target.size(0) && (value.size(0) == 1 || value.size(0) >= 3) &&
                               value.sizes().slice(1) == target.sizes().slice(1);
        if (grownHead) {
            if (value.size(0) == 1) { // sigmoid(z) = softmax over (0, z): background 0, the class z
                target.narrow(0, 0, 1).zero_();
                target.narrow(0, 1, 1).copy_(value);
            } else {
                target.narrow(0, 0, value.size(0)).copy_(value);
            }
            return;
        }
        if (fit != WeightsFit::Transfer)
            throw ModelError("model weights " + weightsPath + ": '" + key + "' has the wrong shape");
        // Transfer: a wider input (prompt channels) keeps the image filters and starts the new
        // channels at zero, so the network first behaves as the automatic model; any other
        // mismatch (another class count in the head) keeps its fresh initialisation.
        const bool widerInput = value.dim() == 4 && target.dim() == 4 && value.size(0) == target.size(0) &&
                                value.size(1) < target.size(1) && value.size(2) == target.size(2) &&
                                value.size(3) == target.size(3);
        if (widerInput) {
            target.zero_();
            target.narrow(1, 0, value.size(1)).copy_(value);
        }
    };
    for (auto& p : net->named_parameters())
        readInto(p.key(), p.value());
    for (auto& b : net->named_buffers())
        readInto(b.key(), b.value());
}

LoadedModel loadModel(const std::string& weightsPath, const torch::Device& device)
{
    if (::access(weightsPath.c_str(), R_OK) != 0)
        throw ModelError("model file not found: " + weightsPath);
    LoadedModel m;
    m.config = readSidecar(weightsPath);
    if (m.config.architecture == kTorchScriptArchitecture) {
        checkTorchScriptInChildProcess(weightsPath, m.config);
        m.net = std::make_shared<TorchScriptNetImpl>(weightsPath, m.config, device);
        return m;
    }
    m.net = ModelRegistry::builtin().create(m.config);
    loadWeights(m.net, weightsPath);
    m.net->to(device);
    return m;
}

ResumeState loadOptimizer(torch::optim::AdamW& optimizer, const std::string& weightsPath)
{
    const std::string path = optimizerPath(weightsPath);
    TensorFile file;
    try {
        file = loadTensors(path);
    } catch (const std::exception& e) {
        throw TrainingError(std::string("cannot resume: optimizer state unreadable: ") + e.what());
    }
    auto scalar = [&](const char* key) -> const torch::Tensor& {
        const auto found = file.tensors.find(key);
        if (found == file.tensors.end() || found->second.numel() != 1)
            throw TrainingError("cannot resume: optimizer state " + path + " lacks '" + key + "'");
        return found->second;
    };
    if (file.moduleArchive || scalar("format").item<std::int64_t>() != kOptimizerFormat)
        throw TrainingError("cannot resume: optimizer state " + path +
                            " is of an earlier Delineo format; start a new run with --init " + weightsPath);
    forEachParameter(optimizer, [&](std::size_t i, const torch::Tensor& p, const auto& key) {
        const auto avg = file.tensors.find(stateKey(i, "exp_avg")), sq = file.tensors.find(stateKey(i, "exp_avg_sq"));
        if (avg == file.tensors.end() || sq == file.tensors.end())
            return; // a parameter that had no step yet
        const auto max = file.tensors.find(stateKey(i, "max_exp_avg_sq"));
        for (const auto& t : {avg->second, sq->second})
            if (t.sizes() != p.sizes() || !t.is_floating_point())
                throw TrainingError("cannot resume: optimizer state " + path + " belongs to another model");
        auto state = std::make_unique<torch::optim::AdamWParamState>();
        state->step(scalar(stateKey(i, "step").c_str()).item<std::int64_t>());
        state->exp_avg(avg->second.to(p.device(), p.scalar_type()));
        state->exp_avg_sq(sq->second.to(p.device(), p.scalar_type()));
        if (max != file.tensors.end() && max->second.sizes() == p.sizes())
            state->max_exp_avg_sq(max->second.to(p.device(), p.scalar_type()));
        optimizer.state()[key] = std::move(state);
    });
    ResumeState r;
    r.epoch = static_cast<int>(scalar("epoch").item<std::int64_t>());
    r.bestEpoch = static_cast<int>(scalar("bestEpoch").item<std::int64_t>());
    r.hasBest = r.bestEpoch >= 0;
    r.bestDice = scalar("bestDice").item<double>();
    if (r.epoch < 0 || r.epoch > 1000000)
        throw TrainingError("cannot resume: optimizer state " + path + " gives epoch " + std::to_string(r.epoch));
    return r;
}

LoadedModel loadForInference(const std::string& weightsPath, bool interactive, torch::Device& device)
{
    device = torch::Device(preferredDevice() == "cuda" ? torch::kCUDA : torch::kCPU);
    if (readSidecar(weightsPath).interactive() != interactive)
        throw ModelError(interactive ? weightsPath + " is not an interactive model (its sidecar has no prompt channels)"
                                     : weightsPath + " is an interactive model: it runs in the AI Assist tool, on prompts");
    LoadedModel m = loadModel(weightsPath, device);
    m.net->eval();
    if (device.is_cpu() && at::hasMKLDNN()) // never trained again: fold and fuse for oneDNN
        prepareForInference(*m.net);
    return m;
}

} // namespace delineo::ml
