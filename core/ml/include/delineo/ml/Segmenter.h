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
    // With PredictOptions::keepProbabilities: one 0..255 plane per network output channel
    // (binary: the foreground; several classes: background first), plane after plane.
    std::vector<std::uint8_t> probabilities;
    int probabilityPlanes = 0;
};

// Mean normalised pixel entropy of the class probabilities (0: certain everywhere, 1: a coin
// toss everywhere). Needs PredictOptions::keepProbabilities; with flip TTA the averaged
// probabilities also carry the flips' disagreement. Used to rank cases for review.
double meanEntropy(const Prediction& prediction);

struct PredictOptions {
    // Test-time augmentation: also run the horizontally and vertically flipped image and average
    // the probabilities (3 forward passes).
    bool flipTta = false;
    bool keepProbabilities = false;
    // Sliding window instead of resizing the whole frame: the frame is scaled by tileZoom (so
    // structures appear at the scale the model was trained on; 1 = native pixels), covered by
    // model-input tiles overlapping by a quarter, and the tiles' probabilities blended with weights
    // that fall towards each tile's edge. Detail of large frames (e.g. 1920x1072 endoscopy) is kept.
    bool tiled = false;
    double tileZoom = 1.0;
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
    // Frames of any size are resized to the model input and the probabilities resized back, or
    // read tile by tile (PredictOptions::tiled).
    Prediction predict(const ImageU8View& image, const PredictOptions& options = {}) const;
    // One forward pass for the whole batch (sizes may differ).
    std::vector<Prediction> predictBatch(const std::vector<ImageU8View>& images, const PredictOptions& options = {}) const;

private:
    struct Impl;
    explicit Segmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::ml
