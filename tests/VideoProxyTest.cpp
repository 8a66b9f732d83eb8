// Fast-seeking copies of videos whose keyframes lie far apart (VideoProxy), written by the real
// decoder program with x264, read back through VideoStream.
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/VideoProxy.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/VideoStream.h"

#include <atomic>
#include <filesystem>
#include <fstream>

using namespace delineo;
using delineo::test::TempDir;
namespace fs = std::filesystem;

namespace {

core::VideoProxy::Options optionsIn(const TempDir& dir)
{
    core::VideoProxy::Options o;
    o.cacheDir = dir.file("copies");
    return o;
}

int filesIn(const std::string& folder)
{
    std::error_code ec;
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder, ec))
        ++n;
    return n;
}

double meanDifference(const core::Image& a, const core::Image& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.bytes.size(); ++i)
        sum += std::abs(int(a.bytes[i]) - int(b.bytes[i]));
    return sum / static_cast<double>(a.bytes.size());
}

} // namespace

TEST(VideoProxy, FarApartKeyframesGetACopyWithTheSameFramesAndKeyframesTwelveApart)
{
    TempDir dir;
    const std::string video = dir.file("procedure.mp4");
    test::writeNumberedVideo(video, 300); // OpenCV's H.264: a keyframe every 42 frames here
    const auto options = optionsIn(dir);
    EXPECT_EQ(core::VideoProxy::find(video, options.cacheDir), "") << "none before it is written";

    int lastDone = 0, calls = 0;
    ASSERT_EQ(core::VideoProxy::build(video, options, [&](int done, int frames) {
                  EXPECT_EQ(frames, 300);
                  EXPECT_GE(done, lastDone);
                  lastDone = done;
                  ++calls;
              }),
              core::VideoProxy::Outcome::Built);
    EXPECT_EQ(lastDone, 300);
    EXPECT_GE(calls, 10) << "progress as it goes";
    const std::string copy = core::VideoProxy::find(video, options.cacheDir);
    ASSERT_EQ(copy, core::VideoProxy::pathFor(video, options.cacheDir));
    EXPECT_EQ(filesIn(options.cacheDir), 1) << "no temporary file left";
    const core::VideoReader header(copy);
    EXPECT_EQ(header.frameCount(), 300);
    EXPECT_EQ(header.width(), 64);
    EXPECT_NEAR(header.fps(), 25.0, 1e-6);
    // Its own keyframes lie 12 apart: it needs no copy of its own.
    EXPECT_EQ(core::VideoProxy::build(copy, optionsIn(dir)), core::VideoProxy::Outcome::NotNeeded);

    // A stream decodes from it: every frame the one asked for, as the video shows it.
    auto fromCopy = core::VideoStream::open(video, core::VideoStream::defaultOptions());
    auto fromVideo = core::VideoStream::open(video, core::VideoStream::defaultOptions());
    ASSERT_TRUE(fromCopy->useCopy(copy));
    EXPECT_EQ(fromCopy->decodingFrom(), copy);
    EXPECT_EQ(fromVideo->decodingFrom(), video);
    EXPECT_EQ(fromCopy->frameCount(), 300);
    for (int z : {299, 0, 150, 41, 42, 43, 287, 13}) {
        const auto a = fromCopy->frame(z);
        const auto b = fromVideo->frame(z);
        EXPECT_EQ(test::numberedFrameIndex(*a), z);
        EXPECT_EQ(a->path, video) << "frames are the video's, wherever they were decoded from";
        EXPECT_LT(meanDifference(*a, *b), 2.0) << "frame " << z;
    }
}

TEST(VideoProxy, AStreamSwitchesToACopyWrittenWhileItIsOpen)
{
    TempDir dir;
    const std::string video = dir.file("procedure.mp4");
    test::writeNumberedVideo(video, 200);
    auto stream = core::VideoStream::open(video, core::VideoStream::defaultOptions());
    EXPECT_EQ(test::numberedFrameIndex(*stream->frame(120)), 120);
    const auto options = optionsIn(dir);
    ASSERT_EQ(core::VideoProxy::build(video, options), core::VideoProxy::Outcome::Built);
    const std::string copy = core::VideoProxy::find(video, options.cacheDir);
    EXPECT_FALSE(stream->useCopy(dir.file("missing.mp4")));
    EXPECT_FALSE(stream->useCopy(video + ".not")) << "not a video";
    ASSERT_TRUE(stream->useCopy(copy));
    EXPECT_EQ(stream->decodingFrom(), copy);
    for (int z : {190, 3, 77})
        EXPECT_EQ(test::numberedFrameIndex(*stream->frame(z)), z);

    // A copy of another video (other frame count) is refused.
    const std::string other = dir.file("other.mp4");
    test::writeNumberedVideo(other, 120);
    ASSERT_EQ(core::VideoProxy::build(other, options), core::VideoProxy::Outcome::Built);
    EXPECT_FALSE(stream->useCopy(core::VideoProxy::find(other, options.cacheDir)));
}

