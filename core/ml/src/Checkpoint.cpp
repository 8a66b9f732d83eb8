#include "delineo/ml/Checkpoint.h"
#include "ArchiveCheck.h"
#include "CheckpointIO.h"
#include "ModelRegistry.h"
#include "models/TorchScriptNet.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
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

void saveModel(const SegmentationNetPtr& net, const ModelConfig& config, const std::string& weightsPath,
               torch::optim::Optimizer* optimizer, int epoch)
{
    // Weights are saved from CPU so a checkpoint trained on CUDA loads anywhere.
    torch::serialize::OutputArchive archive;
    for (const auto& p : net->named_parameters())
        archive.write(p.key(), p.value().detach().to(torch::kCPU));
    for (const auto& b : net->named_buffers())
        archive.write(b.key(), b.value().detach().to(torch::kCPU), /*is_buffer=*/true);
    std::ostringstream weights;
    archive.save_to(weights);
    if (optimizer) {
        torch::serialize::OutputArchive opt;
        optimizer->save(opt);
        opt.write("epoch", torch::tensor(static_cast<int64_t>(epoch)));
        std::ostringstream optBytes;
        opt.save_to(optBytes);
        writeFileAtomic(optimizerPath(weightsPath), optBytes.str());
    }
    writeFileAtomic(weightsPath, weights.str());
    writeFileAtomic(sidecarPath(weightsPath), config.toJson());
}

void loadWeights(const SegmentationNetPtr& net, const std::string& weightsPath, WeightsFit fit)
{
    if (const std::string problem = torchArchiveProblem(weightsPath); !problem.empty())
        throw ModelError("cannot read model weights: " + problem);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(weightsPath, torch::kCPU);
    } catch (const std::exception&) { // c10::Error, and torch::jit::ErrorReport for foreign archives
        throw ModelError("cannot read model weights " + weightsPath + ": not a Delineo/LibTorch weights file");
    }
    torch::NoGradGuard noGrad;
    auto readInto = [&](const std::string& key, torch::Tensor& target, bool buffer) {
        torch::Tensor value;
        if (!archive.try_read(key, value, buffer))
            throw ModelError("model weights " + weightsPath + " lack '" + key + "' (wrong architecture?)");
        if (!tensorFitsStorage(value))
            throw ModelError("model weights " + weightsPath + ": '" + key + "' has the wrong shape");
        if (value.sizes() == target.sizes()) {
            target.copy_(value);
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
        readInto(p.key(), p.value(), false);
    for (auto& b : net->named_buffers())
        readInto(b.key(), b.value(), true);
}

LoadedModel loadModel(const std::string& weightsPath, const torch::Device& device)
{
    if (::access(weightsPath.c_str(), R_OK) != 0)
        throw ModelError("model file not found: " + weightsPath);
    LoadedModel m;
    m.config = readSidecar(weightsPath);
    if (m.config.architecture == kTorchScriptArchitecture) {
        m.net = std::make_shared<TorchScriptNetImpl>(weightsPath, m.config, device);
        return m;
    }
    m.net = ModelRegistry::builtin().create(m.config);
    loadWeights(m.net, weightsPath);
    m.net->to(device);
    return m;
}

int loadOptimizer(torch::optim::Optimizer& optimizer, const std::string& weightsPath)
{
    if (const std::string problem = torchArchiveProblem(optimizerPath(weightsPath)); !problem.empty())
        throw TrainingError("cannot resume: optimizer state unreadable: " + problem);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(optimizerPath(weightsPath));
        optimizer.load(archive);
    } catch (const std::exception&) { // c10::Error, and torch::jit::ErrorReport for foreign archives
        throw TrainingError("cannot resume: optimizer state " + optimizerPath(weightsPath) + " is unreadable");
    }
    torch::Tensor epoch;
    archive.read("epoch", epoch);
    return static_cast<int>(epoch.item<int64_t>());
}

LoadedModel loadForInference(const std::string& weightsPath, bool interactive, torch::Device& device)
{
    device = torch::Device(preferredDevice() == "cuda" ? torch::kCUDA : torch::kCPU);
    if (readSidecar(weightsPath).interactive() != interactive)
        throw ModelError(interactive ? weightsPath + " is not an interactive model (its sidecar has no prompt channels)"
                                     : weightsPath + " is an interactive model: it runs in the AI Assist tool, on prompts");
    LoadedModel m = loadModel(weightsPath, device);
    m.net->eval();
    return m;
}

} // namespace delineo::ml
