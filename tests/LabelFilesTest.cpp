#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace delineo;
using delineo::test::TempDir;

namespace {

core::Geometry obliqueGeometry()
{
    core::Geometry g;
    g.spacing = {0.7, 0.8, 2.5};
    g.origin = {-120.5, 33.0, 7.25};
    g.direction = {0, 1, 0, -1, 0, 0, 0, 0, 1}; // rows run along +y, columns along -x
    return g;
}

std::vector<core::LabelMap> stack(int w, int h, int d, int classes)
{
    std::vector<core::LabelMap> slices;
    for (int z = 0; z < d; ++z) {
        core::LabelMap m(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                m.at(x, y) = static_cast<std::uint8_t>((x + 2 * y + 3 * z) % (classes + 1));
        slices.push_back(m);
    }
    return slices;
}

// A grey NIfTI image on `g`, as opened from disk (so it has its place in the patient).
core::Volume imageOn(const TempDir& dir, const core::Geometry& g, int w, int h, int d)
{
    const std::string path = dir.file("image.nii.gz");
    core::writeItkLabels(path, stack(w, h, d, 200), g);
    return core::readItkVolume(path);
}

// An 8x6x4 image of 0.8x0.8x2.5 mm voxels at (10, 20, 30) on the patient's axes, as Slicer's
// segmentations of it are written below.
core::Volume axisAlignedImage(const TempDir& dir)
{
    core::Geometry g;
    g.spacing = {0.8, 0.8, 2.5};
    g.origin = {10, 20, 30};
    return imageOn(dir, g, 8, 6, 4);
}

bool hasNote(const core::LabelFile& f, const char* pattern)
{
    return std::any_of(f.notes.begin(), f.notes.end(), [&](const core::LoadWarning& n) { return n.pattern == pattern; });
}

} // namespace

TEST(LabelFiles, AMapStoredTransposedAndFlippedLandsVoxelForVoxel)
{
    TempDir dir;
    const core::Geometry g = obliqueGeometry();
    const int w = 7, h = 5, d = 4;
    const core::Volume image = imageOn(dir, g, w, h, d);
    const auto labels = stack(w, h, d, 3);
    // The file's axis 0 runs along the image's rows (y), axis 1 against its columns (x), axis 2
    // against its slices: file voxel (i, j, k) is image voxel (w-1-j, i, d-1-k).
    std::vector<core::LabelMap> stored;
    for (int k = 0; k < d; ++k) {
        core::LabelMap m(h, w);
        for (int j = 0; j < w; ++j)
            for (int i = 0; i < h; ++i)
                m.at(i, j) = labels[std::size_t(d - 1 - k)].at(w - 1 - j, i);
        stored.push_back(m);
    }
    core::Geometry f;
    f.spacing = {g.spacing[1], g.spacing[0], g.spacing[2]};
    for (int r = 0; r < 3; ++r) {
        f.direction[0 + r] = g.direction[3 + r];
        f.direction[3 + r] = -g.direction[0 + r];
        f.direction[6 + r] = -g.direction[6 + r];
        f.origin[r] = g.origin[r] + (w - 1) * g.spacing[0] * g.direction[r] + (d - 1) * g.spacing[2] * g.direction[6 + r];
    }
    const std::string path = dir.file("seg.nii.gz");
    core::writeItkLabels(path, stored, f);

    const core::LabelFile back = core::readLabelFile(path, image, {});
    ASSERT_EQ(back.slices.size(), labels.size());
    EXPECT_EQ(back.first, 0);
    for (int z = 0; z < d; ++z)
        EXPECT_EQ(back.slices[std::size_t(z)], labels[std::size_t(z)]) << "slice " << z;
    EXPECT_TRUE(hasNote(back, core::warning::kLabelsReoriented));
    EXPECT_FALSE(hasNote(back, core::warning::kLabelsResampled));

    // Written on the image's own grid it comes back as it is, with nothing to say.
    core::writeItkLabels(path, labels, g);
    const core::LabelFile same = core::readLabelFile(path, image, {});
    EXPECT_EQ(same.slices, labels);
    EXPECT_TRUE(same.notes.empty());
}

TEST(LabelFiles, ASlicerSegmentationCroppedToItsRegionBringsItsNamesAndPlace)
{
    TempDir dir;
    const core::Volume image = axisAlignedImage(dir);
    // As 3D Slicer saves a segment: only its extent (x 2..4, y 1..3, z 1..2), with the segment's
    // name, colour (0..1) and label value in the header.
    const std::string path = dir.file("Segmentation.seg.nrrd");
    std::vector<char> voxels(18, 4);
    voxels[0] = 0; // the extent's first corner is outside the segment
    test::writeSlicerSegmentation(path, {3, 3, 2}, {0.8, 0.8, 2.5}, {11.6, 20.8, 32.5},
                                  "Segment0_Color:=0.5 0.25 1\nSegment0_ID:=Segment_1\nSegment0_LabelValue:=4\n"
                                  "Segment0_Layer:=0\nSegment0_Name:=tumour\n",
                                  voxels);
    const core::LabelFile back = core::readLabelFile(path, image, {});
    ASSERT_EQ(back.slices.size(), 4u);
    int fours = 0;
    for (int z = 0; z < 4; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x) {
                const bool inside = x >= 2 && x <= 4 && y >= 1 && y <= 3 && z >= 1 && z <= 2 && !(x == 2 && y == 1 && z == 1);
                EXPECT_EQ(back.slices[std::size_t(z)].at(x, y), inside ? 4 : 0) << x << "," << y << "," << z;
                fours += back.slices[std::size_t(z)].at(x, y) == 4;
            }
    EXPECT_EQ(fours, 17);
    ASSERT_EQ(back.classes.size(), 1u);
    EXPECT_EQ(back.classes[0].label, 4);
    EXPECT_EQ(back.classes[0].name, "tumour");
    EXPECT_EQ(int(back.classes[0].r), 128);
    EXPECT_EQ(int(back.classes[0].g), 64);
    EXPECT_EQ(int(back.classes[0].b), 255);
    EXPECT_TRUE(back.notes.empty()) << back.notes.front().text();
}

TEST(LabelFiles, OverlappingSlicerSegmentsOpenAsOneMapWithTheLastLayerOnTop)
{
    TempDir dir;
    const core::Volume image = axisAlignedImage(dir);
    // As 3D Slicer keeps a tumour drawn inside an organ: two layers, each segment's value its own
    // layer's (stomach and tumour both 1), a third segment (liver, 2) beside the stomach.
    std::vector<char> voxels(8 * 6 * 4 * 2, 0);
    for (int z = 0; z < 4; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x) {
                const std::size_t at = 2 * std::size_t(x + 8 * (y + 6 * z));
                voxels[at] = x == 0 ? 2 : x <= 5 ? 1 : 0;
                voxels[at + 1] = x >= 4 ? 1 : 0;
            }
    const std::string path = dir.file("Overlap.seg.nrrd");
    test::writeSlicerSegmentation(path, {8, 6, 4}, {0.8, 0.8, 2.5}, {10, 20, 30},
                                  "Segment0_ID:=Segment_1\nSegment0_Name:=stomach\nSegment0_LabelValue:=1\nSegment0_Layer:=0\n"
                                  "Segment0_Color:=1 0 0\n"
                                  "Segment1_ID:=Segment_2\nSegment1_Name:=tumour\nSegment1_LabelValue:=1\nSegment1_Layer:=1\n"
                                  "Segment1_Color:=0 1 0\n"
                                  "Segment2_ID:=Segment_3\nSegment2_Name:=liver\nSegment2_LabelValue:=2\nSegment2_Layer:=0\n",
                                  voxels, 2);
    const core::LabelFile back = core::readLabelFile(path, image, {});
    ASSERT_EQ(back.slices.size(), 4u);
    for (int z = 0; z < 4; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x)
                ASSERT_EQ(back.slices[std::size_t(z)].at(x, y), x == 0 ? 3 : x < 4 ? 1 : 2) << x << "," << y << "," << z;
    ASSERT_EQ(back.classes.size(), 3u); // the shared value 1 renumbered: segments take 1, 2, 3 in order
    EXPECT_EQ(back.classes[0].name, "stomach");
    EXPECT_EQ(back.classes[0].label, 1);
    EXPECT_EQ(back.classes[1].name, "tumour");
    EXPECT_EQ(back.classes[1].label, 2);
    EXPECT_EQ(int(back.classes[1].g), 255);
    EXPECT_EQ(back.classes[2].name, "liver");
    EXPECT_EQ(back.classes[2].label, 3);
    ASSERT_TRUE(hasNote(back, core::warning::kLabelsOverlap));
    EXPECT_EQ(back.notes.front().args, std::vector<std::string>{"48"}) << "x 4..5 of every row and slice lie in both";

    // Layers without segments are not a label map.
    test::writeSlicerSegmentation(dir.file("pairs.nrrd"), {8, 6, 4}, {0.8, 0.8, 2.5}, {10, 20, 30}, "", voxels, 2);
    try {
        core::readLabelFile(dir.file("pairs.nrrd"), image, {});
        FAIL() << "two values per voxel and no segments";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::UnsupportedFormat);
    }
}

