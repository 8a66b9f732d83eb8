// The linked axial, coronal and sagittal views in the real window: the crosshair, edits drawn in
// the coronal and sagittal views landing in the right voxels as one undo step, interpolation across
// coronal planes, the 3D mask operations and the ruler in mm.
#include "MultiplanarTestSupport.h"

#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/Rendering.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/viewmodels/AssistController.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/PlaneViews.h"
#include "delineo/ui/StructuresPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QFontMetrics>
#include <QLabel>

#include <fstream>
#include <functional>

using namespace delineo;
using core::Plane;
using delineo::test::drag;
using delineo::test::q;
using delineo::test::TempDir;
using delineo::test::OpenVolume;
using delineo::test::labelled;
using delineo::test::writeGrid;
using delineo::test::writeVolume;
using delineo::test::writeTurnedVolume;
using delineo::test::kTurn;

TEST(Multiplanar, TheCrosshairLinksTheThreeViews)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    auto& planes = o.w.workbench().planes();
    ASSERT_TRUE(planes.available());
    ASSERT_TRUE(o.view(Plane::Coronal)->isVisible());
    ASSERT_TRUE(o.view(Plane::Sagittal)->isVisible());
    // Ctrl+click in the coronal view: the axial view turns to that slice, the sagittal view to that column.
    ui::ImageView* cor = o.view(Plane::Coronal);
    QTest::mouseClick(cor, Qt::LeftButton, Qt::ControlModifier, cor->imageToWidget({40.5, 7.5}).toPoint());
    EXPECT_EQ(o.w.document().slice(), 7);
    EXPECT_EQ(planes.crosshair().x, 40);
    EXPECT_EQ(planes.index(Plane::Sagittal), 40);
    // The wheel in the sagittal view moves through columns, not slices.
    planes.scroll(Plane::Sagittal, -5);
    EXPECT_EQ(planes.crosshair().x, 35);
    EXPECT_EQ(o.w.document().slice(), 7);
    // Paging through axial slices moves the crosshair with them.
    o.w.document().showSlice(12);
    EXPECT_EQ(planes.crosshair().z, 12);
    // The head is up: slice 19 (the most superior) is drawn above slice 0.
    EXPECT_LT(cor->imageToWidget({10, 19.5}).y(), cor->imageToWidget({10, 0.5}).y());
    // Each view names the patient's directions at its edges (left, right, top, bottom).
    EXPECT_EQ(o.view(Plane::Axial)->edgeLabels(), (QStringList{"R", "L", "A", "P"}));
    EXPECT_EQ(cor->edgeLabels(), (QStringList{"R", "L", "S", "I"}));
    EXPECT_EQ(o.view(Plane::Sagittal)->edgeLabels(), (QStringList{"A", "P", "S", "I"}));
    // Three millimetres between slices, 0.8 between columns: the coronal view keeps the proportions.
    const double across = cor->imageToWidget({11, 0}).x() - cor->imageToWidget({10, 0}).x();
    const double down = cor->imageToWidget({10, 0}).y() - cor->imageToWidget({10, 1}).y();
    EXPECT_NEAR(down / across, 3.0 / 0.8, 1e-6);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("multiplanar.png"));
    // Frames keep the single view: the layout is the preference, not forced on a 2D image.
    planes.setLayout(vm::MultiplanarController::Layout::Grid);
    EXPECT_EQ(planes.layout(), vm::MultiplanarController::Layout::Grid);
    EXPECT_TRUE(o.w.planeViews()->findChild<QLabel*>() != nullptr);
}

// The status bar names the voxel under the pointer in whichever view it is: its indices, where it
// lies in the patient (the file's origin and axes), its value and its label.
TEST(Multiplanar, ThePointerReadsTheVoxelUnderItInAnyView)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    auto& planes = o.w.workbench().planes();
    ui::PlaneViews* views = o.w.planeViews();
    o.w.document().showSlice(7);
    QSignalSpy described(views, &ui::PlaneViews::cursorDescribed);
    ui::ImageView* cor = o.view(Plane::Coronal);
    const int y = planes.crosshair().y;
    // Voxel (40, y, 7) inside the ellipsoid: 0.8 mm columns and rows, 3 mm slices, origin 0, LPS.
    QTest::mouseMove(cor, cor->imageToWidget({40.5, 7.5}).toPoint());
    ASSERT_FALSE(described.isEmpty());
    const QString text = described.last().at(0).toString();
    EXPECT_TRUE(text.contains(QStringLiteral("x 40  y %1  slice 8").arg(y))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("L 32.0  P %1  S 21.0 mm").arg(y * 0.8, 0, 'f', 1))) << qPrintable(text);
    EXPECT_TRUE(text.contains("value 200")) << qPrintable(text);
    EXPECT_TRUE(text.contains("label none")) << qPrintable(text);
    // The same voxel through the axial view, once it is labelled.
    core::LabelMap m = o.doc().labels(7);
    m.at(40, y) = 1;
    o.w.editing().applyMaskEdit(7, m, QStringLiteral("test"));
    const QString axial = views->cursorText(Plane::Axial, QPoint(40, y));
    EXPECT_TRUE(axial.startsWith(text.left(text.indexOf("label")))) << qPrintable(axial);
    EXPECT_FALSE(axial.contains("label none")) << qPrintable(axial);
    // Off the volume: nothing to read.
    EXPECT_TRUE(views->cursorText(Plane::Sagittal, QPoint(-3, 2)).isEmpty());
}

