#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/VideoStream.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <chrono>
#include <thread>
#include <future>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace delineo;
using delineo::test::TempDir;

namespace {

int indexOf(const core::Image& img) { return test::numberedFrameIndex(img); }
void writeNumberedVideo(const std::string& path, int frames) { test::writeNumberedVideo(path, frames); }

// Every process this one has forked (the decoders), from /proc.
std::vector<pid_t> children()
{
    std::vector<pid_t> out;
    const std::string tasks = "/proc/self/task";
    DIR* dir = ::opendir(tasks.c_str());
    for (dirent* e; dir && (e = ::readdir(dir));) {
        std::ifstream in(tasks + "/" + e->d_name + "/children");
        for (pid_t p; in >> p;)
            out.push_back(p);
    }
    if (dir)
        ::closedir(dir);
    return out;
}

// The program a process runs, from /proc.
std::string programOf(pid_t pid)
{
    char target[4096];
    const ssize_t n = ::readlink(("/proc/" + std::to_string(pid) + "/exe").c_str(), target, sizeof target - 1);
    return n > 0 ? std::string(target, static_cast<std::size_t>(n)) : std::string();
}

// Sets DELINEO_DECODER for one test.
struct DecoderSetting {
    explicit DecoderSetting(const char* value) { ::setenv("DELINEO_DECODER", value, 1); }
    ~DecoderSetting() { ::unsetenv("DELINEO_DECODER"); }
};

} // namespace

// A 3,000-frame video opens without decoding anything, reaches its last frame, seeks anywhere and
// steps through frames with the cache held to its budget.
TEST(VideoStream, OpensA3000FrameVideoAndReachesItsLastFrame)
{
    TempDir dir;
    writeNumberedVideo(dir.file("long.avi"), 3000);
    core::VideoStream::Options options;
    options.cacheBytes = 40 * 64 * 48 * 3;
    auto video = core::VideoStream::open(dir.file("long.avi"), options);
    EXPECT_EQ(video->frameCount(), 3000);
    EXPECT_NEAR(video->fps(), 25.0, 0.01);
    EXPECT_EQ(video->decoderStarts(), 0) << "opening decodes nothing";
    EXPECT_EQ(indexOf(*video->frame(2999)), 2999);
    // Held while the cache pushes it out and hands the memory of frames nobody holds to new ones.
    const auto held = video->frame(0);
    EXPECT_EQ(indexOf(*held), 0);
    std::mt19937 random(7);
    for (int k = 0; k < 25; ++k) {
        const int i = static_cast<int>(random() % 3000);
        EXPECT_EQ(indexOf(*video->frame(i)), i);
    }
    for (int i = 1200; i < 1260; ++i) { // playback: each frame in order
        const auto f = video->frame(i);
        ASSERT_EQ(indexOf(*f), i);
        EXPECT_EQ(f->width, 64);
    }
    EXPECT_LE(video->cachedBytes(), options.cacheBytes);
    EXPECT_FALSE(video->isCached(0));
    ASSERT_EQ(held->bytes.size(), std::size_t(64) * 48 * 3) << "a frame still held keeps its pixels";
    EXPECT_EQ(indexOf(*held), 0);
    EXPECT_EQ(video->decoderStarts(), 1);
    EXPECT_THROW(video->frame(3000), core::ImageError);
    EXPECT_THROW(video->frame(-1), core::ImageError);
}

// H.264 with long groups of pictures and B-frames: a seek decodes forward from the keyframe before
// (skipping the frames nothing refers to) and must still land on the very frame asked for.
TEST(VideoStream, H264SeeksLandOnTheFrameAskedFor)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.mp4"), 400);
    auto video = core::VideoStream::open(dir.file("clip.mp4"));
    ASSERT_EQ(video->frameCount(), 400);
    std::mt19937 random(3);
    for (int k = 0; k < 40; ++k) {
        const int i = static_cast<int>(random() % 400);
        EXPECT_EQ(indexOf(*video->frame(i)), i);
    }
    for (int i : {399, 0, 127, 128, 129, 255, 256, 1})
        EXPECT_EQ(indexOf(*video->frame(i)), i);
    for (int i = 200; i < 240; ++i)
        EXPECT_EQ(indexOf(*video->frame(i)), i);
}

// Scrubbing forward through H.264: a frame further on in the group of pictures being decoded is
// reached by decoding on, not by going back to its keyframe; a jump back or into a later group
// still seeks, and every frame is the one asked for.
TEST(VideoStream, H264JumpsAheadInAGroupDecodeOnWithoutSeeking)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.mp4"), 400);
    auto video = core::VideoStream::open(dir.file("clip.mp4"));
    EXPECT_EQ(indexOf(*video->frame(1)), 1);
    const int seeks = video->decoderSeeks();
    for (int i : {20, 21, 30, 40}) // beyond the read-ahead, before the second keyframe (42)
        EXPECT_EQ(indexOf(*video->frame(i)), i);
    EXPECT_EQ(video->decoderSeeks(), seeks) << "forward within one group of pictures";
    EXPECT_EQ(indexOf(*video->frame(16)), 16);
    EXPECT_EQ(video->decoderSeeks(), seeks + 1) << "back: to the keyframe";
    EXPECT_EQ(indexOf(*video->frame(300)), 300);
    EXPECT_EQ(video->decoderSeeks(), seeks + 2) << "into a later group: to its keyframe";
}