TEST(LabelFiles, ASavedNrrdCarriesSlicerSegmentsNamedAndCropped)
{
    TempDir dir;
    const core::Volume image = imageOn(dir, obliqueGeometry(), 7, 5, 4);
    std::vector<core::LabelMap> labels(4, core::LabelMap(7, 5));
    labels[1].at(2, 1) = 1;
    labels[2].at(5, 3) = 1;
    labels[3].at(6, 4) = 2; // a label no class names
    const std::vector<core::WorkspaceClass> classes{{1, "stomach", 255, 64, 64}, {4, "tumour", 0, 255, 0}};
    const std::string path = dir.file("case.seg.nrrd");
    core::writeLabelFile(path, image, labels, classes);
    std::map<std::string, std::string> header;
    core::readItkVolume(path, &header);
    EXPECT_EQ(header["Segmentation_MasterRepresentation"], "Binary labelmap");
    EXPECT_EQ(header["Segment0_ID"], "Segment_1");
    EXPECT_EQ(header["Segment0_Name"], "stomach");
    EXPECT_EQ(header["Segment0_LabelValue"], "1");
    EXPECT_EQ(header["Segment0_Layer"], "0");
    EXPECT_EQ(header["Segment0_Extent"], "2 5 1 3 1 2"); // x0 x1 y0 y1 z0 z1 of its voxels
    EXPECT_EQ(header["Segment1_Name"], "tumour");
    EXPECT_EQ(header["Segment1_Extent"], "0 -1 0 -1 0 -1"); // empty: Slicer's empty extent
    EXPECT_EQ(header["Segment2_Name"], "label 2");
    EXPECT_EQ(header["Segment2_Extent"], "6 6 4 4 3 3");
    double r = 0, gr = 0, b = 0;
    std::istringstream(header["Segment0_Color"]) >> r >> gr >> b;
    EXPECT_NEAR(r, 1.0, 1e-6);
    EXPECT_NEAR(gr, 64 / 255.0, 1e-5);
    std::ifstream text(path, std::ios::binary);
    const std::string head((std::istreambuf_iterator<char>(text)), {});
    EXPECT_NE(head.find("Segment1_Name:=tumour\n"), std::string::npos) << "NRRD key:=value lines";

    const core::LabelFile back = core::readLabelFile(path, image, {});
    EXPECT_EQ(back.slices, labels);
    EXPECT_TRUE(back.namesFrom.empty()) << "the names come from the file's own fields";
    ASSERT_EQ(back.classes.size(), 3u);
    EXPECT_EQ(back.classes[1].name, "tumour");
    EXPECT_EQ(back.classes[1].label, 4);
    EXPECT_EQ(back.classes[2].name, "label 2");

    // A NIfTI has no place for them: its names stay beside it.
    core::writeLabelFile(dir.file("case.nii.gz"), image, labels, classes);
    header.clear();
    core::readItkVolume(dir.file("case.nii.gz"), &header);
    EXPECT_EQ(header.count("Segment0_Name"), 0u);
}

