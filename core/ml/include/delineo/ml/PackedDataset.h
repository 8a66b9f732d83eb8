#pragma once
#include "delineo/ml/Trainer.h"

#include <memory>
#include <string>

namespace delineo::ml {

// A dataset already resized to the model input, stored as one compact file: images as JPEG
// (quality 95), masks run-length encoded. Lets a machine with only LibTorch train (e.g. a GPU box)
// from a file small enough to carry there; the trainer's results stay comparable because the
// resizing was done by the same pipeline that `delineo-cli train` uses.
class PackedDataset : public SampleSource {
public:
    // Writes a packed file from any source (samples taken without augmentation, de-normalised).
    static void write(const std::string& path, const SampleSource& source, const ModelConfig& config);
    // Throws TrainingError for an unreadable file or one that does not fit `config`.
    static std::unique_ptr<PackedDataset> read(const std::string& path, const ModelConfig& config);
    // A pack folder, as `delineo-cli train --pack` and a cluster job write it and delineo-ml-train
    // reads it: config.json, train.pack, val.pack. `configPath` "" reads DIR/config.json.
    struct Folder;
    static void writeFolder(const std::string& dir, const ModelConfig& config, const SampleSource& train,
                            const SampleSource& val);
    static Folder readFolder(const std::string& dir, const std::string& configPath = {});
    ~PackedDataset() override;

    std::size_t size() const override;
    // Augmentation as in the folder pipeline: flips, rotation (±20°), scale (0.85–1.15), grid
    // distortion (30% of samples), brightness and contrast; deterministic per seed.
    TrainSample sample(std::size_t index, bool augment, std::uint64_t seed) const override;

private:
    struct Impl;
    explicit PackedDataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

struct PackedDataset::Folder {
    ModelConfig config;
    std::unique_ptr<PackedDataset> train, val;
};

} // namespace delineo::ml
