#pragma once
// Internal: named tensors on disk with no code in the file.
//
// A LibTorch module archive (what torch::serialize::OutputArchive writes, and what Delineo wrote
// for weights, optimizer state and packed datasets before) carries Python source that LibTorch
// compiles on load, and LibTorch 1.13's TorchScript compiler crashes on some damaged sources. So
// Delineo writes a pickled {name: tensor} dictionary (torch::pickle_save; Python's torch.load reads
// it as a dict) and reads both that and the older module archives through the unpickler alone:
// classes named in a file become empty types, never compiled.
#include <torch/torch.h>

#include <map>
#include <string>

namespace delineo::ml {

using NamedTensors = std::map<std::string, torch::Tensor>;

// Written atomically (temp file, fsync, rename); std::runtime_error when it cannot be.
void saveTensors(const std::string& path, const NamedTensors& tensors);

struct TensorFile {
    NamedTensors tensors;      // a module archive's submodules flattened as "sub.name"
    bool moduleArchive = false; // the older format (an OutputArchive), not a dictionary
};
// Every tensor of the file, on the CPU, each checked against its storage. std::runtime_error with
// the reason (naming the file) for anything that is not such a file.
TensorFile loadTensors(const std::string& path);

} // namespace delineo::ml
