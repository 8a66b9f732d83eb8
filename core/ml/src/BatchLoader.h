#pragma once
// Internal: assembles batches on worker threads so the model never waits for data.
#include "delineo/ml/Trainer.h"

#include <torch/torch.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace delineo::ml {

struct Batch {
    torch::Tensor images;  // N x C x S x S float
    torch::Tensor masks;   // N x S x S int64
};

class BatchLoader {
public:
    // Iterates `order` in batches of `batchSize`; sample seeds derive from `seed`.
    BatchLoader(const SampleSource& source, std::vector<std::size_t> order, int batchSize, bool augment,
                std::uint64_t seed, int workers, int channels, int size);
    ~BatchLoader();
    int batches() const { return static_cast<int>(batchCount_); }
    // Blocks until the next batch is ready; false when done. Rethrows worker errors.
    bool next(Batch& out);

private:
    void work();
    Batch build(std::size_t batchIndex);

    const SampleSource& source_;
    std::vector<std::size_t> order_;
    int batchSize_;
    bool augment_;
    std::uint64_t seed_;
    int channels_, size_;
    std::size_t batchCount_;
    std::size_t nextToBuild_ = 0, nextToGive_ = 0;
    std::map<std::size_t, Batch> ready_;
    std::exception_ptr error_;
    bool stop_ = false;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::thread> threads_;
};

} // namespace delineo::ml
