#include "delineo/core/VideoReader.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"
#include "delineo/ml/Sandbox.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sys/mman.h>
#include <unistd.h>
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
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
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

Image VideoReader::frame(int index)
{
    if (index < 0 || index >= frames_)
        throw ImageError(ErrorCode::WrongSize, path_ + ": frame " + std::to_string(index) + " out of range");
    cv::Mat bgr;
    bool decoded = false;
    try {
        if (index != next_)
            impl_->capture.set(cv::CAP_PROP_POS_FRAMES, index);
        decoded = impl_->capture.read(bgr) && !bgr.empty();
    } catch (const cv::Exception&) {
        // OpenCV asserts on some damaged frames (a row step shorter than the row): a bad frame.
        decoded = false;
    }
    if (!decoded)
        throw ImageError(ErrorCode::Corrupt, path_ + ": frame " + std::to_string(index) + " cannot be decoded");
    next_ = index + 1;
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
    return videoFrameImage(path_, index, rgb.cols, rgb.rows, rgb.data);
}

namespace {

constexpr int kStallSeconds = 60; // a decoder that delivers no frame for this long is stopped
constexpr std::int32_t kFailed = -1;  // on the pipe: an error code and its message follow

// In the child: frames [0, n) into their slots of `shared`, each index reported on `out` once
// written; a typed failure as kFailed, its code and its message.
int decodeFrames(const std::string& path, int n, std::size_t frameBytes, std::size_t slot, std::uint8_t* shared,
                 int out)
{
    try {
        VideoReader reader(path);
        for (std::int32_t i = 0; i < n; ++i) {
            const Image f = reader.frame(i);
            if (f.bytes.size() != frameBytes)
                throw ImageError(ErrorCode::Corrupt, path + ": frame " + std::to_string(i) + " is " +
                                                         std::to_string(f.width) + "x" + std::to_string(f.height) +
                                                         ", not the video's size");
            std::memcpy(shared + static_cast<std::size_t>(i) * slot, f.bytes.data(), frameBytes);
            ml::writeAll(out, &i, sizeof i);
        }
    } catch (const ImageError& e) {
        const std::int32_t code = static_cast<std::int32_t>(e.code());
        const std::string message = e.what();
        ml::writeAll(out, &kFailed, sizeof kFailed);
        ml::writeAll(out, &code, sizeof code);
        ml::writeAll(out, message.data(), std::min<std::size_t>(message.size(), 2000));
    }
    return 0;
}

} // namespace

// Frames are decoded in a child process into memory shared with it: FFmpeg and OpenCV read
// damaged streams with native code Delineo cannot check first (OpenCV 4.6 copies a frame whose
// size changed mid-stream past the end of FFmpeg's buffer), and a crash there must cost the open,
// not the app with its unsaved work. The frames decoded before a failure stay open, with a warning.
Volume loadVideo(const std::string& path, int maxFrames, std::size_t maxBytes, const std::atomic<bool>* cancel,
                 const std::function<void(int, int)>& progress)
{
    int total = 0, width = 0, height = 0;
    {
        const VideoReader probe(path); // the container's header only: nothing is decoded here
        total = probe.frameCount();
        width = probe.width();
        height = probe.height();
    }
    const std::size_t frameBytes = static_cast<std::size_t>(width) * height * 3;
    maxFrames = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, maxFrames)),
                                                       std::max<std::size_t>(1, maxBytes / frameBytes)));
    const int n = std::min(total, std::max(1, maxFrames));
    const std::size_t slot = ml::pageRounded(frameBytes);
    void* mapped = ::mmap(nullptr, slot * static_cast<std::size_t>(n), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped == MAP_FAILED)
        throw ImageError(ErrorCode::TooLarge, path + ": no memory for " + std::to_string(n) + " frames");
    auto* shared = static_cast<std::uint8_t*>(mapped);
    auto unmap = [&](int from) {
        if (from < n)
            ::munmap(shared + static_cast<std::size_t>(from) * slot, slot * static_cast<std::size_t>(n - from));
    };
    int done = 0;
    bool failed = false; // the child reported a typed failure: its code and message follow
    std::string message;
    std::int32_t code = 0;
    std::vector<char> buffer;
    auto lastFrame = std::chrono::steady_clock::now();
    bool cancelled = false, stalled = false;
    auto received = [&](const char* data, std::size_t size) {
        if (failed) {
            message.append(data, size);
            return;
        }
        buffer.insert(buffer.end(), data, data + size);
        std::size_t at = 0;
        for (; !failed && at + sizeof(std::int32_t) <= buffer.size(); at += sizeof(std::int32_t)) {
            std::int32_t index;
            std::memcpy(&index, buffer.data() + at, sizeof index);
            if (index == kFailed) {
                failed = true;
                message.assign(buffer.data() + at + sizeof index, buffer.size() - at - sizeof index);
                break;
            }
            done = std::max(done, index + 1);
            lastFrame = std::chrono::steady_clock::now();
            if (progress)
                progress(done, n);
        }
        buffer.erase(buffer.begin(), !failed ? buffer.begin() + static_cast<std::ptrdiff_t>(at) : buffer.end());
    };
    const ml::ChildEnd end = ml::runInSandbox(
        [&](int out) { return decodeFrames(path, n, frameBytes, slot, shared, out); }, received, [&] {
            cancelled = cancel && cancel->load();
            stalled = std::chrono::steady_clock::now() - lastFrame > std::chrono::seconds(kStallSeconds);
            return !cancelled && !stalled;
        });
    if (failed && message.size() >= sizeof code) {
        std::memcpy(&code, message.data(), sizeof code);
        message.erase(0, sizeof code);
    }
    std::string why;
    if (!end.started)
        why = std::string("cannot start the decoder: ") + std::strerror(errno);
    else if (stalled)
        why = "the decoder delivered no frame for " + std::to_string(kStallSeconds) + " s";
    else if (failed)
        why = message;
    else if (!end.exitedWith(0) || done < n)
        why = path + ": the decoder crashed on damaged data at frame " + std::to_string(done) +
              (end.signal ? " (signal " + std::to_string(end.signal) + ")" : std::string());
    if (cancelled || (done == 0 && !why.empty())) {
        unmap(0);
        if (cancelled)
            return Volume();
        const bool typed = failed && code > 0;
        throw ImageError(typed ? static_cast<ErrorCode>(code) : ErrorCode::Corrupt, why);
    }
    Volume v;
    v.source = path;
    v.description = std::filesystem::path(path).filename().string();
    for (int i = 0; i < done; ++i) {
        std::uint8_t* frame = shared + static_cast<std::size_t>(i) * slot;
        v.slices.push_back(videoFrameImage(path, i, width, height, frame));
        ::munmap(frame, slot); // each frame's pages go back once copied
    }
    unmap(done);
    if (!why.empty())
        v.warnings.push_back(why + "; the first " + std::to_string(done) + " frames are open");
    else if (n < total)
        v.warnings.push_back("only the first " + std::to_string(n) + " of " + std::to_string(total) +
                             " frames are open");
    return v;
}

} // namespace delineo::core
