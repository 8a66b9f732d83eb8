#pragma once
// Runs an interactive (promptable) model: the image, the prompts and the current mask in, the mask
// of the object the prompts point at out. Large frames are read through a window around the prompts
// and the current mask (resized to the model input and pasted back), so a click on a 1920x1080
// endoscopy frame costs one model-input-sized forward pass.
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Prompts.h"
#include "delineo/ml/Segmenter.h"

#include <memory>
#include <string>
#include <vector>

namespace delineo::ml {

struct InteractiveResult {
    std::vector<std::uint8_t> mask;        // width x height, 0/1; outside `window` the previous mask
    std::vector<std::uint8_t> probability; // width x height, 0..255 inside `window`, else 0/255 from the mask
    Box window;                            // where the model looked, in image pixels
};

class InteractiveSegmenter {
public:
    // Loads weights + sidecar of a model with promptChannels 4. Throws ModelError.
    static std::unique_ptr<InteractiveSegmenter> load(const std::string& weightsPath);
    ~InteractiveSegmenter();
    InteractiveSegmenter(const InteractiveSegmenter&) = delete;
    InteractiveSegmenter& operator=(const InteractiveSegmenter&) = delete;

    const ModelConfig& config() const;
    // `previousMask` (width x height, non-zero = object) may be null: an empty mask.
    InteractiveResult predict(const ImageU8View& image, const PromptSet& prompts,
                              const std::uint8_t* previousMask) const;

private:
    struct Impl;
    explicit InteractiveSegmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A simulated annotator on one object: from `start` (null: an empty mask), optionally a box from the
// truth first, then one click at a time at the largest error (ml::nextClick) until the Dice reaches
// `stopAt` or `maxClicks` clicks were given.
struct AnnotationTrace {
    double startDice = 0;           // of the start mask
    double boxDice = -1;            // after the box alone (-1 without a box)
    std::vector<double> dice;       // after each click
    std::vector<Click> clicks;
    std::vector<std::uint8_t> mask; // the last answer, width x height, 0/1
};
AnnotationTrace simulateAnnotator(const InteractiveSegmenter& model, const ImageU8View& image,
                                  const std::uint8_t* truth, const std::uint8_t* start, bool box, int maxClicks,
                                  double stopAt);

} // namespace delineo::ml
