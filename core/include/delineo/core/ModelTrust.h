#pragma once
#include "delineo/ml/Segmenter.h"

#include <memory>
#include <string>

namespace delineo::core {

// A TorchScript model is a program, not data: whoever made it decides what it runs. Importing one
// (delineo-cli import-model) checks it against its sidecar and records the SHA-256 of the file as
// imported; loading refuses an imported model whose file no longer matches (or that has no recorded
// hash), naming the file. Models trained by Delineo are weights for its own architectures and load
// as they are.

// The SHA-256 of a file as lower-case hex (OpenSSL). Throws ImageError(Unreadable).
std::string sha256File(const std::string& path);

// ml::importTorchScript, then the copy's SHA-256 into its sidecar. Returns the new weights path.
std::string importModel(const std::string& modelPath, const std::string& sidecarJsonPath, const std::string& outDir,
                        const std::string& name = {});

// Every model the app and the CLI run is loaded here. Throws ml::ModelError.
std::unique_ptr<ml::Segmenter> loadModel(const std::string& weightsPath);

} // namespace delineo::core
