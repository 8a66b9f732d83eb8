// Mutated and hostile inputs: each must end in a typed error naming the file, quickly and without
// allocating what a header merely claims (the inputs reported against earlier versions).
#include "TestSupport.h"

#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/ModelConfig.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

using namespace delineo;
using test::TempDir;

namespace {

// A valid 8x6 CT slice with `tag` set to `value`.
std::string mutatedDicom(const TempDir& dir, const DcmTagKey& tag, const char* value)
{
    const std::string path = dir.file("mutant.dcm");
    test::writeDicomSlice(path, "1.2.826.0.1.3680043.2.1125.9", 1, 0, 0, 0, 100);
    DcmFileFormat file;
    EXPECT_TRUE(file.loadFile(path.c_str()).good());
    EXPECT_TRUE(file.getDataset()->putAndInsertString(tag, value).good());
    EXPECT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    return path;
}

core::ErrorCode codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const core::ImageError& e) {
        EXPECT_NE(std::string(e.what()).find("/"), std::string::npos) << "names the file: " << e.what();
        return e.code();
    }
    ADD_FAILURE() << "no error";
    return core::ErrorCode::NotFound;
}

void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

} // namespace

TEST(HostileInput, DicomHeaderSizesAreCheckedBeforeAnythingIsAllocated)
{
    TempDir dir;
    // 2^45 frames: frames x frame size would wrap around 64 bits.
    EXPECT_EQ(codeOf([&] { core::loadVolume(mutatedDicom(dir, DCM_NumberOfFrames, "35184372088832")); }),
              core::ErrorCode::TooLarge);
    EXPECT_EQ(codeOf([&] { core::loadImage(mutatedDicom(dir, DCM_NumberOfFrames, "35184372088832")); }),
              core::ErrorCode::TooLarge);
    // 40000 x 40000 16-bit pixels claimed by a 1 KB file: over the limit, and more than the file holds.
    const std::string big = dir.file("big.dcm");
    {
        test::writeDicomSlice(big, "1.2.826.0.1.3680043.2.1125.10", 1, 0, 0, 0, 100);
        DcmFileFormat file;
        ASSERT_TRUE(file.loadFile(big.c_str()).good());
        file.getDataset()->putAndInsertUint16(DCM_Rows, 40000);
        file.getDataset()->putAndInsertUint16(DCM_Columns, 40000);
        ASSERT_TRUE(file.saveFile(big.c_str(), EXS_LittleEndianExplicit).good());
    }
    EXPECT_EQ(codeOf([&] { core::loadImage(big); }), core::ErrorCode::TooLarge);
    ::setenv("DELINEO_MAX_IMAGE_MB", "8192", 1);
    EXPECT_EQ(codeOf([&] { core::loadImage(big); }), core::ErrorCode::Corrupt) << "more pixels than the file holds";
    ::unsetenv("DELINEO_MAX_IMAGE_MB");
}

// A SamplesPerPixel the photometric interpretation contradicts is a damaged header, and says so.
TEST(HostileInput, SamplesPerPixelContradictingThePhotometricIsCorrupt)
{
    TempDir dir;
    const std::string path = dir.file("spp.dcm");
    test::writeDicomSlice(path, "1.2.826.0.1.3680043.2.1125.11", 1, 0, 0, 0, 100);
    DcmFileFormat file;
    ASSERT_TRUE(file.loadFile(path.c_str()).good());
    file.getDataset()->putAndInsertUint16(DCM_SamplesPerPixel, 3);
    ASSERT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    try {
        core::loadImage(path);
        ADD_FAILURE() << "no error";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("SamplesPerPixel 3 contradicts photometric interpretation MONOCHROME2"),
                  std::string::npos) << e.what();
    }
}

