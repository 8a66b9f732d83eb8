#include "delineo/core/Propagation.h"
#include "delineo/core/Errors.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace delineo::core {

namespace {

cv::Mat grey(const ml::ImageU8View& v)
{
    const cv::Mat m(v.height, v.width, v.channels == 3 ? CV_8UC3 : CV_8UC1, const_cast<std::uint8_t*>(v.data));
    if (v.channels == 1)
        return m.clone();
    cv::Mat g;
    cv::cvtColor(m, g, cv::COLOR_RGB2GRAY);
    return g;
}

void requireSameFrames(const ml::ImageU8View& a, const ml::ImageU8View& b)
{
    if (a.width != b.width || a.height != b.height || a.channels != b.channels || a.width <= 0 || a.height <= 0)
        throw ImageError(ErrorCode::WrongSize, "propagation: the two frames differ in size or channels");
}

} // namespace

std::vector<std::uint8_t> warpMaskByFlow(const ml::ImageU8View& from, const std::uint8_t* fromMask,
                                         const ml::ImageU8View& to)
{
    requireSameFrames(from, to);
    const cv::Mat src(from.height, from.width, CV_8UC1, const_cast<std::uint8_t*>(fromMask));
    // DIS on frames of at most 320 pixels a side: the motion between frames is coarse, and so is
    // the flow a mask needs; full 1080p flow would cost more than the model.
    const double scale = std::min(1.0, 320.0 / std::max(from.width, from.height));
    cv::Mat a = grey(to), b = grey(from);
    if (scale < 1.0) {
        cv::resize(a, a, {}, scale, scale, cv::INTER_AREA);
        cv::resize(b, b, {}, scale, scale, cv::INTER_AREA);
    }
    cv::Mat flow;
    cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST)->calc(a, b, flow);
    if (scale < 1.0) {
        cv::resize(flow, flow, {from.width, from.height}, 0, 0, cv::INTER_LINEAR);
        flow /= scale;
    }
    cv::Mat map(from.height, from.width, CV_32FC2);
    for (int y = 0; y < from.height; ++y) {
        const auto* f = flow.ptr<cv::Vec2f>(y);
        auto* m = map.ptr<cv::Vec2f>(y);
        for (int x = 0; x < from.width; ++x)
            m[x] = cv::Vec2f(x + f[x][0], y + f[x][1]);
    }
    cv::Mat warped;
    cv::remap(src, warped, map, cv::noArray(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
    std::vector<std::uint8_t> out(warped.total());
    for (int y = 0; y < warped.rows; ++y)
        for (int x = 0; x < warped.cols; ++x)
            out[std::size_t(y) * warped.cols + x] = warped.at<std::uint8_t>(y, x) ? 1 : 0;
    return out;
}

PropagatedMask propagateMask(const ml::InteractiveSegmenter& model, const ml::ImageU8View& from,
                             const std::uint8_t* fromMask, const ml::ImageU8View& to, const PropagationOptions& options)
{
    requireSameFrames(from, to);
    const std::size_t n = std::size_t(to.width) * to.height;
    std::vector<std::uint8_t> carried = options.opticalFlow ? warpMaskByFlow(from, fromMask, to)
                                                            : std::vector<std::uint8_t>(fromMask, fromMask + n);
    for (auto& v : carried)
        v = v ? 1 : 0;
    PropagatedMask out;
    out.mask.assign(n, 0);
    // A click where the carried object is thickest: the annotator's first click, made for them.
    const std::vector<std::uint8_t> none(n, 0);
    const auto click = ml::nextClick(carried.data(), none.data(), to.width, to.height);
    if (!click)
        return out; // the object has left the frame
    ml::PromptSet prompts;
    prompts.clicks.push_back(*click);
    if (options.box) {
        std::mt19937 exact;
        prompts.box = ml::boxOfMask(carried.data(), to.width, to.height, 0.0, exact);
    }
    ml::InteractiveResult r = model.predict(to, prompts, carried.data());
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (r.mask[i]) {
            sum += r.probability[i] / 255.0;
            ++count;
        }
    out.mask = std::move(r.mask);
    out.confidence = count ? sum / double(count) : 0.0;
    return out;
}

std::vector<SyntheticFrame> deformedSequence(const ml::ImageU8View& image, const std::uint8_t* mask, int frames,
                                             unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    // Slow motions: at most ~12 degrees, +-10% scale and 8% of the side of drift over the sequence.
    const double rot = (u(rng) - 0.5) * 24, zoom = (u(rng) - 0.5) * 0.2, tx = (u(rng) - 0.5) * 0.16,
                 ty = (u(rng) - 0.5) * 0.16, phase = u(rng) * 3.14159;
    const cv::Mat src(image.height, image.width, image.channels == 3 ? CV_8UC3 : CV_8UC1,
                      const_cast<std::uint8_t*>(image.data));
    const cv::Mat srcMask(image.height, image.width, CV_8UC1, const_cast<std::uint8_t*>(mask));
    std::vector<SyntheticFrame> out;
    for (int t = 0; t < frames; ++t) {
        const double s = std::sin(3.14159 * t / std::max(1, frames - 1) + phase) - std::sin(phase);
        const cv::Mat a = cv::getRotationMatrix2D({image.width / 2.0f, image.height / 2.0f}, rot * s, 1.0 + zoom * s);
        cv::Mat affine = a.clone();
        affine.at<double>(0, 2) += tx * s * image.width;
        affine.at<double>(1, 2) += ty * s * image.height;
        cv::Mat px, mk;
        cv::warpAffine(src, px, affine, src.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        cv::warpAffine(srcMask, mk, affine, src.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
        SyntheticFrame f;
        f.pixels.assign(px.data, px.data + px.total() * px.channels());
        f.mask.resize(mk.total());
        for (std::size_t i = 0; i < f.mask.size(); ++i)
            f.mask[i] = mk.data[i] ? 1 : 0;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace delineo::core
