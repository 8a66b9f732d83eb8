#include "ImageTensor.h"

#include <algorithm>
#include <cmath>
#include <vector>
#include "ChannelStats.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

// Converts an 8-bit image to the normalised 1 x C x height x width float tensor the network expects.
torch::Tensor imageTensor(const ImageU8View& img, const ModelConfig& c, std::int64_t height, std::int64_t width)
{
    auto t = torch::from_blob(const_cast<std::uint8_t*>(img.data), {img.height, img.width, img.channels},
                              torch::kUInt8)
                 .permute({2, 0, 1})
                 .to(torch::kFloat32)
                 .div_(255.0f)
                 .unsqueeze(0);
    // Stacked 2.5D slices arrive in the model's channels; a single slice is converted.
    if (c.contextSlices == 1 && img.channels == 1 && c.inChannels == 3)
        t = t.expand({1, 3, img.height, img.width});
    else if (c.contextSlices == 1 && img.channels == 3 && c.inChannels == 1)
        t = t.mean(1, true);
    if (height != img.height || width != img.width)
        t = F::interpolate(t, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{height, width})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    // HWC data permuted to CHW keeps channels-last strides; convolutions are much faster on
    // contiguous NCHW here.
    return normalised(t, c);
}

namespace {

// One output coordinate of bilinear resampling as F::interpolate(align_corners = false) computes it.
struct Tap {
    int i0, i1;
    float w0, w1;
};

std::vector<Tap> taps(int in, int out)
{
    std::vector<Tap> t(static_cast<std::size_t>(out));
    const float scale = static_cast<float>(in) / static_cast<float>(out);
    for (int d = 0; d < out; ++d) {
        const float real = std::max(0.0f, scale * (static_cast<float>(d) + 0.5f) - 0.5f);
        const int i0 = std::min(static_cast<int>(real), in - 1);
        const float w1 = real - static_cast<float>(i0);
        t[static_cast<std::size_t>(d)] = {i0, i0 < in - 1 ? i0 + 1 : i0, 1.0f - w1, w1};
    }
    return t;
}

std::uint8_t to8(float v) { return static_cast<std::uint8_t>(std::nearbyint(std::clamp(v * 255.0f, 0.0f, 255.0f))); }

} // namespace

Prediction predictionAtImageSize(const torch::Tensor& probabilities, int width, int height, bool keepProbabilities)
{
    const torch::Tensor probs = probabilities.to(torch::kCPU, torch::kFloat32).contiguous();
    const int planes = static_cast<int>(probs.size(0)), inH = static_cast<int>(probs.size(1)),
              inW = static_cast<int>(probs.size(2));
    const float* src = probs.data_ptr<float>();
    const std::size_t plane = static_cast<std::size_t>(inH) * inW, n = static_cast<std::size_t>(width) * height;
    const auto xs = taps(inW, width), ys = taps(inH, height);
    Prediction out;
    out.width = width;
    out.height = height;
    out.labels.resize(n);
    out.confidence.resize(n);
    if (keepProbabilities) {
        out.probabilityPlanes = planes;
        out.probabilities.resize(n * static_cast<std::size_t>(planes));
    }
    std::vector<float> value(static_cast<std::size_t>(planes));
    for (int y = 0; y < height; ++y) {
        const Tap& ty = ys[static_cast<std::size_t>(y)];
        const std::size_t row = static_cast<std::size_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const Tap& tx = xs[static_cast<std::size_t>(x)];
            int best = 0;
            for (int c = 0; c < planes; ++c) {
                const float* r0 = src + c * plane + static_cast<std::size_t>(ty.i0) * inW;
                const float* r1 = src + c * plane + static_cast<std::size_t>(ty.i1) * inW;
                const float v = ty.w0 * (tx.w0 * r0[tx.i0] + tx.w1 * r0[tx.i1]) + ty.w1 * (tx.w0 * r1[tx.i0] + tx.w1 * r1[tx.i1]);
                value[static_cast<std::size_t>(c)] = v;
                if (v > value[static_cast<std::size_t>(best)])
                    best = c;
                if (keepProbabilities)
                    out.probabilities[static_cast<std::size_t>(c) * n + row + x] = to8(v);
            }
            if (planes == 1) {
                const float p = value[0];
                out.labels[row + x] = p > 0.5f ? 1 : 0;
                out.confidence[row + x] = to8(std::max(p, 1.0f - p));
            } else {
                out.labels[row + x] = static_cast<std::uint8_t>(best);
                out.confidence[row + x] = to8(value[static_cast<std::size_t>(best)]);
            }
        }
    }
    return out;
}

} // namespace delineo::ml