// An oblique series on the patient's axes: the voxel under the crosshair of a true sagittal plane is
// the crosshair's, and its place in the patient is the turned grid's.
TEST(Multiplanar, ThePointerReadsTheTurnedVoxelOnATruePlane)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row, true);
    auto& planes = o.w.workbench().planes();
    ASSERT_TRUE(o.w.document().reslicer().alongPatient());
    planes.setCrosshair(core::Voxel{30, 20, 9});
    core::Voxel v;
    ASSERT_TRUE(planes.voxelUnder(Plane::Sagittal, planes.crosshairIn(Plane::Sagittal), v));
    EXPECT_EQ(v, (core::Voxel{30, 20, 9}));
    // The pixel under the pointer: its centre's nearest voxel, placed by the turned grid.
    const QPointF at = planes.crosshairIn(Plane::Sagittal);
    const QPoint pixel(int(std::floor(at.x())), int(std::floor(at.y())));
    ASSERT_TRUE(planes.voxelUnder(Plane::Sagittal, QPointF(pixel) + QPointF(0.5, 0.5), v));
    EXPECT_LE(std::abs(v.x - 30) + std::abs(v.y - 20) + std::abs(v.z - 9), 2);
    const double l = 0.8 * (v.x * std::cos(kTurn) - v.y * std::sin(kTurn)), p = 0.8 * (v.x * std::sin(kTurn) + v.y * std::cos(kTurn));
    const QString text = o.w.planeViews()->cursorText(Plane::Sagittal, pixel);
    EXPECT_TRUE(text.contains(QStringLiteral("%1 %2  %3 %4  S %5 mm")
                                  .arg(l < 0 ? "R" : "L").arg(std::abs(l), 0, 'f', 1)
                                  .arg(p < 0 ? "A" : "P").arg(std::abs(p), 0, 'f', 1)
                                  .arg(3.0 * v.z, 0, 'f', 1)))
        << qPrintable(text);
}

// A narrow plane (three in a row on a laptop): the corner text reaches the middle of the edge, and
// the letters there step past it instead of being drawn over it ("Zoom 66%P").
TEST(Multiplanar, TheLettersAtTheEdgesStepPastTheCornerText)
{
    ui::ImageView view;
    QImage grey(64, 64, QImage::Format_RGB32);
    grey.fill(QColor(40, 40, 40));
    view.setImage(grey);
    view.setEdgeLabels({"R", "L", "A", "P"});
    view.setInfoText("Axial  a long series description\nSlice 12/300", "W 400  L 40   Slice 120 of 300");
    const QFontMetrics fm = view.fontMetrics();
    const int step = fm.lineSpacing();
    view.resize(320, 240);
    auto letters = view.edgeLabelRects();
    EXPECT_GE(letters[2].top(), 6 + 2 * step) << "under both lines of the top corner";
    EXPECT_LE(letters[3].bottom(), 240 - 6 - step) << "above the bottom corner's line";
    EXPECT_EQ(letters[0].left(), 8);
    EXPECT_EQ(letters[1].right(), 320 - 8 - 1);
    // The letter is drawn where it is said to be: text-coloured pixels inside its box, none at the
    // edge's own line where it would have been.
    const QImage shot = view.grab().toImage();
    auto textPixels = [&](const QRect& r) {
        int n = 0;
        for (int y = std::max(0, r.top()); y <= std::min(shot.height() - 1, r.bottom()); ++y)
            for (int x = std::max(0, r.left()); x <= std::min(shot.width() - 1, r.right()); ++x)
                n += qGreen(shot.pixel(x, y)) > 150 && qBlue(shot.pixel(x, y)) > 120;
        return n;
    };
    EXPECT_GT(textPixels(letters[3]), 0);
    // Wide enough: the letters sit on the edges' own lines.
    view.resize(1400, 600);
    letters = view.edgeLabelRects();
    EXPECT_EQ(letters[2].top(), 6);
    EXPECT_EQ(letters[3].bottom(), 600 - 6 - 1);
    EXPECT_NEAR(letters[3].center().x(), 700, 2);
}

// Zooming one plane zooms the others to the same scale (the same size in mm), around their own
// crosshair; unlinked, each keeps its zoom; F fits them all again.
TEST(Multiplanar, ZoomIsLinkedAcrossThePlanes)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    QAction* link = nullptr;
    for (QAction* a : o.w.planeViews()->actions())
        if (a->text() == QStringLiteral("&Link Zoom of the Planes"))
            link = a;
    ASSERT_TRUE(link);
    link->setChecked(true);
    ui::ImageView* coronal = o.view(Plane::Coronal);
    const double before = o.view(Plane::Axial)->zoom();
    const QPoint centre(coronal->width() / 2, coronal->height() / 2);
    QWheelEvent wheel(centre, coronal->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(coronal, &wheel);
    EXPECT_NEAR(coronal->zoom(), o.view(Plane::Axial)->zoom(), 1e-9);
    EXPECT_NEAR(coronal->zoom(), o.view(Plane::Sagittal)->zoom(), 1e-9);
    EXPECT_GT(o.view(Plane::Axial)->zoom(), before);
    // The axial crosshair stays where it was on screen.
    const QPointF cross = o.view(Plane::Axial)->crosshair();
    ASSERT_GE(cross.x(), 0);
    const QPointF onScreen = o.view(Plane::Axial)->imageToWidget(cross);
    QTest::keyClick(coronal, Qt::Key_Plus);
    EXPECT_NEAR(o.view(Plane::Axial)->zoom(), coronal->zoom(), 1e-9);
    EXPECT_NEAR((o.view(Plane::Axial)->imageToWidget(cross) - onScreen).manhattanLength(), 0.0, 1e-6);
    QTest::keyClick(coronal, Qt::Key_F);
    const double fitted = o.view(Plane::Axial)->zoom();
    EXPECT_LT(fitted, before * 1.01);
    link->setChecked(false);
    QTest::keyClick(coronal, Qt::Key_Plus);
    EXPECT_NEAR(o.view(Plane::Axial)->zoom(), fitted, 1e-9);
    link->setChecked(true);
}

