// The Structures panel in the real window: volumes in mL, per-class styles, and a double-click
// that takes the three views to a structure.
#include "MultiplanarTestSupport.h"

#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/StructuresPanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>

#include <cmath>

using namespace delineo;
using core::Plane;
using delineo::test::OpenVolume;

namespace {

void paintBlock(OpenVolume& o, int x0, int x1, int y0, int y1, int z0, int z1, std::uint8_t label)
{
    for (int z = z0; z <= z1; ++z) {
        core::LabelMap m = o.doc().labels(z);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m.at(x, y) = label;
        o.w.editing().applyMaskEdit(z, m, QStringLiteral("block"));
    }
}

void doubleClickRow(QTableWidget* t, int row)
{
    QApplication::processEvents(); // laid out
    const QRect cell = t->visualItemRect(t->item(row, 1));
    ASSERT_TRUE(t->viewport()->rect().contains(cell.center())) << "row " << row << " is on screen";
    // As a mouse does it: the view takes a double-click on the cell its press went to.
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, cell.center());
}

} // namespace

// The Structures panel reads volumes in mL from the spacing, follows edits, and styles each class:
// hidden, its own opacity, outlined instead of filled.
TEST(StructuresPanel, MeasuresAndStylesEachClass)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    core::AnnotationDocument& doc = o.w.document().document();
    for (int z = 4; z <= 8; ++z) { // 10 x 10 x 5 voxels of class 2
        core::LabelMap m = doc.labels(z);
        for (int y = 20; y < 30; ++y)
            for (int x = 20; x < 30; ++x)
                m.at(x, y) = 2;
        o.w.editing().applyMaskEdit(z, m, QStringLiteral("block"));
    }
    ui::StructuresPanel* panel = o.w.structuresPanel();
    panel->show();
    panel->refresh();
    QTableWidget* t = panel->table();
    ASSERT_EQ(t->rowCount(), 4);
    EXPECT_EQ(t->item(1, 1)->text(), QString::number(500 * 0.8 * 0.8 * 3 / 1000, 'f', 2)); // 0.96 mL
    EXPECT_EQ(t->item(1, 2)->text(), QStringLiteral("5–9"));
    EXPECT_EQ(t->item(1, 3)->text(), QStringLiteral("1"));
    EXPECT_EQ(t->item(0, 3)->text(), QStringLiteral("0"));
    // The values under the block: the ellipsoid's 200 where it reaches in, 20 elsewhere.
    double sum = 0, squares = 0;
    for (int z = 4; z <= 8; ++z)
        for (int y = 20; y < 30; ++y)
            for (int x = 20; x < 30; ++x) {
                const double v = doc.slice(z).value(x, y);
                sum += v;
                squares += v * v;
            }
    const double mean = sum / 500, sd = std::sqrt(squares / 500 - mean * mean);
    ASSERT_GT(sd, 1) << "both values lie under the block";
    EXPECT_EQ(t->item(1, 4)->text(), QStringLiteral("%1 ± %2").arg(mean, 0, 'f', 1).arg(sd, 0, 'f', 1));
    EXPECT_EQ(t->item(1, 4)->toolTip(), QStringLiteral("Values from 20 to 200"));
    EXPECT_EQ(t->item(0, 4)->text(), QStringLiteral("—")) << "no voxels, no values";
    // Ctrl+C: every class's figures with the column names, tab-separated, for a report.
    QApplication::clipboard()->clear();
    t->setFocus();
    QTest::keyClick(t, Qt::Key_C, Qt::ControlModifier);
    const QStringList copied = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(copied.size(), 5) << QApplication::clipboard()->text().toStdString();
    EXPECT_EQ(copied[0], QStringLiteral("Class\tVolume (mL)\tSlices\tPieces\tMean ± SD"));
    EXPECT_EQ(copied[2], QStringList({t->item(1, 0)->text(), t->item(1, 1)->text(), QStringLiteral("5–9"), QStringLiteral("1"),
                                      t->item(1, 4)->text()}).join(QLatin1Char('\t')));
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("structures.png"));
    // An edit elsewhere: a second piece, once the panel has caught up.
    core::LabelMap m = doc.labels(15);
    m.at(50, 40) = 2;
    o.w.editing().applyMaskEdit(15, m, QStringLiteral("speck"));
    QTest::qWait(600);
    EXPECT_EQ(t->item(1, 3)->text(), QStringLiteral("2"));
    // Outline: the inside of the block turns transparent in the axial overlay, its border stays.
    o.w.document().showSlice(6);
    auto* outline = qobject_cast<QCheckBox*>(t->cellWidget(1, 6));
    ASSERT_TRUE(outline);
    const QImage& overlay = o.w.view()->overlay();
    EXPECT_NE(qAlpha(overlay.pixel(25, 25)), 0);
    outline->setChecked(true);
    EXPECT_EQ(qAlpha(overlay.pixel(25, 25)), 0);
    EXPECT_NE(qAlpha(overlay.pixel(20, 25)), 0);
    // Half opacity for the class; unticked, it is hidden.
    auto* opacity = qobject_cast<QSpinBox*>(t->cellWidget(1, 5));
    opacity->setValue(50);
    EXPECT_NEAR(qAlpha(overlay.pixel(20, 25)), 127, 1);
    t->item(1, 0)->setCheckState(Qt::Unchecked);
    EXPECT_EQ(qAlpha(overlay.pixel(20, 25)), 0);
    EXPECT_FALSE(o.w.legend()->classVisible(2));
}
// Double-click a class: every view goes through its largest piece (the axial view to its middle
// slice); a class with no voxels leaves the views where they are.
TEST(StructuresPanel, ADoubleClickTakesTheViewsToAStructure)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    paintBlock(o, 40, 50, 10, 20, 12, 16, 3); // 11 x 11 x 5 voxels around (45, 15, 14)
    paintBlock(o, 5, 6, 40, 41, 3, 3, 3);     // a speck, the smaller piece
    ui::StructuresPanel* panel = o.w.structuresPanel();
    panel->show();
    panel->refresh();
    QTableWidget* t = panel->table();
    auto& planes = o.w.workbench().planes();
    o.w.document().showSlice(2);
    const core::Voxel before = planes.crosshair();
    doubleClickRow(t, 0); // class 1: none painted
    EXPECT_EQ(planes.crosshair(), before);
    EXPECT_EQ(o.w.document().slice(), 2);

    doubleClickRow(t, 2);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        o.w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("structure-jump.png"));
    EXPECT_EQ(o.w.document().slice(), 14);
    EXPECT_EQ(planes.crosshair(), (core::Voxel{45, 15, 14}));
    EXPECT_EQ(planes.index(Plane::Coronal), 15);
    EXPECT_EQ(planes.index(Plane::Sagittal), 45);
    for (Plane p : {Plane::Coronal, Plane::Sagittal}) {
        const QPointF at = planes.crosshairIn(p);
        EXPECT_EQ(planes.labels(p).at(int(at.x()), int(at.y())), 3) << "the views meet inside the structure";
    }
}