TEST(HostileInput, FrameHeadersClaimingHugeSizesAreRefused)
{
    TempDir dir;
    // A JPEG whose start-of-frame claims 32767 x 30000, and nothing behind it.
    std::string jpeg = "\xFF\xD8\xFF\xC0";
    jpeg += std::string("\x00\x11\x08\x75\x30\x7F\xFF\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 17);
    jpeg += "\xFF\xD9";
    writeBytes(dir.file("claims.jpg"), jpeg);
    EXPECT_EQ(codeOf([&] { core::loadImage(dir.file("claims.jpg")); }), core::ErrorCode::TooLarge);
    // A PNG header of 20000 x 20000 under a 64 MB limit.
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\x00\x00\x00\x0dIHDR\x00\x00\x4e\x20\x00\x00\x4e\x20\x08\x02\x00\x00\x00\x00\x00\x00\x00", 25);
    png += std::string("\x00\x00\x00\x00IEND\xae\x42\x60\x82", 12);
    writeBytes(dir.file("claims.png"), png);
    ::setenv("DELINEO_MAX_IMAGE_MB", "64", 1);
    EXPECT_EQ(codeOf([&] { core::loadImage(dir.file("claims.png")); }), core::ErrorCode::TooLarge);
    ::unsetenv("DELINEO_MAX_IMAGE_MB");
}

TEST(HostileInput, NiftiWithANonFiniteSformIsCorruptNotAnAbort)
{
    TempDir dir;
    core::Volume v;
    for (int z = 0; z < 2; ++z) {
        core::Image s;
        s.width = 4;
        s.height = 3;
        s.bytes.assign(12, std::uint8_t(z));
        v.slices.push_back(s);
    }
    const std::string path = dir.file("v.nii");
    core::writeItkImage(path, v);
    ASSERT_EQ(core::readItkVolume(path).depth(), 2);
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    const std::int16_t sformCode = 1;
    const float nan = std::nanf("");
    f.seekp(254);
    f.write(reinterpret_cast<const char*>(&sformCode), 2);
    f.seekp(280);
    f.write(reinterpret_cast<const char*>(&nan), 4);
    f.close();
    EXPECT_EQ(codeOf([&] { core::readItkVolume(path); }), core::ErrorCode::Corrupt);
}

TEST(HostileInput, NrrdDataMustLieBesideTheHeader)
{
    TempDir dir;
    for (const char* target : {"/etc/passwd", "../secret.raw"}) {
        std::ofstream(dir.file("x.nhdr")) << "NRRD0004\ntype: uint8\ndimension: 2\nsizes: 4 4\nencoding: raw\n"
                                          << "data file: " << target << "\n\n";
        EXPECT_EQ(codeOf([&] { core::readItkVolume(dir.file("x.nhdr")); }), core::ErrorCode::UnsupportedFormat) << target;
    }
}

TEST(HostileInput, DeeplyNestedOrOversizedSidecarsAreModelErrors)
{
    std::string nested = R"({"architecture":"unet","inChannels":3,"inputSize":256,"classes":[{"name":"p","colour":[1,2,3]}],"metrics":)";
    nested += std::string(200000, '[') + std::string(200000, ']') + "}";
    EXPECT_THROW(ml::ModelConfig::fromJson(nested), ml::ModelError);
    const std::string huge = R"({"architecture":"unet","inChannels":3,"inputSize":4096,"classes":[{"name":"p","colour":[1,2,3]}]})";
    EXPECT_THROW(ml::ModelConfig::fromJson(huge), ml::ModelError);
    // Brackets inside strings do not count.
    const std::string quoted = R"({"architecture":"unet","inChannels":3,"inputSize":256,"description":"[[[[[[[[","classes":[{"name":"p","colour":[1,2,3]}]})";
    EXPECT_NO_THROW(ml::ModelConfig::fromJson(quoted));
}

TEST(HostileInput, AnEmptyStoreIsNeverReplacedByANewWorkspace)
{
    TempDir dir;
    std::ofstream(dir.file("workspace.sqlite")).close();
    EXPECT_EQ(codeOf([&] { core::Workspace::open(dir.path().string()); }), core::ErrorCode::Corrupt);
    EXPECT_EQ(std::filesystem::file_size(dir.file("workspace.sqlite")), 0u);
    TempDir none;
    EXPECT_EQ(codeOf([&] { core::Workspace::openExisting(none.path().string()); }), core::ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(none.file("workspace.sqlite")));
}

TEST(HostileInput, MalformedRleNamesItsRow)
{
    const std::vector<core::uw::CsvRow> rows = {{"case1_day1_slice_0001", "stomach", "5 3 99999999999999999999"},
                                                {"case1_day1_slice_0002", "stomach", "9223372036854775807 2"}};
    for (const auto& r : rows) {
        try {
            core::uw::labelsFor({r}, r.id, 10, 10);
            ADD_FAILURE() << "no error for " << r.rle;
        } catch (const core::ImageError& e) {
            EXPECT_EQ(e.code(), core::ErrorCode::Corrupt);
            EXPECT_NE(std::string(e.what()).find(r.id), std::string::npos) << e.what();
        }
    }
}

// DCMTK 3.6.7 throws std::out_of_range (DcmByteString::verify) while it reads a directory record
// whose Directory Record Type is longer than a CS may be: every loader reports it as Corrupt.
TEST(HostileInput, AnOverlongDirectoryRecordTypeIsCorruptNotAnAbort)
{
    TempDir dir;
    auto element = [](std::uint16_t group, std::uint16_t tag, const char* vr, const std::string& value) {
        std::string out(8, '\0');
        const std::uint16_t length = static_cast<std::uint16_t>(value.size());
        std::memcpy(&out[0], &group, 2);
        std::memcpy(&out[2], &tag, 2);
        std::memcpy(&out[4], vr, 2);
        std::memcpy(&out[6], &length, 2);
        return out + value;
    };
    const std::string syntax = element(0x0002, 0x0010, "UI", std::string("1.2.840.10008.1.2.1") + '\0');
    std::uint32_t metaLength = std::uint32_t(syntax.size());
    const std::string meta = element(0x0002, 0x0000, "UL", std::string(reinterpret_cast<const char*>(&metaLength), 4)) + syntax;
    const std::string type = "PATIENTPATIENTPATIENTPATIENTPATIENT ";
    const std::string item = element(0x0004, 0x1430, "CS", type);
    auto header = [](std::uint16_t group, std::uint16_t tag, std::uint32_t length) {
        std::string out(8, '\0');
        std::memcpy(&out[0], &group, 2);
        std::memcpy(&out[2], &tag, 2);
        std::memcpy(&out[4], &length, 4);
        return out;
    };
    const std::string itemBytes = header(0xFFFE, 0xE000, std::uint32_t(item.size())) + item;
    std::string sequence = element(0x0004, 0x1220, "SQ", "").substr(0, 6) + std::string(2, '\0');
    const std::uint32_t sequenceLength = std::uint32_t(itemBytes.size());
    sequence += std::string(reinterpret_cast<const char*>(&sequenceLength), 4) + itemBytes;
    const std::string path = dir.file("series/DIRRECORD.dcm");
    std::filesystem::create_directories(dir.file("series"));
    writeBytes(path, std::string(128, '\0') + "DICM" + meta + sequence);

    EXPECT_EQ(codeOf([&] { core::loadImage(path); }), core::ErrorCode::Corrupt);
    EXPECT_EQ(codeOf([&] { core::loadVolume(path); }), core::ErrorCode::Corrupt);
    core::Deidentifier deidentifier;
    EXPECT_EQ(codeOf([&] { deidentifier.deidentifyFile(path, dir.file("out.dcm")); }), core::ErrorCode::Corrupt);
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.dcm")));
    const core::DicomScan scan = core::scanDicomFolder(dir.file("series"), 1);
    EXPECT_TRUE(scan.series.empty());
    ASSERT_EQ(scan.skipped.size(), 1u);
    EXPECT_NE(scan.skipped[0].find("DIRRECORD.dcm"), std::string::npos);
}

// Positions that read as NaN, infinity or 1e300 (a damaged header) must not reach the ordering along the
// slice normal, whose comparison they would break: such slices are not placed in the patient.
TEST(HostileInput, NonFiniteSlicePositionsAreNotPlaced)
{
    test::TempDir dir;
    const double z[] = {0, NAN, 4, INFINITY, 1e300};
    for (int i = 0; i < 5; ++i)
        test::writeDicomSlice(dir.file("s" + std::to_string(i) + ".dcm"), "1.2.3.77", i + 1, 0, 0, z[i], Uint16(i));
    const auto scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 1u);
    const core::Volume v = core::loadDicomSeries(scan.series[0], 1);
    ASSERT_EQ(v.depth(), 5);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(v.slice(i).value(0, 0), i) << "instance order";
        for (double p : v.slice(i).position)
            EXPECT_TRUE(std::isfinite(p));
    }
    EXPECT_FALSE(v.slice(1).hasPosition);
}
