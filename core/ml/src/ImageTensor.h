#pragma once
// Internal: an 8-bit image as the network input tensor, shared by the automatic and the
// interactive segmenters.
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Segmenter.h"

#include <torch/torch.h>

namespace delineo::ml {

// The normalised 1 x C x height x width float tensor of `img` (resized when its size differs).
torch::Tensor imageTensor(const ImageU8View& img, const ModelConfig& c, std::int64_t height, std::int64_t width);

// Labels and confidence (and with keepProbabilities the 8-bit planes) at the image's own size from
// C x S x S probabilities, resampled as F::interpolate(bilinear, align_corners = false) does, in one
// pass over the output: at 1080p, interpolating and thresholding as tensors walked a dozen
// full-size float planes and took as long as the forward itself.
Prediction predictionAtImageSize(const torch::Tensor& probabilities, int width, int height, bool keepProbabilities);

} // namespace delineo::ml
