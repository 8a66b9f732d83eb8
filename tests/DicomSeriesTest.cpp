#include "TestSupport.h"

#include "delineo/core/DicomSeg.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/Errors.h"
#include "../core/src/DicomStackKey.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>

using namespace delineo;
using delineo::test::TempDir;

namespace {

void writeSlice(const std::string& path, const std::string& seriesUid, int instance, double x, double y, double z,
                Uint16 value)
{
    test::writeDicomSlice(path, seriesUid, instance, x, y, z, value);
}

bool hasWarning(const core::Volume& v, const std::string& text)
{
    for (const auto& w : v.warnings)
        if (w.text().find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(DicomSeries, SortsByPositionAlongNormalNotByFileOrInstance)
{
    TempDir dir;
    // Files and instance numbers in scrambled order; z = 2.5 * value.
    const int order[] = {3, 0, 4, 1, 2};
    for (int i = 0; i < 5; ++i)
        writeSlice(dir.file("f" + std::to_string(i) + ".dcm"), "1.2.3.9", 10 - order[i], 0, 0, 2.5 * order[i],
                   static_cast<Uint16>(order[i]));
    std::ofstream(dir.file("notes.txt")) << "not dicom";
    auto scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 1u);
    EXPECT_EQ(scan.series[0].files.size(), 5u);
    EXPECT_EQ(scan.skipped.size(), 1u);
    core::Volume v = core::loadDicomSeries(scan.series[0], 2);
    ASSERT_EQ(v.depth(), 5);
    for (int z = 0; z < 5; ++z)
        EXPECT_EQ(v.slice(z).value(3, 3), z) << z;
    EXPECT_DOUBLE_EQ(v.geometry.spacing[2], 2.5);
    EXPECT_DOUBLE_EQ(v.geometry.spacing[0], 0.8);
    EXPECT_TRUE(v.geometry.sliceSpacingKnown);
    EXPECT_TRUE(v.warnings.empty());
    EXPECT_DOUBLE_EQ(v.geometry.direction[8], 1.0);
    EXPECT_DOUBLE_EQ(v.slice(4).location(), 10.0) << "an axial slice's location is its z";
    // A sagittal slice (rows along y, columns down z): its normal is the row x column direction, -x.
    core::Image sagittal;
    sagittal.orientation = {0, 1, 0, 0, 0, -1};
    sagittal.position = {30, 5, 7};
    EXPECT_EQ(sagittal.normal(), (std::array<double, 3>{-1, 0, 0}));
    EXPECT_DOUBLE_EQ(sagittal.location(), -30.0);
}

TEST(DicomSeries, ReportsIrregularSpacingAndTiltAndGroupsSeries)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "a");
    std::filesystem::create_directories(dir.path() / "b");
    const double zs[] = {0, 2.5, 5, 10};
    for (int i = 0; i < 4; ++i)
        writeSlice(dir.file("a/" + std::to_string(i) + ".dcm"), "1.2.3.1", i + 1, 0, 0, zs[i], 1);
    for (int i = 0; i < 3; ++i) // y shifts 1 mm per 2.5 mm step: about 21.8 degrees of tilt
        writeSlice(dir.file("b/" + std::to_string(i) + ".dcm"), "1.2.3.2", i + 1, 0, i * 1.0, i * 2.5, 1);
    auto scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 2u);
    EXPECT_EQ(scan.series[0].uid, "1.2.3.1"); // the larger first
    core::Volume irregular = core::loadDicomSeries(scan.series[0]);
    EXPECT_TRUE(hasWarning(irregular, "irregular slice spacing: 2.50 to 5.00 mm (median 2.50 mm)"));
    core::Volume tilted = core::loadDicomSeries(scan.series[1]);
    EXPECT_TRUE(hasWarning(tilted, "gantry tilt of 21.8 degrees"));
    EXPECT_DOUBLE_EQ(tilted.geometry.spacing[2], 2.5);
}