TEST(LabelFiles, NamedLabelsLandOnTheWorkspaceClassesOfTheirNameAndNeverOnAnotherClass)
{
    TempDir dir;
    const core::Geometry g = obliqueGeometry();
    const core::Volume image = imageOn(dir, g, 6, 2, 1);
    // Another tool's numbering: 1 Tumour, 2 Large Bowel, 3 kidney (no such class here), and two
    // labels it does not name (4, 7).
    core::LabelMap m(6, 2);
    const std::uint8_t values[] = {1, 2, 3, 4, 7, 0};
    for (int x = 0; x < 6; ++x)
        m.at(x, 0) = m.at(x, 1) = values[x];
    core::writeItkLabels(dir.file("other.nii.gz"), {m}, g);
    core::writeLabelDescriptions(dir.file("other.txt"), {{1, "Tumour", 0, 255, 0}, {2, "Large Bowel", 0, 0, 255}, {3, "kidney", 9, 9, 9}});
    const std::vector<core::WorkspaceClass> known{
        {1, "stomach", 255, 0, 0}, {2, "large_bowel", 0, 0, 255}, {3, "small_bowel", 255, 255, 0}, {4, "tumour", 0, 255, 0}};
    const core::LabelFile back = core::readLabelFile(dir.file("other.nii.gz"), image, known);
    ASSERT_EQ(back.slices.size(), 1u);
    // Tumour -> the workspace's tumour (4); Large Bowel = large_bowel (2); kidney cannot be 3 (the
    // small bowel's number) and takes the first free one (5); the unnamed 4 makes way (6); 7 stays.
    const std::uint8_t expected[] = {4, 2, 5, 6, 7, 0};
    for (int x = 0; x < 6; ++x)
        EXPECT_EQ(back.slices[0].at(x, 1), expected[x]) << x;
    ASSERT_EQ(back.classes.size(), 3u);
    EXPECT_EQ(back.classes[0].label, 4);
    EXPECT_EQ(back.classes[1].label, 2);
    EXPECT_EQ(back.classes[2].label, 5);
    EXPECT_EQ(back.classes[2].name, "kidney");
    ASSERT_TRUE(hasNote(back, core::warning::kLabelsRenumbered));
    EXPECT_EQ(back.notes.back().args.front(), "Tumour 1 \u2192 4, kidney 3 \u2192 5, 4 \u2192 6");

    // Without names the numbers are the workspace's, as they are.
    std::filesystem::remove(dir.file("other.txt"));
    const core::LabelFile plain = core::readLabelFile(dir.file("other.nii.gz"), image, known);
    EXPECT_EQ(plain.slices[0], m);
    EXPECT_FALSE(hasNote(plain, core::warning::kLabelsRenumbered));
}

