#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Rendering.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace delineo;
using delineo::test::TempDir;

namespace {

// Writes a 16-bit signed MR slice with 12 stored bits, rescale 2/-100, two windows.
void writeSignedSlice(const std::string& path, int w, int h, E_TransferSyntax xfer = EXS_LittleEndianExplicit)
{
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.1");
    ds->putAndInsertString(DCM_Modality, "MR");
    ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(h));
    ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(w));
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
    ds->putAndInsertString(DCM_RescaleSlope, "2");
    ds->putAndInsertString(DCM_RescaleIntercept, "-100");
    ds->putAndInsertString(DCM_WindowCenter, "40\\300");
    ds->putAndInsertString(DCM_WindowWidth, "400\\1500");
    ds->putAndInsertString(DCM_PixelSpacing, "0.5\\0.75");
    std::vector<Uint16> px(static_cast<std::size_t>(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int v = (x + y * w) % 2000 - 1000; // -1000..999 fits 12-bit signed
            px[static_cast<std::size_t>(y) * w + x] = static_cast<Uint16>(static_cast<Sint16>(v));
        }
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
    ASSERT_TRUE(file.saveFile(path.c_str(), xfer).good());
}

core::ErrorCode errorOf(const std::string& path)
{
    try {
        core::loadImage(path);
    } catch (const core::ImageError& e) {
        return e.code();
    }
    return static_cast<core::ErrorCode>(0);
}

} // namespace

TEST(Dicom, AppliesModalityLutSignExtensionSpacingAndWindows)
{
    TempDir dir;
    writeSignedSlice(dir.file("s.dcm"), 40, 30);
    core::Image img = core::loadImage(dir.file("s.dcm"));
    EXPECT_EQ(img.format, "dicom");
    EXPECT_EQ(img.width, 40);
    EXPECT_EQ(img.height, 30);
    EXPECT_EQ(img.type, core::PixelType::F32);
    EXPECT_EQ(img.modality, "MR");
    for (int y : {0, 7, 29})
        for (int x : {0, 13, 39}) {
            const int stored = (x + y * 40) % 2000 - 1000;
            EXPECT_FLOAT_EQ(img.value(x, y), stored * 2.0f - 100.0f) << x << "," << y;
        }
    ASSERT_TRUE(img.spacingKnown);
    EXPECT_DOUBLE_EQ(img.spacingY, 0.5);
    EXPECT_DOUBLE_EQ(img.spacingX, 0.75);
    ASSERT_EQ(img.windows.size(), 2u);
    EXPECT_DOUBLE_EQ(img.windows[0].center, 40);
    EXPECT_DOUBLE_EQ(img.windows[0].width, 400);
    EXPECT_DOUBLE_EQ(img.windows[1].center, 300);
    EXPECT_DOUBLE_EQ(img.defaultWindow().width, 400);
}

TEST(Dicom, BigEndianGivesSameValues)
{
    TempDir dir;
    writeSignedSlice(dir.file("le.dcm"), 16, 16);
    writeSignedSlice(dir.file("be.dcm"), 16, 16, EXS_BigEndianExplicit);
    core::Image a = core::loadImage(dir.file("le.dcm")), b = core::loadImage(dir.file("be.dcm"));
    EXPECT_EQ(a.bytes, b.bytes);
}

TEST(Dicom, TruncatedFileIsCorruptNotACrash)
{
    TempDir dir;
    writeSignedSlice(dir.file("s.dcm"), 64, 64);
    const auto size = std::filesystem::file_size(dir.file("s.dcm"));
    std::filesystem::resize_file(dir.file("s.dcm"), size - 3000);
    EXPECT_EQ(errorOf(dir.file("s.dcm")), core::ErrorCode::Corrupt);
}

TEST(Dicom, RealFilesFromSharedData)
{
    const std::string root = test::sharedData("dicom");
    SKIP_WITHOUT_SHARED(root);
    core::Image ct = core::loadImage(root + "/pydicom-debian-testfiles/CT_small.dcm");
    EXPECT_EQ(ct.width, 128);
    EXPECT_EQ(ct.height, 128);
    EXPECT_EQ(ct.modality, "CT");
    double lo, hi;
    ct.range(lo, hi);
    EXPECT_LT(lo, -500); // Hounsfield units after the modality LUT: air is negative
    EXPECT_GT(hi, 500);
    EXPECT_EQ(errorOf(root + "/pydicom-debian-testfiles/MR_truncated.dcm"), core::ErrorCode::Corrupt);
    // The same MR in explicit LE, RLE, JPEG-LS and JPEG 2000 lossless decodes to identical values.
    core::Image ref = core::loadImage(root + "/dcm_qa_ts/In/1.dcm");
    for (const char* f : {"2.dcm", "4.dcm", "9.dcm"}) {
        core::Image other = core::loadImage(root + "/dcm_qa_ts/In/" + f);
        EXPECT_EQ(other.bytes, ref.bytes) << f << " " << other.transferSyntax;
    }
}

TEST(Dicom, EveryFileInSharedDataLoadsOrGivesATypedError)
{
    const std::string root = test::sharedData("dicom");
    SKIP_WITHOUT_SHARED(root);
    int loaded = 0, typed = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
        if (!e.is_regular_file())
            continue;
        const std::string ext = e.path().extension().string();
        if (ext == ".md" || ext == ".txt" || ext == ".json" || ext == ".dump" || e.path().filename() == "LICENSE")
            continue;
        try {
            core::Image img = core::loadImage(e.path().string());
            EXPECT_FALSE(img.empty()) << e.path();
            EXPECT_EQ(img.bytes.size(), img.pixelCount() * img.channels * core::bytesPerSample(img.type)) << e.path();
            ++loaded;
        } catch (const core::ImageError&) {
            ++typed;
        } catch (const std::exception& ex) {
            ADD_FAILURE() << e.path() << " threw an untyped error: " << ex.what();
        }
    }
    EXPECT_GT(loaded, 100); // about 140 load today; more as decoders are added
    EXPECT_GT(loaded + typed, 250);
}

TEST(Dicom, PaletteColourAndVoiLut)
{
    const std::string root = test::sharedData("dicom/pydicom-data");
    SKIP_WITHOUT_SHARED(root);
    core::Image face = core::loadImage(root + "/OT-PAL-8-face.dcm");
    EXPECT_EQ(face.channels, 3);
    EXPECT_EQ(face.type, core::PixelType::U8);
    EXPECT_EQ(face.photometric, "RGB");
    double lo, hi;
    face.range(lo, hi);
    EXPECT_GT(hi - lo, 200); // a full-colour photograph, not a flat index image
    core::Image voi = core::loadImage(root + "/vlut_04.dcm");
    ASSERT_FALSE(voi.windows.empty());
    EXPECT_EQ(voi.windows.front().name, "VOI LUT");
    EXPECT_FALSE(voi.voiLut.empty());
    const auto viaLut = core::renderRgb(voi, voi.windows.front());
    const auto linear = core::renderRgb(voi, core::Window{127.5, 255, "linear"});
    EXPECT_EQ(viaLut, linear); // vlut_04's table is the identity ramp ("voi lut slope +1")
    // A reversed table must invert the display.
    std::reverse(voi.voiLut.begin(), voi.voiLut.end());
    const auto reversed = core::renderRgb(voi, voi.windows.front());
    for (std::size_t i = 0; i < linear.size(); i += 997)
        EXPECT_NEAR(reversed[i], 255 - linear[i], 1) << i;
}
