// Label volumes from other tools over the open volume in the real window: a 3D Slicer segmentation
// (Mask → Open Segmentation…), a DICOM SEG dropped on its image, and a segmentation added over the
// labels there are; each lands where it lies as one undo step.
#include "MultiplanarTestSupport.h"

#include "delineo/core/DicomSeg.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/viewmodels/LabelImportController.h"
#include "delineo/ui/PlaneViews.h"

#include <QAction>
#include <QApplication>
#include <QDir>

#include <fstream>

using namespace delineo;
using core::Plane;
using delineo::test::q;
using delineo::test::TempDir;
using delineo::test::writeVolume;

// Mask → Open Segmentation…: a 3D Slicer segmentation saved around its segments only lands on the
// open volume where it lies, replaces the labels there were as one undo step, and its segment
// names join the workspace's classes (the workspace keeps its own name for a label it names).
TEST(Multiplanar, ASegmentationFromAnotherToolOpensOnTheVolumeAsOneUndoStep)
{
    TempDir dir, other;
    writeVolume(dir);
    const std::string seg = other.file("Segmentation.seg.nrrd");
    // Voxels x 20..29, y 20..29, z 4..8: label 5 ("liver"), and label 1 in its first row.
    std::vector<char> voxels(500, 5);
    for (int z = 0; z < 5; ++z)
        std::fill_n(voxels.begin() + z * 100, 10, 1);
    test::writeSlicerSegmentation(seg, {10, 10, 5}, {0.8, 0.8, 3}, {16, 16, 12},
                                  "Segment0_Color:=0.9 0.6 0.3\nSegment0_LabelValue:=5\nSegment0_Name:=liver\n"
                                  "Segment1_Color:=1 0 0\nSegment1_LabelValue:=1\nSegment1_Name:=gastric wall\n",
                                  voxels);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(w.waitForJob());
    ASSERT_EQ(w.document().document().depth(), 20);
    QString said;
    QObject::connect(&w.workbench().notices(), &vm::Notices::message, [&](const QString& text, int) { said = text; });
    QAction* action = test::menuAction(w, QStringLiteral("&Open Segmentation…"));
    ASSERT_TRUE(action);
    EXPECT_EQ(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+L")));

    core::AnnotationDocument& doc = w.document().document();
    core::LabelMap mine = doc.labels(15); // drawn before: the file has nothing on slice 15
    mine.at(3, 3) = 2;
    w.editing().applyMaskEdit(15, mine, QStringLiteral("mine"));
    ASSERT_TRUE(w.workbench().labelFiles().open(q(seg)));
    ASSERT_TRUE(w.waitForJob()); // read in the background, applied when read
    for (int z = 0; z < 20; ++z) {
        const bool inBlock = z >= 4 && z <= 8;
        EXPECT_EQ(test::countLabel(doc.labels(z), 5), inBlock ? 90 : 0) << z;
        EXPECT_EQ(test::countLabel(doc.labels(z), 6), inBlock ? 10 : 0) << z;
        EXPECT_EQ(test::countLabel(doc.labels(z), 1), 0) << z;
    }
    // The workspace's label 1 is the stomach: the file's gastric wall takes the first free number.
    EXPECT_EQ(doc.labels(6).at(20, 20), 6);
    EXPECT_EQ(doc.labels(6).at(29, 29), 5);
    EXPECT_EQ(doc.labels(6).at(30, 29), 0);
    EXPECT_EQ(doc.labels(15).at(3, 3), 0) << "the file's word on every slice it covers";
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
        w.resize(1280, 800);
        w.document().showSlice(6);
        QTest::qWait(300);
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("open-segmentation.png"));
    }
    EXPECT_TRUE(said.contains(QStringLiteral("Segmentation.seg.nrrd opened; slices changed: 6"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("Classes added: liver, gastric wall. Labels renumbered"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("gastric wall 1 \u2192 6"))) << "the move is said: " << said.toStdString();
    const auto& classes = w.review().storedClasses();
    const auto liver = std::find_if(classes.begin(), classes.end(), [](const core::WorkspaceClass& c) { return c.label == 5; });
    ASSERT_NE(liver, classes.end());
    EXPECT_EQ(liver->name, "liver");
    EXPECT_EQ(int(liver->r), 230);
    EXPECT_EQ(int(liver->g), 153);
    // The coronal view through the block shows the class the file added, in its colour.
    QApplication::processEvents();
    const QImage& coronal = w.planeViews()->view(Plane::Coronal)->overlay();
    int shown = 0;
    for (int y = 0; y < coronal.height(); ++y)
        for (int x = 0; x < coronal.width(); ++x)
            shown += qAlpha(coronal.pixel(x, y)) > 0;
    EXPECT_EQ(shown, 50) << "10 columns by 5 slices of the liver at the crosshair's row";

    w.editing().undo(); // one step takes the whole file back
    EXPECT_EQ(doc.labels(15).at(3, 3), 2);
    EXPECT_EQ(test::countLabel(doc.labels(6), 5), 0);
    w.editing().redo();
    EXPECT_EQ(test::countLabel(doc.labels(6), 5), 90);

    // Mask → Save Segmentation As…: the labels with the volume's geometry and their names beside
    // them, as ITK-SNAP reads them; opened again, they change nothing.
    ASSERT_TRUE(w.workbench().labelFiles().save(q(other.file("back.nii.gz"))));
    ASSERT_TRUE(w.waitForJob());
    ASSERT_TRUE(said.contains(QStringLiteral("Segmentation saved to"))) << said.toStdString() << w.lastError().toStdString();
    std::vector<core::LabelMap> all;
    for (int z = 0; z < 20; ++z)
        all.push_back(doc.labels(z));
    EXPECT_EQ(core::readItkLabels(other.file("back.nii.gz")), all);
    const auto names = core::readLabelDescriptions(other.file("back.txt"));
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [](const core::WorkspaceClass& c) { return c.label == 5 && c.name == "liver"; }));
    ASSERT_TRUE(w.workbench().labelFiles().open(q(other.file("back.nii.gz"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(said.contains(QStringLiteral("slices changed: 0"))) << said.toStdString();

    // A map of another part of the patient is refused with the reason, and nothing changes.
    core::Geometry elsewhere;
    elsewhere.spacing = {0.8, 0.8, 3.0};
    elsewhere.origin = {400, 0, 0};
    core::LabelMap ones(8, 8);
    std::fill(ones.labels.begin(), ones.labels.end(), 1);
    core::writeItkLabels(other.file("elsewhere.nii.gz"), std::vector<core::LabelMap>(3, ones), elsewhere);
    ASSERT_TRUE(w.workbench().labelFiles().open(q(other.file("elsewhere.nii.gz"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(w.lastError().contains(QStringLiteral("does not overlap"))) << w.lastError().toStdString();
    EXPECT_EQ(test::countLabel(doc.labels(6), 5), 90);
}

// A DICOM SEG dropped on the window showing its image goes over it as labels (one undo step); the
// image stays open.
TEST(Multiplanar, ADicomSegDroppedOnItsImageOpensAsItsLabels)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "series");
    for (int i = 0; i < 3; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.812", i + 1, 0,
                              0, 2.0 * i, 40);
    const core::Volume source = core::loadVolume(dir.file("series"));
    std::vector<core::LabelMap> labels(3, core::LabelMap(source.width(), source.height()));
    labels[1].at(2, 2) = labels[1].at(3, 2) = 1;
    const std::string seg = dir.file("seg.dcm");
    core::writeDicomSeg(seg, source, labels, {{1, "stomach", 255, 0, 0}}, false);

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    ASSERT_TRUE(w.openPath(q(dir.file("series"))));
    ASSERT_TRUE(w.waitForJob());
    ASSERT_EQ(w.document().depth(), 3);
    ASSERT_TRUE(w.openPath(q(seg)));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_EQ(w.document().depth(), 3) << "the image stays";
    const int stomach = w.document().document().labels(1).at(3, 2); // the class list's number for it
    ASSERT_NE(stomach, 0);
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), stomach), 2);
    w.editing().undo();
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), stomach), 0) << "one undo step takes it back";
}

