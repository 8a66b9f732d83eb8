#include "delineo/core/Rendering.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace delineo::core {

namespace {

std::uint8_t windowed(double v, double lo, double scale, bool invert)
{
    double d = (v - lo) * scale;
    d = d < 0 ? 0 : (d > 255 ? 255 : d);
    const auto b = static_cast<std::uint8_t>(d + 0.5);
    return invert ? static_cast<std::uint8_t>(255 - b) : b;
}

// The display byte of every 16-bit value under one window. Kept per thread for the last window:
// scrolling and moving the crosshair render slice after slice under the same window, and the
// 65,536 entries cost as much as windowing a slice.
const std::uint8_t* windowTable16(bool isSigned, double lo, double width, bool invert)
{
    struct Table {
        bool isSigned = false, invert = false;
        double lo = 0, width = -1;
        std::vector<std::uint8_t> lut;
    };
    thread_local Table t;
    if (t.lut.empty() || t.isSigned != isSigned || t.invert != invert || t.lo != lo || t.width != width) {
        const double scale = 255.0 / std::max(width, 1e-6);
        const long offset = isSigned ? 32768 : 0;
        t.lut.resize(65536);
        for (long v = 0; v < 65536; ++v)
            t.lut[std::size_t(v)] = windowed(double(v - offset), lo, scale, invert);
        t.isSigned = isSigned, t.invert = invert, t.lo = lo, t.width = width;
    }
    return t.lut.data();
}

// Windows every pixel and hands its display colour to put(i, r, g, b): one walk for the RGB888
// rows and for 32-bit screen pixels.
template <typename Put>
void windowPixels(const Image& img, const Window& w, bool invert, Put&& put)
{
    const std::size_t n = img.pixelCount();
    const int channels = img.channels;
    const double lo = w.center - w.width / 2.0;
    const auto byTable = [&](const auto* src, const std::uint8_t* lut, long offset) {
        if (channels == 1) {
            for (std::size_t i = 0; i < n; ++i) {
                const std::uint8_t b = lut[long(src[i]) + offset];
                put(i, b, b, b);
            }
            return;
        }
        for (std::size_t i = 0; i < n; ++i, src += channels)
            put(i, lut[long(src[0]) + offset], lut[long(src[1]) + offset], lut[long(src[2]) + offset]);
    };
    switch (img.type) {
    case PixelType::U8: {
        std::uint8_t lut[256];
        const double scale = 255.0 / std::max(w.width, 1e-6);
        for (int v = 0; v < 256; ++v)
            lut[v] = windowed(v, lo, scale, invert);
        byTable(img.bytes.data(), lut, 0);
        return;
    }
    case PixelType::U16:
        byTable(reinterpret_cast<const std::uint16_t*>(img.bytes.data()), windowTable16(false, lo, w.width, invert), 0);
        return;
    case PixelType::I16:
        byTable(reinterpret_cast<const std::int16_t*>(img.bytes.data()), windowTable16(true, lo, w.width, invert),
                32768);
        return;
    case PixelType::F32: {
        const auto* src = reinterpret_cast<const float*>(img.bytes.data());
        const double scale = 255.0 / std::max(w.width, 1e-6);
        for (std::size_t i = 0; i < n; ++i, src += channels) {
            const std::uint8_t r = windowed(src[0], lo, scale, invert);
            if (channels == 1)
                put(i, r, r, r);
            else
                put(i, r, windowed(src[1], lo, scale, invert), windowed(src[2], lo, scale, invert));
        }
        return;
    }
    }
}

} // namespace

// The file's own VOI LUT instead of a linear window.
static std::vector<std::uint8_t> renderVoiLut(const Image& img)
{
    const std::size_t n = img.pixelCount();
    std::vector<std::uint8_t> rgb(n * 3);
    const double top = std::max<double>(1, *std::max_element(img.voiLut.begin(), img.voiLut.end()));
    const long last = static_cast<long>(img.voiLut.size()) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const long v = static_cast<long>(img.value(static_cast<int>(i % img.width), static_cast<int>(i / img.width)));
        auto b = static_cast<std::uint8_t>(std::lround(img.voiLut[std::clamp(v - img.voiLutFirst, 0L, last)] * 255.0 / top));
        if (img.invertDisplay)
            b = static_cast<std::uint8_t>(255 - b);
        rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = b;
    }
    return rgb;
}

// Linear window; `invert` flips the grey scale (MONOCHROME1 display).
static std::vector<std::uint8_t> renderWindow(const Image& img, const Window& w, bool invert)
{
    std::vector<std::uint8_t> rgb(img.pixelCount() * 3);
    std::uint8_t* out = rgb.data();
    windowPixels(img, w, invert, [out](std::size_t i, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        out[i * 3] = r;
        out[i * 3 + 1] = g;
        out[i * 3 + 2] = b;
    });
    return rgb;
}

static bool usesVoiLut(const Image& img, const Window& w)
{
    return w.name == "VOI LUT" && !img.voiLut.empty() && img.channels == 1;
}

std::vector<std::uint8_t> renderRgb(const Image& img, const Window& w)
{
    if (usesVoiLut(img, w))
        return renderVoiLut(img);
    return renderWindow(img, w, img.invertDisplay);
}

