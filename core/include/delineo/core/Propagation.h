#pragma once
// Carries an object's mask through a video or a stack of slices with the interactive model (as
// MaskTrack does): the mask of one frame, warped onto the next by dense optical flow (OpenCV DIS),
// becomes the next frame's previous mask, with a click at its most interior pixel and its box as
// the prompts; the model's answer is the next frame's mask.
#include "delineo/ml/InteractiveSegmenter.h"

#include <cstdint>
#include <vector>

namespace delineo::core {

struct PropagationOptions {
    bool opticalFlow = true;   // warp the mask by DIS flow first (else it is carried as it was)
    bool box = true;           // give the warped mask's box as a prompt too
};

struct PropagatedMask {
    std::vector<std::uint8_t> mask;   // width x height of `to`, 0/1
    double confidence = 0;            // mean probability over the answer's object; 0 when it is empty
};

// `from` and `to` share size and channels; `fromMask` is width x height (non-zero = object).
// Throws ml::ModelError (and ImageError(WrongSize) for frames that do not match).
PropagatedMask propagateMask(const ml::InteractiveSegmenter& model, const ml::ImageU8View& from,
                             const std::uint8_t* fromMask, const ml::ImageU8View& to,
                             const PropagationOptions& options = {});

// The mask warped onto `to` by the dense optical flow from `to` back to `from` (nearest neighbour).
std::vector<std::uint8_t> warpMaskByFlow(const ml::ImageU8View& from, const std::uint8_t* fromMask,
                                         const ml::ImageU8View& to);

// A test sequence with known truth: `frames` frames made from one image and its mask by a smooth
// affine motion (rotation, scale, translation along slow sine curves, seeded), the image warped
// with reflected borders, the mask with nearest neighbour. Frame 0 is the image itself.
struct SyntheticFrame {
    std::vector<std::uint8_t> pixels;   // width x height x channels
    std::vector<std::uint8_t> mask;     // width x height, 0/1
};
std::vector<SyntheticFrame> deformedSequence(const ml::ImageU8View& image, const std::uint8_t* mask, int frames,
                                             unsigned seed);

} // namespace delineo::core
