#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/ml/Errors.h"
#include "models/TorchScriptNet.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace delineo::ml {

namespace {

std::string readAll(const std::string& path, const char* what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError(std::string("cannot read the ") + what + " " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

constexpr int kCheckSeconds = 120; // a load and one forward pass; a compiler that spins is stopped
constexpr int kRefused = 3;         // the child's exit code for a typed refusal, its message on the pipe

// Run in the child: load and run the model once; exits, never returns.
[[noreturn]] void checkAndExit(const std::string& path, const ModelConfig& config, int out)
{
    // A crash here must end only this process, with its signal: no crash reporter (a sanitizer's,
    // a fuzzer's, the app's) of the parent runs in the child.
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        std::signal(sig, SIG_DFL);
    at::set_num_threads(1); // the parent's worker threads do not exist in the child
    std::string message;
    try {
        TorchScriptNetImpl check(path, config, torch::kCPU);
    } catch (const std::exception& e) {
        message = *e.what() ? e.what() : "cannot load TorchScript model " + path;
    }
    for (std::size_t done = 0; done < message.size();) {
        const ssize_t n = ::write(out, message.data() + done, message.size() - done);
        if (n <= 0 && errno != EINTR)
            break;
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    ::_exit(message.empty() ? 0 : kRefused);
}

// A TorchScript file is a program: LibTorch compiles its source on load, and 1.13's compiler
// crashes (SIGSEGV in ScriptTypeParser) on some damaged files. It is first loaded and run once in
// a child process, so such a file is refused with a message instead of ending the caller (the GUI
// with its unsaved work). The app later runs an imported file only while its SHA-256 matches the
// one recorded here (core::ModelTrust), so what it compiles is what passed this check.
void checkInChildProcess(const std::string& path, const ModelConfig& config)
{
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        throw ModelError("cannot check " + path + ": " + std::strerror(errno));
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        throw ModelError("cannot check " + path + ": " + std::strerror(err));
    }
    if (pid == 0) {
        ::close(pipeFds[0]);
        checkAndExit(path, config, pipeFds[1]);
    }
    ::close(pipeFds[1]);
    std::string message;
    bool timedOut = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kCheckSeconds);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{pipeFds[0], POLLIN, 0};
        const int ready = left.count() > 0 ? ::poll(&p, 1, static_cast<int>(left.count())) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            timedOut = ready == 0;
            break;
        }
        char buffer[4096];
        const ssize_t n = ::read(pipeFds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // the child closed its end: it has exited or is exiting
        if (message.size() < 4096)
            message.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipeFds[0]);
    if (timedOut)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut)
        throw ModelError("TorchScript model " + path + " did not load and run within " + std::to_string(kCheckSeconds) +
                         " s; it was not imported");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return;
    if (WIFEXITED(status) && WEXITSTATUS(status) == kRefused && !message.empty())
        throw ModelError(message);
    throw ModelError("LibTorch crashed loading TorchScript model " + path +
                     (WIFSIGNALED(status) ? " (signal " + std::to_string(WTERMSIG(status)) + ")" : std::string()) +
                     ": the file is damaged or not a model; it was not imported");
}

} // namespace

std::string importTorchScript(const std::string& modelPath, const std::string& sidecarJsonPath,
                              const std::string& outDir, const std::string& name)
{
    const std::string text = readAll(sidecarJsonPath, "sidecar");
    if (jsonDepth(text) > kMaxJsonDepth)
        throw ModelError("sidecar " + sidecarJsonPath + " nests arrays or objects too deep");
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        throw ModelError("sidecar " + sidecarJsonPath + " is not a JSON object");
    if (j.contains("architecture") && j["architecture"] != kTorchScriptArchitecture)
        throw ModelError("sidecar " + sidecarJsonPath + " names architecture " + j["architecture"].dump() +
                         "; an imported model is \"torchscript\"");
    j["architecture"] = kTorchScriptArchitecture;
    j["format"] = "delineo-model";
    j["formatVersion"] = 1;
    if (!j.contains("description"))
        j["description"] = "Imported TorchScript model (" + fs::path(modelPath).filename().string() + ")";
    const ModelConfig config = ModelConfig::fromJson(j.dump());
    checkInChildProcess(modelPath, config); // throws with the reason

    const std::string stem = name.empty() ? fs::path(modelPath).stem().string() : name;
    std::error_code ec;
    fs::create_directories(outDir, ec);
    const std::string target = (fs::path(outDir) / (stem + ".pt")).string();
    try {
        writeFileAtomic(target, readAll(modelPath, "model"));
        writeFileAtomic(sidecarPath(target), config.toJson());
    } catch (const std::runtime_error& e) {
        throw ModelError(e.what());
    }
    return target;
}

} // namespace delineo::ml