TEST(Multiplanar, AnAddedSegmentationWritesOnlyItsVoxelsOverTheLabelsThere)
{
    TempDir dir, other;
    writeVolume(dir);
    // A colleague's lesion: x 21..29, y 20..29, z 4..8 (label 7), nothing in the block's first column.
    const std::string seg = other.file("Lesion.seg.nrrd");
    std::vector<char> voxels(500, 7);
    for (std::size_t i = 0; i < voxels.size(); i += 10)
        voxels[i] = 0;
    test::writeSlicerSegmentation(seg, {10, 10, 5}, {0.8, 0.8, 3}, {16, 16, 12},
                                  "Segment0_ID:=Segment_1\nSegment0_LabelValue:=7\nSegment0_Name:=lesion\n", voxels);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(w.waitForJob());
    QString said;
    QObject::connect(&w.workbench().notices(), &vm::Notices::message, [&](const QString& text, int) { said = text; });
    QAction* action = test::menuAction(w, QStringLiteral("Add Se&gmentation…"));
    ASSERT_TRUE(action);
    EXPECT_EQ(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+L")));

    core::AnnotationDocument& doc = w.document().document();
    core::LabelMap mine = doc.labels(6);
    for (const auto& [x, y] : {std::pair{3, 3}, {20, 25}, {25, 25}})
        mine.at(x, y) = 2;
    w.editing().applyMaskEdit(6, mine, QStringLiteral("organs"));
    ASSERT_TRUE(w.workbench().labelFiles().open(q(seg), vm::LabelImportController::Mode::Add));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_EQ(doc.labels(6).at(3, 3), 2) << "outside the file";
    EXPECT_EQ(doc.labels(6).at(20, 25), 2) << "inside the file's box, where it labels nothing";
    EXPECT_EQ(doc.labels(6).at(25, 25), 7) << "the file's label over the one there";
    for (int z = 0; z < 20; ++z)
        EXPECT_EQ(test::countLabel(doc.labels(z), 7), z >= 4 && z <= 8 ? 90 : 0) << z;
    EXPECT_TRUE(said.contains(QStringLiteral("Lesion.seg.nrrd added over the labels; slices changed: 5"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("Classes added: lesion"))) << said.toStdString();
    // Mask → Merge Class Into…: the lesion becomes class 2 on every slice, as one undo step.
    ASSERT_TRUE(test::menuAction(w, QStringLiteral("&Merge Class Into…")));
    EXPECT_EQ(w.editing().mergeClass(7, 2), 5);
    for (int z = 0; z < 20; ++z)
        EXPECT_EQ(test::countLabel(doc.labels(z), 7), 0) << z;
    EXPECT_EQ(test::countLabel(doc.labels(6), 2), 92);
    EXPECT_EQ(w.editing().mergeClass(7, 7), 0);
    w.editing().undo();
    EXPECT_EQ(test::countLabel(doc.labels(6), 7), 90) << "the merge is one step";
    EXPECT_EQ(test::countLabel(doc.labels(8), 7), 90);
    w.editing().undo(); // and the file another
    EXPECT_EQ(doc.labels(6).at(25, 25), 2);
    EXPECT_EQ(test::countLabel(doc.labels(6), 7), 0);
}