TEST(LabelFiles, AMapOnACoarserGridIsResampledAndOneElsewhereIsRefused)
{
    TempDir dir;
    core::Geometry g;
    g.spacing = {0.8, 0.8, 2.5};
    const core::Volume image = imageOn(dir, g, 8, 6, 4);
    // Twice as coarse: file voxel (1, 1, 1) covers image voxels 2..3 on every axis.
    core::Geometry coarse = g;
    coarse.spacing = {1.6, 1.6, 5.0};
    coarse.origin = {0.4, 0.4, 1.25};
    auto labels = stack(4, 3, 2, 1);
    for (auto& m : labels)
        std::fill(m.labels.begin(), m.labels.end(), 0);
    labels[1].at(1, 1) = 2;
    const std::string path = dir.file("coarse.nrrd");
    core::writeItkLabels(path, labels, coarse);
    const core::LabelFile back = core::readLabelFile(path, image, {});
    int twos = 0;
    for (int z = 0; z < 4; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x) {
                const bool inside = x >= 2 && x <= 3 && y >= 2 && y <= 3 && z >= 2 && z <= 3;
                EXPECT_EQ(back.slices[std::size_t(z)].at(x, y), inside ? 2 : 0) << x << "," << y << "," << z;
                twos += back.slices[std::size_t(z)].at(x, y) == 2;
            }
    EXPECT_EQ(twos, 8);
    EXPECT_TRUE(hasNote(back, core::warning::kLabelsResampled));

    // Turned 30 degrees in the plane (no axis shared): resampled voxel by voxel, and a map that
    // covers the whole image fills it.
    core::Geometry turned = g;
    const double c = std::cos(M_PI / 6), sn = std::sin(M_PI / 6);
    turned.direction = {c, sn, 0, -sn, c, 0, 0, 0, 1};
    turned.spacing = {0.5, 0.5, 2.5};
    turned.origin = {-2, -8, 0};
    auto wide = stack(40, 40, 4, 1);
    for (auto& m : wide)
        std::fill(m.labels.begin(), m.labels.end(), 3);
    core::writeItkLabels(path, wide, turned);
    const core::LabelFile oblique = core::readLabelFile(path, image, {});
    EXPECT_TRUE(hasNote(oblique, core::warning::kLabelsResampled));
    for (const auto& m : oblique.slices)
        EXPECT_EQ(m.labels, std::vector<std::uint8_t>(48, 3));

    // Half of it beyond the image's last slice: placed, and the part left out is said.
    core::Geometry shifted = g;
    shifted.origin[2] = 2 * 2.5;
    auto block = stack(8, 6, 4, 1);
    for (auto& m : block)
        std::fill(m.labels.begin(), m.labels.end(), 1);
    core::writeItkLabels(path, block, shifted);
    const core::LabelFile half = core::readLabelFile(path, image, {});
    EXPECT_TRUE(hasNote(half, core::warning::kLabelsOutside));
    EXPECT_EQ(half.slices[1].labels, std::vector<std::uint8_t>(48, 0));
    EXPECT_EQ(half.slices[3].labels, std::vector<std::uint8_t>(48, 1));

    shifted.origin = {500, 0, 0}; // in another part of the patient
    core::writeItkLabels(path, block, shifted);
    try {
        core::readLabelFile(path, image, {});
        FAIL() << "a map that misses the image must be refused";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WrongSize);
        EXPECT_NE(std::string(e.what()).find("does not overlap"), std::string::npos) << e.what();
    }
}

