#pragma once
// Internal: a LibTorch archive (weights, optimizer state, packed dataset, TorchScript) checked before
// LibTorch reads it. Its unpickler reserves whatever length a byte string's opcode claims (4 GB in a
// 3 KB file) before it finds the data missing; its zip reader trusts the central directory's sizes.
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>

namespace delineo::ml {

// An archive's records' sizes as its zip directory states them, by name below its top folder
// ("data/0": a tensor storage); a name given twice keeps the smaller.
using RecordSizes = std::map<std::string, std::uint64_t>;

// Empty when the zip structure fits the file (every entry inside it, stored sizes consistent) and
// every length-prefixed value in its pickles (data.pkl, constants.pkl) fits its record; otherwise
// what is wrong, for the caller's typed error. With `sizes`, the records' sizes when empty.
std::string torchArchiveProblem(const std::string& path, RecordSizes* sizes = nullptr);

// A tensor read from an archive stays inside its storage (LibTorch does not check the sizes and
// strides a pickle gives against the bytes of the storage record).
bool tensorFitsStorage(const torch::Tensor& t);

} // namespace delineo::ml