// AI results waiting on axial slices show across the coronal view too (packed ones included), and
// leave it when they are rejected.
TEST(Multiplanar, WaitingAiResultsShowInTheCoronalView)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    for (int z = 2; z <= 13; ++z) { // more than stay unpacked
        core::LabelMap m(64, 48);
        for (int y = 20; y <= 30; ++y)
            for (int x = 20; x <= 40; ++x)
                m.at(x, y) = 1;
        o.w.preview().show(z, m);
    }
    o.w.workbench().planes().setCrosshair(Plane::Axial, {30, 25});
    QApplication::processEvents();
    ASSERT_EQ(o.w.workbench().planes().index(Plane::Coronal), 25);
    const QImage& shown = o.view(Plane::Coronal)->preview();
    ASSERT_EQ(shown.size(), QSize(64, 20));
    EXPECT_GT(qAlpha(shown.pixel(30, 2)), 0);   // the result's top edge, on slice 2
    EXPECT_GT(qAlpha(shown.pixel(20, 8)), 0);   // its left edge
    EXPECT_GT(qAlpha(shown.pixel(30, 13)), 0);  // and its bottom, on slice 13
    EXPECT_EQ(qAlpha(shown.pixel(30, 0)), 0);   // no result on slice 0
    EXPECT_EQ(qAlpha(shown.pixel(50, 8)), 0);   // nor beside it
    // And it is drawn: on screen the outline has the class's colour, through the plane's transform.
    ui::ImageView* coronal = o.view(Plane::Coronal);
    const QImage screen = coronal->grab().toImage();
    const QPoint at = coronal->imageToWidget({30.5, 2.5}).toPoint() * screen.devicePixelRatio();
    EXPECT_EQ(screen.pixel(at) & 0xffffffu, shown.pixel(30, 2) & 0xffffffu);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("planes-ai-results.png"));
    o.w.preview().clear();
    QApplication::processEvents();
    EXPECT_TRUE(o.view(Plane::Coronal)->preview().isNull() ||
                qAlpha(o.view(Plane::Coronal)->preview().pixel(30, 2)) == 0);
}

// Ctrl+R where the user works: on the axial view it runs the model on the slice shown; on the
// coronal view on every axial slice (the model reads axial slices, and that plane crosses them all),
// whose results then show on the coronal view.
TEST(Multiplanar, CtrlRFromTheCoronalViewRunsTheModelOnEveryAxialSlice)
{
    qputenv("DELINEO_RESOURCES", DELINEO_RESOURCES); // the shipped MRI model fits this grey volume
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    qunsetenv("DELINEO_RESOURCES");
    ASSERT_TRUE(o.w.preview().model());
    o.w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&o.w));
    o.view(Plane::Axial)->setFocus();
    QTest::keyClick(o.view(Plane::Axial), Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(o.w.waitForJob());
    EXPECT_EQ(o.w.preview().waitingSlices(), std::vector<int>{o.w.document().slice()});
    o.w.preview().clear();

    o.view(Plane::Coronal)->setFocus();
    ASSERT_EQ(o.w.planeViews()->activePlane(), Plane::Coronal);
    QTest::keyClick(o.view(Plane::Coronal), Qt::Key_R, Qt::ControlModifier);
    EXPECT_TRUE(o.w.statusBar()->currentMessage().contains(QStringLiteral("coronal view")))
        << o.w.statusBar()->currentMessage().toStdString();
    ASSERT_TRUE(o.w.waitForJob());
    EXPECT_EQ(o.w.preview().waitingSlices().size(), 20u);
    QApplication::processEvents();
    EXPECT_FALSE(o.view(Plane::Coronal)->preview().isNull()) << "the results show on the coronal view";
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("planes-run-from-coronal.png"));
}

TEST(Multiplanar, ACoronalStrokeLandsInItsVoxelsAndUndoesAsOneStep)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    auto& planes = o.w.workbench().planes();
    planes.setCrosshair(Plane::Axial, {30.5, 20.5}); // the coronal view shows row y = 20
    ASSERT_EQ(planes.index(Plane::Coronal), 20);
    o.w.editing().selectTool(QStringLiteral("brush"));
    o.w.editing().setActiveLabel(1);
    o.w.editing().setBrushRadius(1);
    drag(o.view(Plane::Coronal), {20.5, 5.5}, {40.5, 5.5});
    // Only row 20 of slices 4..6 changed, and on slice 5 every column from 20 to 40.
    for (int x = 20; x <= 40; ++x)
        EXPECT_EQ(o.doc().labels(5).at(x, 20), 1) << x;
    EXPECT_EQ(o.doc().labels(5).at(30, 19), 0);
    EXPECT_EQ(o.doc().labels(5).at(30, 21), 0);
    EXPECT_EQ(o.doc().labels(3).at(30, 20), 0);
    const int painted = labelled(o.doc());
    EXPECT_GE(painted, 21);
    EXPECT_EQ(o.doc().maskedSlices(), (std::vector<int>{4, 5, 6}));
    // An axial edit on another slice after it, then two undos from a slice the stroke never touched:
    // first the axial edit, then the whole coronal stroke.
    o.w.document().showSlice(15);
    drag(o.view(Plane::Axial), {5, 5}, {8, 5});
    EXPECT_GT(labelled(o.doc()), painted);
    o.w.document().showSlice(17);
    o.w.editing().undo(); // slice 17 has no edits: the newest edit anywhere goes (the coronal stroke)
    EXPECT_EQ(test::countLabel(o.doc().labels(5), 1), 0) << "the whole stroke is undone";
    EXPECT_GT(test::countLabel(o.doc().labels(15), 1), 0) << "the axial edit is another step";
    o.w.editing().redo();
    EXPECT_EQ(labelled(o.doc()) - test::countLabel(o.doc().labels(15), 1), painted);
    // A sagittal stroke: column 30, rows 10..14 on slice 9.
    planes.setCrosshair(Plane::Axial, {30.5, 20.5});
    drag(o.view(Plane::Sagittal), {10.5, 9.5}, {14.5, 9.5});
    for (int y = 10; y <= 14; ++y)
        EXPECT_EQ(o.doc().labels(9).at(30, y), 1) << y;
    EXPECT_EQ(o.doc().labels(9).at(29, 12), 0);
    EXPECT_EQ(o.doc().labels(9).at(31, 12), 0);
}

