#include "delineo/ml/Sandbox.h"

#include <torch/torch.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

// Present only in sanitizer builds (weak: null otherwise). libFuzzer registers a death callback
// that writes the current input as a crash artefact; in the child the parent's input is not at fault.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace delineo::ml {

void becomeSandboxChild()
{
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        std::signal(sig, SIG_DFL);
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(nullptr);
    at::set_num_threads(1);
}

ChildEnd runInSandbox(const std::function<int(int out)>& body,
                      const std::function<void(const char* data, std::size_t size)>& received,
                      const std::function<bool()>& keepWaiting)
{
    ChildEnd end;
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        end.started = false;
        return end;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        errno = err;
        end.started = false;
        return end;
    }
    if (pid == 0) {
        ::close(pipeFds[0]);
        becomeSandboxChild();
        ::_exit(body(pipeFds[1]));
    }
    ::close(pipeFds[1]);
    for (;;) {
        if (!keepWaiting()) {
            end.stopped = true;
            break;
        }
        pollfd p{pipeFds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready == 0 || (ready < 0 && errno == EINTR))
            continue;
        char buffer[4096];
        const ssize_t n = ready < 0 ? -1 : ::read(pipeFds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // the child closed its end: it has exited, or crashed
        received(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipeFds[0]);
    if (end.stopped)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        end.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        end.signal = WTERMSIG(status);
    return end;
}

} // namespace delineo::ml