// On an oblique series the crosshair is a point of the patient: the views still meet at the voxel.
TEST(StructuresPanel, TheViewsGoToAStructureOfAnObliqueSeries)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row, true);
    ASSERT_TRUE(o.w.document().reslicer().alongPatient());
    paintBlock(o, 30, 34, 20, 24, 9, 11, 2);
    auto& planes = o.w.workbench().planes();
    ASSERT_TRUE(planes.goToStructure(2));
    EXPECT_EQ(o.w.document().slice(), 10);
    EXPECT_EQ(planes.crosshair(), (core::Voxel{32, 22, 10}));
    const QPointF axial = planes.crosshairIn(Plane::Axial);
    EXPECT_NEAR(axial.x(), 32.5, 1e-6);
    EXPECT_NEAR(axial.y(), 22.5, 1e-6);
    for (Plane p : {Plane::Coronal, Plane::Sagittal}) {
        const QPointF at = planes.crosshairIn(p);
        EXPECT_EQ(planes.labels(p).at(int(at.x()), int(at.y())), 2) << "the views meet inside the structure";
    }
    EXPECT_FALSE(planes.goToStructure(1));
}

// Opened with nine classes, the docked panel is as tall as its rows: every class in sight, none
// behind a scroll bar.
TEST(StructuresPanel, OpensTallEnoughForEveryClass)
{
    OpenVolume o(vm::MultiplanarController::Layout::Row);
    o.w.setWritesEnabled(true); // classes are kept in the workspace (the temporary folder's)
    for (int label = 5; label <= 9; ++label)
        ASSERT_TRUE(o.w.review().setClass(label, QStringLiteral("extra %1").arg(label), QColor(40 * (label - 4), 90, 160)))
            << o.w.statusBar()->currentMessage().toStdString();
    ui::StructuresPanel* panel = o.w.structuresPanel();
    panel->show();
    QApplication::processEvents(); // laid out
    QTableWidget* t = panel->table();
    ASSERT_EQ(t->rowCount(), 9);
    for (int row = 0; row < t->rowCount(); ++row)
        EXPECT_TRUE(t->viewport()->rect().contains(t->visualItemRect(t->item(row, 0)))) << "row " << row << " whole in sight";
    EXPECT_GT(o.view(core::Plane::Axial)->height(), 200) << "the views keep most of the window";
}
