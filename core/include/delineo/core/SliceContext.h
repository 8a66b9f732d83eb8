#pragma once
// What a model reads for one slice: the slice itself (2D) or the slice with its neighbours stacked
// as channels (2.5D, ModelConfig::contextSlices). Training, fine-tuning and every inference path
// assemble their input here, so a model sees the same stack wherever it runs.
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Segmenter.h"

#include <string>
#include <vector>

namespace delineo::core {

// The slices read for slice `index` of a stack of `depth`: index - slices/2 .. index + slices/2, in
// order, mirrored at the ends (slice 0 reads 1, 0, 1). Repeating the end slice instead would show
// everything on it as continuing beyond the volume. Too few slices to mirror: the nearest repeats.
std::vector<int> contextIndices(int depth, int index, int slices);

// 8-bit slices of one size stacked into one interleaved U8 image of `channels` (1 or 3) per slice,
// each converted as modelInput8 does; geometry and path come from the middle slice. Throws
// ImageError(WrongSize) when the slices differ in size.
Image stackSlices(const std::vector<Image>& slices, int channels);

// The model's input for slice `index` of `volume`: for a 2D model the slice's 8-bit pixels in its own
// channels (the segmenter converts), for a 2.5D model its context stacked in the model's channels.
Image modelInputImage(const Volume& volume, int index, const ml::ModelConfig& config);

// The segmenter's view of an 8-bit model input (modelInputImage, stackSlices).
inline ml::ImageU8View viewOf(const Image& input) { return {input.bytes.data(), input.width, input.height, input.channels}; }

// `model` on slice `index` of `volume`, reading what modelInputImage gives it.
ml::Prediction predictSlice(const ml::Segmenter& model, const Volume& volume, int index,
                            const ml::PredictOptions& options = {});

// A prediction's class indices as a label map.
LabelMap toLabelMap(ml::Prediction&& p);

// For image files that are slices (e.g. UW-Madison PNGs): the context of every path, as indices into
// `paths`. Files of one folder whose names differ only in numbers form series: the last number that
// differs orders a series, the others tell series apart (case, day). A file without a number, or
// alone in its series, is read with itself.
std::vector<std::vector<std::size_t>> fileContexts(const std::vector<std::string>& paths, int slices);

// The files each of `paths` is read with, its neighbours looked up among every image file of its
// folder (a slice without a mask still serves as a neighbour).
std::vector<std::vector<std::string>> fileStacks(const std::vector<std::string>& paths, int slices);

// Files decoded and stacked (stackSlices).
Image stackFiles(const std::vector<std::string>& files, int channels);

} // namespace delineo::core
