#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::ml {

struct ClassInfo {
    std::string name;
    std::array<std::uint8_t, 3> colour{255, 0, 0};
};

// The widest 2.5D context a model may read (slices, odd).
constexpr int kMaxContextSlices = 9;
// A slice context a model may have: odd, 1 (2D) to kMaxContextSlices.
constexpr bool validContextSlices(int slices) { return slices >= 1 && slices <= kMaxContextSlices && slices % 2 == 1; }

// Everything needed to rebuild a network and feed it: stored as the checkpoint's JSON sidecar.
struct ModelConfig {
    std::string architecture = "unet";
    int inChannels = 3;
    // Interactive (promptable) models read kPromptPlanes prompt maps and the previous mask after the
    // image channels: 4. Automatic models: 0.
    int promptChannels = 0;
    bool interactive() const { return promptChannels > 0; }
    // 2.5D: the slice and its (contextSlices - 1) / 2 neighbours on each side, each inChannels
    // wide, stacked as input channels (odd, 1 = 2D). At a volume's ends the context is mirrored.
    int contextSlices = 1;
    // Image channels the network reads: inChannels per slice of context.
    int imageChannels() const { return inChannels * contextSlices; }
    // Foreground classes; 1 means binary (sigmoid), more means softmax over background + classes.
    std::vector<ClassInfo> classes{{"polyp", {255, 64, 64}}};
    int baseWidth = 16;
    int depth = 4;
    int inputSize = 256;
    std::array<float, 3> mean{0.f, 0.f, 0.f};
    std::array<float, 3> std{1.f, 1.f, 1.f};
    // Free-form provenance: description, training data, metrics.
    std::string description;
    std::string metricsJson = "{}";
    // Imported TorchScript models: the SHA-256 of the weights file as imported (a model file is a
    // program; the app refuses to run it once the file changed).
    std::string sha256;
    // A demonstration model (e.g. trained on a handful of samples): the app says so wherever it is in use.
    bool demo = false;
    // The DICOM modalities (MR, CT, ES…) the model was made for; empty: not stated, any.
    std::vector<std::string> modalities;
    // Whether it is made for an image of `channels` (1 grey, 3 colour) and `modality` ("" unknown:
    // a PNG or JPEG says nothing, so only the channels decide).
    bool fits(int channels, const std::string& modality) const;

    int numForeground() const { return static_cast<int>(classes.size()); }
    bool binary() const { return classes.size() == 1; }
    // Output channels of the network: 1 for binary, background + classes otherwise.
    int outChannels() const { return binary() ? 1 : numForeground() + 1; }

    std::string toJson() const;
    static ModelConfig fromJson(const std::string& text); // throws ModelError
};

} // namespace delineo::ml