TEST(DicomSeries, RealGantryTiltSeriesAndMultiFrame)
{
    const std::string root = test::sharedData("dicom");
    SKIP_WITHOUT_SHARED(root);
    core::Volume ct = core::loadVolume(root + "/ge-ct-head-gantry-tilt/In/GE");
    EXPECT_EQ(ct.depth(), 28);
    EXPECT_EQ(ct.width(), 512);
    EXPECT_TRUE(hasWarning(ct, "gantry tilt")) << (ct.warnings.empty() ? "" : ct.warnings[0].text());
    // Its columns lean 18.5 degrees off the patient's y axis: the sagittal view draws them leaning
    // (turned, not sheared into a parallelogram the wrong way) so that the head stands upright,
    // and every edge names the patient's own direction.
    ASSERT_TRUE(core::placedInPatient(ct));
    const core::PlaneTransform sag = core::planeTransform(ct, core::Plane::Sagittal);
    EXPECT_NEAR(std::atan2(sag.m12, sag.m11) * 180 / M_PI, 18.5, 0.1) << "a column step goes down (inferior) on screen";
    EXPECT_NEAR(sag.m21, 0.0, 1e-6) << "the slice step is straight up";
    for (core::Plane p : {core::Plane::Coronal, core::Plane::Sagittal}) {
        const auto letters = core::edgeLetters(core::planeAxes(ct, p), core::planeTransform(ct, p));
        EXPECT_EQ(letters[2], "S") << core::planeName(p);
        EXPECT_EQ(letters[3], "I") << core::planeName(p);
        EXPECT_EQ(letters[0], p == core::Plane::Sagittal ? "A" : "R") << core::planeName(p);
    }
    // The axial view shows the slices as acquired, tilted: its bottom edge is posterior and inferior.
    const auto axial = core::edgeLetters(core::planeAxes(ct, core::Plane::Axial), core::PlaneTransform{});
    EXPECT_EQ(axial[1], "L");
    EXPECT_EQ(axial[3], "PI");
    core::Volume mr = core::loadVolume(root + "/pydicom-data/emri_small.dcm");
    EXPECT_EQ(mr.depth(), 10);
    EXPECT_EQ(mr.width(), 64);
    // The same 10 frames RLE-compressed decode identically.
    core::Volume rle = core::loadVolume(root + "/pydicom-data/emri_small_RLE.dcm");
    ASSERT_EQ(rle.depth(), 10);
    for (int z = 0; z < 10; ++z)
        EXPECT_EQ(rle.slice(z).bytes, mr.slice(z).bytes) << z;
}

// An Enhanced CT keeps position, orientation, spacing, rescale and window in functional groups:
// read there, it is placed, measured and in Hounsfield units like a series of classic files.
TEST(DicomSeries, RealEnhancedCtTakesItsGeometryAndRescaleFromFunctionalGroups)
{
    const std::string root = test::sharedData("dicom");
    SKIP_WITHOUT_SHARED(root);
    const core::Volume ct = core::loadVolume(root + "/pydicom-data/eCT_Supplemental.dcm");
    ASSERT_EQ(ct.depth(), 2);
    const core::Image& first = ct.slice(0);
    EXPECT_TRUE(first.spacingKnown);
    EXPECT_NEAR(first.spacingX, 0.388672, 1e-6);
    EXPECT_TRUE(core::placedInPatient(ct));
    // Rows run to the patient's right, so the normal points to the feet: the frames are ordered
    // along it, as a series of files is (the file holds them the other way round).
    EXPECT_NEAR(first.position[2], -149.0, 1e-6);
    EXPECT_NEAR(ct.slice(1).position[2], -159.0, 1e-6);
    EXPECT_LT(first.location(), ct.slice(1).location());
    EXPECT_NEAR(ct.geometry.spacing[2], 10.0, 1e-6);
    EXPECT_TRUE(ct.geometry.sliceSpacingKnown);
    EXPECT_NEAR(ct.geometry.direction[0], -1.0, 1e-9) << "rows run to the patient's right";
    ASSERT_FALSE(first.windows.empty());
    EXPECT_NEAR(first.windows[0].center, 49.0, 1e-9);
    EXPECT_NEAR(first.windows[0].width, 102.0, 1e-9);
    // Air outside the body reads about -1000 HU (stored 0, intercept -1024), not 0.
    EXPECT_NEAR(first.value(2, 2), -1024.0, 30.0);
    double lo = 0, hi = 0;
    first.range(lo, hi);
    EXPECT_LT(lo, -900.0);
}

