#include "TestSupport.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/PackedBytes.h"

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
    EXPECT_NE(other.warnings()[0].text().find("does not match"), std::string::npos);
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

// Beyond its budget the document packs the least recently used label maps with their undo pixels:
// a packed slice still answers "any label?" and its history, and unpacks intact, undo included.
// An open stroke is never packed.
TEST(AnnotationDocument, PacksLeastRecentlyUsedSlicesAndUnpacksThemIntact)
{
    core::AnnotationDocument doc;
    doc.open(stack(60), "", 3);
    doc.setResidentBudget(0); // keep only kMinResident
    auto maskOf = [](int z) {
        core::LabelMap m(6, 4);
        for (int x = 0; x <= z % 6; ++x)
            m.at(x, z % 4) = std::uint8_t(1 + z % 3);
        return m;
    };
    core::BrushSettings brush;
    brush.radius = 0;
    for (int z = 0; z < 50; ++z) {
        ASSERT_TRUE(doc.editor(z).replace(maskOf(z), "AI segmentation"));
        if (z == 5) {
            doc.editor(5).beginStroke(2, false, brush);
            doc.editor(5).strokeTo(5, 3);
        }
    }
    doc.editor(55); // a blank label map: no label
    EXPECT_EQ(doc.residentCount(), core::AnnotationDocument::kMinResident);
    ASSERT_TRUE(doc.findEditor(0)->packed());
    EXPECT_LT(doc.findEditor(0)->heldBytes(), doc.findEditor(49)->heldBytes());
    EXPECT_FALSE(doc.findEditor(5)->packed()) << "an open stroke stays unpacked";
    EXPECT_FALSE(doc.findEditor(49)->packed());
    EXPECT_TRUE(doc.anyLabel(0));
    EXPECT_FALSE(doc.anyLabel(55));
    EXPECT_FALSE(doc.anyLabel(57)) << "no label map at all";
    EXPECT_EQ(doc.findEditor(0)->history().undoText(), "AI segmentation");
    EXPECT_EQ(doc.modifiedSlices(), 50) << "counted without unpacking";
    EXPECT_TRUE(doc.findEditor(0)->packed());

    EXPECT_EQ(doc.labels(0), maskOf(0));
    EXPECT_FALSE(doc.findEditor(0)->packed());
    doc.editor(0).undo();
    EXPECT_EQ(doc.labels(0), core::LabelMap(6, 4));
    for (int z = 10; z < 40; ++z) // pushes slice 0 out again, its redo pixels with it
        EXPECT_EQ(doc.labels(z), maskOf(z));
    ASSERT_TRUE(doc.findEditor(0)->packed());
    doc.editor(0).redo();
    EXPECT_EQ(doc.labels(0), maskOf(0));

    ASSERT_TRUE(doc.editor(5).endStroke());
    core::LabelMap stroked = maskOf(5);
    stroked.at(5, 3) = 2;
    EXPECT_EQ(doc.labels(5), stroked);
    EXPECT_LE(doc.residentCount(), core::AnnotationDocument::kMinResident + 1);
}

// A stored mask is taken as the store keeps it (runs): packed until read, "any label" answered
// from the runs, and damaged runs refused with a typed error before they reach the document.
TEST(AnnotationDocument, AdoptsStoredRunsAndUnpacksThemOnFirstRead)
{
    core::AnnotationDocument doc;
    doc.open(stack(4), "", 2);
    core::LabelMap mask(6, 4);
    mask.at(3, 2) = 2;
    mask.at(4, 2) = 2;
    doc.adoptRuns(1, core::encodeLabelRuns(mask));
    doc.adoptRuns(2, core::encodeLabelRuns(core::LabelMap(6, 4)));
    EXPECT_EQ(doc.maskedSlices(), (std::vector<int>{1, 2}));
    ASSERT_TRUE(doc.findEditor(1)->packed());
    EXPECT_TRUE(doc.anyLabel(1));
    EXPECT_FALSE(doc.anyLabel(2));
    EXPECT_FALSE(doc.modified());
    EXPECT_EQ(doc.labels(1), mask);
    EXPECT_FALSE(doc.findEditor(1)->packed());
    EXPECT_FALSE(doc.findEditor(1)->history().canUndo());

    auto runs = core::encodeLabelRuns(mask);
    runs.pop_back();
    EXPECT_THROW(doc.adoptRuns(3, runs), core::ImageError);
    EXPECT_THROW(doc.adoptRuns(3, core::encodeLabelRuns(core::LabelMap(6, 5))), core::ImageError);
    EXPECT_FALSE(doc.hasMask(3)) << "nothing kept of a damaged mask";
}
