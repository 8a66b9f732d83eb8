#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"

#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace delineo;
using delineo::test::TempDir;

static core::ErrorCode errorOf(const std::string& path)
{
    try {
        core::loadImage(path);
    } catch (const core::ImageError& e) {
        return e.code();
    }
    return static_cast<core::ErrorCode>(0);
}

TEST(ImageIO, LoadsGeneratedPngAsRgbWithExactPixels)
{
    TempDir dir;
    test::writeDiscImage(dir.file("a.png"), 64, 48, 20, 20, 8);
    core::Image img = core::loadImage(dir.file("a.png"));
    EXPECT_EQ(img.width, 64);
    EXPECT_EQ(img.height, 48);
    EXPECT_EQ(img.channels, 3);
    EXPECT_EQ(img.type, core::PixelType::U8);
    // Written as BGR (40,60,150): Delineo stores RGB.
    EXPECT_EQ(img.value(0, 0, 0), 150);
    EXPECT_EQ(img.value(0, 0, 2), 40);
    EXPECT_EQ(img.value(20, 20, 0), 250);
}

TEST(ImageIO, Loads16BitGreyPng)
{
    TempDir dir;
    cv::Mat m(10, 12, CV_16UC1, cv::Scalar(1234));
    m.at<std::uint16_t>(3, 4) = 15000;
    cv::imwrite(dir.file("s.png"), m);
    core::Image img = core::loadImage(dir.file("s.png"));
    EXPECT_EQ(img.type, core::PixelType::U16);
    EXPECT_EQ(img.channels, 1);
    EXPECT_EQ(img.value(4, 3), 15000);
    double lo, hi;
    img.range(lo, hi);
    EXPECT_EQ(lo, 1234);
    EXPECT_EQ(hi, 15000);
}

TEST(ImageIO, JpegRoundTripIsClose)
{
    TempDir dir;
    test::writeDiscImage(dir.file("a.jpg"), 64, 64, 32, 32, 10);
    core::Image img = core::loadImage(dir.file("a.jpg"));
    EXPECT_NEAR(img.value(32, 32, 0), 250, 6);
    EXPECT_EQ(img.format, "jpeg");
}

TEST(ImageIO, TypedErrorsForBadInput)
{
    TempDir dir;
    EXPECT_EQ(errorOf(dir.file("missing.png")), core::ErrorCode::NotFound);
    std::ofstream(dir.file("notes.png")) << "this is not an image";
    EXPECT_EQ(errorOf(dir.file("notes.png")), core::ErrorCode::UnsupportedFormat);
    EXPECT_EQ(errorOf(dir.path().string()), core::ErrorCode::UnsupportedFormat);
    // A JPEG cut in half: libjpeg would pad it with grey; Delineo refuses it.
    test::writeDiscImage(dir.file("full.jpg"), 128, 128, 60, 60, 30);
    std::ifstream in(dir.file("full.jpg"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(dir.file("cut.jpg"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    EXPECT_EQ(errorOf(dir.file("cut.jpg")), core::ErrorCode::Corrupt);
    std::ofstream(dir.file("empty.jpg"), std::ios::binary) << "\xFF\xD8\xFF";
    EXPECT_EQ(errorOf(dir.file("empty.jpg")), core::ErrorCode::Corrupt);
}

TEST(ImageIO, RealKvasirFrameAndMask)
{
    const std::string dir = test::sharedData("kvasir-seg");
    SKIP_WITHOUT_SHARED(dir);
    const std::string name = "cju0qoxqj9q6s0835b43399p4.jpg";
    core::Image img = core::loadImage(dir + "/images/" + name);
    EXPECT_EQ(img.width, 1348);
    EXPECT_EQ(img.height, 1070);
    EXPECT_EQ(img.channels, 3);
    core::LabelMap mask = core::loadMask(dir + "/masks/" + name, 1);
    ASSERT_EQ(mask.width, img.width);
    std::size_t fg = 0;
    for (auto v : mask.labels) {
        ASSERT_LE(v, 1);
        fg += v;
    }
    EXPECT_GT(fg, mask.labels.size() / 50);
    EXPECT_LT(fg, mask.labels.size());
}

TEST(MaskIO, BinaryAndMultiClassRoundTrip)
{
    TempDir dir;
    core::LabelMap binary = test::discMask(40, 30, 10, 10, 6);
    core::saveMask(dir.file("b.png"), binary, 1);
    EXPECT_EQ(core::loadMask(dir.file("b.png"), 1), binary);
    cv::Mat raw = cv::imread(dir.file("b.png"), cv::IMREAD_UNCHANGED);
    EXPECT_EQ(raw.at<std::uint8_t>(10, 10), 255); // viewable 0/255 PNG

    core::LabelMap multi(5, 4);
    for (std::size_t i = 0; i < multi.labels.size(); ++i)
        multi.labels[i] = static_cast<std::uint8_t>(i % 5);
    core::saveMask(dir.file("m.png"), multi, 4);
    EXPECT_EQ(core::loadMask(dir.file("m.png"), 4), multi);
    // Atomic save leaves no temporary files behind.
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        files += e.is_regular_file();
    EXPECT_EQ(files, 2);
}

TEST(MaskIO, SaveIntoReadOnlyFolderFailsCleanlyAndKeepsOldFile)
{
    TempDir dir;
    core::LabelMap m = test::discMask(20, 20, 10, 10, 4);
    core::saveMask(dir.file("keep.png"), m, 1);
    ::chmod(dir.path().c_str(), 0555);
    ::chmod(dir.file("keep.png").c_str(), 0444);
    const int rc = test::runUnprivileged([&] {
        try {
            core::saveMask(dir.file("keep.png"), core::LabelMap(20, 20), 1);
            return 1; // no error: wrong
        } catch (const core::ImageError& e) {
            return e.code() == core::ErrorCode::WriteFailed ? 0 : 2;
        }
    });
    EXPECT_EQ(rc, 0) << "1: the save went through, 2: another error code";
    ::chmod(dir.path().c_str(), 0755);
    EXPECT_EQ(core::loadMask(dir.file("keep.png"), 1), m);
}

TEST(MaskIO, SaveIntoMissingFolderIsTypedError)
{
    TempDir dir;
    EXPECT_THROW(core::saveMask(dir.file("no/such/dir/m.png"), core::LabelMap(4, 4), 1), core::ImageError);
}
