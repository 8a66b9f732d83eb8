#pragma once
// Native libraries Delineo cannot check from outside (LibTorch's TorchScript compiler) run in a
// forked child process, so that a crash in them costs one load, not the app with its unsaved work.
// (Video decoding runs in a program of its own, delineo-decoder: a fork of a large app costs it a
// page fault on every page it writes afterwards.)
#include <cstddef>
#include <functional>

namespace delineo::ml {

// How a sandboxed child ended.
struct ChildEnd {
    bool started = true; // false: fork failed (errno says why)
    bool stopped = false; // the parent stopped it (keepWaiting returned false)
    int exitCode = -1;   // when it exited
    int signal = 0;      // when a signal ended it (a crash)
    bool exitedWith(int code) const { return exitCode == code && signal == 0; }
};

// Runs `body(out)` in a forked child set up by becomeSandboxChild(); its exit status is `body`'s
// result. What the child writes to `out` reaches `received` in the parent as it arrives;
// `keepWaiting` is asked at least every 100 ms, and returning false kills the child.
ChildEnd runInSandbox(const std::function<int(int out)>& body,
                      const std::function<void(const char* data, std::size_t size)>& received,
                      const std::function<bool()>& keepWaiting);

// `bytes` rounded up to whole pages: the size of one slot of memory shared with a child, so that
// each slot can be unmapped on its own.
std::size_t pageRounded(std::size_t bytes);

// Writes all of `size` bytes to `fd` (retrying on EINTR); gives up silently when the reader has gone.
void writeAll(int fd, const void* data, std::size_t size);

// Called first in such a child: a crash there ends only the child, by its signal or exit status.
// No crash reporter of the parent runs (the app's handlers, a sanitizer's death callback, a fuzzer's
// artefact writer), and the parent's worker threads, which do not exist in the child, are not used.
void becomeSandboxChild();

} // namespace delineo::ml