TEST(Multiplanar, InterpolationAcrossCoronalPlanesAnd3DOperationsAreOneStepEach)
{
    OpenVolume o(vm::MultiplanarController::Layout::Grid);
    auto& planes = o.w.workbench().planes();
    auto& edit = o.w.editing();
    edit.selectTool(QStringLiteral("brush"));
    edit.setBrushRadius(2);
    // The same stroke on coronal planes 16 and 24; interpolation fills the planes between.
    for (int y : {16, 24}) {
        planes.setCrosshair(Plane::Axial, {30.5, y + 0.5});
        drag(o.view(Plane::Coronal), {25.5, 8.5}, {35.5, 8.5});
    }
    planes.setCrosshair(Plane::Axial, {30.5, 20.5});
    edit.setEditPlane(Plane::Coronal, planes.index(Plane::Coronal));
    const auto ops = edit.maskOperations();
    const auto find = [&](const QString& title) {
        for (std::size_t i = 0; i < ops.size(); ++i)
            if (ops[i].title == title)
                return i;
        ADD_FAILURE() << title.toStdString();
        return std::size_t(0);
    };
    const int before = labelled(o.doc());
    edit.runMaskOperation(find(QStringLiteral("&Interpolate Class Between Slices")));
    for (int y = 17; y < 24; ++y)
        EXPECT_EQ(o.doc().labels(8).at(30, y), 1) << y;
    EXPECT_GT(labelled(o.doc()), before);
    edit.undo();
    EXPECT_EQ(labelled(o.doc()), before) << "interpolation is one undo step over every slice it wrote";
    EXPECT_EQ(o.doc().labels(8).at(30, 20), 0);

    // A cavity closed in 3D: a 5-voxel cube of the class with its centre missing.
    core::AnnotationDocument& doc = o.w.document().document();
    for (int z = 12; z <= 14; ++z) {
        core::LabelMap m = doc.labels(z);
        for (int y = 30; y <= 32; ++y)
            for (int x = 50; x <= 52; ++x)
                m.at(x, y) = z == 13 && y == 31 && x == 51 ? 0 : 1;
        edit.applyMaskEdit(z, m, QStringLiteral("cube"));
    }
    edit.runMaskOperation(find(QStringLiteral("Fill Holes in &3D")));
    EXPECT_EQ(doc.labels(13).at(51, 31), 1);
    edit.undo();
    EXPECT_EQ(doc.labels(13).at(51, 31), 0);
    // Removing islands under 30 voxels in 3D takes the 26-voxel shell away in one step.
    o.w.workbench().preferences().smallestIsland = 30;
    edit.runMaskOperation(find(QStringLiteral("Remove Small Islands in 3&D")));
    EXPECT_EQ(doc.labels(12).at(50, 30), 0);
    EXPECT_EQ(doc.labels(14).at(52, 32), 0);
    edit.undo();
    EXPECT_EQ(doc.labels(12).at(50, 30), 1);
    EXPECT_EQ(doc.labels(14).at(52, 32), 1);
}

TEST(Multiplanar, TheRulerMeasuresMillimetresOnAnyPlane)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    QAction* ruler = nullptr;
    for (QAction* a : o.w.planeViews()->actions())
        if (a->shortcut() == QKeySequence(QStringLiteral("M")))
            ruler = a;
    ASSERT_TRUE(ruler);
    ruler->setChecked(true);
    // 10 columns (8 mm) and 4 slices (12 mm) on the coronal plane.
    ui::ImageView* cor = o.view(Plane::Coronal);
    const QPoint a = cor->imageToWidget({5, 2}).toPoint(), b = cor->imageToWidget({15, 6}).toPoint();
    const QPointF ia = cor->widgetToImage(a), ib = cor->widgetToImage(b);
    const double expected = std::hypot((ib.x() - ia.x()) * 0.8, (ib.y() - ia.y()) * 3.0);
    QTest::mousePress(cor, Qt::LeftButton, {}, a);
    QTest::mouseMove(cor, b);
    QTest::mouseRelease(cor, Qt::LeftButton, {}, b);
    EXPECT_EQ(o.w.planeViews()->measurementText(), QStringLiteral("%1 mm").arg(expected, 0, 'f', 1));
    EXPECT_NEAR(expected, std::hypot(8.0, 12.0), 0.5);
    // Shift+drag outlines an area, and once closed it gives the values inside: columns 25 to 34 of
    // slices 8 to 11 (40 voxels of 0.8 x 3 mm), all inside the bright ellipsoid.
    const QList<QPointF> corners{{25, 8}, {35, 8}, {35, 12}, {25, 12}};
    QTest::mousePress(cor, Qt::LeftButton, Qt::ShiftModifier, cor->imageToWidget(corners[0]).toPoint());
    for (int i = 1; i < 4; ++i)
        QTest::mouseMove(cor, cor->imageToWidget(corners[i]).toPoint());
    QTest::mouseRelease(cor, Qt::LeftButton, Qt::ShiftModifier, cor->imageToWidget(corners[3]).toPoint());
    const QString area = o.w.planeViews()->measurementText();
    double twice = 0; // the outline's area in pixels (twice, shoelace), its corners where the mouse was
    for (int i = 0; i < 4; ++i) {
        const QPointF p = cor->widgetToImage(cor->imageToWidget(corners[i]).toPoint());
        const QPointF n = cor->widgetToImage(cor->imageToWidget(corners[(i + 1) % 4]).toPoint());
        twice += p.x() * n.y() - n.x() * p.y();
    }
    const double outlined = std::abs(twice) / 2 * 0.8 * 3.0;
    EXPECT_EQ(area.section(' ', 0, 0), QString::number(outlined, 'f', 1)) << qPrintable(area);
    EXPECT_NEAR(outlined, 10 * 0.8 * 4 * 3, 3.0) << "the mouse's whole widget pixels, at this zoom";
    EXPECT_TRUE(area.contains("\nmean 200.0 ± 0.0 (200 to 200), 40 px")) << qPrintable(area);
    EXPECT_EQ(labelled(o.doc()), 0) << "measuring draws nothing into the mask";
    ruler->setChecked(false);
}

