#pragma once
#include "delineo/core/Volume.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace delineo::core {

// An endoscopy video's header through OpenCV: frame count, frame rate and size. Nothing is decoded
// here: frames are decoded in the decoder program (VideoStream, loadVideo).
class VideoReader {
public:
    explicit VideoReader(const std::string& path); // throws ImageError
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    int frameCount() const { return frames_; }
    double fps() const { return fps_; }
    int width() const { return width_; }
    int height() const { return height_; }

    static bool isVideoPath(const std::string& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
    int frames_ = 0, width_ = 0, height_ = 0;
    double fps_ = 0;
};

// Frame `index` of the video at `path`: width x height RGB bytes copied from `rgb` (black if null),
// into `storage` when it is given: memory already touched takes a 1080p frame in a fraction of a
// millisecond, where fresh pages cost 17 ms in page faults on some virtual machines.
Image videoFrameImage(const std::string& path, int index, int width, int height, const std::uint8_t* rgb,
                      std::vector<std::uint8_t> storage = {});

// Decodes up to `maxFrames` frames (and at most `maxBytes` of pixels) into a stack, one slice per
// frame; a warning says when the video was longer.
// Returns an empty volume when `cancel` is set.
Volume loadVideo(const std::string& path, int maxFrames, std::size_t maxBytes = std::size_t(2) << 30,
                 const std::atomic<bool>* cancel = nullptr,
                 const std::function<void(int done, int total)>& progress = nullptr);

} // namespace delineo::core
