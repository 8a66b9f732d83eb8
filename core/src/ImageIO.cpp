#include "delineo/core/ImageIO.h"
#include "delineo/core/Text.h"
#include "delineo/core/Reader.h"
#include "DicomReader.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/VideoReader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sys/stat.h>

namespace delineo::core {

namespace {

std::string lowerExtension(const std::string& path)
{
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return "";
    return lowercase(path.substr(dot));
}

std::vector<unsigned char> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ImageError(ErrorCode::Unreadable, "cannot read " + path);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

enum class Kind { Jpeg, Png, Bmp, Tiff, Unknown };

Kind sniff(const std::vector<unsigned char>& b)
{
    if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return Kind::Jpeg;
    if (b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0)
        return Kind::Png;
    if (b.size() >= 2 && b[0] == 'B' && b[1] == 'M')
        return Kind::Bmp;
    if (b.size() >= 4 && (std::memcmp(b.data(), "II*\0", 4) == 0 || std::memcmp(b.data(), "MM\0*", 4) == 0))
        return Kind::Tiff;
    return Kind::Unknown;
}

std::uint32_t be16(const unsigned char* p) { return (std::uint32_t(p[0]) << 8) | p[1]; }
std::uint32_t be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }
std::uint32_t le32(const unsigned char* p) { return p[0] | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24); }

// The size a frame's header claims, checked before a decoder allocates for it: a JPEG that
// claims 32767 x 30000 or a PNG of 20000 x 20000 gives a typed error, not gigabytes of memory.
// TIFF (many layouts) is bounded by OpenCV's own pixel limit, set from the same budget.
void checkDeclaredSize(const std::vector<unsigned char>& b, Kind kind, const std::string& path)
{
    std::uint64_t w = 0, h = 0, channels = 4;
    if (kind == Kind::Png && b.size() >= 24) {
        w = be32(&b[16]);
        h = be32(&b[20]);
    } else if (kind == Kind::Bmp && b.size() >= 26) {
        w = le32(&b[18]);
        const auto signedHeight = static_cast<std::int32_t>(le32(&b[22]));
        h = static_cast<std::uint64_t>(signedHeight < 0 ? -static_cast<std::int64_t>(signedHeight) : signedHeight);
    } else if (kind == Kind::Jpeg) {
        // The first start-of-frame marker (SOF0..SOF15 except DHT, JPG and DAC) holds the size.
        for (std::size_t i = 2; i + 9 < b.size();) {
            if (b[i] != 0xFF) {
                ++i;
                continue;
            }
            const unsigned char m = b[i + 1];
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                h = be16(&b[i + 5]);
                w = be16(&b[i + 7]);
                channels = std::max<std::uint64_t>(1, b[i + 9]);
                break;
            }
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) || m == 0xFF) {
                i += (m == 0xFF) ? 1 : 2;
                continue;
            }
            i += 2 + be16(&b[i + 2]);
        }
    } else {
        return;
    }
    checkedImageBytes(path, h, w, channels, 1);
}

// libjpeg silently pads a truncated stream with grey: require the end-of-image marker.
bool jpegComplete(const std::vector<unsigned char>& b)
{
    std::size_t end = b.size();
    while (end > 2 && (b[end - 1] == 0x00 || b[end - 1] == 0x0A || b[end - 1] == 0x0D || b[end - 1] == 0x20))
        --end;
    return end >= 4 && b[end - 2] == 0xFF && b[end - 1] == 0xD9;
}

bool pngComplete(const std::vector<unsigned char>& b)
{
    static const unsigned char iend[] = {'I', 'E', 'N', 'D'};
    return b.size() > 12 && std::search(b.end() - std::min<std::size_t>(b.size(), 64), b.end(), iend, iend + 4) != b.end();
}

Image fromMat(const cv::Mat& decoded, const std::string& path, const char* format)
{
    cv::Mat m = decoded;
    if (m.channels() == 4)
        cv::cvtColor(m, m, cv::COLOR_BGRA2BGR);
    if (m.channels() == 3)
        cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
    Image img;
    img.path = path;
    img.format = format;
    img.width = m.cols;
    img.height = m.rows;
    img.channels = m.channels();
    switch (m.depth()) {
    case CV_8U: img.type = PixelType::U8; break;
    case CV_16U: img.type = PixelType::U16; break;
    case CV_16S: img.type = PixelType::I16; break;
    case CV_32F: img.type = PixelType::F32; break;
    default:
        m.convertTo(m, CV_32F);
        img.type = PixelType::F32;
    }
    if (!m.isContinuous())
        m = m.clone();
    img.bytes.assign(m.data, m.data + m.total() * m.elemSize());
    return img;
}

} // namespace

bool hasImageExtension(const std::string& path) { return matchesReaderPattern(path); }

bool looksLikeDicom(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char buf[132] = {};
    in.read(buf, sizeof buf);
    if (in.gcount() == 132 && std::memcmp(buf + 128, "DICM", 4) == 0)
        return true;
    const std::string ext = lowerExtension(path);
    return ext == ".dcm" || ext == ".dicom";
}

Image loadImage(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw ImageError(ErrorCode::NotFound, "file not found: " + path);
    if (S_ISDIR(st.st_mode))
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is a folder, not an image file");
    if (looksLikeDicom(path))
        return readDicom(path);

    if (static_cast<std::uint64_t>(st.st_size) > maxImageBytes())
        throw ImageError(ErrorCode::TooLarge, path + ": " + std::to_string(st.st_size >> 20) +
                                                  " MB, over the limit (DELINEO_MAX_IMAGE_MB)");
    const auto bytes = readAll(path);
    const Kind kind = sniff(bytes);
    if (kind == Kind::Unknown)
        throw ImageError(ErrorCode::UnsupportedFormat,
                         path + " is not an image Delineo can open (JPEG, PNG, BMP, TIFF or DICOM)");
    if (kind == Kind::Jpeg && !jpegComplete(bytes))
        throw ImageError(ErrorCode::Corrupt, path + " is a truncated or damaged JPEG (no end-of-image marker)");
    if (kind == Kind::Png && !pngComplete(bytes))
        throw ImageError(ErrorCode::Corrupt, path + " is a truncated or damaged PNG");
    checkDeclaredSize(bytes, kind, path);
    static std::once_flag pixelLimit;
    std::call_once(pixelLimit, [] {
        // OpenCV reads this once, at its first decode: the same budget for the formats checked above.
        if (!std::getenv("OPENCV_IO_MAX_IMAGE_PIXELS"))
            ::setenv("OPENCV_IO_MAX_IMAGE_PIXELS", std::to_string(maxImageBytes() / 4).c_str(), 0);
    });
    cv::Mat m;
    try {
        m = cv::imdecode(bytes, cv::IMREAD_UNCHANGED | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception& e) {
        throw ImageError(ErrorCode::Corrupt, path + " could not be decoded: " + e.what());
    }
    if (m.empty())
        throw ImageError(ErrorCode::Corrupt, path + " could not be decoded (damaged image data)");
    static const char* names[] = {"jpeg", "png", "bmp", "tiff"};
    return fromMat(m, path, names[static_cast<int>(kind)]);
}

} // namespace delineo::core
