// Streams generated 1080p endoscopy-length videos: open time, first frame, random seeks, playback
// with a 3-class overlay, and peak memory, each file measured in a fresh child process.
// Usage: delineo-bench-video [--dir D] [--minutes 10,60] [--codecs mjpeg,h264] [--keyframes 0,25,50]
//                            [--seeks N] [--play N] [--generate-only] [--copies] [--read-ahead N] [--trace]
// --copies: each H.264 file is measured again once its fast-seeking copy (VideoProxy) is written,
// with the time that took; the copies go to D/copies. --read-ahead: frames decoded past each one
// asked for (the stream's default otherwise); --trace: each seek's time on stderr.
// The videos are written once and kept in D (default /tmp/delineo-bench-video). MJPEG, and H.264
// with --keyframes 0, by OpenCV: its FFmpeg writer gives x264 its defaults (keyint 250, scene cuts),
// on these frames a keyframe every 128 frames, where the drifting texture wraps, and OpenCV 4.6
// offers no way to set it; H.264 with --keyframes N (a keyframe at most every N frames, as
// endoscopy recorders write 1 or 2 s) through FFmpeg's libraries (H264Writer).
#include "BenchStats.h"
#include "H264Writer.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/VideoProxy.h"
#include "delineo/core/VideoStream.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using delineo::bench::percentile;

namespace {

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty())
            out.push_back(part);
    return out;
}

// Frames with endoscopy-like texture: smoothed noise drifting sideways, a bright moving blob and
// the frame number, so that every frame differs and the encoder has real work. `keyframes` > 0:
// H.264 with a keyframe at most that many frames apart, through FFmpeg's libraries.
void generate(const std::string& path, const std::string& codec, int minutes, int keyframes)
{
    const int fps = 25, frames = minutes * 60 * fps;
    const std::string part = path + ".part." + (codec == "h264" ? "mp4" : "avi");
    const int fourcc = codec == "h264" ? cv::VideoWriter::fourcc('a', 'v', 'c', '1')
                                       : cv::VideoWriter::fourcc('M', 'J', 'P', 'G');
    std::unique_ptr<delineo::core::H264Writer> h264;
    cv::VideoWriter writer;
    if (keyframes > 0)
        h264 = std::make_unique<delineo::core::H264Writer>(part, delineo::core::H264Writer::Settings{1920, 1080, fps, keyframes});
    else if (!writer.open(part, cv::CAP_FFMPEG, fourcc, fps, cv::Size(1920, 1080)))
        throw std::runtime_error("OpenCV cannot write " + codec + " to " + part);
    cv::Mat noise(1080, 2304, CV_8UC3);
    cv::randu(noise, 0, 255);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 12);
    cv::normalize(noise, noise, 20, 235, cv::NORM_MINMAX);
    std::fprintf(stderr, "writing %s (%d frames)...\n", path.c_str(), frames);
    const auto t0 = Clock::now();
    for (int i = 0; i < frames; ++i) {
        cv::Mat f = noise(cv::Rect((i * 3) % 384, 0, 1920, 1080)).clone();
        cv::circle(f, cv::Point(960 + static_cast<int>(500 * std::sin(i * 0.01)), 540), 180, cv::Scalar(90, 120, 230),
                   cv::FILLED);
        cv::putText(f, std::to_string(i), cv::Point(60, 120), cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar::all(255), 6);
        if (h264)
            h264->writeBgr(f.data, f.step[0]);
        else
            writer.write(f);
        if (i % 5000 == 4999)
            std::fprintf(stderr, "  %d frames, %.0f s\n", i + 1, msSince(t0) / 1000);
    }
    if (h264)
        h264->finish();
    writer.release();
    fs::rename(part, path);
}

long peakKb()
{
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return 0;
}