// A head CT does not get the GI-tract MRI model's classes silently: no shipped model is made for
// CT, so Run Model is off, the status bar says why and its classes are numbered, not named after
// the abdomen; an MR slice gets the MRI model and its names again.
TEST(Multiplanar, TheModelMustFitTheImagesModality)
{
    TempDir dir;
    test::writeDicomSlice(dir.file("ct.dcm"), "1.2.826.0.1.3680043.2.1125.9.1", 1, 0, 0, 0, 1040);
    qputenv("DELINEO_RESOURCES", DELINEO_RESOURCES); // the shipped models to choose from
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.setWritesEnabled(false);
    w.show();
    ASSERT_TRUE(w.openPath(q(DELINEO_RESOURCES "/demo/mr-abdomen-slice.dcm")));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(w.preview().modelFits());
    ASSERT_TRUE(w.preview().model());
    EXPECT_EQ(w.preview().model()->config().modalities, std::vector<std::string>{"MR"});
    ASSERT_TRUE(w.openPath(q(dir.file("ct.dcm"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_FALSE(w.preview().modelFits());
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("No model is made for this CT image")))
        << w.statusBar()->currentMessage().toStdString();
    EXPECT_FALSE(w.preview().run());
    EXPECT_TRUE(w.lastError().contains(QStringLiteral("CT"))) << w.lastError().toStdString();
    // Its classes are numbered (as many as the model's), in the panel and the class box alike.
    const auto classes = w.preview().classes();
    ASSERT_EQ(classes.size(), 4u);
    for (std::size_t k = 0; k < classes.size(); ++k)
        EXPECT_EQ(classes[k].name, "class " + std::to_string(k + 1));
    auto* box = w.findChild<QComboBox*>(QStringLiteral("classCombo"));
    ASSERT_TRUE(box);
    EXPECT_EQ(box->itemText(0), QStringLiteral("class 1"));
    ASSERT_TRUE(w.openPath(q(DELINEO_RESOURCES "/demo/mr-abdomen-slice.dcm")));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(w.preview().modelFits());
    EXPECT_EQ(w.preview().classes().front().name, "stomach");
    EXPECT_EQ(box->itemText(0), QStringLiteral("stomach"));
    // A colour frame: the polyp model, whatever the DICOM says nothing about.
    ml::ModelConfig polyp;
    polyp.inChannels = 3;
    polyp.modalities = {"ES", "XC"};
    EXPECT_TRUE(polyp.fits(3, ""));
    EXPECT_TRUE(polyp.fits(3, "ES"));
    EXPECT_FALSE(polyp.fits(3, "MR"));
    EXPECT_FALSE(polyp.fits(1, ""));
    qunsetenv("DELINEO_RESOURCES");
}

// A sample of a scan (UW-Madison slices 75 and 85, as in the demo workspace) is not a volume: its
// coronal and sagittal views would join slices 10 apart, so they are not offered, and the layout
// actions say why; the same slices without the gap are.
TEST(Multiplanar, ASampleWithGapsKeepsTheSingleView)
{
    TempDir dir;
    auto writeCase = [&](const std::string& name, std::initializer_list<int> numbers) {
        const QString scans = QDir(q(dir.path().string())).filePath(q(name + "/scans"));
        QDir().mkpath(scans);
        for (int n : numbers) {
            QImage img(32, 32, QImage::Format_Grayscale8);
            img.fill(40 + n);
            img.save(QDir(scans).filePath(QStringLiteral("slice_%1_32_32_1.50_1.50.png").arg(n, 4, 10, QLatin1Char('0'))));
        }
        return QDir(q(dir.path().string())).filePath(q(name));
    };
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.setWritesEnabled(false);
    w.show();
    w.workbench().planes().setLayout(vm::MultiplanarController::Layout::Row);
    ASSERT_TRUE(w.openPath(writeCase("case1_day0", {75, 85})));
    ASSERT_TRUE(w.waitForJob());
    ASSERT_EQ(w.document().document().depth(), 2);
    auto& planes = w.workbench().planes();
    EXPECT_FALSE(planes.available());
    EXPECT_EQ(planes.layout(), vm::MultiplanarController::Layout::Single);
    EXPECT_TRUE(planes.unavailableReason().contains(QStringLiteral("gaps"))) << planes.unavailableReason().toStdString();
    EXPECT_FALSE(w.planeViews()->view(Plane::Coronal)->isVisible());
    ASSERT_TRUE(w.openPath(writeCase("case2_day0", {75, 76, 77})));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(planes.available()) << planes.unavailableReason().toStdString();
    EXPECT_EQ(planes.layout(), vm::MultiplanarController::Layout::Row);
    EXPECT_TRUE(w.planeViews()->view(Plane::Coronal)->isVisible());
}

// AI Assist on the coronal view: a click there prompts the model on that plane, stretched to square
// pixels (3 mm slices under 0.8 mm columns), the answer shows on the coronal view only, and Enter
// writes it into the voxels the plane crosses as one undo step.
TEST(Multiplanar, AiAssistAnswersOnTheCoronalPlane)
{
    // A tiny model that learnt discs the size of the plane's ellipse at 0.8 mm (40 x 52 pixels).
    TempDir models;
    for (int i = 0; i < 3; ++i)
        test::writeDiscImage(models.file("frame" + std::to_string(i) + ".png"), 64, 75, 26 + 6 * i, 37, 23);
    test::trainTinyAssistModel(models, 3, 64, 75, 26, 6, 37, 23, 200);
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    auto& planes = o.w.workbench().planes();
    auto& assist = o.w.workbench().assist();
    ASSERT_TRUE(assist.loadModel(q(models.file("assist.pt"))));
    ASSERT_TRUE(o.w.editing().selectTool(QStringLiteral("assist")));
    o.w.editing().setActiveLabel(1);
    planes.setCrosshair(Plane::Axial, {32.5, 24.5});
    ASSERT_EQ(planes.index(Plane::Coronal), 24);
    ui::ImageView* cor = o.view(Plane::Coronal);
    QTest::mouseClick(cor, Qt::LeftButton, {}, cor->imageToWidget({32.5, 10.5}).toPoint());
    ASSERT_TRUE(assist.hasPrompts());
    EXPECT_EQ(assist.plane(), Plane::Coronal);
    EXPECT_EQ(assist.planeIndex(), 24);
    ASSERT_EQ(assist.prompts().clicks.size(), 1u);
    EXPECT_EQ(assist.prompts().clicks[0].x, 32);
    EXPECT_EQ(assist.prompts().clicks[0].y, 10);
    EXPECT_EQ(labelled(o.doc()), 0) << "a prompt never edits the mask";

    // What the model says for the plane at 0.8 mm in both directions: 64 x 75 pixels, the click at row 39.
    const core::Image plane = core::resliceImage(o.doc().volume(), Plane::Coronal, 24);
    ASSERT_EQ(plane.width, 64);
    ASSERT_EQ(plane.height, 20);
    const auto model = ml::InteractiveSegmenter::load(models.file("assist.pt"));
    const std::vector<std::uint8_t> square = core::resizeU8(core::modelInput8(plane, 3), 64, 20, 3, 64, 75, false);
    ml::PromptSet prompt;
    prompt.clicks.push_back({32, 39, true});
    const std::vector<std::uint8_t> none(64 * 75, 0);
    const ml::InteractiveResult r = model->predict({square.data(), 64, 75, 3}, prompt, none.data());
    std::vector<std::uint8_t> expected = core::resizeU8(r.probability, 64, 75, 1, 64, 20, false);
    for (auto& v : expected)
        v = v >= 128;
    ASSERT_EQ(assist.mask(), expected);
    const int objectPixels = int(std::count(expected.begin(), expected.end(), 1));
    int overlap = 0, bright = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const bool in = plane.value(int(i % 64), int(i / 64), 0) > 100;
        bright += in;
        overlap += expected[i] && in;
    }
    const double dice = 2.0 * overlap / (objectPixels + bright);
    std::printf("coronal AI Assist answer: %d pixels, Dice %.3f with the ellipse\n", objectPixels, dice);
    EXPECT_GT(dice, 0.8) << "the model found the ellipse in the plane";
    // The answer is drawn on the coronal view; the axial view keeps its own (empty) preview.
    EXPECT_FALSE(cor->preview().isNull());
    EXPECT_TRUE(o.view(Plane::Axial)->preview().isNull());
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
        QApplication::processEvents(); // laid out for the tool's options, as a window shows them
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("assist-coronal.png"));
    }

    // Enter: one undo step over the slices the plane crosses, each voxel where the plane put it.
    QTest::keyClick(&o.w, Qt::Key_Return);
    EXPECT_FALSE(assist.hasPrompts());
    EXPECT_EQ(labelled(o.doc()), objectPixels);
    int matched = 0;
    for (int v = 0; v < 20; ++v)
        for (int u = 0; u < 64; ++u) {
            const core::Voxel at = core::voxelAt(Plane::Coronal, 24, u, v);
            if (expected[std::size_t(v) * 64 + u])
                matched += o.doc().labels(at.z).at(at.x, at.y) == 1;
        }
    EXPECT_EQ(matched, objectPixels);
    o.w.editing().undo();
    EXPECT_EQ(labelled(o.doc()), 0) << "one undo takes the whole plane back";
    // Moving to another coronal plane drops prompts given on this one.
    QTest::mouseClick(cor, Qt::LeftButton, {}, cor->imageToWidget({32.5, 10.5}).toPoint());
    ASSERT_TRUE(assist.hasPrompts());
    planes.scroll(Plane::Coronal, 2);
    EXPECT_FALSE(assist.hasPrompts());
}