// An Enhanced MR stored out of order (z = 4, 0, 2 mm) is placed, rescaled and ordered from its
// functional groups.
TEST(DicomSeries, EnhancedFramesArePlacedRescaledAndOrderedFromTheirFunctionalGroups)
{
    TempDir dir;
    const int z[] = {4, 0, 2};
    const auto file = test::enhancedMr({z[0], z[1], z[2]});
    DcmDataset* ds = file->getDataset();
    DcmItem* item = nullptr;
    const std::string path = dir.file("enhanced.dcm");
    ASSERT_TRUE(file->saveFile(path.c_str(), EXS_LittleEndianExplicit).good());

    const core::Volume v = core::loadVolume(path);
    ASSERT_EQ(v.depth(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_NEAR(v.slice(i).position[2], 2.0 * i, 1e-9) << "ordered along the normal";
        EXPECT_DOUBLE_EQ(v.slice(i).value(1, 1), 2 * (100 + 2 * i) - 10) << "rescaled: " << i;
    }
    EXPECT_DOUBLE_EQ(v.geometry.spacing[0], 0.75) << "PixelSpacing is row spacing, then column spacing";
    EXPECT_DOUBLE_EQ(v.geometry.spacing[1], 0.5);
    EXPECT_DOUBLE_EQ(v.geometry.spacing[2], 2.0);
    EXPECT_TRUE(v.warnings.empty()) << v.warnings.front().text();
    EXPECT_DOUBLE_EQ(v.geometry.origin[2], 0.0);
    ASSERT_EQ(v.slice(1).windows.size(), 1u) << "the frame stored last, at z = 2, has the window";
    EXPECT_DOUBLE_EQ(v.slice(1).windows[0].width, 400);
    EXPECT_TRUE(v.slice(0).windows.empty());

    // Two frames at one place (two echoes, two stacks): the file's order stands, and it is said.
    DcmItem* second = nullptr;
    ASSERT_TRUE(ds->findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, second, 1).good());
    second->findOrCreateSequenceItem(DCM_PlanePositionSequence, item);
    item->putAndInsertString(DCM_ImagePositionPatient, "10\\20\\4");
    ASSERT_TRUE(file->saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    const core::Volume stacks = core::loadVolume(path);
    ASSERT_EQ(stacks.depth(), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_DOUBLE_EQ(stacks.slice(i).value(1, 1), 2 * (100 + z[i]) - 10) << i;
    EXPECT_TRUE(hasWarning(stacks, "share a position"));
}

// A multi-echo Enhanced MR holds both echoes in one file: each echo is a stack of its own, named
// in the order of echo time, placed and measured alone, its frames keeping their numbers in the file.
TEST(DicomSeries, EchoesOfOneEnhancedFileAreStacksOfTheirOwn)
{
    TempDir dir;
    const int z[] = {4, 4, 0, 0, 2, 2};
    ASSERT_TRUE(test::enhancedMr({z[0], z[1], z[2], z[3], z[4], z[5]}, 2)->saveFile(dir.file("enhanced.dcm").c_str(), EXS_LittleEndianExplicit).good());
    const core::DicomScan scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 2u);
    std::map<std::string, const core::DicomSeriesInfo*> byStack;
    for (const auto& s : scan.series)
        byStack[s.stack] = &s;
    ASSERT_TRUE(byStack.count("echo 1") && byStack.count("echo 2")) << scan.series[0].stack;
    EXPECT_EQ(byStack["echo 1"]->fileFrames, (std::vector<std::vector<int>>{{1, 3, 5}})) << "9.5 ms comes before 30 ms";
    EXPECT_EQ(byStack["echo 2"]->frames, 3);
    for (const auto& [echo, brighter] : {std::pair{"echo 1", 0}, std::pair{"echo 2", 50}}) {
        const core::Volume v = core::loadDicomSeries(*byStack[echo], 1);
        ASSERT_EQ(v.depth(), 3) << echo;
        EXPECT_TRUE(v.warnings.empty()) << v.warnings.front().text();
        EXPECT_DOUBLE_EQ(v.geometry.spacing[2], 2.0);
        for (int i = 0; i < 3; ++i) {
            EXPECT_NEAR(v.slice(i).position[2], 2.0 * i, 1e-9);
            EXPECT_DOUBLE_EQ(v.slice(i).value(1, 1), 2 * (100 + 2 * i + brighter) - 10) << echo << " slice " << i;
        }
        EXPECT_EQ(v.slice(0).fileFrame, brighter ? 4 : 3) << "z = 0 of " << echo;
        EXPECT_NE(v.description.find(std::string("(") + echo + ")"), std::string::npos) << v.description;
    }
    // A second enhanced file of the series whose frames are 8-bit: one stack cannot mix pixel types.
    {
        TempDir mixed;
        const auto words = test::enhancedMr({0, 2, 4});
        DcmItem* plain = nullptr;
        ASSERT_TRUE(words->getDataset()->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, plain).good());
        delete plain->remove(DCM_PixelValueTransformationSequence);
        ASSERT_TRUE(words->saveFile(mixed.file("a.dcm").c_str(), EXS_LittleEndianExplicit).good());
        const auto bytes = test::enhancedMr({6, 8, 10});
        DcmDataset* ds = bytes->getDataset();
        ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.9.2");
        ds->putAndInsertUint16(DCM_BitsAllocated, 8);
        ds->putAndInsertUint16(DCM_BitsStored, 8);
        ds->putAndInsertUint16(DCM_HighBit, 7);
        DcmItem* shared = nullptr; // no rescale: its frames stay 8-bit, the first file's 16-bit
        ASSERT_TRUE(ds->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared).good());
        delete shared->remove(DCM_PixelValueTransformationSequence);
        const std::vector<Uint8> px(48, 7);
        ds->putAndInsertUint8Array(DCM_PixelData, px.data(), px.size());
        ASSERT_TRUE(bytes->saveFile(mixed.file("b.dcm").c_str(), EXS_LittleEndianExplicit).good());
        const core::DicomScan both = core::scanDicomFolder(mixed.path().string());
        ASSERT_EQ(both.series.size(), 1u);
        EXPECT_EQ(both.series[0].frames, 6);
        try {
            core::loadDicomSeries(both.series[0], 1);
            ADD_FAILURE() << "8-bit and 16-bit frames in one volume";
        } catch (const core::ImageError& e) {
            EXPECT_EQ(e.code(), core::ErrorCode::WrongSize) << e.what();
        }
    }
    // As the workspace store names it.
    const std::string folder = dir.path().string();
    EXPECT_EQ(core::loadVolume(folder + core::kSeriesKey + byStack["echo 2"]->name).slice(2).value(1, 1),
              2 * (100 + 4 + 50) - 10);
}

