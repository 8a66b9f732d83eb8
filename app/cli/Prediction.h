#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/Segmenter.h"
#include "CliArgs.h"

namespace delineo::cli {

// Runs the model on a decoded image (any type: converted to the model's 8-bit input first).
ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img, const ml::PredictOptions& options = {});
// --tta, --tiles and --tile-zoom Z, shared by segment and evaluate.
ml::PredictOptions predictOptions(const CliArgs& args);
core::LabelMap toLabelMap(ml::Prediction&& p);

} // namespace delineo::cli
