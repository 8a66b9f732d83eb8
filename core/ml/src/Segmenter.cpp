#include "delineo/ml/Segmenter.h"
#include "ChannelStats.h"
#include "ImageTensor.h"
#include "CheckpointIO.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>

namespace delineo::ml {

namespace F = torch::nn::functional;

struct Segmenter::Impl {
    LoadedModel model;
    torch::Device device{torch::kCPU};
    mutable std::mutex mutex;
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

std::unique_ptr<Segmenter> Segmenter::load(const std::string& weightsPath)
{
    auto impl = std::make_unique<Impl>();
    impl->model = loadForInference(weightsPath, false, impl->device);
    return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

const ModelConfig& Segmenter::config() const { return impl_->model.config; }
std::string Segmenter::device() const { return impl_->device.is_cuda() ? "cuda" : "cpu"; }

// Class probabilities N x C x S x S, averaged over flips when asked.
static torch::Tensor probabilities(const SegmentationNetPtr& net, const torch::Tensor& input, bool flipTta)
{
    auto probs = [&](const torch::Tensor& x) {
        auto logits = net->forward(x);
        return logits.size(1) == 1 ? torch::sigmoid(logits) : torch::softmax(logits, 1);
    };
    auto p = probs(input);
    if (flipTta) {
        p = p + probs(input.flip({3})).flip({3});
        p = p + probs(input.flip({2})).flip({2});
        p = p / 3.0;
    }
    return p;
}

// Start offsets of windows of `tile` covering `extent` with a quarter overlap, the last flush with the end.
static std::vector<std::int64_t> tileStarts(std::int64_t extent, std::int64_t tile)
{
    std::vector<std::int64_t> starts{0};
    const std::int64_t stride = std::max<std::int64_t>(1, tile * 3 / 4);
    while (starts.back() + tile < extent)
        starts.push_back(std::min(starts.back() + stride, extent - tile));
    return starts;
}

// Sliding-window probabilities C x H' x W' of the frame scaled by zoom (H', W' >= the tile size).
static torch::Tensor tiledProbabilities(const SegmentationNetPtr& net, const ImageU8View& img, const ModelConfig& c,
                                        const torch::Device& device, const PredictOptions& options)
{
    const std::int64_t s = c.inputSize;
    const double zoom = options.tileZoom > 0 ? options.tileZoom : 1.0;
    const std::int64_t h = std::max<std::int64_t>(1, std::llround(img.height * zoom)),
                       w = std::max<std::int64_t>(1, std::llround(img.width * zoom));
    auto input = imageTensor(img, c, h, w);
    // Frames smaller than a tile are padded by replication and cropped afterwards.
    const std::int64_t ph = std::max(h, s), pw = std::max(w, s);
    if (ph != h || pw != w)
        input = F::pad(input, F::PadFuncOptions({0, pw - w, 0, ph - h}).mode(torch::kReplicate));
    // Blending weight: a tent that is 1 in the middle and small, not zero, at the border.
    auto ramp = torch::arange(s, torch::kFloat32);
    ramp = torch::minimum(ramp + 1, s - ramp) / (s / 2.0);
    const auto weight = torch::outer(ramp, ramp).clamp(0.05, 1.0).to(device);
    torch::Tensor sum, weightSum = torch::zeros({ph, pw}, torch::kFloat32).to(device);
    std::vector<std::pair<std::int64_t, std::int64_t>> origins;
    for (auto y : tileStarts(ph, s))
        for (auto x : tileStarts(pw, s))
            origins.emplace_back(y, x);
    const std::size_t chunk = 8; // tiles per forward pass
    for (std::size_t first = 0; first < origins.size(); first += chunk) {
        std::vector<torch::Tensor> tiles;
        const std::size_t last = std::min(origins.size(), first + chunk);
        for (std::size_t i = first; i < last; ++i)
            tiles.push_back(input.slice(2, origins[i].first, origins[i].first + s)
                                .slice(3, origins[i].second, origins[i].second + s));
        const auto probs = probabilities(net, torch::cat(tiles, 0).contiguous().to(device), options.flipTta);
        if (!sum.defined())
            sum = torch::zeros({probs.size(1), ph, pw}, torch::kFloat32).to(device);
        for (std::size_t i = first; i < last; ++i) {
            const auto [y, x] = origins[i];
            sum.slice(1, y, y + s).slice(2, x, x + s) += probs[static_cast<int64_t>(i - first)].to(torch::kFloat32) * weight;
            weightSum.slice(0, y, y + s).slice(1, x, x + s) += weight;
        }
    }
    return (sum / weightSum).slice(1, 0, h).slice(2, 0, w);
}

Prediction Segmenter::predict(const ImageU8View& image, const PredictOptions& options) const
{
    return std::move(predictBatch({image}, options).front());
}

std::vector<Prediction> Segmenter::predictBatch(const std::vector<ImageU8View>& images, const PredictOptions& options) const
{
    const ModelConfig& c = impl_->model.config;
    std::vector<torch::Tensor> inputs;
    for (const auto& image : images) {
        const bool channelsOk = c.contextSlices > 1 ? image.channels == c.imageChannels() : image.channels == 1 || image.channels == 3;
        if (!image.data || image.width <= 0 || image.height <= 0 || !channelsOk)
            throw ModelError(c.contextSlices > 1 ? "segmenter: a 2.5D model needs " + std::to_string(c.contextSlices) +
                                                       " slices stacked (" + std::to_string(c.imageChannels()) + " channels)"
                                                 : std::string("segmenter: image must be 1 or 3 channels and non-empty"));
        if (!options.tiled) // preprocessing outside the lock, so callers on other threads overlap it
            inputs.push_back(imageTensor(image, c, c.inputSize, c.inputSize));
    }
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> probs; // per image, on the CPU; resampled outside the lock
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (options.tiled) {
            for (const auto& image : images)
                probs.push_back(tiledProbabilities(impl_->model.net, image, c, impl_->device, options).to(torch::kCPU));
        } else if (!inputs.empty()) {
            const auto all = probabilities(impl_->model.net, torch::cat(inputs, 0).to(impl_->device), options.flipTta)
                                 .to(torch::kCPU, torch::kFloat32);
            for (std::int64_t i = 0; i < all.size(0); ++i)
                probs.push_back(all[i]);
        }
    }
    std::vector<Prediction> out;
    for (std::size_t i = 0; i < probs.size(); ++i)
        out.push_back(predictionAtImageSize(probs[i], images[i].width, images[i].height, options.keepProbabilities));
    return out;
}

double meanEntropy(const Prediction& p)
{
    const std::size_t n = static_cast<std::size_t>(p.width) * p.height;
    if (n == 0 || p.probabilityPlanes < 1 || p.probabilities.size() < n * p.probabilityPlanes)
        return 0;
    // Entropy per 8-bit probability value, looked up rather than recomputed per pixel.
    std::array<double, 256> h{};
    for (int v = 1; v < 255; ++v) {
        const double q = v / 255.0;
        h[v] = -q * std::log(q);
    }
    std::array<double, 256> hBinary{};
    for (int v = 0; v < 256; ++v)
        hBinary[v] = (h[v] + h[255 - v]) / std::log(2.0);
    const int planes = p.probabilityPlanes;
    double sum = 0;
    if (planes == 1) {
        for (std::size_t i = 0; i < n; ++i)
            sum += hBinary[p.probabilities[i]];
    } else {
        const double norm = std::log(static_cast<double>(planes));
        for (std::size_t i = 0; i < n; ++i) {
            double e = 0;
            for (int k = 0; k < planes; ++k)
                e += h[p.probabilities[static_cast<std::size_t>(k) * n + i]];
            sum += e / norm;
        }
    }
    return std::min(1.0, sum / static_cast<double>(n));
}

} // namespace delineo::ml
