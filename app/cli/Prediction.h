#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Metrics.h"
#include "CliArgs.h"

#include <nlohmann/json.hpp>

namespace delineo::cli {

// Runs the model on a decoded image (any type: converted to the model's 8-bit input first).
ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img, const ml::PredictOptions& options = {});
// --tta, --tiles and --tile-zoom Z, shared by segment and evaluate.
ml::PredictOptions predictOptions(const CliArgs& args);
using core::toLabelMap;

// "CT, grey" or "colour": what an image is, as a model's fit is judged (ModelConfig::fits).
std::string kindOf(int channels, const std::string& modality);
// --model, else the shipped model made for `firstInput`, as the window picks one for the image it
// opens (an MR slice gets the GI-tract model, and the choice is said on stderr); the polyp model
// when none is, or when the input cannot be read (its own error comes when it is used).
std::string modelFor(const CliArgs& args, const std::string& firstInput);

// The six metrics as evaluate prints them: JSON (an undefined HD95 is null), a table row and its header.
nlohmann::json metricsJson(const ml::SegmentationMetrics& m);
void printMetricsRow(const std::string& name, const ml::SegmentationMetrics& m);
void printMetricsHeader(const std::string& first);

} // namespace delineo::cli
