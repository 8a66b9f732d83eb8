#pragma once
// Data-parallel training over LibTorch's c10d (TCPStore and ProcessGroupGloo): the collectives the
// trainer needs, and batch norm over the global batch. Who this process is: DistributedSetup.h.
#include "delineo/ml/DistributedSetup.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace c10d {
class ProcessGroup;
class Store;
} // namespace c10d

namespace delineo::ml {

class Distributed {
public:
    // Joins the group (rank 0 starts the store); TrainingError when the others do not come within
    // the timeout or the address is wrong.
    explicit Distributed(const DistributedSetup& setup);
    ~Distributed();
    // The group this process's environment describes, or nullptr without one (world 1).
    static std::unique_ptr<Distributed> fromEnvironment(const std::string& device);

    int rank() const { return setup_.rank; }
    int world() const { return setup_.world; }
    bool leader() const { return setup_.rank == 0; }
    std::string backend() const;

    // Rank 0's values into every rank's tensors (in place): the initial weights and buffers.
    void broadcast(const std::vector<torch::Tensor>& tensors);
    // Every parameter's gradient replaced by its mean over the ranks: summed in buckets of about
    // 25 MB, all in flight together, then divided. A parameter without a gradient counts as zeros.
    // The buckets are laid out and allocated at the first call (the same parameters every step).
    void averageGradients(const std::vector<torch::Tensor>& parameters);
    // Element-wise sum over the ranks, in place.
    void sum(torch::Tensor& t);
    void barrier();

private:
    template <typename F>
    auto guarded(const char* what, F&& f) -> decltype(f());

    DistributedSetup setup_;
    std::vector<std::vector<std::size_t>> buckets_;   // parameter indices per bucket
    std::vector<torch::Tensor> bucketBuffers_;        // one flat buffer per bucket, reused
    std::size_t bucketed_ = 0;                        // how many parameters the buckets were laid out for
    c10::intrusive_ptr<c10d::Store> store_;
    c10::intrusive_ptr<c10d::ProcessGroup> group_;
};

// Batch norm that normalises with the statistics of the whole global batch (what PyTorch's
// SyncBatchNorm does), so N ranks of batch B train as one process of batch N*B. Rewrites the
// BatchNorm2d entries of the net's Sequentials in place; their parameters and buffers stay where
// they were registered (checkpoints and the optimizer do not change). Returns how many.
int synchroniseBatchNorm(torch::nn::Module& net, Distributed& dist);

} // namespace delineo::ml
