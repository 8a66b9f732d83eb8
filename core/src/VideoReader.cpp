#include "delineo/core/VideoReader.h"
#include "delineo/core/Text.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"
#include "delineo/core/VideoStream.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

namespace delineo::core {

Image videoFrameImage(const std::string& path, int index, int width, int height, const std::uint8_t* rgb,
                      std::vector<std::uint8_t> storage)
{
    Image img;
    img.bytes = std::move(storage); // assign() below keeps its capacity
    img.width = width;
    img.height = height;
    img.channels = 3;
    img.type = PixelType::U8;
    img.format = "video";
    img.path = path;
    img.instanceNumber = index;
    const std::size_t n = static_cast<std::size_t>(width) * height * 3;
    if (rgb)
        img.bytes.assign(rgb, rgb + n);
    else
        img.bytes.assign(n, 0); // a frame that could not be decoded shows black
    return img;
}

struct VideoReader::Impl {
    cv::VideoCapture capture;
};

bool VideoReader::isVideoPath(const std::string& path)
{
    const std::string ext = lowercase(std::filesystem::path(path).extension().string());
    for (const char* e : {".avi", ".mp4", ".mkv", ".mov", ".mpg", ".mpeg", ".webm", ".m4v"})
        if (ext == e)
            return true;
    return false;
}

VideoReader::VideoReader(const std::string& path) : impl_(std::make_unique<Impl>()), path_(path)
{
    if (!std::filesystem::exists(path))
        throw ImageError(ErrorCode::NotFound, "file not found: " + path);
    // File backends only: CAP_ANY also tries camera backends (gphoto2 scans USB for cameras on every
    // file that FFmpeg rejects).
    auto open = [&](int api) {
        try {
            return impl_->capture.open(path, api) && impl_->capture.isOpened();
        } catch (const cv::Exception&) {
            return false;
        }
    };
    if (!open(cv::CAP_FFMPEG) && !open(cv::CAP_OPENCV_MJPEG))
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is not a video OpenCV can decode");
    // The container's numbers are doubles that a damaged header makes anything (inf, 1e30, NaN):
    // only what fits an int counts.
    auto count = [&](int property) {
        const double v = impl_->capture.get(property);
        return std::isfinite(v) && v >= 0 && v < 2147483647.0 ? static_cast<int>(v) : 0;
    };
    frames_ = count(cv::CAP_PROP_FRAME_COUNT);
    fps_ = impl_->capture.get(cv::CAP_PROP_FPS);
    if (!std::isfinite(fps_) || fps_ < 0)
        fps_ = 0;
    width_ = count(cv::CAP_PROP_FRAME_WIDTH);
    height_ = count(cv::CAP_PROP_FRAME_HEIGHT);
    if (frames_ <= 0 || width_ <= 0 || height_ <= 0)
        throw ImageError(ErrorCode::Corrupt, path + ": the video reports no frames");
    // The container's frame size bounds every decoded frame: too large is refused before decoding.
    checkedImageBytes(path, std::uint64_t(height_), std::uint64_t(width_), 3, 1, 1);
}

VideoReader::~VideoReader() = default;

namespace {
constexpr int kStallSeconds = 60; // a decoder that delivers no frame for this long is stopped
}

// Frames are decoded by the stream's decoder process: FFmpeg reads damaged streams with native
// code Delineo cannot check first, and a crash there must cost the open, not the app with its
// unsaved work. The frames decoded before a failure stay open, with a warning.
Volume loadVideo(const std::string& path, int maxFrames, std::size_t maxBytes, const std::atomic<bool>* cancel,
                 const std::function<void(int, int)>& progress)
{
    VideoStream::Options options;
    options.cacheBytes = std::size_t(64) << 20; // each frame is copied out as it comes
    options.stallSeconds = kStallSeconds;
    const auto stream = VideoStream::open(path, options); // the container's header only
    const std::size_t frameBytes = static_cast<std::size_t>(stream->width()) * stream->height() * 3;
    maxFrames = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, maxFrames)),
                                                       std::max<std::size_t>(1, maxBytes / frameBytes)));
    const int total = stream->frameCount(), n = std::min(total, maxFrames);
    Volume v;
    v.source = path;
    v.description = std::filesystem::path(path).filename().string();
    v.slices.reserve(static_cast<std::size_t>(n));
    std::string why;
    for (int i = 0; i < n; ++i) {
        if (cancel && cancel->load())
            return Volume();
        try {
            const auto frame = stream->frame(i, cancel); // null: cancelled while a frame was awaited
            if (!frame)
                return Volume();
            v.slices.push_back(*frame);
        } catch (const ImageError& e) {
            if (i == 0)
                throw;
            why = e.what();
            break;
        }
        if (progress)
            progress(i + 1, n);
    }
    if (!why.empty())
        v.warnings.push_back({warning::kFramesCutShort, {why, std::to_string(v.depth())}});
    else if (n < total)
        v.warnings.push_back({warning::kFramesCapped, {std::to_string(n), std::to_string(total)}});
    return v;
}

} // namespace delineo::core