namespace {

// Four 8 x 6 DICOM slices at 0, 2, 4 and 12 mm, grey 100, 200, 300 and 400, open in 1 x 3 views.
struct UnevenSeries {
    TempDir dir;
    ui::MainWindow w;
    UnevenSeries()
    {
        const double z[] = {0, 2, 4, 12};
        for (int i = 0; i < 4; ++i)
            test::writeDicomSlice(dir.file("s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.777", i + 1, 0, 0,
                                  z[i], std::uint16_t(100 * (i + 1)));
        w.setDialogsEnabled(false);
        w.setWritesEnabled(false);
        w.resize(1400, 800);
        w.show();
        EXPECT_TRUE(w.openPath(q(dir.path().string())));
        EXPECT_TRUE(w.waitForJob());
        w.workbench().planes().setLayout(vm::MultiplanarController::Layout::Row);
        QApplication::processEvents();
    }
};

} // namespace

TEST(Multiplanar, UnevenlySpacedSlicesAreDrawnWhereTheyLie)
{
    // A CT series of a thin block (2 mm) and a thick slice (8 mm further): the coronal view draws
    // each slice's rows as tall as its share of the body, and clicks land on the slice drawn there.
    UnevenSeries series;
    ui::MainWindow& w = series.w;
    ASSERT_TRUE(w.workbench().planes().available());
    ui::ImageView* cor = w.planeViews()->view(Plane::Coronal);
    const auto centre = [&](int slice) { return cor->imageToWidget({4, slice + 0.5}).y(); };
    const double thin = std::abs(centre(1) - centre(0)), thick = std::abs(centre(3) - centre(2));
    EXPECT_NEAR(thick / thin, 4.0, 0.05) << "8 mm against 2 mm";
    for (int slice = 0; slice < 4; ++slice)
        EXPECT_NEAR(cor->widgetToImage(cor->imageToWidget({4, slice + 0.5})).y(), slice + 0.5, 1e-6);
    // Ctrl+click in the thick slice's band, near its edge: that slice, not the one a uniform
    // drawing would put there.
    QTest::mouseClick(cor, Qt::LeftButton, Qt::ControlModifier, cor->imageToWidget({4, 3.1}).toPoint());
    EXPECT_EQ(w.document().slice(), 3);
    EXPECT_TRUE(w.document().infoTopLeft().contains(QStringLiteral("loc 12.0 mm"))) << w.document().infoTopLeft().toStdString();
    EXPECT_NEAR(w.workbench().planes().distanceMm(Plane::Coronal, {4, 0.5}, {4, 3.5}), 12.0, 1e-6);
}

TEST(Multiplanar, ThickSlicesAreBlendedBetweenTheirCentresOrDrawnAsBlocks)
{
    // Slices of four grey levels at 0, 2, 4 and 12 mm: between the last two centres the coronal
    // view shows the blend of the two by distance (View → Smooth Between Slices), or, unticked,
    // each slice's own grey up to the edge of its band.
    UnevenSeries series;
    ui::MainWindow& w = series.w;
    w.document().showSlice(0); // the crosshair's row away from the slices looked at
    QApplication::processEvents();
    QAction* smooth = nullptr;
    for (QAction* a : w.planeViews()->actions())
        if (a->text() == QStringLiteral("Smooth &Between Slices"))
            smooth = a;
    ASSERT_TRUE(smooth);
    ui::ImageView* cor = w.planeViews()->view(Plane::Coronal);
    const auto greyAt = [&](double t) {
        // Column 1 (the crosshair's column is elsewhere), a fraction t of the way from slice 2's
        // centre to slice 3's.
        const QPointF a = cor->imageToWidget({1.5, 2.5}), b = cor->imageToWidget({1.5, 3.5});
        return qGray(cor->grab().toImage().pixel((a + (b - a) * t).toPoint()));
    };
    smooth->setChecked(true);
    EXPECT_TRUE(cor->smoothBetweenRows());
    EXPECT_EQ(cor->smoothRowsPerRow(), 5) << "4 mm mean steps over 0.8 mm pixels";
    const int g2 = greyAt(0), g3 = greyAt(1);
    ASSERT_GT(g3 - g2, 20) << "the two slices look different";
    for (double t : {0.25, 0.5, 0.75})
        EXPECT_NEAR(greyAt(t), g2 + t * (g3 - g2), 0.06 * (g3 - g2) + 2) << t;
    smooth->setChecked(false);
    EXPECT_EQ(cor->smoothRowsPerRow(), 1);
    EXPECT_EQ(greyAt(0.25), g2);
    EXPECT_EQ(greyAt(0.75), g3);
    EXPECT_FALSE(w.workbench().preferences().smoothSlices) << "remembered";
    smooth->setChecked(true);
}

TEST(Multiplanar, APlaneCanBeEnlargedAndTheCrosshairHidden)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    QAction *enlarge = nullptr, *crosshair = nullptr;
    for (QAction* a : o.w.planeViews()->actions()) {
        if (a->shortcut() == QKeySequence(QStringLiteral("Alt+0")))
            enlarge = a;
        if (a->shortcut() == QKeySequence(QStringLiteral("Alt+C")))
            crosshair = a;
    }
    ASSERT_TRUE(enlarge && crosshair);
    ui::ImageView *axial = o.view(Plane::Axial), *cor = o.view(Plane::Coronal), *sag = o.view(Plane::Sagittal);
    const int rowWidth = cor->width();
    // Alt+0 in the coronal view: it alone fills the area, drawn and working; Alt+0 again: back.
    o.w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&o.w));
    cor->setFocus();
    QTest::keyClick(cor, Qt::Key_0, Qt::AltModifier);
    QApplication::processEvents();
    EXPECT_TRUE(enlarge->isChecked());
    EXPECT_TRUE(cor->isVisible());
    EXPECT_FALSE(axial->isVisible());
    EXPECT_FALSE(sag->isVisible());
    EXPECT_GT(cor->width(), 2 * rowWidth);
    EXPECT_EQ(cor->overlay().size(), QSize(64, 20)) << "the enlarged plane is drawn";
    EXPECT_EQ(o.w.planeViews()->activePlane(), Plane::Coronal);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("plane-enlarged.png"));
    QTest::mouseClick(cor, Qt::LeftButton, Qt::ControlModifier, cor->imageToWidget({40.5, 7.5}).toPoint());
    EXPECT_EQ(o.w.document().slice(), 7) << "the crosshair still links the planes";
    EXPECT_EQ(o.w.workbench().preferences().planeLayout, int(vm::MultiplanarController::Layout::Row)) << "the layout stays";
    QTest::keyClick(cor, Qt::Key_0, Qt::AltModifier);
    QApplication::processEvents();
    EXPECT_FALSE(enlarge->isChecked());
    EXPECT_TRUE(axial->isVisible() && cor->isVisible() && sag->isVisible());
    EXPECT_EQ(sag->overlay().size(), QSize(48, 20)) << "the sagittal view drawn again, at the new column";
    // A layout chosen while enlarged shows that layout.
    enlarge->trigger();
    o.w.workbench().planes().setLayout(vm::MultiplanarController::Layout::Grid);
    EXPECT_FALSE(enlarge->isChecked());
    EXPECT_TRUE(axial->isVisible() && cor->isVisible() && sag->isVisible());

    // The crosshair hidden (remembered) and shown again; the views stay linked.
    ASSERT_GE(cor->crosshair().x(), 0);
    crosshair->setChecked(false);
    for (ui::ImageView* v : {axial, cor, sag})
        EXPECT_LT(v->crosshair().x(), 0);
    EXPECT_FALSE(o.w.workbench().preferences().showCrosshair);
    o.w.document().showSlice(3);
    EXPECT_EQ(o.w.workbench().planes().crosshair().z, 3);
    EXPECT_LT(cor->crosshair().x(), 0);
    crosshair->setChecked(true);
    EXPECT_NEAR(cor->crosshair().y(), 3.5, 1e-9);
}