// Playing on in order never sends the decoder back to a keyframe, even when the read-ahead is
// topped up while frames are still on their way; and a cache too small for the read-ahead (its
// frames evicted before they are shown) still delivers every frame, decoding again what it lost.
TEST(VideoStream, PlaybackDecodesOnAndSurvivesACacheSmallerThanItsReadAhead)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.mp4"), 400);
    auto video = core::VideoStream::open(dir.file("clip.mp4"));
    EXPECT_EQ(indexOf(*video->frame(200)), 200);
    const int seeks = video->decoderSeeks();
    for (int i = 201; i < 400; ++i)
        ASSERT_EQ(indexOf(*video->frame(i)), i);
    EXPECT_EQ(video->decoderSeeks(), seeks) << "playback decodes on";

    for (const char* name : {"clip.mp4", "tiny.avi"}) {
        if (std::string(name) == "tiny.avi")
            writeNumberedVideo(dir.file(name), 120);
        core::VideoStream::Options options;
        options.cacheBytes = 2 * 64 * 48 * 3;
        options.stallSeconds = 5;
        auto small = core::VideoStream::open(dir.file(name), options);
        for (int i = 0; i < 120; ++i)
            ASSERT_EQ(indexOf(*small->frame(i)), i) << name;
        EXPECT_LE(small->cachedBytes(), options.cacheBytes);
    }
}

