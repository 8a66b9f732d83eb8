#include "delineo/core/RegionStats.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace delineo::core {

namespace {

int cvDepth(PixelType type)
{
    switch (type) {
    case PixelType::U8: return CV_8U;
    case PixelType::U16: return CV_16U;
    case PixelType::I16: return CV_16S;
    case PixelType::F32: return CV_32F;
    }
    return CV_8U;
}

} // namespace

RegionStats regionStats(const Image& image, const std::vector<std::array<double, 2>>& outline)
{
    RegionStats out;
    const std::size_t bytes = image.pixelCount() * std::size_t(image.channels) * std::size_t(bytesPerSample(image.type));
    if (image.empty() || image.channels < 1 || image.bytes.size() < bytes || outline.size() < 3)
        return out;
    // Even-odd scanlines through the pixel centres: a pixel counts when its centre is inside
    // (OpenCV's polygon fill also takes every pixel the outline passes through).
    for (const auto& p : outline)
        if (!std::isfinite(p[0]) || !std::isfinite(p[1]))
            return out;
    cv::Mat1b mask = cv::Mat1b::zeros(image.height, image.width);
    std::vector<double> crossings;
    for (int y = 0; y < image.height; ++y) {
        const double yc = y + 0.5;
        crossings.clear();
        for (std::size_t i = 0; i < outline.size(); ++i) {
            const auto& a = outline[i];
            const auto& b = outline[(i + 1) % outline.size()];
            if ((a[1] <= yc) != (b[1] <= yc))
                crossings.push_back(a[0] + (yc - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            // Centres x + 0.5 in [left, right).
            const double left = std::clamp(std::ceil(crossings[k] - 0.5), 0.0, double(image.width));
            const double right = std::clamp(std::ceil(crossings[k + 1] - 0.5), 0.0, double(image.width));
            for (int x = int(left); x < int(right); ++x)
                mask(y, x) = 255;
        }
    }
    out.pixels = std::size_t(cv::countNonZero(mask));
    if (out.pixels == 0)
        return out;
    const cv::Mat all(image.height, image.width, CV_MAKETYPE(cvDepth(image.type), image.channels),
                      const_cast<std::uint8_t*>(image.bytes.data()));
    cv::Mat grey;
    cv::extractChannel(all, grey, 0);
    cv::Scalar mean, sd;
    cv::meanStdDev(grey, mean, sd, mask);
    cv::minMaxLoc(grey, &out.min, &out.max, nullptr, nullptr, mask);
    out.mean = mean[0];
    out.sd = sd[0];
    return out;
}

} // namespace delineo::core
