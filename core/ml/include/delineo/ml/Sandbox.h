#pragma once
// Native libraries Delineo cannot check from outside (LibTorch's TorchScript compiler, FFmpeg's and
// OpenCV's video decoding) run in a forked child process, so that a crash in them costs one load,
// not the app with its unsaved work.

namespace delineo::ml {

// Called first in such a child: a crash there ends only the child, by its signal or exit status.
// No crash reporter of the parent runs (the app's handlers, a sanitizer's death callback, a fuzzer's
// artefact writer), and the parent's worker threads, which do not exist in the child, are not used.
void becomeSandboxChild();

} // namespace delineo::ml
