#pragma once
// Internal: writes frames as H.264 in MP4 through FFmpeg's libraries with a keyframe at most every N
// frames (x264 may add more at scene cuts). OpenCV 4.6's writer always hands x264 its default
// interval (250) and offers no way to set it. Used by the fast-seeking copies of videos
// (VideoProxy, in the decoder program) and by the video benchmark's generated procedures.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct AVFrame;

namespace delineo::core {

class H264Writer {
public:
    struct Settings {
        int width = 0, height = 0;
        double fps = 25;
        int keyframeEvery = 12;
        int crf = -1;            // x264's constant rate factor; -1: its default (23)
        std::string preset;      // x264's speed preset; empty: its default (medium)
        int pixelFormat = -1;    // an AVPixelFormat x264 takes; -1: 4:2:0
        int colourRange = 0;     // AVColorRange, AVColorSpace, ... of the frames (0: unspecified)
        int colourSpace = 2, colourPrimaries = 2, colourTransfer = 2;
    };
    // Throws ImageError (WriteFailed) when FFmpeg has no H.264 encoder or cannot write the file.
    H264Writer(const std::string& path, const Settings& settings);
    ~H264Writer();
    H264Writer(const H264Writer&) = delete;
    H264Writer& operator=(const H264Writer&) = delete;

    // A width x height BGR frame (3 bytes a pixel, `stride` bytes a row), converted to 4:2:0.
    void writeBgr(const std::uint8_t* bgr, std::size_t stride);
    // A decoded frame of the settings' size and pixel format, as it is; the next timestamp is set.
    void write(AVFrame* frame);
    // Flushes the encoder, writes the index and fsyncs the file; the destructor calls it (without
    // reporting a failure).
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::core
