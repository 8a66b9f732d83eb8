#include "delineo/core/Image.h"
#include "delineo/core/Errors.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace delineo::core {

const char* ImageError::codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::Unreadable: return "unreadable";
    case ErrorCode::UnsupportedFormat: return "unsupported-format";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::UnsupportedCompression: return "unsupported-compression";
    case ErrorCode::WrongSize: return "wrong-size";
    case ErrorCode::WriteFailed: return "write-failed";
    case ErrorCode::Busy: return "busy";
    case ErrorCode::TooLarge: return "too-large";
    }
    return "error";
}

int bytesPerSample(PixelType t)
{
    switch (t) {
    case PixelType::U8: return 1;
    case PixelType::U16:
    case PixelType::I16: return 2;
    case PixelType::F32: return 4;
    }
    return 1;
}

const char* pixelTypeName(PixelType t)
{
    switch (t) {
    case PixelType::U8: return "uint8";
    case PixelType::U16: return "uint16";
    case PixelType::I16: return "int16";
    case PixelType::F32: return "float32";
    }
    return "?";
}

template <typename T>
static T sampleAt(const std::vector<std::uint8_t>& bytes, std::size_t index)
{
    T v;
    std::memcpy(&v, bytes.data() + index * sizeof(T), sizeof(T));
    return v;
}

double Image::value(int x, int y, int c) const
{
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * channels + c;
    switch (type) {
    case PixelType::U8: return bytes[i];
    case PixelType::U16: return sampleAt<std::uint16_t>(bytes, i);
    case PixelType::I16: return sampleAt<std::int16_t>(bytes, i);
    case PixelType::F32: return sampleAt<float>(bytes, i);
    }
    return 0;
}

template <typename T>
static void minMax(const std::vector<std::uint8_t>& bytes, double& lo, double& hi)
{
    const T* p = reinterpret_cast<const T*>(bytes.data());
    const std::size_t n = bytes.size() / sizeof(T);
    if (n == 0) {
        lo = hi = 0;
        return;
    }
    auto mm = std::minmax_element(p, p + n);
    lo = *mm.first;
    hi = *mm.second;
}

void Image::range(double& lo, double& hi) const
{
    switch (type) {
    case PixelType::U8: minMax<std::uint8_t>(bytes, lo, hi); break;
    case PixelType::U16: minMax<std::uint16_t>(bytes, lo, hi); break;
    case PixelType::I16: minMax<std::int16_t>(bytes, lo, hi); break;
    case PixelType::F32: minMax<float>(bytes, lo, hi); break;
    }
}

Window Image::defaultWindow() const
{
    if (!windows.empty())
        return windows.front();
    if (type == PixelType::U8)
        return Window{127.5, 255.0, "Full range"};
    double lo = 0, hi = 0;
    range(lo, hi);
    return Window{(lo + hi) / 2.0, std::max(1.0, hi - lo), "Min/max"};
}

std::array<double, 3> Image::normal() const
{
    const auto& o = orientation;
    return {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
}

double Image::location() const
{
    const auto n = normal();
    return position[0] * n[0] + position[1] * n[1] + position[2] * n[2];
}

bool Image::patientPoint(double x, double y, std::array<double, 3>& out) const
{
    if (!hasPosition || !hasOrientation || !spacingKnown)
        return false;
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = position[i] + x * spacingX * orientation[i] + y * spacingY * orientation[i + 3];
    return true;
}

} // namespace delineo::core