TEST(LabelFiles, AnImageWithoutPositionTakesAMapOfItsSizeAndMaskPictures)
{
    TempDir dir;
    core::Volume frames;
    for (int z = 0; z < 2; ++z) {
        core::Image s;
        s.width = 6;
        s.height = 4;
        s.channels = 3;
        s.type = core::PixelType::U8;
        s.format = "png";
        s.bytes.assign(6 * 4 * 3, 90);
        frames.slices.push_back(s);
    }
    const auto labels = stack(6, 4, 2, 2);
    core::writeItkLabels(dir.file("m.nii.gz"), labels, obliqueGeometry());
    const core::LabelFile byIndex = core::readLabelFile(dir.file("m.nii.gz"), frames, {});
    EXPECT_EQ(byIndex.slices, labels);
    EXPECT_TRUE(hasNote(byIndex, core::warning::kLabelsByIndex));
    core::writeItkLabels(dir.file("small.nii.gz"), stack(5, 4, 2, 2), obliqueGeometry());
    try {
        core::readLabelFile(dir.file("small.nii.gz"), frames, {});
        FAIL() << "another size with nothing to place it by must be refused";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WrongSize);
    }

    // A 0/255 picture is one class; one of class indices keeps them; it lands on the slice asked for.
    core::LabelMap binary(6, 4);
    binary.at(2, 1) = 1;
    core::saveMask(dir.file("binary.png"), binary, 1);
    const core::LabelFile one = core::readLabelFile(dir.file("binary.png"), frames, {}, 1);
    EXPECT_EQ(one.first, 1);
    ASSERT_EQ(one.slices.size(), 1u);
    EXPECT_EQ(one.slices[0], binary);
    core::saveMask(dir.file("classes.png"), labels[0], 3);
    EXPECT_EQ(core::readLabelFile(dir.file("classes.png"), frames, {}).slices[0], labels[0]);
    core::saveMask(dir.file("wide.png"), core::LabelMap(7, 4), 1);
    EXPECT_THROW(core::readLabelFile(dir.file("wide.png"), frames, {}), core::ImageError);
    EXPECT_THROW(core::readLabelFile(dir.file("missing.nii.gz"), frames, {}), core::ImageError);
    std::ofstream(dir.file("notes.txt")) << "not a label map";
    try {
        core::readLabelFile(dir.file("notes.txt"), frames, {});
        FAIL();
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::UnsupportedFormat);
    }
}

