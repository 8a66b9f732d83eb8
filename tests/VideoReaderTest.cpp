#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/VideoReader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <fstream>

using namespace delineo;
using delineo::test::TempDir;

namespace {

// Frames whose mean brightness encodes their index, so a seek can be checked.
void writeVideo(const std::string& path, int frames, const std::vector<cv::Mat>& backgrounds)
{
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(160, 120));
    ASSERT_TRUE(writer.isOpened());
    for (int i = 0; i < frames; ++i) {
        cv::Mat f;
        cv::resize(backgrounds[i % backgrounds.size()], f, cv::Size(160, 120));
        f = f * 0.3 + cv::Scalar::all(i * 10);
        writer.write(f);
    }
}

double meanOf(const core::Image& img)
{
    double sum = 0;
    for (auto b : img.bytes)
        sum += b;
    return sum / img.bytes.size();
}

} // namespace

TEST(VideoReader, HeaderAndFramesInOrder)
{
    TempDir dir;
    std::vector<cv::Mat> frames;
    const std::string kvasir = test::sharedData("kvasir-seg/images");
    if (!kvasir.empty()) {
        for (const char* n : {"cju0qoxqj9q6s0835b43399p4.jpg", "cju0qx73cjw570799j4n5cjze.jpg"})
            frames.push_back(cv::imread(kvasir + "/" + n));
    } else {
        frames.push_back(cv::Mat(120, 160, CV_8UC3, cv::Scalar(20, 40, 90)));
    }
    writeVideo(dir.file("clip.avi"), 12, frames);
    core::VideoReader reader(dir.file("clip.avi"));
    EXPECT_EQ(reader.frameCount(), 12);
    EXPECT_NEAR(reader.fps(), 25.0, 0.01);
    EXPECT_EQ(reader.width(), 160);

    core::Volume v = core::loadVolume(dir.file("clip.avi"));
    EXPECT_EQ(v.depth(), 12);
    EXPECT_EQ(v.slice(0).channels, 3);
    EXPECT_GT(meanOf(v.slice(9)), meanOf(v.slice(4)));
    EXPECT_GT(meanOf(v.slice(4)), meanOf(v.slice(3)));
    EXPECT_TRUE(core::hasImageExtension(dir.file("clip.avi")));
    EXPECT_EQ(core::loadVideo(dir.file("clip.avi"), 5).warnings.size(), 1u);
}

TEST(VideoReader, BrokenVideoIsATypedError)
{
    TempDir dir;
    std::ofstream(dir.file("x.mp4")) << "not a video";
    EXPECT_THROW(core::VideoReader{dir.file("x.mp4")}, core::ImageError);
    EXPECT_THROW(core::VideoReader{dir.file("missing.avi")}, core::ImageError);
}

// A video cut short (a copy that stopped mid-way): the frames before the damage open, with a warning
// that says how many; the decoding runs in a child process, so a decoder crash would end the same way.
TEST(VideoReader, ACutVideoOpensItsFirstFramesWithAWarning)
{
    TempDir dir;
    writeVideo(dir.file("clip.avi"), 12, {cv::Mat(120, 160, CV_8UC3, cv::Scalar(20, 40, 90))});
    const std::string bytes = test::fileBytes(dir.file("clip.avi"));
    std::size_t at = 0;
    for (int soi = 0; soi < 9 && at != std::string::npos; ++soi) // the 9th frame's JPEG start
        at = bytes.find("\xFF\xD8\xFF", at + 1);
    ASSERT_NE(at, std::string::npos);
    std::ofstream(dir.file("cut.avi"), std::ios::binary) << bytes.substr(0, at + 40);
    const core::Volume v = core::loadVideo(dir.file("cut.avi"), 100);
    EXPECT_GE(v.depth(), 1);
    EXPECT_LT(v.depth(), 12);
    ASSERT_FALSE(v.warnings.empty());
    EXPECT_NE(v.warnings.back().text().find("the first " + std::to_string(v.depth()) + " frames are open"), std::string::npos)
        << v.warnings.back().text();
    for (int z = 0; z < v.depth(); ++z)
        EXPECT_EQ(v.slice(z).bytes.size(), std::size_t(160) * 120 * 3);
}
