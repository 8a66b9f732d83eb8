#include "delineo/ml/InteractiveSegmenter.h"
#include "CheckpointIO.h"
#include "ImageTensor.h"
#include "InteractiveInput.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Metrics.h"

#include <algorithm>
#include <mutex>

namespace delineo::ml {

namespace F = torch::nn::functional;

torch::Tensor interactiveInput(const ImageU8View& image, const Box& window, const PromptSet& prompts,
                               const std::uint8_t* previousMask, const ModelConfig& c)
{
    const int s = c.inputSize;
    // The window's pixels, contiguous, as an image of their own.
    std::vector<std::uint8_t> crop(static_cast<std::size_t>(window.width()) * window.height() * image.channels);
    for (int y = 0; y < window.height(); ++y)
        std::copy_n(image.data + (static_cast<std::size_t>(window.y0 + y) * image.width + window.x0) * image.channels,
                    static_cast<std::size_t>(window.width()) * image.channels,
                    crop.data() + static_cast<std::size_t>(y) * window.width() * image.channels);
    const torch::Tensor pixels = imageTensor({crop.data(), window.width(), window.height(), image.channels}, c, s, s);
    // Prompts in model-input coordinates, drawn at the model's own scale.
    const double sx = double(s) / window.width(), sy = double(s) / window.height();
    auto map = [&](const Click& k) {
        return Click{static_cast<int>((k.x - window.x0 + 0.5) * sx), static_cast<int>((k.y - window.y0 + 0.5) * sy), k.positive};
    };
    PromptSet local;
    for (const auto& k : prompts.clicks)
        local.clicks.push_back(map(k));
    for (const auto& sc : prompts.scribbles) {
        Scribble t;
        for (const auto& p : sc.points)
            t.points.push_back(map(p));
        local.scribbles.push_back(t);
    }
    if (prompts.box) {
        const Click a = map({prompts.box->x0, prompts.box->y0, true}), b = map({prompts.box->x1, prompts.box->y1, true});
        local.box = Box{a.x, a.y, b.x, b.y};
    }
    std::vector<float> planes = encodePrompts(local, s, s, kClickRadius);
    // The previous mask, nearest-neighbour into the same grid.
    planes.resize(static_cast<std::size_t>(s) * s * (kPromptPlanes + 1), 0.0f);
    if (previousMask) {
        float* m = planes.data() + static_cast<std::size_t>(s) * s * kPromptPlanes;
        for (int y = 0; y < s; ++y) {
            const int iy = window.y0 + std::min(window.height() - 1, static_cast<int>(y / sy));
            for (int x = 0; x < s; ++x) {
                const int ix = window.x0 + std::min(window.width() - 1, static_cast<int>(x / sx));
                m[static_cast<std::size_t>(y) * s + x] = previousMask[static_cast<std::size_t>(iy) * image.width + ix] ? 1.0f : 0.0f;
            }
        }
    }
    const torch::Tensor extra = torch::from_blob(planes.data(), {1, kPromptPlanes + 1, s, s}, torch::kFloat32).clone();
    return torch::cat({pixels, extra}, 1).contiguous();
}

struct InteractiveSegmenter::Impl {
    LoadedModel model;
    torch::Device device{torch::kCPU};
    mutable std::mutex mutex;
};

InteractiveSegmenter::InteractiveSegmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
InteractiveSegmenter::~InteractiveSegmenter() = default;

std::unique_ptr<InteractiveSegmenter> InteractiveSegmenter::load(const std::string& weightsPath)
{
    auto impl = std::make_unique<Impl>();
    impl->model = loadForInference(weightsPath, true, impl->device);
    return std::unique_ptr<InteractiveSegmenter>(new InteractiveSegmenter(std::move(impl)));
}

const ModelConfig& InteractiveSegmenter::config() const { return impl_->model.config; }

InteractiveResult InteractiveSegmenter::predict(const ImageU8View& image, const PromptSet& prompts,
                                                const std::uint8_t* previousMask) const
{
    if (!image.data || image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3))
        throw ModelError("interactive segmentation needs an 8-bit image with 1 or 3 channels");
    const ModelConfig& c = impl_->model.config;
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    InteractiveResult out;
    // The model learns on whole frames at its input size (scale augmented by +-15%): the window
    // is never smaller than 3/4 of the frame's long side, so it zooms in at most 1.33x over what
    // the model saw; large frames are still read around the prompts, not whole.
    const int minSide = std::max(std::min(c.inputSize, 96), static_cast<int>(0.75 * std::max(image.width, image.height)));
    out.window = focusWindow(prompts, previousMask, image.width, image.height, 1.4, minSide);
    out.mask.assign(n, 0);
    out.probability.assign(n, 0);
    if (previousMask)
        for (std::size_t i = 0; i < n; ++i) {
            out.mask[i] = previousMask[i] ? 1 : 0;
            out.probability[i] = previousMask[i] ? 255 : 0;
        }
    torch::Tensor prob;
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        torch::NoGradGuard noGrad;
        const torch::Tensor input = interactiveInput(image, out.window, prompts, previousMask, c).to(impl_->device);
        prob = torch::sigmoid(impl_->model.net->forward(input));
    }
    prob = F::interpolate(prob, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{out.window.height(), out.window.width()})
                                    .mode(torch::kBilinear)
                                    .align_corners(false))
               .squeeze()
               .mul(255.0f)
               .round()
               .clamp(0, 255)
               .to(torch::kCPU, torch::kUInt8)
               .contiguous();
    const std::uint8_t* p = prob.data_ptr<std::uint8_t>();
    for (int y = 0; y < out.window.height(); ++y)
        for (int x = 0; x < out.window.width(); ++x) {
            const std::size_t i = static_cast<std::size_t>(out.window.y0 + y) * image.width + out.window.x0 + x;
            out.probability[i] = p[static_cast<std::size_t>(y) * out.window.width() + x];
            out.mask[i] = out.probability[i] >= 128 ? 1 : 0;
        }
    return out;
}

AnnotationTrace simulateAnnotator(const InteractiveSegmenter& model, const ImageU8View& image,
                                  const std::uint8_t* truth, const std::uint8_t* start, bool box, int maxClicks,
                                  double stopAt)
{
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    auto dice = [&](const std::vector<std::uint8_t>& m) {
        return metricsFromCounts(countClass(m.data(), truth, n, 1)).dice;
    };
    std::vector<std::uint8_t> truthBinary(truth, truth + n), current(n, 0);
    for (auto& v : truthBinary)
        v = v ? 1 : 0;
    if (start)
        for (std::size_t i = 0; i < n; ++i)
            current[i] = start[i] ? 1 : 0;
    AnnotationTrace trace;
    trace.startDice = dice(current);
    PromptSet prompts;
    if (box) {
        std::mt19937 none(0);
        prompts.box = boxOfMask(truthBinary.data(), image.width, image.height, 0.0, none);
        if (prompts.box) {
            current = model.predict(image, prompts, current.data()).mask;
            trace.boxDice = dice(current);
        }
    }
    double last = box ? trace.boxDice : trace.startDice;
    for (int k = 0; k < maxClicks && last < stopAt; ++k) {
        const auto click = nextClick(truthBinary.data(), current.data(), image.width, image.height);
        if (!click)
            break;
        prompts.clicks.push_back(*click);
        trace.clicks.push_back(*click);
        current = model.predict(image, prompts, current.data()).mask;
        last = dice(current);
        trace.dice.push_back(last);
    }
    trace.mask = std::move(current);
    return trace;
}

} // namespace delineo::ml