// An oblique series (turned about the head-foot axis) is shown in the patient's true coronal and
// sagittal planes, resampled; a stroke there lands in the voxels nearest that plane as one undo
// step; unticked, View → Reslice Along the Patient's Axes shows the series' own planes again.
TEST(Multiplanar, AnObliqueSeriesIsShownAndEditedInThePatientsTruePlanes)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row, true);
    auto& planes = o.w.workbench().planes();
    ASSERT_TRUE(planes.available());
    ASSERT_TRUE(o.w.document().reslicer().alongPatient());
    ui::ImageView* cor = o.view(Plane::Coronal);
    EXPECT_EQ(cor->edgeLabels(), (QStringList{"R", "L", "S", "I"}));
    EXPECT_EQ(o.view(Plane::Sagittal)->edgeLabels(), (QStringList{"A", "P", "S", "I"}));
    EXPECT_TRUE(planes.planeTitle(Plane::Coronal).startsWith(QStringLiteral("Coronal")));
    EXPECT_TRUE(planes.planeTitle(Plane::Coronal).endsWith(QStringLiteral("(resampled)"))) << "not the scanner's pixels";
    EXPECT_FALSE(planes.planeTitle(Plane::Axial).contains(QStringLiteral("resampled")));
    // On the turned axial slice the true coronal plane cuts at 30 degrees, and the line says so;
    // the slice is drawn turned as it lies, so that line runs across the screen.
    const QPointF line = planes.crosshairLines(Plane::Axial)[0];
    EXPECT_NEAR(std::abs(line.y() / line.x()), std::tan(kTurn), 1e-6);
    ui::ImageView* ax = o.view(Plane::Axial);
    EXPECT_EQ(ax->edgeLabels(), (QStringList{"R", "L", "A", "P"}));
    const QPointF c = planes.crosshairIn(Plane::Axial);
    EXPECT_NEAR(ax->imageToWidget(c).y(), ax->imageToWidget(c + 10 * line).y(), 0.5);
    // A click in the coronal view's corner, beside the turned volume, keeps that coronal plane.
    const int shown = planes.index(Plane::Coronal);
    planes.setCrosshair(Plane::Coronal, {0.5, 9.5}); // row 9: slice 10, the one shown
    EXPECT_EQ(planes.index(Plane::Coronal), shown);
    EXPECT_NEAR(planes.crosshairIn(Plane::Coronal).x(), 0.5, 1e-6);
    // The crosshair through the box's middle voxel; the coronal plane through it shows the box,
    // square to the patient, as a rectangle 20 mm wide on each of its rows (0.8 mm pixels).
    planes.setCrosshair(Plane::Axial, {32.5, 24.5});
    EXPECT_EQ(o.w.document().slice(), 10);
    const auto& reslicer = o.w.document().reslicer();
    const core::Image plane = reslicer.image(o.doc().volume(), Plane::Coronal, planes.index(Plane::Coronal));
    const int row = int(planes.crosshairIn(Plane::Coronal).y());
    int bright = 0;
    for (int u = 0; u < plane.width; ++u)
        bright += plane.value(u, row) > 110;
    EXPECT_NEAR(bright * 0.8, 20, 1.7);
    // A stroke along the coronal plane: every voxel it writes lies within half a voxel of it.
    o.w.editing().selectTool(QStringLiteral("brush"));
    o.w.editing().setActiveLabel(1);
    o.w.editing().setBrushRadius(1);
    EXPECT_EQ(cor->brushRadius(), 1) << "the outline drawn in the coronal view is the brush's size";
    drag(cor, {20.5, 5.5}, {40.5, 5.5});
    const int index = planes.index(Plane::Coronal);
    const auto on = reslicer.voxelAt(Plane::Coronal, index, 1.5, 1.5);
    const double planeP = 0.8 * (on[0] * std::sin(kTurn) + on[1] * std::cos(kTurn));
    int painted = 0;
    for (int z : o.doc().maskedSlices())
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x)
                if (o.doc().labels(z).at(x, y) == 1) {
                    ++painted;
                    EXPECT_LE(std::abs(0.8 * (x * std::sin(kTurn) + y * std::cos(kTurn)) - planeP),
                              0.4 * (std::sin(kTurn) + std::cos(kTurn)) + 1e-9);
                }
    EXPECT_GE(painted, 20);
    EXPECT_EQ(o.doc().maskedSlices(), (std::vector<int>{13, 14, 15})) << "rows 4..6 from the head: slices 15..13";
    // The stroke reads back where it was drawn, and is one undo step.
    EXPECT_EQ(planes.labels(Plane::Coronal).at(30, 5), 1);
    o.w.editing().undo();
    EXPECT_EQ(labelled(o.doc()), 0);
    o.w.editing().redo();
    EXPECT_EQ(labelled(o.doc()), painted);
    // Interpolation across true coronal planes: strokes 4 planes either side, the planes between filled.
    o.w.editing().undo();
    const int middle = planes.index(Plane::Coronal);
    for (int step : {-4, 8}) {
        planes.scroll(Plane::Coronal, step);
        drag(cor, {25.5, 8.5}, {35.5, 8.5});
    }
    planes.scroll(Plane::Coronal, -4);
    ASSERT_EQ(planes.index(Plane::Coronal), middle);
    EXPECT_EQ(planes.labels(Plane::Coronal).at(30, 8), 0);
    o.w.editing().setEditPlane(Plane::Coronal, middle);
    for (std::size_t i = 0; i < o.w.editing().maskOperations().size(); ++i)
        if (o.w.editing().maskOperations()[i].title == QStringLiteral("&Interpolate Class Between Slices"))
            o.w.editing().runMaskOperation(i);
    EXPECT_EQ(planes.labels(Plane::Coronal).at(30, 8), 1) << "filled on the true plane between the strokes";
    for (int k = 0; k < 3; ++k)
        o.w.editing().undo();
    EXPECT_EQ(labelled(o.doc()), 0) << "two strokes and the interpolation, three undo steps";
    // An axial stroke far from the crosshair's row and column, where the coronal plane's slanted
    // trace crosses the slice, shows in the coronal view at once.
    o.w.document().showSlice(10);
    QApplication::processEvents();
    const double t = 20; // along the trace, from the crosshair
    const QPointF onTrace(32.5 + t * std::cos(kTurn), 24.5 - t * std::sin(kTurn));
    drag(o.view(Plane::Axial), onTrace, onTrace + QPointF(0.2, 0));
    const auto at = reslicer.planeAt(Plane::Coronal, {onTrace.x() - 0.5, onTrace.y() - 0.5, 10.0});
    ASSERT_EQ(int(std::lround(at[0])), planes.index(Plane::Coronal));
    EXPECT_GT(qAlpha(cor->overlay().pixel(int(at[1]), int(at[2]))), 0) << "the coronal view shows the axial stroke";
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("oblique.png"));
    // Unticked: the series' own planes, turned as they lie (the labels stay in their voxels).
    const int kept = labelled(o.doc());
    QAction* along = nullptr;
    for (QAction* a : o.w.planeViews()->actions())
        if (a->text() == QStringLiteral("Reslice Along the &Patient's Axes"))
            along = a;
    ASSERT_TRUE(along);
    EXPECT_TRUE(along->isEnabled());
    along->setChecked(false);
    QApplication::processEvents();
    EXPECT_FALSE(o.w.document().reslicer().alongPatient());
    EXPECT_FALSE(o.w.workbench().preferences().alongPatientAxes) << "remembered";
    EXPECT_EQ(planes.count(Plane::Coronal), 48);
    EXPECT_EQ(cor->edgeLabels(), (QStringList{"RA", "LP", "S", "I"}));
    EXPECT_EQ(ax->edgeLabels(), (QStringList{"RA", "LP", "AL", "PR"})) << "the slice as stored";
    EXPECT_EQ(labelled(o.doc()), kept) << "the labels stay in their voxels";
    EXPECT_GT(kept, 0);
    along->setChecked(true);
    EXPECT_TRUE(o.w.document().reslicer().alongPatient());
}
