#include "TestSupport.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/MaskIO.h"

#include <filesystem>

using namespace delineo;
using delineo::test::TempDir;

static core::Volume stack(int depth)
{
    core::Volume v;
    for (int z = 0; z < depth; ++z) {
        core::Image img;
        img.width = 6;
        img.height = 4;
        img.bytes.assign(24, static_cast<std::uint8_t>(z));
        v.slices.push_back(img);
    }
    return v;
}

// Mask files left in masks/ (by an older version, or by hand) show on the slices they name; edits
// mark the document modified until the store holds them.
TEST(AnnotationDocument, ShowsMaskFilesAndTracksEditedSlices)
{
    TempDir dir;
    core::LabelMap left(6, 4);
    left.at(2, 1) = 3;
    std::filesystem::create_directories(dir.path() / "masks" / "case");
    core::saveMask(dir.file("masks/case/slice_0002.png"), left, 4);
    core::AnnotationDocument doc;
    doc.open(stack(3), dir.file("masks/case"), 4);
    EXPECT_EQ(doc.maskPath(1), dir.file("masks/case/slice_0002.png"));
    EXPECT_EQ(doc.labels(1), left);
    EXPECT_EQ(doc.labels(0), core::LabelMap(6, 4));
    EXPECT_FALSE(doc.modified());
    core::LabelMap next = left;
    next.at(0, 0) = 1;
    ASSERT_TRUE(doc.editor(2).replace(next, "AI segmentation"));
    EXPECT_TRUE(doc.modified());
    EXPECT_EQ(doc.modifiedSlices(), 1);
    doc.markSaved();
    EXPECT_FALSE(doc.modified());
    EXPECT_EQ(doc.classes(), 4);
}

TEST(AnnotationDocument, SingleImageUsesOnePngAndRejectsWrongSizedMask)
{
    TempDir dir;
    core::AnnotationDocument doc;
    doc.open(stack(1), dir.file("m/frame"), 1);
    EXPECT_EQ(doc.maskPath(0), dir.file("m/frame.png"));
    core::LabelMap next(6, 4);
    next.at(0, 0) = 1;
    std::filesystem::create_directories(dir.path() / "m");
    core::saveMask(doc.maskPath(0), next, 1);
    core::Volume bigger = stack(1);
    bigger.slices[0].width = 7;
    bigger.slices[0].bytes.resize(28);
    core::AnnotationDocument other;
    other.open(bigger, dir.file("m/frame"), 1);
    EXPECT_EQ(other.labels(0), core::LabelMap(7, 4));
    ASSERT_EQ(other.warnings().size(), 1u);
    EXPECT_NE(other.warnings()[0].find("does not match"), std::string::npos);
}

// Label maps are sparse: of 5,000 slices only those with a mask file or an edit hold one; the rest
// read as blank, and a stray file that is not a slice's is ignored.
TEST(AnnotationDocument, LabelMapsExistOnlyWhereMasksAre)
{
    TempDir dir;
    core::LabelMap mask(6, 4);
    mask.at(1, 1) = 1;
    std::filesystem::create_directories(dir.path() / "masks" / "long");
    core::saveMask(dir.file("masks/long/slice_4000.png"), mask, 1);
    core::saveMask(dir.file("masks/long/slice_9999.png"), mask, 1); // beyond the last slice
    core::saveMask(dir.file("masks/long/other.png"), mask, 1);
    core::AnnotationDocument doc;
    doc.open(stack(5000), dir.file("masks/long"), 1);
    EXPECT_EQ(doc.maskedSlices(), std::vector<int>{3999});
    EXPECT_EQ(doc.labels(3999), mask);
    EXPECT_EQ(doc.labels(17), core::LabelMap(6, 4));
    EXPECT_FALSE(doc.hasMask(17));
    EXPECT_THROW(doc.labels(5000), std::out_of_range);
    doc.editor(17).replace(mask, "paint");
    EXPECT_EQ(doc.maskedSlices(), (std::vector<int>{17, 3999}));
    EXPECT_EQ(doc.modifiedSlices(), 1);
    EXPECT_EQ(doc.labels(17), mask);
}