// A DICOM SEG drawn on an Enhanced MR names the frame of each slice (one SOP instance holds them
// all) and comes back onto the slices it was drawn on.
TEST(DicomSeries, ASegOfAnEnhancedSourceReferencesItsFramesAndReadsBack)
{
    TempDir dir;
    const int z[] = {4, 0, 2};
    const std::string path = dir.file("enhanced.dcm");
    ASSERT_TRUE(test::enhancedMr({z[0], z[1], z[2]})->saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    const core::Volume v = core::loadVolume(path);
    ASSERT_EQ(v.depth(), 3);
    EXPECT_EQ(v.slice(0).fileFrame, 2) << "z = 0 is the file's second frame";
    std::vector<core::LabelMap> labels(3, core::LabelMap(4, 4));
    labels[0].at(0, 0) = 1; // z = 0 mm: frame 2
    labels[2].at(3, 3) = 1; // z = 4 mm: frame 1
    labels[2].at(2, 2) = 2;
    const std::vector<core::WorkspaceClass> classes{{1, "stomach", 255, 0, 0}, {2, "tumour", 0, 255, 0}};
    const std::string seg = dir.file("seg.dcm");
    core::writeDicomSeg(seg, v, labels, classes, false);

    DcmFileFormat written;
    ASSERT_TRUE(written.loadFile(seg.c_str()).good());
    std::set<long> frames;
    DcmStack found;
    while (written.getDataset()->search(DCM_ReferencedFrameNumber, found, ESM_afterStackTop, OFTrue).good()) {
        Sint32 n = 0;
        if (static_cast<DcmElement*>(found.top())->getSint32(n).good())
            frames.insert(n);
    }
    EXPECT_EQ(frames, (std::set<long>{1, 2})) << "the frames drawn on, by their number in the source file";
    EXPECT_EQ(core::readDicomSeg(seg, v, classes), labels);
    // A SEG is labels, not an image: opened as one it says what it is; a folder scan passes it by.
    try {
        core::loadVolume(seg);
        ADD_FAILURE() << "a SEG opened as an image";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::UnsupportedFormat);
        EXPECT_NE(std::string(e.what()).find("DICOM SEG, a label file"), std::string::npos) << e.what();
    }
    const core::DicomScan scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 1u);
    ASSERT_EQ(scan.skipped.size(), 1u);
    EXPECT_NE(scan.skipped[0].find("a DICOM SEG"), std::string::npos) << scan.skipped[0];
}