TEST(LabelFiles, LabelDescriptionsOfItkSnapAndSlicerRoundTripAndAreFoundBesideTheMap)
{
    TempDir dir;
    const std::vector<core::WorkspaceClass> classes{{1, "stomach", 255, 64, 64}, {3, "large bowel", 64, 200, 255}};
    core::writeLabelDescriptions(dir.file("labels.txt"), classes);
    const auto snap = core::readLabelDescriptions(dir.file("labels.txt"));
    ASSERT_EQ(snap.size(), 2u);
    EXPECT_EQ(snap[1].label, 3);
    EXPECT_EQ(snap[1].name, "large bowel");
    EXPECT_EQ(int(snap[1].g), 200);
    core::writeLabelDescriptions(dir.file("colours.ctbl"), classes);
    const auto table = core::readLabelDescriptions(dir.file("colours.ctbl"));
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[1].name, "large_bowel") << "a colour table's names are one word";
    EXPECT_EQ(int(table[0].r), 255);

    // As ITK-SNAP writes one (header comments, alpha as a fraction, quoted names with spaces).
    std::ofstream(dir.file("snap.label")) << "################################################\n"
                                             "# ITK-SnAP Label Description File\n"
                                             "################################################\n"
                                             "    0     0    0    0        0  0  0    \"Clear Label\"\n"
                                             "    1   255    0    0        1  1  1    \"Liver lesion\"\n"
                                             "   12     0  255    0      0.5  1  0    \"Portal vein\"\n";
    const auto read = core::readLabelDescriptions(dir.file("snap.label"));
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[1].label, 12);
    EXPECT_EQ(read[1].name, "Portal vein");
    std::ofstream(dir.file("broken.txt")) << "1 255 0\n";
    try {
        core::readLabelDescriptions(dir.file("broken.txt"));
        FAIL();
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("broken.txt:1"), std::string::npos) << e.what();
    }

    // Beside the map: its own stem first, else labels.txt in its folder or the one above.
    std::filesystem::create_directories(dir.file("case1"));
    EXPECT_EQ(core::labelDescriptionsFor(dir.file("case1/seg.nii.gz")), dir.file("labels.txt"));
    std::ofstream(dir.file("case1/seg.txt")) << "1 0 0 255 1 1 1 \"lesion\"\n";
    EXPECT_EQ(core::labelDescriptionsFor(dir.file("case1/seg.nii.gz")), dir.file("case1/seg.txt"));
    std::filesystem::remove(dir.file("labels.txt"));
    EXPECT_EQ(core::labelDescriptionsFor(dir.file("other/seg.nii.gz")), "");

    // A map read with the description beside it brings its names; labels it does not name get one.
    const core::Volume image = imageOn(dir, obliqueGeometry(), 4, 3, 2);
    core::writeItkLabels(dir.file("case1/seg.nii.gz"), stack(4, 3, 2, 2), obliqueGeometry());
    const core::LabelFile named = core::readLabelFile(dir.file("case1/seg.nii.gz"), image, {});
    EXPECT_EQ(named.namesFrom, dir.file("case1/seg.txt"));
    ASSERT_EQ(named.classes.size(), 1u);
    EXPECT_EQ(named.classes[0].name, "lesion");
    const auto rest = core::unnamedLabels(named.slices, named.classes);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].label, 2);
    EXPECT_EQ(rest[0].name, "label 2");
}

TEST(LabelFiles, AWorkspaceImportNamesTheLabelsOfANiftiMap)
{
    TempDir dir;
    const core::Volume image = imageOn(dir, obliqueGeometry(), 4, 3, 2);
    core::writeItkLabels(dir.file("seg.nii.gz"), stack(4, 3, 2, 2), obliqueGeometry());
    core::writeLabelDescriptions(dir.file("seg.txt"), {{1, "liver", 200, 100, 50}});
    auto ws = core::Workspace::open(dir.file("ws"));
    const core::TransferReport r = core::importVolume(*ws, dir.file("image.nii.gz"), dir.file("seg.nii.gz"));
    EXPECT_EQ(r.masks, 2);
    const auto classes = ws->classes();
    ASSERT_EQ(classes.size(), 2u);
    EXPECT_EQ(classes[0].name, "liver");
    EXPECT_EQ(int(classes[0].r), 200);
    EXPECT_EQ(classes[1].name, "label 2");
}