void renderArgb32(const Image& img, const Window& w, std::uint32_t* out)
{
    const auto pack = [out](std::size_t i, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        out[i] = 0xff000000u | std::uint32_t(r) << 16 | std::uint32_t(g) << 8 | b;
    };
    if (!usesVoiLut(img, w)) {
        windowPixels(img, w, img.invertDisplay, pack);
        return;
    }
    const std::vector<std::uint8_t> rgb = renderVoiLut(img);
    for (std::size_t i = 0; i < img.pixelCount(); ++i)
        pack(i, rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]);
}

std::vector<Window> windowPresets(const Image& img)
{
    std::vector<Window> presets = img.windows;
    if (img.modality == "CT")
        presets.insert(presets.end(), {{40, 80, "Brain"}, {40, 400, "Soft tissue"}, {-600, 1500, "Lung"},
                                       {400, 1800, "Bone"}});
    double lo = 0, hi = 0;
    img.range(lo, hi);
    presets.push_back({(lo + hi) / 2, std::max(1.0, hi - lo), "Full range"});
    return presets;
}

Window volumeWindow(const Volume& volume, int shownSlice)
{
    const Image& shown = volume.slice(shownSlice);
    if (!shown.windows.empty() || shown.type == PixelType::U8 || volume.streamed() || volume.depth() < 2)
        return shown.defaultWindow();
    // About a million values, from up to 32 slices spread over the volume.
    const int depth = volume.depth(), slices = std::min(depth, 32);
    const std::size_t perSlice = shown.pixelCount() * std::size_t(std::max(1, shown.channels));
    const std::size_t step = std::max<std::size_t>(1, perSlice * std::size_t(slices) / (1u << 20));
    std::vector<float> values;
    values.reserve(perSlice * std::size_t(slices) / step + std::size_t(slices));
    for (int k = 0; k < slices; ++k) {
        const Image& img = volume.slice(int((std::int64_t(k) * 2 + 1) * depth / (2 * slices)));
        const int c = std::max(1, img.channels);
        const std::size_t n = img.pixelCount() * std::size_t(c);
        for (std::size_t i = 0; i < n; i += step)
            values.push_back(float(img.value(int(i / std::size_t(c) % std::size_t(img.width)),
                                             int(i / std::size_t(c) / std::size_t(img.width)), int(i % std::size_t(c)))));
    }
    if (values.empty())
        return shown.defaultWindow();
    auto at = [&](double q) {
        auto it = values.begin() + std::ptrdiff_t(q * double(values.size() - 1));
        std::nth_element(values.begin(), it, values.end());
        return double(*it);
    };
    const double lo = at(0.005), hi = at(0.995);
    if (!(hi > lo))
        return shown.defaultWindow(); // flat: the shown slice's own range
    return Window{(lo + hi) / 2.0, hi - lo, kAutomaticWindow};
}

std::vector<std::uint8_t> modelInput8(const Image& img)
{
    if (img.type == PixelType::U8)
        return img.bytes;
    double lo = 0, hi = 0;
    img.range(lo, hi);
    // Full range, without MONOCHROME1 inversion: the model sees values, not a display.
    const Window w{(lo + hi) / 2.0, std::max(1e-6, hi - lo), ""};
    std::vector<std::uint8_t> rgb = renderWindow(img, w, false);
    if (img.channels == 3)
        return rgb;
    std::vector<std::uint8_t> out(img.pixelCount());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = rgb[i * 3];
    return out;
}

std::vector<std::uint8_t> resizeU8(const std::vector<std::uint8_t>& pixels, int width, int height, int channels,
                                   int toWidth, int toHeight, bool nearest)
{
    if (width == toWidth && height == toHeight)
        return pixels;
    const cv::Mat in(height, width, CV_8UC(channels), const_cast<std::uint8_t*>(pixels.data()));
    std::vector<std::uint8_t> out(std::size_t(toWidth) * toHeight * channels);
    cv::Mat to(toHeight, toWidth, CV_8UC(channels), out.data());
    cv::resize(in, to, to.size(), 0, 0, nearest ? cv::INTER_NEAREST : cv::INTER_LINEAR);
    return out;
}

std::vector<std::uint8_t> modelInput8(const Image& img, int channels)
{
    std::vector<std::uint8_t> px = modelInput8(img);
    if (img.channels == channels)
        return px;
    const cv::Mat m(img.height, img.width, img.channels == 3 ? CV_8UC3 : CV_8UC1, px.data());
    cv::Mat out;
    cv::cvtColor(m, out, channels == 1 ? cv::COLOR_RGB2GRAY : cv::COLOR_GRAY2RGB);
    return std::vector<std::uint8_t>(out.data, out.data + out.total() * out.elemSize());
}

void blendLabels(std::uint8_t* rgb, const LabelMap& labels, const std::vector<Rgb>& colours,
                 const std::vector<bool>& visible, double opacity)
{
    const int a = static_cast<int>(std::lround(std::clamp(opacity, 0.0, 1.0) * 256));
    const std::size_t n = labels.labels.size();
    const std::uint8_t* lab = labels.labels.data();
    for (std::size_t i = 0; i < n; ++i) {
        const int k = lab[i];
        if (k == 0 || k > static_cast<int>(colours.size()) || (k <= static_cast<int>(visible.size()) && !visible[k - 1]))
            continue;
        const Rgb& c = colours[k - 1];
        std::uint8_t* p = rgb + i * 3;
        for (int j = 0; j < 3; ++j)
            p[j] = static_cast<std::uint8_t>((p[j] * (256 - a) + c[j] * a) >> 8);
    }
}

const char* valueUnit(const Image& image)
{
    return image.modality == "CT" ? "HU" : "";
}

} // namespace delineo::core
