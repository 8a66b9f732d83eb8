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
    core::Geometry g;
    g.spacing = {0.8, 0.8, 2.5};
    g.origin = {10, 20, 30};
    const core::Volume image = imageOn(dir, g, 8, 6, 4);
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

    // Saved as a .seg.nrrd, its description is named as the reader looks for it.
    core::writeLabelFile(dir.file("out/kidney.seg.nrrd"), image, labels, classes);
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
