#pragma once
// Writes BGR frames as H.264 in MP4 through FFmpeg's libraries with a keyframe at most every N
// frames (x264 may add more at scene cuts): OpenCV 4.6's writer always hands x264 its default
// interval (250) and offers no way to set it.
#include <opencv2/core.hpp>

#include <memory>
#include <string>

namespace delineo::bench {

class H264Writer {
public:
    // Throws std::runtime_error when FFmpeg has no H.264 encoder or cannot write the file.
    H264Writer(const std::string& path, int width, int height, int fps, int keyframeEvery);
    ~H264Writer();
    H264Writer(const H264Writer&) = delete;
    H264Writer& operator=(const H264Writer&) = delete;

    void write(const cv::Mat& bgr); // width x height, CV_8UC3
    void finish();                  // flushes the encoder and writes the index; the destructor calls it

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::bench
