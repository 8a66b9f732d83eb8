#include "TorchScriptCheck.h"
#include "TorchScriptNet.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Sandbox.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace delineo::ml {

namespace {

constexpr int kCheckSeconds = 120; // a load and one forward pass; a compiler that spins is stopped
constexpr int kRefused = 3;         // the child's exit code for a typed refusal, its message on the pipe

// Run in the child: load and run the model once; exits, never returns.
[[noreturn]] void checkAndExit(const std::string& path, const ModelConfig& config, int out)
{
    becomeSandboxChild();
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

} // namespace

void checkTorchScriptInChildProcess(const std::string& path, const ModelConfig& config)
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
                         " s");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return;
    if (WIFEXITED(status) && WEXITSTATUS(status) == kRefused && !message.empty())
        throw ModelError(message);
    throw ModelError("LibTorch crashed loading TorchScript model " + path +
                     (WIFSIGNALED(status) ? " (signal " + std::to_string(WTERMSIG(status)) + ")" : std::string()) +
                     ": the file is damaged or not a model");
}


} // namespace delineo::ml
