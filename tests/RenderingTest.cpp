#include "TestSupport.h"

#include "delineo/core/Rendering.h"

#include <cstring>

using namespace delineo;

TEST(Rendering, WindowMapsCentreToMidGreyAndClamps)
{
    core::Image img;
    img.width = 3;
    img.height = 1;
    img.type = core::PixelType::I16;
    const std::int16_t v[3] = {-1000, 40, 1000};
    img.bytes.resize(6);
    std::memcpy(img.bytes.data(), v, 6);
    auto rgb = core::renderRgb(img, core::Window{40, 400, ""});
    EXPECT_EQ(rgb[0], 0);
    EXPECT_NEAR(rgb[3], 128, 1);
    EXPECT_EQ(rgb[6], 255);
    EXPECT_EQ(rgb[4], rgb[3]); // grey: all channels equal
    img.invertDisplay = true;
    EXPECT_EQ(core::renderRgb(img, core::Window{40, 400, ""})[0], 255);
}

namespace {

core::Image imageOf(core::PixelType type, int channels, const void* values, std::size_t bytes, int width)
{
    core::Image img;
    img.width = width;
    img.height = 1;
    img.channels = channels;
    img.type = type;
    img.bytes.resize(bytes);
    std::memcpy(img.bytes.data(), values, bytes);
    return img;
}

// The screen's 32-bit pixels, each the RGB888 colour renderRgb gives, opaque.
void expectPackedRgb(const core::Image& img, const core::Window& w)
{
    const std::vector<std::uint8_t> rgb = core::renderRgb(img, w);
    std::vector<std::uint32_t> argb(img.pixelCount(), 0);
    core::renderArgb32(img, w, argb.data());
    for (std::size_t i = 0; i < argb.size(); ++i)
        EXPECT_EQ(argb[i], 0xff000000u | std::uint32_t(rgb[i * 3]) << 16 | std::uint32_t(rgb[i * 3 + 1]) << 8 | rgb[i * 3 + 2])
            << "pixel " << i << " of a " << int(img.type) << " image, window " << w.center << "/" << w.width;
}

} // namespace

// Screen images are windowed straight into 32-bit pixels through a table kept for the last 16-bit
// window: every type gives renderRgb's colours, and a new window, or the same window on values of
// the other signedness, is not answered from the last table.
TEST(Rendering, ScreenPixelsAreTheWindowedColoursAndTheTableFollowsTheWindow)
{
    const std::int16_t s16[4] = {-1000, 40, 240, 1000};
    const std::uint16_t u16[4] = {0, 40, 240, 1000};
    const std::uint8_t grey[4] = {0, 60, 128, 255}, colour[6] = {10, 200, 30, 250, 0, 128};
    const float f32[3] = {-5.f, 0.5f, 7.f};
    const core::Image i16 = imageOf(core::PixelType::I16, 1, s16, sizeof s16, 4);
    const core::Image ui16 = imageOf(core::PixelType::U16, 1, u16, sizeof u16, 4);
    const core::Window soft{40, 400, ""}, bone{400, 1800, ""};
    for (const core::Window& w : {soft, bone, soft}) {
        expectPackedRgb(i16, w);
        expectPackedRgb(ui16, w);
    }
    std::uint32_t px[4] = {};
    core::renderArgb32(i16, soft, px);
    EXPECT_EQ(px[0], 0xff000000u) << "-1000 HU is black in a soft-tissue window";
    EXPECT_EQ(px[3], 0xffffffffu);
    core::renderArgb32(ui16, soft, px);
    EXPECT_NE(px[0], 0xff000000u) << "0 unsigned is not -32768 signed: the table was not reused";
    core::Image inverted = i16;
    inverted.invertDisplay = true; // MONOCHROME1
    expectPackedRgb(inverted, soft);
    core::renderArgb32(inverted, soft, px);
    EXPECT_EQ(px[0], 0xffffffffu);
    expectPackedRgb(imageOf(core::PixelType::U8, 1, grey, sizeof grey, 4), {100, 100, ""});
    expectPackedRgb(imageOf(core::PixelType::U8, 3, colour, sizeof colour, 2), {127.5, 255, ""});
    expectPackedRgb(imageOf(core::PixelType::F32, 1, f32, sizeof f32, 3), {1, 4, ""});
    core::Image voi = ui16;
    voi.voiLut = {0, 100, 200, 4095};
    voi.voiLutFirst = 0;
    expectPackedRgb(voi, {0, 0, "VOI LUT"});
}

