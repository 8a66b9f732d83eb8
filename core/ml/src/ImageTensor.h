#pragma once
// Internal: an 8-bit image as the network input tensor, shared by the automatic and the
// interactive segmenters.
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Segmenter.h"

#include <torch/torch.h>

namespace delineo::ml {

// The normalised 1 x C x height x width float tensor of `img` (resized when its size differs).
torch::Tensor imageTensor(const ImageU8View& img, const ModelConfig& c, std::int64_t height, std::int64_t width);

} // namespace delineo::ml
