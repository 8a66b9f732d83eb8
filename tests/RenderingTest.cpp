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