// A Siemens CSA image header (the SV10 layout) of two elements, the second B_value = `b`, each with
// six items of which only the first holds text, as the scanners write them.
std::vector<Uint8> siemensCsa(const std::string& b)
{
    std::vector<Uint8> out{'S', 'V', '1', '0', 4, 3, 2, 1};
    const auto word = [&out](std::int32_t v) {
        for (int i = 0; i < 4; ++i)
            out.push_back(Uint8(std::uint32_t(v) >> (8 * i)));
    };
    word(2);
    word(77);
    const auto element = [&](std::string name, const std::string& value) {
        name.resize(64, '\0');
        out.insert(out.end(), name.begin(), name.end());
        word(1);
        out.insert(out.end(), {'I', 'S', 0, 0});
        word(6);
        word(6);
        word(77);
        for (int i = 0; i < 6; ++i) {
            const std::string text = i == 0 ? value + '\0' : std::string();
            for (int k = 0; k < 4; ++k)
                word(k == 2 ? 77 : std::int32_t(text.size()));
            out.insert(out.end(), text.begin(), text.end());
            while (out.size() % 4)
                out.push_back(0);
        }
    };
    element("EchoLinePosition", "64");
    element("B_value", b);
    return out;
}

TEST(DicomSeries, ASiemensCsaHeaderGivesItsValuesAndADamagedOneNothing)
{
    const std::vector<Uint8> csa = siemensCsa("1000 ");
    EXPECT_EQ(core::siemensCsaValue(csa.data(), csa.size(), "B_value"), "1000");
    EXPECT_EQ(core::siemensCsaValue(csa.data(), csa.size(), "EchoLinePosition"), "64");
    EXPECT_EQ(core::siemensCsaValue(csa.data(), csa.size(), "SliceNormalVector"), "");
    // Cut anywhere, the header gives the value whole or not at all, and reads nothing beyond its end.
    for (std::size_t size = 0; size < csa.size(); ++size) {
        const std::vector<Uint8> cut(csa.begin(), csa.begin() + std::ptrdiff_t(size));
        const std::string b = core::siemensCsaValue(cut.data(), cut.size(), "B_value");
        EXPECT_TRUE(b.empty() || b == "1000") << size;
    }
    // B_value's first item claiming 2 GB (its length word: after the 16-byte header, the first
    // element of 84 + 100 bytes, its own 84 bytes and the item's first word).
    std::vector<Uint8> lying = csa;
    ASSERT_EQ(lying[16 + 184], 'B');
    for (std::size_t k = 0; k < 4; ++k)
        lying[16 + 184 + 84 + 4 + k] = k == 3 ? 0x7F : 0xFF;
    EXPECT_EQ(core::siemensCsaValue(lying.data(), lying.size(), "B_value"), "");
    lying[8] = 0xFF;
    lying[11] = 0xFF; // a negative element count
    EXPECT_EQ(core::siemensCsaValue(lying.data(), lying.size(), "EchoLinePosition"), "");
}

