#pragma once
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Trainer.h"
#include "delineo/core/Image.h"

#include <atomic>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace delineo::core {

struct SamplePair {
    std::string image, mask;
};

// Image/mask pairs decoded once (OpenCV/DCMTK), resized to the model input and cached as 8-bit;
// each sample() applies a seeded augmentation (flips, rotation, scale, grid distortion,
// brightness/contrast) and normalises. Thread-safe for concurrent sample() calls.
class SegmentationDataset : public delineo::ml::SampleSource {
public:
    // Decodes every pair on `threads` threads. Throws ImageError for a missing or broken file.
    SegmentationDataset(std::vector<SamplePair> pairs, const delineo::ml::ModelConfig& config, int threads = 0,
                        const std::atomic<bool>* cancel = nullptr);

    // Samples that are not files (e.g. a workspace's slices and stored masks): `load(i)` returns
    // the image and its label map; it is called once per sample, from several threads.
    using Loader = std::function<std::pair<Image, LabelMap>(std::size_t)>;
    SegmentationDataset(std::size_t count, const Loader& load, const delineo::ml::ModelConfig& config, int threads = 0,
                        const std::atomic<bool>* cancel = nullptr);

    std::size_t size() const override { return images_.size(); }
    delineo::ml::TrainSample sample(std::size_t index, bool augment, std::uint64_t seed) const override;
    const SamplePair& pair(std::size_t i) const { return pairs_[i]; }

    // Kvasir-SEG layout: DIR/images/NAME, DIR/masks/NAME, names listed one per line in DIR/LIST.
    // An empty LIST takes every image that has a mask.
    static std::vector<SamplePair> kvasirPairs(const std::string& dir, const std::string& list);
    // Every image in imagesDir with a mask of the same stem (any image extension) in masksDir.
    static std::vector<SamplePair> folderPairs(const std::string& imagesDir, const std::string& masksDir);

private:
    std::vector<SamplePair> pairs_;
    delineo::ml::ModelConfig config_;
    std::vector<std::vector<std::uint8_t>> images_, masks_;
};

} // namespace delineo::core
