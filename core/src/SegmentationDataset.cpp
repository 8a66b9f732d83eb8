#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/ParallelFor.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SliceContext.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

std::vector<std::string> imagePaths(const std::vector<SamplePair>& pairs)
{
    std::vector<std::string> out;
    for (const auto& p : pairs)
        out.push_back(p.image);
    return out;
}

// OpenCV's warps take at most 4 channels; a wider 2.5D stack is warped plane by plane.
template <typename Warp>
cv::Mat warped(const cv::Mat& src, Warp warp)
{
    cv::Mat out;
    if (src.channels() <= 4) {
        warp(src, out);
        return out;
    }
    std::vector<cv::Mat> planes;
    cv::split(src, planes);
    for (cv::Mat& p : planes) {
        cv::Mat w;
        warp(p, w);
        p = w;
    }
    cv::merge(planes, out);
    return out;
}

} // namespace

SegmentationDataset::SegmentationDataset(std::vector<SamplePair> pairs, const ml::ModelConfig& config, int threads,
                                         const std::atomic<bool>* cancel)
    : SegmentationDataset(
          pairs.size(),
          [&, stacks = config.contextSlices > 1 ? fileStacks(imagePaths(pairs), config.contextSlices)
                                             : std::vector<std::vector<std::string>>{}](std::size_t i) {
              Image img = stacks.empty() ? loadImage(pairs[i].image) : stackFiles(stacks[i], config.inChannels);
              LabelMap mask = loadMask(pairs[i].mask, config.numForeground());
              if (mask.width != img.width || mask.height != img.height)
                  throw ImageError(ErrorCode::WrongSize,
                                   "mask " + pairs[i].mask + " does not match the size of " + pairs[i].image);
              return std::make_pair(std::move(img), std::move(mask));
          },
          config, threads, cancel)
{
    pairs_ = std::move(pairs);
}

SegmentationDataset::SegmentationDataset(std::size_t count, const Loader& load, const ml::ModelConfig& config,
                                         int threads, const std::atomic<bool>* cancel)
    : config_(config), images_(count), masks_(count)
{
    const int s = config_.inputSize;
    parallelFor(
        count, threads,
        [&](std::size_t i) {
            auto [img, mask] = load(i);
            if (mask.width != img.width || mask.height != img.height)
                throw ImageError(ErrorCode::WrongSize, "a mask does not match the size of its image " + img.path);
            const int ch = config_.imageChannels();
            if (config_.contextSlices > 1 && (img.channels != ch || img.type != PixelType::U8))
                throw ImageError(ErrorCode::WrongSize, img.path + ": a 2.5D sample needs its slices stacked (stackSlices)");
            std::vector<std::uint8_t> px = img.channels == ch && img.type == PixelType::U8 ? std::move(img.bytes)
                                                                                            : modelInput8(img, ch);
            cv::Mat m(img.height, img.width, CV_8UC(ch), px.data());
            cv::Mat small, smallMask;
            small = warped(m, [&](const cv::Mat& in, cv::Mat& out) { cv::resize(in, out, cv::Size(s, s), 0, 0, cv::INTER_AREA); });
            cv::Mat lm(mask.height, mask.width, CV_8UC1, mask.labels.data());
            cv::resize(lm, smallMask, cv::Size(s, s), 0, 0, cv::INTER_NEAREST);
            images_[i].assign(small.data, small.data + small.total() * small.elemSize());
            masks_[i].assign(smallMask.data, smallMask.data + smallMask.total());
            // A workspace may name classes the model has no output for (added in the window): for
            // the model they are background. An interactive model takes each class as an object.
            if (!config_.interactive())
                for (auto& v : masks_[i])
                    if (v > config_.numForeground())
                        v = 0;
        },
        cancel);
}

namespace {

// Grid distortion: a 5x5 lattice of control points moved by up to 6% of the size, interpolated
// smoothly over the image; the mask follows with nearest-neighbour sampling.
void gridDistort(cv::Mat& img, cv::Mat& mask, std::mt19937_64& rng)
{
    const int s = img.rows;
    std::uniform_real_distribution<float> d(-0.06f * s, 0.06f * s);
    cv::Mat dx(5, 5, CV_32F), dy(5, 5, CV_32F);
    for (int i = 0; i < 25; ++i) {
        dx.at<float>(i / 5, i % 5) = d(rng);
        dy.at<float>(i / 5, i % 5) = d(rng);
    }
    cv::resize(dx, dx, img.size(), 0, 0, cv::INTER_CUBIC);
    cv::resize(dy, dy, img.size(), 0, 0, cv::INTER_CUBIC);
    cv::Mat mapX(img.size(), CV_32F), mapY(img.size(), CV_32F);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            mapX.at<float>(y, x) = static_cast<float>(x) + dx.at<float>(y, x);
            mapY.at<float>(y, x) = static_cast<float>(y) + dy.at<float>(y, x);
        }
    cv::Mat outMask;
    const cv::Mat outImg = warped(img, [&](const cv::Mat& in, cv::Mat& out) {
        cv::remap(in, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REFLECT_101);
    });
    cv::remap(mask, outMask, mapX, mapY, cv::INTER_NEAREST, cv::BORDER_REFLECT_101);
    img = outImg;
    mask = outMask;
}

} // namespace