// One series of two echoes (a multi-echo MR), a localizer of two planes and a diffusion series of
// two b-values: each stack is a series
// of its own, named by what sets it apart, and loads without shared positions.
TEST(DicomSeries, StacksOfOneSeriesAreSplitByEchoAndPlane)
{
    TempDir dir;
    const auto write = [&](const std::string& name, const std::string& uid, int instance, double z,
                           const char* echo, const char* orientation, double b = -1,
                           const std::function<void(DcmDataset&)>& more = {}) {
        const std::string path = dir.file(name);
        writeSlice(path, uid, instance, 0, 0, z, Uint16(instance));
        DcmFileFormat file;
        ASSERT_TRUE(file.loadFile(path.c_str()).good());
        if (more)
            more(*file.getDataset());
        if (echo)
            file.getDataset()->putAndInsertString(DCM_EchoNumbers, echo);
        if (orientation)
            file.getDataset()->putAndInsertString(DCM_ImageOrientationPatient, orientation);
        if (b >= 0)
            file.getDataset()->putAndInsertFloat64(DCM_DiffusionBValue, b);
        ASSERT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    };
    for (int i = 0; i < 3; ++i) {
        write("e1-" + std::to_string(i) + ".dcm", "1.2.3.50", 1 + 2 * i, 2.0 * i, "1", nullptr);
        write("e2-" + std::to_string(i) + ".dcm", "1.2.3.50", 2 + 2 * i, 2.0 * i, "2", nullptr);
    }
    // Cosines that differ by rounding noise only (here across a rounding boundary) are one plane.
    write("loc-a.dcm", "1.2.3.60", 1, 0, nullptr, "0.99999\\0\\0.0045\\0\\1\\-0.00001");
    write("loc-b.dcm", "1.2.3.60", 2, 5, nullptr, "0.99999\\0\\0.0055\\0\\1\\0.00001");
    write("loc-c.dcm", "1.2.3.60", 3, 0, nullptr, "0\\1\\0\\0\\0\\-1");
    // A diffusion series of two b-values at the same places.
    for (int i = 0; i < 2; ++i)
        for (double b : {50.0, 800.0})
            write("dwi-" + std::to_string(int(b)) + "-" + std::to_string(i) + ".dcm", "1.2.3.70", 1 + i + (b > 50 ? 2 : 0), 4.0 * i,
                  nullptr, nullptr, b);
    // The b-value where only Siemens' private group says it (the block its creator reserved).
    for (int i = 0; i < 2; ++i)
        for (const char* b : {"0", "1000"})
            write("siemens-" + std::string(b) + "-" + std::to_string(i) + ".dcm", "1.2.3.80", 1 + i + (b[0] == '1' ? 2 : 0),
                  4.0 * i, nullptr, nullptr, -1, [b](DcmDataset& ds) {
                      ds.putAndInsertString(DcmTag(0x0019, 0x0011, EVR_LO), "SIEMENS MR HEADER");
                      ds.putAndInsertString(DcmTag(0x0019, 0x110C, EVR_IS), b);
                  });
    // Older Siemens software: the b-value in the CSA image header alone.
    for (int i = 0; i < 2; ++i)
        for (const char* b : {"0", "500"})
            write("csa-" + std::string(b) + "-" + std::to_string(i) + ".dcm", "1.2.3.85", 1 + i + (b[0] == '5' ? 2 : 0),
                  4.0 * i, nullptr, nullptr, -1, [b](DcmDataset& ds) {
                      const std::vector<Uint8> csa = siemensCsa(b);
                      ds.putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "SIEMENS CSA HEADER");
                      ds.putAndInsertUint8Array(DcmTag(0x0029, 0x1010, EVR_OB), csa.data(), csa.size());
                  });
    // Magnitude and phase images of one MR series, as Philips writes them.
    for (int i = 0; i < 2; ++i)
        for (const char* type : {"ORIGINAL\\PRIMARY\\M_FFE\\M\\FFE", "ORIGINAL\\PRIMARY\\PHASE MAP\\P\\FFE"})
            write("philips-" + std::to_string(type[17] == 'P') + "-" + std::to_string(i) + ".dcm", "1.2.3.90",
                  1 + i + (type[17] == 'P' ? 2 : 0), 4.0 * i, nullptr, nullptr, -1, [type](DcmDataset& ds) {
                      ds.putAndInsertString(DCM_Modality, "MR");
                      ds.putAndInsertString(DCM_ImageType, type);
                  });
    const auto scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 12u);
    std::map<std::string, const core::DicomSeriesInfo*> byStack;
    for (const auto& s : scan.series)
        byStack[s.uid + " " + s.stack] = &s;
    ASSERT_TRUE(byStack.count("1.2.3.50 echo 1") && byStack.count("1.2.3.50 echo 2"));
    ASSERT_TRUE(byStack.count("1.2.3.60 plane 1") && byStack.count("1.2.3.60 plane 2"));
    ASSERT_TRUE(byStack.count("1.2.3.70 b 50") && byStack.count("1.2.3.70 b 800"));
    EXPECT_EQ(byStack["1.2.3.70 b 800"]->frames, 2);
    ASSERT_TRUE(byStack.count("1.2.3.80 b 0") && byStack.count("1.2.3.80 b 1000"));
    EXPECT_EQ(byStack["1.2.3.80 b 1000"]->frames, 2);
    ASSERT_TRUE(byStack.count("1.2.3.85 b 0") && byStack.count("1.2.3.85 b 500"));
    EXPECT_EQ(byStack["1.2.3.85 b 500"]->frames, 2);
    ASSERT_TRUE(byStack.count("1.2.3.90 magnitude image") && byStack.count("1.2.3.90 phase image"));
    EXPECT_EQ(byStack["1.2.3.90 phase image"]->stackParts[0].by, core::StackPart::By::Component);
    EXPECT_EQ(core::loadDicomSeries(*byStack["1.2.3.90 phase image"], 1).slice(1).value(0, 0), 4);
    for (const char* echo : {"1.2.3.50 echo 1", "1.2.3.50 echo 2"}) {
        const core::DicomSeriesInfo& s = *byStack[echo];
        EXPECT_EQ(s.frames, 3);
        const core::Volume v = core::loadDicomSeries(s, 1);
        ASSERT_EQ(v.depth(), 3);
        EXPECT_TRUE(v.warnings.empty()) << v.warnings.front().text();
        EXPECT_DOUBLE_EQ(v.geometry.spacing[2], 2.0);
        const int first = std::string(echo).back() - '0';
        for (int z = 0; z < 3; ++z)
            EXPECT_EQ(v.slice(z).value(0, 0), first + 2 * z) << echo << " slice " << z;
    }
    const auto& parts = byStack["1.2.3.50 echo 2"]->stackParts;
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].by, core::StackPart::By::Echo);
    EXPECT_EQ(parts[0].value, "2");
    EXPECT_EQ(byStack["1.2.3.70 b 800"]->stackParts[0].by, core::StackPart::By::BValue);
    // As the workspace store keeps one stack of a folder holding several: loadVolume opens it (an
    // export reads the image it writes the masks of this way).
    const std::string folder = dir.path().string(), name = byStack["1.2.3.50 echo 2"]->name;
    EXPECT_EQ(name, dir.path().filename().string() + "-1.2.3.50-echo-2");
    const core::Volume echo2 = core::loadVolume(folder + core::kSeriesKey + name);
    ASSERT_EQ(echo2.depth(), 3);
    EXPECT_EQ(echo2.slice(0).value(0, 0), 2);
    EXPECT_THROW(core::loadVolume(folder + core::kSeriesKey + "gone"), core::ImageError);
    EXPECT_EQ(byStack["1.2.3.60 plane 1"]->frames + byStack["1.2.3.60 plane 2"]->frames, 3);
}