TEST(VideoProxy, AVideoWithKeyframesCloseTogetherNeedsNoneAndNothingIsWritten)
{
    TempDir dir;
    const std::string video = dir.file("clip.avi");
    test::writeNumberedVideo(video, 100); // MJPEG: every frame a keyframe
    const auto options = optionsIn(dir);
    EXPECT_EQ(core::VideoProxy::build(video, options), core::VideoProxy::Outcome::NotNeeded);
    EXPECT_FALSE(fs::exists(options.cacheDir)) << "not even the folder";
}

TEST(VideoProxy, ADamagedOrStaleCopyIsNotUsedAndAChangedVideoGetsANewOne)
{
    TempDir dir;
    const std::string video = dir.file("procedure.mp4");
    test::writeNumberedVideo(video, 120);
    const auto options = optionsIn(dir);
    const std::string where = core::VideoProxy::pathFor(video, options.cacheDir);
    fs::create_directories(options.cacheDir);
    std::ofstream(where) << "not a video";
    EXPECT_EQ(core::VideoProxy::find(video, options.cacheDir), "");
    auto stream = core::VideoStream::open(video, core::VideoStream::defaultOptions());
    EXPECT_FALSE(stream->useCopy(where));
    EXPECT_EQ(stream->decodingFrom(), video) << "the damaged copy is passed by";
    ASSERT_EQ(core::VideoProxy::build(video, options), core::VideoProxy::Outcome::Built) << "and replaced";
    EXPECT_EQ(core::VideoProxy::find(video, options.cacheDir), where);

    // The video written again: its copy is another file, and the old one is not found for it.
    test::writeNumberedVideo(video, 130);
    fs::last_write_time(video, fs::last_write_time(where) + std::chrono::seconds(5));
    EXPECT_NE(core::VideoProxy::pathFor(video, options.cacheDir), where);
    EXPECT_EQ(core::VideoProxy::find(video, options.cacheDir), "");
}

TEST(VideoProxy, ACancelledBuildLeavesNothingAndADamagedVideoFailsTyped)
{
    TempDir dir;
    const std::string video = dir.file("procedure.mp4");
    test::writeNumberedVideo(video, 400);
    const auto options = optionsIn(dir);
    std::atomic<bool> cancel{false};
    EXPECT_EQ(core::VideoProxy::build(video, options, [&](int, int) { cancel = true; }, &cancel),
              core::VideoProxy::Outcome::Cancelled);
    EXPECT_EQ(filesIn(options.cacheDir), 0) << "no part-written copy left behind";

    // Cut in the middle: the frames after the cut cannot be decoded, so there is no copy.
    const std::string cut = dir.file("cut.mp4");
    {
        std::ifstream in(video, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    try {
        core::VideoProxy::build(cut, options);
        // A container whose header is cut says so before any frame is decoded.
    } catch (const core::ImageError& e) {
        EXPECT_TRUE(e.code() == core::ErrorCode::Corrupt || e.code() == core::ErrorCode::UnsupportedFormat ||
                    e.code() == core::ErrorCode::NotFound)
            << e.what();
    }
    EXPECT_EQ(filesIn(options.cacheDir), 0);
    EXPECT_THROW(core::VideoProxy::build(dir.file("missing.mp4"), options), core::ImageError);
}

TEST(VideoProxy, TheLeastRecentlyUsedCopiesGoOverTheBudget)
{
    TempDir dir;
    auto options = optionsIn(dir);
    const std::string a = dir.file("a.mp4"), b = dir.file("b.mp4");
    test::writeNumberedVideo(a, 150);
    test::writeNumberedVideo(b, 160);
    ASSERT_EQ(core::VideoProxy::build(a, options), core::VideoProxy::Outcome::Built);
    const std::string copyA = core::VideoProxy::find(a, options.cacheDir);
    fs::last_write_time(copyA, fs::file_time_type::clock::now() - std::chrono::hours(1));
    options.budgetBytes = fs::file_size(copyA) + 1; // room for one
    ASSERT_EQ(core::VideoProxy::build(b, options), core::VideoProxy::Outcome::Built);
    EXPECT_FALSE(fs::exists(copyA)) << "the older copy went";
    EXPECT_NE(core::VideoProxy::find(b, options.cacheDir), "") << "the new one stays, even over the budget";
}
