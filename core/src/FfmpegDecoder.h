#pragma once
// Internal: one video stream decoded with FFmpeg's libraries directly, for streaming. A seek lands
// on the keyframe at or before the frame (the container's index) and decodes forward to it, so an
// all-keyframe stream (MJPEG) decodes one frame per seek and H.264 at most one group of pictures;
// OpenCV's seek instead backs up 16 frames more and decodes them all. The next frame in order needs
// no seek, nor does a frame further on in the group of pictures being decoded.
#include <cstdint>
#include <memory>
#include <string>

struct AVFrame;

namespace delineo::core {

class FfmpegDecoder {
public:
    // Throws ImageError: not found, not a video, no video stream.
    FfmpegDecoder(const std::string& path, int width, int height, double fps);
    ~FfmpegDecoder();
    FfmpegDecoder(const FfmpegDecoder&) = delete;
    FfmpegDecoder& operator=(const FfmpegDecoder&) = delete;

    // Frame `index` as width x height RGB into `rgb`. Throws ImageError (Corrupt) when it cannot be
    // decoded or its size is not the stream's.
    void decode(int index, std::uint8_t* rgb);
    // Frame `index` as the decoder gives it (its own pixel format), valid until the next call.
    // Throws as decode() does.
    const AVFrame* decodeFrame(int index);
    // The most frames from one keyframe to the next (or to the end) in the container's index, of a
    // video of `frames` frames: what a seek may have to decode. `frames` when the index lists one
    // keyframe or none (a stream without an index seeks from its start).
    int longestKeyframeGap(int frames) const;
    // Times it went back to a keyframe (a frame ahead in the same group of pictures needs none).
    int seeks() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::core