// UIDs made by one scanner may end alike: such series are named by their whole UID, so that they
// never share masks or store revisions, and each opens by its name.
TEST(DicomSeries, SeriesWhoseUidsEndAlikeKeepNamesOfTheirOwn)
{
    TempDir dir;
    writeSlice(dir.file("a.dcm"), "1.3.6.1.4.1.5962.1.3.5.1.20040826185059.5457", 1, 0, 0, 0, 11);
    writeSlice(dir.file("b.dcm"), "1.3.6.1.4.1.5962.1.3.13.1.20040826185059.5457", 1, 0, 0, 0, 22);
    writeSlice(dir.file("c.dcm"), "1.2.3.99", 1, 0, 0, 0, 33);
    const core::DicomScan scan = core::scanDicomFolder(dir.path().string());
    ASSERT_EQ(scan.series.size(), 3u);
    std::set<std::string> names;
    for (const auto& s : scan.series) {
        names.insert(s.name);
        const core::Volume v = core::loadVolume(dir.path().string() + core::kSeriesKey + s.name);
        EXPECT_EQ(v.seriesUid, s.uid) << s.name;
        if (s.uid == "1.2.3.99")
            EXPECT_EQ(s.name, dir.path().filename().string() + "-1.2.3.99") << "a name no other shares stays short";
        else
            EXPECT_NE(s.name.find(s.uid), std::string::npos) << s.name;
    }
    EXPECT_EQ(names.size(), 3u);
}

