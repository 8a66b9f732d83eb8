#pragma once
// Internal: training and validation batches for the interactive model, with prompts an annotator
// would give (RITM's iterative click simulation): per sample one object (a class present in its
// mask), a start (an empty mask, or the truth deliberately degraded), a first click or a box from
// the truth, then a random number of rounds in which the network's own prediction is fed back and
// the next click goes to the interior of the largest error.
#include "SegmentationNet.h"
#include "delineo/ml/ModelConfig.h"

#include <torch/torch.h>

#include <random>

namespace delineo::ml {

struct InteractiveBatch {
    torch::Tensor inputs;  // N x (C + 4) x S x S, on the device
    torch::Tensor targets; // N x S x S int64, 0/1, on the device
};

struct ClickSimulationOptions {
    int maxRounds = 3;           // fed-back rounds drawn uniformly from 0..maxRounds
    double boxShare = 0.25;     // samples whose first prompt is a box (jittered 10%)
    double degradedShare = 0.35; // samples that start from a degraded truth instead of an empty mask
};

// `images` N x C x S x S (normalised), `masks` N x S x S class indices, both on the CPU. The
// network runs the feedback rounds without gradients (in eval mode, restored after).
InteractiveBatch simulateInteraction(const SegmentationNetPtr& net, const torch::Tensor& images,
                                     const torch::Tensor& masks, const torch::Device& device, std::mt19937& rng,
                                     const ClickSimulationOptions& options = {});

// Validation input: every sample's first foreground class, one click at its interior from an empty
// mask (deterministic).
InteractiveBatch firstClickBatch(const torch::Tensor& images, const torch::Tensor& masks, const torch::Device& device);

} // namespace delineo::ml
