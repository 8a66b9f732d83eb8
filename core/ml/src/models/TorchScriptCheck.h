#pragma once
// Internal: a TorchScript file is loaded and run once in a child process before Delineo loads it.
#include "delineo/ml/ModelConfig.h"

#include <string>

namespace delineo::ml {

// A TorchScript file is a program: LibTorch compiles its source on load, and 1.13's compiler
// crashes (SIGSEGV in ScriptTypeParser) on some damaged files. The file is loaded and run once in a
// child process first, so such a file is refused with a ModelError instead of ending the caller (the
// app with its unsaved work): at import, and again at every load, since a sidecar's recorded hash
// only says which file was imported, not that this one compiles.
void checkTorchScriptInChildProcess(const std::string& path, const ModelConfig& config);

} // namespace delineo::ml