TEST(LabelFiles, AMapWrittenOnARealSeriesGeometryLandsOnItsSlices)
{
    const std::string dir = test::sharedData("dicom/ge-ct-head-gantry-tilt/In/GE");
    SKIP_WITHOUT_SHARED(dir);
    TempDir tmp;
    const core::Volume ct = core::loadVolume(dir);
    ASSERT_GT(ct.depth(), 1);
    auto labels = stack(ct.width(), ct.height(), ct.depth(), 3);
    // Stored from the last slice to the first, as tools that write slices in another order do.
    std::vector<core::LabelMap> reversed(labels.rbegin(), labels.rend());
    core::Geometry g = ct.geometry;
    for (int r = 0; r < 3; ++r) {
        g.origin[r] += (ct.depth() - 1) * g.spacing[2] * g.direction[6 + r];
        g.direction[6 + r] = -g.direction[6 + r];
    }
    core::writeItkLabels(tmp.file("ct-seg.nii.gz"), reversed, g);
    const core::LabelFile back = core::readLabelFile(tmp.file("ct-seg.nii.gz"), core::withoutPixels(ct), {});
    ASSERT_EQ(back.slices.size(), labels.size());
    for (std::size_t z = 0; z < labels.size(); ++z)
        EXPECT_EQ(back.slices[z], labels[z]) << "slice " << z;
    EXPECT_TRUE(hasNote(back, core::warning::kLabelsReoriented));
}

TEST(LabelFiles, SavedWhereOtherToolsReadThemAndRefusedWhereTheImageCannotBe)
{
    TempDir dir;
    const core::Geometry g = obliqueGeometry();
    const core::Volume image = imageOn(dir, g, 7, 5, 4);
    const auto labels = stack(7, 5, 4, 2);
    const std::vector<core::WorkspaceClass> classes{{1, "stomach", 255, 64, 64}, {2, "large_bowel", 64, 200, 255}};
    try {
        core::writeLabelFile(dir.file("out/seg.nii.gz"), image, labels, classes);
        FAIL() << "no folder to write into";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
    }
    std::filesystem::create_directories(dir.file("out"));
    core::writeLabelFile(dir.file("out/seg.nii.gz"), image, labels, classes);
    core::Geometry back;
    EXPECT_EQ(core::readItkLabels(dir.file("out/seg.nii.gz"), &back), labels);
    for (int i = 0; i < 9; ++i)
        EXPECT_NEAR(back.direction[i], g.direction[i], 1e-5);
    const core::LabelFile again = core::readLabelFile(dir.file("out/seg.nii.gz"), image, {});
    EXPECT_EQ(again.slices, labels);
    EXPECT_EQ(again.namesFrom, dir.file("out/seg.txt"));
    ASSERT_EQ(again.classes.size(), 2u);
    EXPECT_EQ(again.classes[1].name, "large_bowel");

    // Saved as a .seg.nrrd, its description is named as the reader looks for it (the file's own
    // segment fields come first, so they are taken away here).
    core::writeLabelFile(dir.file("out/kidney.seg.nrrd"), image, labels, classes);
    EXPECT_TRUE(std::filesystem::exists(dir.file("out/kidney.txt")));
    core::writeItkLabels(dir.file("out/kidney.seg.nrrd"), labels, g);
    EXPECT_EQ(core::readLabelFile(dir.file("out/kidney.seg.nrrd"), image, {}).namesFrom, dir.file("out/kidney.txt"));

    core::writeLabelFile(dir.file("out/slice.png"), image, labels, classes, 2);
    EXPECT_EQ(core::loadMask(dir.file("out/slice.png"), 2), labels[2]);
    try {
        core::writeLabelFile(dir.file("out/seg.dcm"), image, labels, classes);
        FAIL() << "a DICOM SEG needs a DICOM series";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::UnsupportedFormat);
    }
    EXPECT_THROW(core::writeLabelFile(dir.file("out/seg.nii.gz"), image, {labels[0]}, classes), core::ImageError);
    EXPECT_THROW(core::writeLabelFile(dir.file("out/seg.xyz"), image, labels, classes), core::ImageError);
}