ml::TrainSample SegmentationDataset::sample(std::size_t index, bool augment, std::uint64_t seed) const
{
    const int s = config_.inputSize, ch = config_.imageChannels();
    cv::Mat img(s, s, CV_8UC(ch), const_cast<std::uint8_t*>(images_[index].data()));
    cv::Mat mask(s, s, CV_8UC1, const_cast<std::uint8_t*>(masks_[index].data()));
    cv::Mat fimg;
    double gain = 1.0, bias = 0.0;
    if (augment) {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const bool hflip = u(rng) < 0.5, vflip = u(rng) < 0.5;
        const double angle = (u(rng) * 2 - 1) * 20.0, scale = 0.85 + u(rng) * 0.3;
        gain = 0.8 + u(rng) * 0.4;
        bias = (u(rng) * 2 - 1) * 20.0;
        cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(s / 2.0f, s / 2.0f), angle, scale);
        cv::Mat warpedMask;
        cv::Mat turned = warped(img, [&](const cv::Mat& in, cv::Mat& out) {
            cv::warpAffine(in, out, rot, in.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT_101);
        });
        cv::warpAffine(mask, warpedMask, rot, mask.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
        if (hflip || vflip) {
            const int code = hflip && vflip ? -1 : (hflip ? 1 : 0);
            cv::flip(turned, turned, code);
            cv::flip(warpedMask, warpedMask, code);
        }
        if (u(rng) < 0.3)
            gridDistort(turned, warpedMask, rng);
        img = turned;
        mask = warpedMask;
    }
    ml::TrainSample out;
    out.image.resize(static_cast<std::size_t>(ch) * s * s);
    const std::size_t plane = static_cast<std::size_t>(s) * s;
    const std::uint8_t* p = img.data;
    for (int c = 0; c < ch; ++c) {
        const float mean = config_.mean[c % config_.inChannels], inv = 1.0f / config_.std[c % config_.inChannels];
        float* dst = out.image.data() + c * plane;
        for (std::size_t i = 0; i < plane; ++i) {
            float v = static_cast<float>(p[i * ch + c] * gain + bias);
            v = v < 0 ? 0 : (v > 255 ? 255 : v);
            dst[i] = (v / 255.0f - mean) * inv;
        }
    }
    out.mask.assign(mask.data, mask.data + plane);
    return out;
}

std::vector<SamplePair> SegmentationDataset::kvasirPairs(const std::string& dir, const std::string& list)
{
    if (!fs::is_directory(dir))
        throw ImageError(ErrorCode::NotFound, "dataset folder not found: " + dir);
    if (list.empty())
        return folderPairs(dir + "/images", dir + "/masks");
    std::ifstream in(fs::path(dir) / list);
    if (!in)
        throw ImageError(ErrorCode::NotFound, "split list not found: " + (fs::path(dir) / list).string());
    std::vector<SamplePair> out;
    for (std::string name; std::getline(in, name);) {
        while (!name.empty() && (name.back() == '\r' || name.back() == ' '))
            name.pop_back();
        if (name.empty())
            continue;
        if (name.find('.') == std::string::npos)
            name += ".jpg";
        out.push_back({(fs::path(dir) / "images" / name).string(), (fs::path(dir) / "masks" / name).string()});
    }
    return out;
}

std::vector<SamplePair> SegmentationDataset::folderPairs(const std::string& imagesDir, const std::string& masksDir)
{
    std::map<std::string, std::string> masks;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(masksDir, ec))
        if (e.is_regular_file() && hasImageExtension(e.path().string()))
            masks[e.path().stem().string()] = e.path().string();
    std::vector<SamplePair> out;
    for (const auto& e : fs::directory_iterator(imagesDir, ec)) {
        if (!e.is_regular_file() || !hasImageExtension(e.path().string()))
            continue;
        auto it = masks.find(e.path().stem().string());
        if (it != masks.end())
            out.push_back({e.path().string(), it->second});
    }
    std::sort(out.begin(), out.end(), [](const SamplePair& a, const SamplePair& b) { return a.image < b.image; });
    return out;
}

} // namespace delineo::core
