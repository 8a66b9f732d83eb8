// Internal: the JPEG decoder of packed datasets' samples refuses damaged data (a fuzz-found pack
// read stb_image out of bounds) and decodes good samples in the channel order training expects.
#include "JpegSample.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <vector>

using delineo::ml::decodeJpegSample;

namespace {

std::vector<std::uint8_t> jpegOf(const cv::Mat& image)
{
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, 95});
    return bytes;
}

// A red square on a blue ground, as OpenCV holds it (BGR).
cv::Mat redOnBlue(int side)
{
    cv::Mat m(side, side, CV_8UC3, cv::Scalar(200, 0, 0));
    m(cv::Rect(side / 4, side / 4, side / 2, side / 2)).setTo(cv::Scalar(0, 0, 220));
    return m;
}

} // namespace

TEST(JpegSample, DecodesRgbAndGreyInTheOrderTrainingReads)
{
    const auto jpeg = jpegOf(redOnBlue(32));
    std::vector<std::uint8_t> rgb(32 * 32 * 3);
    ASSERT_TRUE(decodeJpegSample(jpeg.data(), jpeg.size(), 32, 3, rgb.data()));
    const std::uint8_t* centre = &rgb[(16 * 32 + 16) * 3];
    EXPECT_NEAR(centre[0], 220, 8) << "red first";
    EXPECT_NEAR(centre[2], 0, 8);
    const std::uint8_t* corner = &rgb[(2 * 32 + 2) * 3];
    EXPECT_NEAR(corner[2], 200, 8) << "blue last";
    EXPECT_NEAR(corner[0], 0, 8);

    std::vector<std::uint8_t> grey(32 * 32);
    ASSERT_TRUE(decodeJpegSample(jpeg.data(), jpeg.size(), 32, 1, grey.data())) << "colour read as grey";
    EXPECT_NEAR(grey[16 * 32 + 16], 0.299 * 220, 8);
    const auto greyJpeg = jpegOf(cv::Mat(32, 32, CV_8UC1, cv::Scalar(90)));
    ASSERT_TRUE(decodeJpegSample(greyJpeg.data(), greyJpeg.size(), 32, 3, rgb.data())) << "grey read as colour";
    EXPECT_NEAR(rgb[0], 90, 2);
    EXPECT_EQ(rgb[0], rgb[1]);
    EXPECT_EQ(rgb[1], rgb[2]);
}

TEST(JpegSample, DamagedOrMisSizedDataIsRefused)
{
    auto jpeg = jpegOf(redOnBlue(32));
    std::vector<std::uint8_t> out(64 * 64 * 3);
    EXPECT_FALSE(decodeJpegSample(jpeg.data(), jpeg.size(), 64, 3, out.data())) << "another size";
    EXPECT_FALSE(decodeJpegSample(jpeg.data(), jpeg.size() / 2, 32, 3, out.data())) << "cut in half";
    EXPECT_FALSE(decodeJpegSample(jpeg.data(), 0, 32, 3, out.data()));
    EXPECT_FALSE(decodeJpegSample(jpeg.data(), jpeg.size(), 32, 4, out.data())) << "no such channel count";
    std::vector<std::uint8_t> noise(jpeg.size());
    std::srand(7);
    for (auto& b : noise)
        b = static_cast<std::uint8_t>(std::rand());
    EXPECT_FALSE(decodeJpegSample(noise.data(), noise.size(), 32, 3, out.data()));
    // Every Huffman table's code lengths scrambled: refused or decoded, never read out of bounds
    // (the sanitizer runs of this test say so).
    for (std::size_t i = 0; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4)
            for (std::size_t k = i + 5; k < std::min(jpeg.size(), i + 21); ++k)
                jpeg[k] = 0xFF;
    decodeJpegSample(jpeg.data(), jpeg.size(), 32, 3, out.data());
}