TEST(Rendering, ModelInputScalesDeepImagesByTheirRange)
{
    core::Image img;
    img.width = 2;
    img.height = 1;
    img.type = core::PixelType::U16;
    const std::uint16_t v[2] = {100, 5100};
    img.bytes.resize(4);
    std::memcpy(img.bytes.data(), v, 4);
    auto px = core::modelInput8(img);
    ASSERT_EQ(px.size(), 2u);
    EXPECT_EQ(px[0], 0);
    EXPECT_EQ(px[1], 255);
}

TEST(Rendering, BlendHonoursOpacityAndVisibility)
{
    core::LabelMap lab(3, 1);
    lab.labels = {0, 1, 2};
    std::vector<std::uint8_t> rgb(9, 100);
    core::blendLabels(rgb.data(), lab, {{255, 0, 0}, {0, 0, 255}}, {true, false}, 0.5);
    EXPECT_EQ(rgb[0], 100);          // background untouched
    EXPECT_NEAR(rgb[3], 177, 1);     // half-way to red
    EXPECT_NEAR(rgb[4], 50, 1);
    EXPECT_EQ(rgb[8], 100);          // hidden class untouched
}

TEST(Rendering, WindowPresetsFileFirstThenModalityThenFullRange)
{
    core::Image ct;
    ct.width = 2;
    ct.height = 1;
    ct.type = core::PixelType::I16;
    const std::int16_t v[2] = {-1000, 2000};
    ct.bytes.resize(4);
    std::memcpy(ct.bytes.data(), v, 4);
    ct.modality = "CT";
    ct.windows = {{35, 100, "File"}};
    const auto p = core::windowPresets(ct);
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p.front().name, "File");
    EXPECT_EQ(p[3].name, "Lung");
    EXPECT_DOUBLE_EQ(p.back().center, 500);
    EXPECT_DOUBLE_EQ(p.back().width, 3000);
}

// A volume without a window of its own opens in one window for every slice: the values' 0.5th to
// 99.5th percentile over the volume, so a few hot pixels do not flatten the contrast; a file's
// window and 8-bit data's full range stay as they were.
TEST(Rendering, AVolumeOpensInOneWindowFromItsValuesWithoutItsHotPixels)
{
    core::Volume v;
    for (int z = 0; z < 40; ++z) {
        core::Image img;
        img.width = 50;
        img.height = 40;
        img.type = core::PixelType::U16;
        std::vector<std::uint16_t> px(2000);
        for (int i = 0; i < 2000; ++i)
            px[std::size_t(i)] = std::uint16_t(100 + z * 10 + (i % 50)); // 100 to 539 over the volume
        if (z == 20)
            px[7] = px[8] = 60000; // two hot pixels
        img.bytes.resize(px.size() * 2);
        std::memcpy(img.bytes.data(), px.data(), img.bytes.size());
        v.slices.push_back(std::move(img));
    }
    const core::Window w = core::volumeWindow(v, 20);
    EXPECT_EQ(w.name, core::kAutomaticWindow);
    const double lo = w.center - w.width / 2, hi = w.center + w.width / 2;
    EXPECT_NEAR(lo, 100, 12) << "from the first slices' values";
    EXPECT_NEAR(hi, 539, 12) << "to the last slices', not the hot pixels'";
    const core::Window other = core::volumeWindow(v, 3);
    EXPECT_DOUBLE_EQ(other.center, w.center) << "the same window whichever slice is shown";
    EXPECT_DOUBLE_EQ(other.width, w.width);
    EXPECT_GT(v.slice(20).defaultWindow().width, 50000) << "one slice's min/max takes the hot pixels in";

    v.slices[20].windows = {{300, 80, "File"}};
    EXPECT_EQ(core::volumeWindow(v, 20).name, "File");
    for (auto& s : v.slices) { // 8-bit: its full range
        s.type = core::PixelType::U8;
        s.bytes.resize(2000);
        s.windows.clear();
    }
    EXPECT_EQ(core::volumeWindow(v, 20).width, 255.0);
}
