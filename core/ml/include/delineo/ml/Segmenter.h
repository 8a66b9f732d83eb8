#pragma once
#include "delineo/ml/ModelConfig.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace delineo::ml {

// An 8-bit interleaved (HWC) image as the model sees it: 1 or 3 channels.
struct ImageU8View {
    const std::uint8_t* data = nullptr;
    int width = 0, height = 0, channels = 3;
};

struct Prediction {
    int width = 0, height = 0;
    std::vector<std::uint8_t> labels;      // class index per pixel, 0 = background
    std::vector<std::uint8_t> confidence;  // max class probability per pixel, 0..255
};

// Runs a trained network on images of any size (resized to the model input and back).
class Segmenter {
public:
    // Loads weights + sidecar (path is the .pt file; sidecar is path with .json). Throws ModelError.
    static std::unique_ptr<Segmenter> load(const std::string& weightsPath);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    const ModelConfig& config() const;
    std::string device() const;
    Prediction predict(const ImageU8View& image) const;

private:
    struct Impl;
    explicit Segmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::ml
