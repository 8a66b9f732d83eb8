#pragma once
// Internal: the input of an interactive model for one window, shared by training and inference so
// both see the same encoding.
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Prompts.h"
#include "delineo/ml/Segmenter.h"

#include <torch/torch.h>

namespace delineo::ml {

// Click and stroke radius in model-input pixels.
inline constexpr float kClickRadius = 5.0f;

// 1 x (C + 4) x S x S: the window's normalised pixels, the prompt maps (positive, negative, box) and
// the previous mask (width x height of the whole image, may be null), all resized to the model
// input S. Prompts are in image pixels.
torch::Tensor interactiveInput(const ImageU8View& image, const Box& window, const PromptSet& prompts,
                               const std::uint8_t* previousMask, const ModelConfig& c);

} // namespace delineo::ml
