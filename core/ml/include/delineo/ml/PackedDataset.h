#pragma once
#include "delineo/ml/Trainer.h"

#include <memory>
#include <string>

namespace delineo::ml {

// A dataset already resized to the model input, stored as one file (images N x C x S x S uint8,
// masks N x S x S uint8). Lets a machine with only LibTorch train (e.g. a GPU box).
class PackedDataset : public SampleSource {
public:
    // Writes a packed file from any source (samples taken without augmentation, de-normalised).
    static void write(const std::string& path, const SampleSource& source, const ModelConfig& config);
    static std::unique_ptr<PackedDataset> read(const std::string& path, const ModelConfig& config);
    ~PackedDataset() override;

    std::size_t size() const override;
    TrainSample sample(std::size_t index, bool augment, std::uint64_t seed) const override;

private:
    struct Impl;
    explicit PackedDataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::ml