// One file, in the calling (child) process; prints one table row.
int measure(const std::string& label, const std::string& path, int seeks, int play, const std::string& copyDir,
            int readAhead, bool trace)
{
    using delineo::core::VideoStream;
    VideoStream::Options options = VideoStream::defaultOptions();
    if (readAhead >= 0)
        options.readAhead = readAhead;
    std::vector<double> opens;
    std::unique_ptr<VideoStream> video;
    for (int i = 0; i < 5; ++i) {
        const auto t = Clock::now();
        video = VideoStream::open(path, options);
        if (!copyDir.empty()) { // as the viewer finds its copy
            const std::string copy = delineo::core::VideoProxy::existing(path, copyDir);
            if (copy.empty() || !video->useCopy(copy))
                throw std::runtime_error("no usable copy of " + path + " in " + copyDir);
        }
        opens.push_back(msSince(t));
    }
    auto t = Clock::now();
    video->frame(0);
    const double first = msSince(t);
    std::mt19937 random(11);
    std::vector<double> seek;
    for (int i = 0; i < seeks; ++i) {
        const int at = static_cast<int>(random() % static_cast<unsigned>(video->frameCount()));
        t = Clock::now();
        video->frame(at);
        seek.push_back(msSince(t));
        if (trace)
            std::fprintf(stderr, "seek %3d to %6d: %6.1f ms\n", i, at, seek.back());
    }
    // Scrubbing: the timeline dragged forward, 3 to 30 frames a step, from random places.
    std::vector<double> scrub;
    for (int run = 0; run < 10; ++run) {
        int at = static_cast<int>(random() % static_cast<unsigned>(std::max(1, video->frameCount() - 400)));
        for (int step = 0; step < 10 && at < video->frameCount(); ++step) {
            t = Clock::now();
            video->frame(at);
            if (step > 0) // the first is a seek
                scrub.push_back(msSince(t));
            at += 3 + static_cast<int>(random() % 28);
        }
    }
    // Playback: each frame in order, with a 3-class mask blended over it as the viewer does.
    delineo::core::LabelMap mask(video->width(), video->height());
    for (int y = 300; y < 800; ++y)
        for (int x = 400; x < 1500; ++x)
            mask.at(x, y) = static_cast<std::uint8_t>(1 + (x / 300) % 3);
    const std::vector<delineo::core::Rgb> colours{{255, 64, 64}, {64, 200, 64}, {64, 64, 255}};
    const int from = video->frameCount() / 3;
    std::vector<std::uint8_t> rgb;
    t = Clock::now();
    for (int i = from; i < std::min(video->frameCount(), from + play); ++i) {
        const auto f = video->frame(i);
        rgb.assign(f->bytes.begin(), f->bytes.end());
        delineo::core::blendLabels(rgb.data(), mask, colours, {true, true, true}, 0.4);
    }
    const double playFps = play / (msSince(t) / 1000.0);
    std::printf("%-18s %7d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f %10.0f\n", label.c_str(),
                video->frameCount(), percentile(opens, 0.5), first, percentile(seek, 0.5), percentile(seek, 0.95),
                percentile(seek, 1.0), percentile(scrub, 0.5), percentile(scrub, 0.95), playFps, peakKb() / 1024.0);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::string dir = "/tmp/delineo-bench-video", minutes = "10,60", codecs = "mjpeg,h264", keyframes = "0";
    int seeks = 200, play = 500, readAhead = -1;
    bool generateOnly = false, copies = false, trace = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--dir")
            dir = value();
        else if (a == "--minutes")
            minutes = value();
        else if (a == "--codecs")
            codecs = value();
        else if (a == "--keyframes")
            keyframes = value();
        else if (a == "--seeks")
            seeks = std::max(1, std::stoi(value()));
        else if (a == "--play")
            play = std::max(1, std::stoi(value()));
        else if (a == "--generate-only")
            generateOnly = true;
        else if (a == "--copies")
            copies = true;
        else if (a == "--read-ahead")
            readAhead = std::max(0, std::stoi(value()));
        else if (a == "--trace")
            trace = true;
        else {
            std::fprintf(stderr, "usage: delineo-bench-video [--dir D] [--minutes 10,60] [--codecs mjpeg,h264] "
                                 "[--keyframes 0,25,50] [--seeks N] [--play N] [--generate-only] [--copies] "
                                 "[--read-ahead N] [--trace]\n");
            return 2;
        }
    }
    fs::create_directories(dir);
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& codec : split(codecs))
        for (const auto& m : split(minutes))
            for (const auto& k : codec == "h264" ? split(keyframes) : std::vector<std::string>{"0"}) {
                const std::string every = k == "0" ? std::string() : "-k" + k;
                const std::string path =
                    dir + "/" + codec + "-" + m + "min-1080p" + every + (codec == "h264" ? ".mp4" : ".avi");
                if (!fs::exists(path))
                    generate(path, codec, std::stoi(m), std::stoi(k));
                files.emplace_back(codec + " " + m + " min" + (every.empty() ? "" : " k" + k), path);
            }
    if (generateOnly)
        return 0;
    std::printf("bench video: 1920x1080, 25 frames/s, default stream options (512 MB cache, 12 frames read ahead); "
                "%d random seeks, %d frames played with a 3-class overlay\n",
                seeks, play);
    std::printf("%-18s %7s %9s %9s %9s %9s %9s %9s %9s %10s %10s\n", "video", "frames", "open ms", "first ms",
                "seek p50", "seek p95", "seek max", "scrub p50", "scrub p95", "play fps", "peak MB");
    std::fflush(stdout);
    // A fresh process per file: its peak memory is that file's.
    auto measureApart = [&](const std::string& label, const std::string& path, const std::string& copyDir) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            try {
                ::_exit(measure(label, path, seeks, play, copyDir, readAhead, trace));
            } catch (const std::exception& e) {
                std::printf("%-18s %s\n", label.c_str(), e.what());
                std::fflush(stdout);
                ::_exit(1);
            }
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            std::printf("%-18s failed (status %d)\n", label.c_str(), status);
    };
    std::vector<std::string> built;
    for (const auto& [label, path] : files) {
        measureApart(label, path, "");
        if (!copies || path.substr(path.size() - 4) != ".mp4")
            continue;
        delineo::core::VideoProxy::Options options;
        options.cacheDir = dir + "/copies";
        std::string copy = delineo::core::VideoProxy::find(path, options.cacheDir);
        double seconds = 0;
        if (copy.empty()) {
            const auto t = Clock::now();
            const auto outcome = delineo::core::VideoProxy::build(path, options);
            seconds = msSince(t) / 1000;
            if (outcome != delineo::core::VideoProxy::Outcome::Built) {
                built.push_back(label + ": no copy needed");
                continue;
            }
            copy = delineo::core::VideoProxy::find(path, options.cacheDir);
        }
        measureApart(label + " copy", path, options.cacheDir);
        char line[256];
        std::snprintf(line, sizeof line, "%s: copy of %.0f MB, %s", label.c_str(), fs::file_size(copy) / 1e6,
                      seconds > 0 ? ("written in " + std::to_string(static_cast<int>(seconds)) + " s").c_str()
                                  : "written before");
        built.push_back(line);
    }
    for (const auto& line : built)
        std::printf("%s\n", line.c_str());
    return 0;
}
