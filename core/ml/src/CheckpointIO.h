#pragma once
// Internal: save/load networks with their sidecar.
#include "SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

namespace delineo::ml {

struct LoadedModel {
    ModelConfig config;
    SegmentationNetPtr net;
};

// Where an interrupted training run stands, stored with its optimizer state so a resumed run
// neither repeats epochs nor forgets the best validation Dice it has to beat.
struct ResumeState {
    int epoch = 0;
    bool hasBest = false;
    double bestDice = 0;
    int bestEpoch = 0;
};
// Writes weights (and optimizer state when given) and the sidecar, each atomically, as tensor
// dictionaries with no code in them (TensorArchive.h).
void saveModel(const SegmentationNetPtr& net, const ModelConfig& config, const std::string& weightsPath,
               torch::optim::AdamW* optimizer = nullptr, const ResumeState& state = {});
LoadedModel loadModel(const std::string& weightsPath, const torch::Device& device); // ModelError
// For inference: on CUDA when there is a GPU, else the CPU (`device` says which), in eval mode; an
// interactive model only when `interactive`, never otherwise (the two read different inputs).
LoadedModel loadForInference(const std::string& weightsPath, bool interactive, torch::Device& device);
// Exact: every tensor must match. Transfer: an automatic model starts the interactive twin of its
// architecture (wider input, maybe another head). MoreClasses: the same model with classes added
// after its own: the output layers grow, the classes it had keep their outputs (a binary model's
// one logit becomes the first class of a softmax over a zero background), and the new ones keep
// the layer's fresh initialisation (a deep negative bias or zero weights would leave AdamW, which
// steps by about the learning rate, hundreds of steps before the class could win a pixel).
enum class WeightsFit { Exact, Transfer, MoreClasses };
// Loads only weights into an existing net (e.g. fine-tuning from a checkpoint of the same shape).
void loadWeights(const SegmentationNetPtr& net, const std::string& weightsPath, WeightsFit fit = WeightsFit::Exact);
// Restores optimizer state (TrainingError when it is missing, damaged, of an earlier format or of
// another model); returns where the run stood.
ResumeState loadOptimizer(torch::optim::AdamW& optimizer, const std::string& weightsPath);

} // namespace delineo::ml
