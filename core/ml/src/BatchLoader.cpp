#include "BatchLoader.h"
#include "delineo/ml/Errors.h"

#include <cstring>

namespace delineo::ml {

static constexpr std::size_t kQueueDepth = 3;

BatchLoader::BatchLoader(const SampleSource& source, std::vector<std::size_t> order, int batchSize,
                         bool augment, std::uint64_t seed, int workers, int channels, int size)
    : source_(source), order_(std::move(order)), batchSize_(batchSize), augment_(augment), seed_(seed),
      channels_(channels), size_(size)
{
    batchCount_ = (order_.size() + batchSize_ - 1) / batchSize_;
    for (int i = 0; i < std::max(1, workers); ++i)
        threads_.emplace_back([this] { work(); });
}

BatchLoader::~BatchLoader()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_)
        t.join();
}

Batch BatchLoader::build(std::size_t b)
{
    const std::size_t begin = b * batchSize_;
    const std::size_t n = std::min<std::size_t>(batchSize_, order_.size() - begin);
    const std::int64_t plane = static_cast<std::int64_t>(size_) * size_;
    Batch batch;
    batch.images = torch::empty({static_cast<std::int64_t>(n), channels_, size_, size_}, torch::kFloat32);
    auto masks = torch::empty({static_cast<std::int64_t>(n), size_, size_}, torch::kUInt8);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t idx = order_[begin + i];
        TrainSample s = source_.sample(idx, augment_, seed_ * 1000003ULL + idx);
        if (s.image.size() != static_cast<std::size_t>(plane * channels_) ||
            s.mask.size() != static_cast<std::size_t>(plane))
            throw TrainingError("training sample " + std::to_string(idx) + " has the wrong size");
        std::memcpy(batch.images[i].data_ptr<float>(), s.image.data(), s.image.size() * sizeof(float));
        std::memcpy(masks[i].data_ptr<std::uint8_t>(), s.mask.data(), s.mask.size());
    }
    batch.masks = masks.to(torch::kInt64);
    return batch;
}

void BatchLoader::work()
{
    // Data threads must not spawn their own torch thread pools.
    at::set_num_threads(1);
    for (;;) {
        std::size_t b;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [&] {
                return stop_ || (nextToBuild_ < batchCount_ && nextToBuild_ < nextToGive_ + kQueueDepth);
            });
            if (stop_)
                return;
            b = nextToBuild_++;
        }
        Batch batch;
        std::exception_ptr err;
        try {
            batch = build(b);
        } catch (...) {
            err = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (err && !error_)
                error_ = err;
            ready_[b] = std::move(batch);
        }
        cv_.notify_all();
    }
}

bool BatchLoader::next(Batch& out)
{
    std::unique_lock<std::mutex> lock(mutex_);
    if (nextToGive_ >= batchCount_)
        return false;
    cv_.wait(lock, [&] { return error_ || ready_.count(nextToGive_) > 0; });
    if (error_)
        std::rethrow_exception(error_);
    out = std::move(ready_[nextToGive_]);
    ready_.erase(nextToGive_);
    ++nextToGive_;
    lock.unlock();
    cv_.notify_all();
    return true;
}

} // namespace delineo::ml