// Copying a 1080p frame into fresh memory costs ~20 ms of page faults: while the cache fills, the
// frames read ahead go into buffers made ready off the caller's thread, and without one ready, at
// most one goes into fresh memory per frame shown, so that playback never waits for a batch of them.
TEST(VideoStream, FramesReadAheadTakeReadyBuffersOrOneFreshCopyPerFrameShown)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.avi"), 60);
    core::VideoStream::Options options;
    options.touchAhead = 0; // no buffers made ready: every frame read ahead needs fresh memory
    auto video = core::VideoStream::open(dir.file("clip.avi"), options);
    ASSERT_EQ(indexOf(*video->frame(0)), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // the decoder fills its slots
    for (int k = 0; k < 8; ++k) // the same frame again, as the window asks for it while it paints
        ASSERT_EQ(indexOf(*video->frame(0)), 0);
    EXPECT_FALSE(video->isCached(1)) << "a frame shown again took frames read ahead into fresh memory";
    ASSERT_EQ(indexOf(*video->frame(1)), 1);
    EXPECT_FALSE(video->isCached(2)) << "more than one fresh copy for one frame shown";
    for (int i = 2; i < 60; ++i)
        ASSERT_EQ(indexOf(*video->frame(i)), i);

    auto ready = core::VideoStream::open(dir.file("clip.avi")); // buffers made ready: the default
    ASSERT_EQ(indexOf(*ready->frame(0)), 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!ready->isCached(6) && std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(indexOf(*ready->frame(0)), 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(ready->isCached(6)) << "frames read ahead were not taken into the buffers made ready";
    for (int i = 1; i < 60; ++i)
        ASSERT_EQ(indexOf(*ready->frame(i)), i);
}

// A decoder that dies costs the frame it was decoding: that frame is a typed error, and the next
// frame starts a new decoder.
TEST(VideoStream, ADecoderCrashCostsOneFrame)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.avi"), 200);
    core::VideoStream::Options options;
    options.readAhead = 0;
    auto video = core::VideoStream::open(dir.file("clip.avi"), options);
    std::ofstream(dir.file("held")) << "a file this process holds open";
    const int opened = ::open(dir.file("held").c_str(), O_RDONLY);
    const int held = ::fcntl(opened, F_DUPFD, 10); // without O_CLOEXEC, and not one of the channels' numbers
    EXPECT_EQ(indexOf(*video->frame(10)), 10);
    // The decoder is the helper program, not a fork of this (large) process, and holds none of this
    // process's files but its standard streams and its three channels.
    const std::string helper = video->decoderProgram();
    EXPECT_EQ(helper.substr(helper.rfind('/') + 1), "delineo-decoder");
    ASSERT_EQ(children().size(), 1u);
    EXPECT_EQ(programOf(children()[0]), helper);
    for (const auto& fd : std::filesystem::directory_iterator("/proc/" + std::to_string(children()[0]) + "/fd"))
        EXPECT_NE(std::filesystem::read_symlink(fd.path()), dir.file("held")) << fd.path();
    ::close(held);
    ::close(opened);
    // Stopped first, so that it dies while frame 150 is asked of it (killed before the ask, it
    // would be replaced and cost nothing).
    for (pid_t p : children())
        ::kill(p, SIGSTOP);
    auto asked = std::async(std::launch::async, [&] { return video->frame(150); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    for (pid_t p : children())
        ::kill(p, SIGKILL);
    try {
        asked.get();
        ADD_FAILURE() << "a killed decoder delivered a frame";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("crashed"), std::string::npos) << e.what();
    }
    EXPECT_THROW(video->frame(150), core::ImageError) << "the frame stays marked";
    EXPECT_EQ(indexOf(*video->frame(151)), 151);
    EXPECT_EQ(indexOf(*video->frame(10)), 10);
    EXPECT_EQ(video->decoderStarts(), 2);
}

// Without the helper program the decoder runs in a fork of this process, with the same results; a
// helper that cannot be started, or one of another version, is a typed error that names it.
TEST(VideoStream, DecodesInAForkWithoutTheHelperAndNamesAHelperThatCannotServe)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.avi"), 120);
    {
        DecoderSetting fork("fork");
        auto video = core::VideoStream::open(dir.file("clip.avi"));
        for (int i : {0, 1, 2, 90, 91, 30})
            EXPECT_EQ(indexOf(*video->frame(i)), i);
        EXPECT_EQ(video->decoderProgram(), "");
        ASSERT_EQ(children().size(), 1u);
        EXPECT_EQ(programOf(children()[0]), programOf(::getpid()));
    }
    // The first frame fails with Unreadable, saying `why`.
    auto unreadable = [&](const std::string& why) {
        auto video = core::VideoStream::open(dir.file("clip.avi"));
        try {
            video->frame(0);
            ADD_FAILURE() << "a frame without a working decoder";
        } catch (const core::ImageError& e) {
            EXPECT_EQ(e.code(), core::ErrorCode::Unreadable);
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    };
    {
        DecoderSetting missing("/nonexistent/delineo-decoder");
        unreadable("/nonexistent/delineo-decoder");
        EXPECT_TRUE(children().empty());
    }
    // The real helper asked for another protocol, as after an update installed while the app runs.
    const std::string helper = core::helperProgram("delineo-decoder");
    ASSERT_FALSE(helper.empty());
    std::ofstream(dir.file("old-decoder")) << "#!/bin/sh\nexec '" << helper << "' delineo-decoder-protocol-0 \"$@\"\n";
    std::filesystem::permissions(dir.file("old-decoder"), std::filesystem::perms::owner_all);
    DecoderSetting old(dir.file("old-decoder").c_str());
    unreadable("another version of Delineo");
}

// Cancel reaches a short video's open (loadVideo) while its decoder hangs, as one stuck in damaged
// data would, instead of waiting for the stall limit.
TEST(VideoStream, CancelReachesAVideoOpenWhileItsDecoderHangs)
{
    TempDir dir;
    writeNumberedVideo(dir.file("clip.avi"), 1000);
    std::atomic<bool> cancel{false};
    auto opening = std::async(std::launch::async, [&] {
        return core::loadVideo(dir.file("clip.avi"), 1000, std::size_t(2) << 30, &cancel);
    });
    std::vector<pid_t> stopped;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    // Stopped as soon as it runs the decoder program (not before: until then it is this process's
    // copy that posix_spawn waits for), before it has decoded the lot.
    while (stopped.empty() && std::chrono::steady_clock::now() < until)
        for (pid_t p : children())
            if (const std::string exe = programOf(p); !exe.empty() && exe != programOf(::getpid())) {
                ::kill(p, SIGSTOP);
                stopped.push_back(p);
            }
    struct Killed { // whatever the outcome, before `opening` waits for the open to end
        std::vector<pid_t>& pids;
        ~Killed()
        {
            const auto alive = children();
            for (pid_t p : pids)
                if (std::find(alive.begin(), alive.end(), p) != alive.end())
                    ::kill(p, SIGKILL);
        }
    } killed{stopped};
    ASSERT_FALSE(stopped.empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancel = true;
    ASSERT_EQ(opening.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "cancel waited for the stall limit";
    EXPECT_EQ(opening.get().depth(), 0);
    EXPECT_TRUE(children().empty()) << "the stopped decoder is ended with the open";
}

TEST(VideoStream, WhatIsNotAVideoIsATypedErrorAtOpen)
{
    TempDir dir;
    std::ofstream(dir.file("x.mp4")) << "not a video";
    EXPECT_THROW(core::VideoStream::open(dir.file("x.mp4")), core::ImageError);
    EXPECT_THROW(core::VideoStream::open(dir.file("missing.avi")), core::ImageError);
}