// Opening the series of one folder one after another reuses its scan, and a file added, removed or
// rewritten since is seen at the next open.
TEST(DicomSeries, ASeriesOfAFolderOpensAsTheFolderIsNow)
{
    TempDir dir;
    for (int i = 1; i <= 3; ++i)
        writeSlice(dir.file("a" + std::to_string(i) + ".dcm"), "1.2.3.41", i, 0, 0, i, std::uint16_t(10 * i));
    for (int i = 1; i <= 2; ++i)
        writeSlice(dir.file("b" + std::to_string(i) + ".dcm"), "1.2.3.42", i, 0, 0, i, 7);
    const std::string a = dir.path().string() + core::kSeriesKey + dir.path().filename().string() + "-1.2.3.41";
    const std::string b = dir.path().string() + core::kSeriesKey + dir.path().filename().string() + "-1.2.3.42";
    EXPECT_EQ(core::loadVolume(a).depth(), 3);
    EXPECT_EQ(core::loadVolume(b).depth(), 2);
    EXPECT_EQ(core::loadVolume(a).depth(), 3) << "again, from the kept scan";
    writeSlice(dir.file("a4.dcm"), "1.2.3.41", 4, 0, 0, 4, 40);
    EXPECT_EQ(core::loadVolume(a).depth(), 4) << "a slice added";
    std::filesystem::remove(dir.file("a1.dcm"));
    const core::Volume fewer = core::loadVolume(a);
    ASSERT_EQ(fewer.depth(), 3) << "a slice removed";
    EXPECT_EQ(fewer.slice(0).value(0, 0), 20);
    writeSlice(dir.file("b2.dcm"), "1.2.3.41", 5, 0, 0, 5, 50); // now part of the other series
    EXPECT_EQ(core::loadVolume(a).depth(), 4) << "a file rewritten";
    EXPECT_EQ(core::loadVolume(b).depth(), 1);
}

TEST(DicomSeries, DicomDirFolderWithManySeries)
{
    const std::string dir = test::sharedData("dicom/pydicom-debian-testfiles/dicomdirtests");
    SKIP_WITHOUT_SHARED(dir);
    auto scan = core::scanDicomFolder(dir);
    EXPECT_GE(scan.series.size(), 10u);
    EXPECT_FALSE(scan.skipped.empty()); // the DICOMDIR files themselves hold no pixels
    for (std::size_t i = 1; i < scan.series.size(); ++i)
        EXPECT_GE(scan.series[i - 1].frames, scan.series[i].frames); // largest first
    core::Volume v = core::loadVolume(dir + "/DICOMDIR"); // the index stands for its folder
    EXPECT_EQ(v.depth(), scan.series.front().frames);
}

TEST(DicomSeries, EmptyAndMissingFolders)
{
    TempDir dir;
    EXPECT_THROW(core::loadVolume(dir.path().string()), core::ImageError);
    EXPECT_THROW(core::scanDicomFolder(dir.file("nope")), core::ImageError);
}
