// Measurements kept with the case: drawn in the real window, stored in the workspace's SQLite
// file, shown again on reopening on the plane they lie in, listed in the Measurements panel, and
// removed with Shift+M or from the panel.
#include "MultiplanarTestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Workspace.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/MeasurementsPanel.h"
#include "delineo/viewmodels/MeasurementController.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QStatusBar>
#include <QTableWidget>

#include <algorithm>
#include <array>

using namespace delineo;
using core::Plane;

namespace {

QAction* actionWithShortcut(ui::MainWindow& w, const char* keys)
{
    for (QAction* a : w.planeViews()->actions())
        if (a->shortcut() == QKeySequence(QString::fromLatin1(keys)))
            return a;
    return nullptr;
}

// The ruler (M), turned on; null when the window has none.
QAction* rulerOn(ui::MainWindow& w)
{
    QAction* ruler = actionWithShortcut(w, "M");
    if (ruler)
        ruler->setChecked(true);
    return ruler;
}

void drag(ui::ImageView* v, QPointF from, QPointF to)
{
    QTest::mousePress(v, Qt::LeftButton, {}, v->imageToWidget(from).toPoint());
    QTest::mouseMove(v, v->imageToWidget(to).toPoint());
    QTest::mouseRelease(v, Qt::LeftButton, {}, v->imageToWidget(to).toPoint());
}

// The workspace in the window (writes on), in the 1 x 3 layout.
void openWorkspace(ui::MainWindow& w, const test::TempDir& dir)
{
    w.setDialogsEnabled(false);
    w.resize(1400, 800);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(test::q(dir.path().string())));
    ASSERT_TRUE(w.waitForJob());
    w.workbench().planes().setLayout(vm::MultiplanarController::Layout::Row);
    QApplication::processEvents();
}

// The window on the workspace in `dir`, the ruler on, and a ruler drawn on the coronal view from
// (5, 2) to (15, 6).
struct Drawn {
    ui::ImageView* cor = nullptr;
    vm::MeasurementController* kept = nullptr;
};
void openAndDrawRuler(ui::MainWindow& w, const test::TempDir& dir, Drawn& out)
{
    ASSERT_NO_FATAL_FAILURE(openWorkspace(w, dir));
    ASSERT_TRUE(rulerOn(w));
    out.cor = w.planeViews()->view(Plane::Coronal);
    out.kept = &w.workbench().measurements();
    drag(out.cor, {5, 2}, {15, 6});
    ASSERT_EQ(out.kept->count(), 1);
}

// The same, then a second ruler from (30, 10) to (40, 10).
void openAndDrawTwoRulers(ui::MainWindow& w, const test::TempDir& dir, Drawn& out)
{
    ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, out));
    drag(out.cor, {30, 10}, {40, 10});
    ASSERT_EQ(out.kept->count(), 2);
}

// The Measurements panel shown, its table.
QTableWidget* shownTable(ui::MainWindow& w)
{
    w.measurementsPanel()->show();
    QApplication::processEvents();
    return w.measurementsPanel()->table();
}

} // namespace

TEST(Measurements, AreKeptWithTheCaseAndShownOnThePlaneTheyLieIn)
{
    test::TempDir dir;
    const std::string volume = test::writeVolume(dir);
    QString label;
    int row = -1;
    {
        ui::MainWindow w;
        ASSERT_NO_FATAL_FAILURE(openWorkspace(w, dir));
        QAction* ruler = rulerOn(w);
        ASSERT_TRUE(ruler);
        ui::ImageView* cor = w.planeViews()->view(Plane::Coronal);
        row = w.workbench().planes().index(Plane::Coronal);
        drag(cor, {5, 2}, {15, 6});
        label = w.planeViews()->measurementText();
        ASSERT_TRUE(label.endsWith(QStringLiteral(" mm"))) << qPrintable(label);
        drag(cor, {20, 3}, {20, 3}); // a click: nothing to keep
        EXPECT_EQ(w.workbench().measurements().count(), 1);
        EXPECT_EQ(cor->measurementCount(), 1);
        EXPECT_EQ(w.planeViews()->view(Plane::Axial)->measurementCount(), 0) << "it crosses axial slices, lies in none";
        // It stays when the ruler is put away, hides with View → Show Measurements, and leaves the
        // view with its plane.
        ruler->setChecked(false);
        EXPECT_EQ(cor->measurementCount(), 1);
        QAction* shown = nullptr;
        for (QAction* a : w.planeViews()->actions())
            if (a->text() == QStringLiteral("Show &Measurements"))
                shown = a;
        ASSERT_TRUE(shown);
        ASSERT_TRUE(shown->isChecked());
        shown->setChecked(false);
        EXPECT_EQ(cor->measurementCount(), 0);
        EXPECT_EQ(w.workbench().measurements().count(), 1) << "hidden, not gone";
        shown->setChecked(true);
        EXPECT_EQ(cor->measurementCount(), 1);
        w.workbench().planes().scroll(Plane::Coronal, 3);
        QApplication::processEvents();
        EXPECT_EQ(cor->measurementCount(), 0);
        w.workbench().planes().scroll(Plane::Coronal, -3);
        QApplication::processEvents();
        ASSERT_EQ(w.workbench().planes().index(Plane::Coronal), row);
        EXPECT_EQ(cor->measurementCount(), 1);
        // Shift+M takes back the newest on the slice of the view in use, from the store as well.
        ruler->setChecked(true);
        QTest::mousePress(cor, Qt::LeftButton, {}, cor->imageToWidget({30, 10}).toPoint());
        QTest::mouseMove(cor, cor->imageToWidget({40, 12}).toPoint());
        Q_EMIT w.review().teamChanged(); // the kept ones read again mid-drag: the one being drawn stays
        EXPECT_EQ(cor->measurementCount(), 2);
        QTest::mouseRelease(cor, Qt::LeftButton, {}, cor->imageToWidget({40, 12}).toPoint());
        ruler->setChecked(false);
        EXPECT_EQ(cor->measurementCount(), 2);
        cor->setFocus();
        QApplication::processEvents();
        QAction* remove = actionWithShortcut(w, "Shift+M");
        ASSERT_TRUE(remove);
        remove->trigger();
        EXPECT_EQ(cor->measurementCount(), 1);
        EXPECT_NEAR(w.workbench().measurements().on(Plane::Coronal).at(0).points.at(0).x(), 5, 1.0) << "the first one stays";
        ASSERT_TRUE(w.review().save());
    }
    // In the store: two points in voxel coordinates on the coronal plane it was drawn on.
    {
        auto ws = core::Workspace::openExisting(dir.path().string());
        const auto images = ws->imagePaths();
        ASSERT_EQ(images.size(), 1u);
        const auto kept = ws->measurements(*ws->imageId(images[0]));
        ASSERT_EQ(kept.size(), 1u);
        EXPECT_FALSE(kept[0].closed);
        ASSERT_EQ(kept[0].points.size(), 2u);
        EXPECT_NEAR(kept[0].points[0][1], kept[0].points[1][1], 1e-9) << "both ends on one coronal plane";
        EXPECT_EQ(kept[0].author, core::Workspace::defaultUser());
        // What `delineo-cli stats` reads from it is what the window showed.
        const core::MeasurementFigure figure = core::measurementFigure(core::loadVolume(volume), kept[0]);
        ASSERT_TRUE(figure.found);
        EXPECT_EQ(figure.plane, Plane::Coronal);
        EXPECT_EQ(QStringLiteral("%1 mm").arg(figure.value, 0, 'f', 1), label);
    }
    // Reopened, it is back; the Measurements panel lists it with the figure the window showed, a
    // double-click takes the views back to it, and Delete removes it from the store too.
    ui::MainWindow w;
    ASSERT_NO_FATAL_FAILURE(openWorkspace(w, dir));
    ASSERT_EQ(w.workbench().measurements().count(), 1);
    const auto shown = w.workbench().measurements().on(Plane::Coronal);
    ASSERT_EQ(shown.size(), 1u);
    ui::ImageView* cor = w.planeViews()->view(Plane::Coronal);
    EXPECT_EQ(cor->measurementCount(), 1);
    ui::MeasurementsPanel* panel = w.measurementsPanel();
    ASSERT_TRUE(panel);
    EXPECT_EQ(panel->toggleViewAction()->shortcut(), QKeySequence(QStringLiteral("Shift+R")));
    panel->show();
    QApplication::processEvents();
    QTableWidget* t = panel->table();
    ASSERT_EQ(t->rowCount(), 1);
    EXPECT_TRUE(t->item(0, 0)->text().isEmpty()) << "no name";
    EXPECT_EQ(t->item(0, 1)->text(), QStringLiteral("Ruler"));
    EXPECT_EQ(t->item(0, 2)->text(), QStringLiteral("Coronal %1").arg(row + 1));
    EXPECT_EQ(t->item(0, 3)->text(), label);
    EXPECT_TRUE(t->item(0, 4)->text().isEmpty()) << "a ruler has no values";
    EXPECT_EQ(t->item(0, 5)->text(), test::q(core::Workspace::defaultUser()));
    EXPECT_FALSE(t->item(0, 6)->text().isEmpty()) << "when it was drawn";
    w.workbench().planes().scroll(Plane::Coronal, 6);
    QApplication::processEvents();
    EXPECT_EQ(cor->measurementCount(), 0);
    const QRect cell = t->visualItemRect(t->item(0, 1));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, cell.center());
    QApplication::processEvents();
    EXPECT_EQ(w.workbench().planes().index(Plane::Coronal), row);
    EXPECT_EQ(cor->measurementCount(), 1);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
        QTest::qWait(200);
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("measurements-reopened.png"));
    }
    t->setFocus();
    t->selectRow(0);
    QTest::keyClick(t, Qt::Key_Delete);
    EXPECT_EQ(w.workbench().measurements().count(), 0);
    EXPECT_EQ(t->rowCount(), 0);
    EXPECT_EQ(cor->measurementCount(), 0);
    w.review().close(); // the store takes one process at a time
    auto ws = core::Workspace::openExisting(dir.path().string());
    EXPECT_TRUE(ws->measurements(*ws->imageId(ws->imagePaths()[0])).empty());
}

// A kept ruler's end is dragged to where it belongs: the same measurement (key, author) with its new
// length, in the window and in the store; a click on an end moves nothing; Shift+drag from an end
// outlines an area as ever.
TEST(Measurements, DraggingARulersEndMovesIt)
{
    test::TempDir dir;
    test::writeVolume(dir);
    std::array<double, 3> movedEnd{};
    {
        ui::MainWindow w;
        Drawn d;
        ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d));
        ui::ImageView* cor = d.cor;
        vm::MeasurementController& kept = *d.kept;
        const QString before = w.planeViews()->measurementText();
        const core::Measurement first = kept.all().at(0);
        drag(cor, {15, 6}, {15, 6}); // a click on its end
        ASSERT_EQ(kept.count(), 1);
        EXPECT_EQ(kept.all().at(0).points, first.points) << "a click moves nothing";
        drag(cor, {15, 6}, {35, 6});
        ASSERT_EQ(kept.count(), 1) << "moved, not another one";
        const auto shown = kept.on(Plane::Coronal);
        ASSERT_EQ(shown.size(), 1u);
        EXPECT_EQ(shown[0].key.toStdString(), first.key);
        EXPECT_NEAR(shown[0].points[0].x(), 5, 1.0) << "the other end stays";
        EXPECT_NEAR(shown[0].points[0].y(), 2, 1.0);
        EXPECT_NEAR(shown[0].points[1].x(), 35, 1.0);
        EXPECT_NEAR(shown[0].points[1].y(), 6, 1.0);
        const QString after = w.planeViews()->measurementText();
        EXPECT_NE(after, before);
        EXPECT_EQ(cor->measurementCount(), 1);
        movedEnd = kept.all().at(0).points.at(1);
        // Dragging its other end back near the first: still the one ruler.
        drag(cor, {5, 2}, {25, 6});
        ASSERT_EQ(kept.count(), 1);
        EXPECT_NEAR(kept.on(Plane::Coronal).at(0).points[0].x(), 25, 1.0) << "its first point still";
        EXPECT_EQ(kept.all().at(0).points.at(1), movedEnd);
        drag(cor, {25, 6}, {5, 2});
        // Shift+drag from an end starts an outline.
        const Qt::KeyboardModifiers shift = Qt::ShiftModifier;
        QTest::mousePress(cor, Qt::LeftButton, shift, cor->imageToWidget({35, 6}).toPoint());
        QTest::mouseMove(cor, cor->imageToWidget({35, 12}).toPoint());
        QTest::mouseMove(cor, cor->imageToWidget({40, 12}).toPoint());
        QTest::mouseRelease(cor, Qt::LeftButton, shift, cor->imageToWidget({40, 12}).toPoint());
        EXPECT_EQ(kept.count(), 2);
        EXPECT_EQ(kept.all().at(0).points.at(1), movedEnd) << "the ruler is where it was";
        ASSERT_TRUE(w.review().save());
    }
    auto ws = core::Workspace::openExisting(dir.path().string());
    const auto stored = ws->measurements(*ws->imageId(ws->imagePaths()[0]));
    ASSERT_EQ(stored.size(), 2u);
    const auto ruler = std::find_if(stored.begin(), stored.end(), [](const core::Measurement& m) { return !m.closed; });
    ASSERT_NE(ruler, stored.end());
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NEAR(ruler->points.at(1)[i], movedEnd[i], 1e-4) << "stored to 4 decimals";
    EXPECT_EQ(ruler->author, core::Workspace::defaultUser());
}

// Ctrl+Z and Ctrl+Shift+Z take back and bring again what was done to the measurements (drawn,
// an end moved, removed) where they have the keyboard: in the Measurements panel, and in a view
// while the ruler is on. The masks' history is not touched; a removed one comes back with who drew
// it and when, in the store too.
TEST(Measurements, UndoAndRedoTakeBackWhatWasDrawnMovedOrRemoved)
{
    test::TempDir dir;
    test::writeVolume(dir);
    core::Measurement drawn;
    {
        ui::MainWindow w;
        Drawn d;
        ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d));
        ui::ImageView* cor = d.cor;
        vm::MeasurementController& kept = *d.kept;
        drawn = kept.all().at(0);
        drag(cor, {15, 6}, {35, 6});
        const core::Measurement moved = kept.all().at(0);
        ASSERT_NE(moved.points, drawn.points);
        // Removed from the panel, and back with Ctrl+Z there.
        ui::MeasurementsPanel* panel = w.measurementsPanel();
        panel->show();
        QApplication::processEvents();
        QTableWidget* t = panel->table();
        t->setFocus();
        t->selectRow(0);
        QTest::keyClick(t, Qt::Key_Delete);
        ASSERT_EQ(kept.count(), 0);
        QTest::keyClick(t, Qt::Key_Z, Qt::ControlModifier);
        ASSERT_EQ(kept.count(), 1) << "the removal undone";
        EXPECT_EQ(kept.all().at(0).points, moved.points);
        EXPECT_EQ(kept.all().at(0).created, drawn.created);
        EXPECT_EQ(t->rowCount(), 1);
        // In the view with the ruler on: the move, then the drawing.
        cor->setFocus();
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier);
        ASSERT_EQ(kept.count(), 1);
        EXPECT_EQ(kept.all().at(0).points, drawn.points) << "the end back where it was";
        EXPECT_EQ(w.statusBar()->currentMessage(), QStringLiteral("Undo Move Ruler End"));
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(kept.count(), 0) << "the drawing undone";
        EXPECT_EQ(cor->measurementCount(), 0);
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(w.statusBar()->currentMessage(), QStringLiteral("No measurement to undo"));
        QAction* maskUndo = w.findChild<QAction*>(QStringLiteral("Undo"));
        ASSERT_TRUE(maskUndo);
        EXPECT_FALSE(maskUndo->isEnabled()) << "nothing left to undo, masks or measurements";
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        ASSERT_EQ(kept.count(), 1);
        EXPECT_EQ(kept.all().at(0).points, moved.points) << "drawn and moved again";
        EXPECT_EQ(cor->measurementCount(), 1);
        // A new drawing drops what was undone: nothing left to redo.
        QTest::keyClick(cor, Qt::Key_Z, Qt::ControlModifier);
        drag(cor, {30, 10}, {40, 12});
        EXPECT_FALSE(kept.canRedo());
        ASSERT_TRUE(w.review().save());
    }
    auto ws = core::Workspace::openExisting(dir.path().string());
    const auto stored = ws->measurements(*ws->imageId(ws->imagePaths()[0]));
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[0].key, drawn.key);
    EXPECT_EQ(stored[0].created, drawn.created) << "put back with its time";
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NEAR(stored[0].points.at(1)[i], drawn.points.at(1)[i], 1e-4) << "its end as it was drawn";
}

// A reader names a measurement in the panel (F2): the views show the name by its value, the
// store keeps it, and Ctrl+Z takes the name back like any other change.
TEST(Measurements, ANameGivenInThePanelShowsInTheViewsAndIsKept)
{
    test::TempDir dir;
    test::writeVolume(dir);
    {
        ui::MainWindow w;
        Drawn d;
        ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d));
        QTableWidget* t = shownTable(w);
        ASSERT_EQ(t->rowCount(), 1);
        EXPECT_TRUE(t->item(0, 0)->text().isEmpty()) << "drawn unnamed";
        EXPECT_FALSE(t->item(0, 3)->flags() & Qt::ItemIsEditable) << "only the name is edited";
        t->setFocus();
        t->setCurrentCell(0, 0);
        QTest::keyClick(t, Qt::Key_F2);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        ASSERT_TRUE(editor) << "F2 edits the name";
        QTest::keyClicks(editor, QStringLiteral("  lesion 1  "));
        QTest::keyClick(editor, Qt::Key_Return); // ends the naming, not Accept AI Result (Return in the window)
        // The delegate commits the edit after the key, and the rename waits until it is done with the cell.
        for (int i = 0; i < 3; ++i)
            QApplication::processEvents();
        ASSERT_EQ(d.kept->count(), 1);
        EXPECT_EQ(d.kept->all().at(0).label, "lesion 1") << "trimmed";
        EXPECT_EQ(t->item(0, 0)->text(), QStringLiteral("lesion 1"));
        ASSERT_EQ(d.cor->measurements().size(), 1);
        EXPECT_TRUE(d.cor->measurements()[0].label.startsWith(QStringLiteral("lesion 1: "))) << d.cor->measurements()[0].label.toStdString();
        EXPECT_TRUE(d.cor->measurements()[0].label.endsWith(QStringLiteral(" mm")));
        if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
            QTest::qWait(200);
            w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("measurement-named.png"));
        }
        // Undone in the panel, and done again.
        QTest::keyClick(t, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(w.statusBar()->currentMessage(), QStringLiteral("Undo Rename Ruler"));
        EXPECT_TRUE(d.kept->all().at(0).label.empty());
        EXPECT_FALSE(d.cor->measurements()[0].label.contains(QStringLiteral("lesion")));
        QTest::keyClick(t, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        EXPECT_EQ(d.kept->all().at(0).label, "lesion 1");
        ASSERT_TRUE(w.review().save());
    }
    auto ws = core::Workspace::openExisting(dir.path().string());
    const auto stored = ws->measurements(*ws->imageId(ws->imagePaths()[0]));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].label, "lesion 1");
}

// A double-click with the ruler on names the measurement under the pointer (a ruler's line, an
// outline's inside) and never paints: the mask stays as it was.
TEST(Measurements, ADoubleClickOnOneNamesItAndPaintsNothing)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    Drawn d;
    ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d)); // coronal (5, 2) to (15, 6)
    const auto maskEdited = [&] { return w.editing().nextUndo() != nullptr; };
    ASSERT_FALSE(maskEdited());
    // Far from it: nothing to name, nothing painted.
    QTest::mouseDClick(d.cor, Qt::LeftButton, {}, d.cor->imageToWidget({40, 20}).toPoint());
    QApplication::processEvents();
    EXPECT_FALSE(maskEdited()) << "a double-click with the ruler on paints nothing";
    EXPECT_EQ(d.kept->count(), 1);
    ui::MeasurementsPanel* panel = w.measurementsPanel();
    EXPECT_FALSE(panel->isVisible()) << "nothing there to name";
    // On its line, halfway: the Measurements panel opens with its name being typed.
    QTest::mouseDClick(d.cor, Qt::LeftButton, {}, d.cor->imageToWidget({10, 4}).toPoint());
    QApplication::processEvents();
    EXPECT_FALSE(maskEdited());
    EXPECT_TRUE(panel->isVisible());
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_TRUE(editor) << "its name's cell is being edited";
    QTest::keyClicks(editor, QStringLiteral("node 3"));
    QTest::keyClick(editor, Qt::Key_Return);
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    EXPECT_EQ(d.kept->all().at(0).label, "node 3");
    // An outline is named from inside it.
    QTest::mousePress(d.cor, Qt::LeftButton, Qt::ShiftModifier, d.cor->imageToWidget({30, 10}).toPoint());
    for (const QPointF q : {QPointF(40, 10), QPointF(40, 16), QPointF(30, 16)})
        QTest::mouseMove(d.cor, d.cor->imageToWidget(q).toPoint());
    QTest::mouseRelease(d.cor, Qt::LeftButton, Qt::ShiftModifier, d.cor->imageToWidget({30, 16}).toPoint());
    ASSERT_EQ(d.kept->count(), 2);
    QTest::mouseDClick(d.cor, Qt::LeftButton, {}, d.cor->imageToWidget({35, 13}).toPoint());
    QApplication::processEvents();
    editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("cyst"));
    QTest::keyClick(editor, Qt::Key_Return);
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    ASSERT_EQ(d.kept->count(), 2);
    EXPECT_EQ(d.kept->all().at(1).label, "cyst");
    EXPECT_EQ(d.kept->all().at(0).label, "node 3");
    EXPECT_FALSE(maskEdited());
}

// Edit → Undo (Ctrl+Z where the measurements do not have the keyboard) takes back whatever was
// done last, a ruler or a stroke, and Redo brings them back oldest first; the menu names each.
TEST(Measurements, OneUndoTakesBackTheLastChangeRulerOrStroke)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    ASSERT_NO_FATAL_FAILURE(openWorkspace(w, dir));
    ui::ImageView* axial = w.planeViews()->view(Plane::Axial);
    ui::ImageView* cor = w.planeViews()->view(Plane::Coronal);
    vm::MeasurementController& kept = w.workbench().measurements();
    const auto painted = [&] {
        const core::LabelMap& m = w.document().labels();
        return std::count_if(m.labels.begin(), m.labels.end(), [](std::uint8_t v) { return v != 0; });
    };
    w.editing().selectTool(QStringLiteral("brush"));
    w.editing().setActiveLabel(1);
    drag(axial, {5, 5}, {20, 5});
    const auto stroke = painted();
    ASSERT_GT(stroke, 0);
    const QString strokeName = QString::fromStdString(w.editing().nextUndo()->description);
    QAction* ruler = rulerOn(w);
    ASSERT_TRUE(ruler);
    drag(cor, {5, 2}, {15, 6});
    ASSERT_EQ(kept.count(), 1);
    ruler->setChecked(false);
    QAction* undo = w.findChild<QAction*>(QStringLiteral("Undo"));
    QAction* redo = w.findChild<QAction*>(QStringLiteral("Redo"));
    ASSERT_TRUE(undo && redo);
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo Draw Ruler"));
    axial->setFocus();
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(kept.count(), 0) << "the ruler, drawn last, goes first";
    EXPECT_EQ(painted(), stroke);
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo %1").arg(strokeName));
    EXPECT_EQ(redo->text(), QStringLiteral("&Redo Draw Ruler"));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(painted(), 0) << "then the stroke";
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_EQ(redo->text(), QStringLiteral("&Redo %1").arg(strokeName)) << "the oldest undone comes back first";
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(painted(), stroke);
    EXPECT_EQ(kept.count(), 0);
    redo->trigger();
    EXPECT_EQ(kept.count(), 1);
    EXPECT_EQ(cor->measurementCount(), 1);
    EXPECT_FALSE(redo->isEnabled());
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo Draw Ruler"));
}

// A team member's change read while a name is being typed does not close the editor: the name is
// kept as typed, and the other member's measurement is listed once the editor closes, committed or
// cancelled.
TEST(Measurements, ANameBeingTypedOutlivesATeamMembersChange)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    Drawn d;
    ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d));
    ASSERT_TRUE(w.review().save());
    QTableWidget* t = shownTable(w);
    const QString mineKey = QString::fromStdString(d.kept->all().at(0).key);
    const auto othersAdd = [&](const char* key) { // in the store, as a team member's window adds it
        core::Measurement m = d.kept->all().at(0);
        m.key = key;
        m.author = "bob";
        m.created = "2026-01-01T00:00:00.000Z"; // older: listed first
        const core::Image& img = w.document().image();
        w.review().session().addMeasurement(w.document().storeKey(), img.width, img.height, w.document().depth(), m);
        Q_EMIT w.review().teamChanged();
        QApplication::processEvents();
    };
    t->setFocus();
    t->setCurrentCell(0, 0);
    QTest::keyClick(t, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("lesi"));
    othersAdd("bobs-ruler");
    ASSERT_EQ(d.kept->count(), 2) << "read";
    ASSERT_EQ(QApplication::focusWidget(), editor) << "still typing";
    EXPECT_EQ(t->rowCount(), 1);
    QTest::keyClicks(editor, QStringLiteral("on 1"));
    QTest::keyClick(editor, Qt::Key_Return);
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    ASSERT_EQ(t->rowCount(), 2);
    EXPECT_TRUE(d.kept->find(QStringLiteral("bobs-ruler"))->label.empty());
    const auto mine = [&] { return d.kept->find(mineKey)->label; };
    EXPECT_EQ(mine(), "lesion 1");
    EXPECT_EQ(t->item(1, 0)->text(), QStringLiteral("lesion 1")) << "mine, drawn later, listed second";
    // Cancelled: the other member's next one is listed all the same.
    t->setCurrentCell(1, 0);
    QTest::keyClick(t, Qt::Key_F2);
    editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_TRUE(editor);
    othersAdd("bobs-second");
    EXPECT_EQ(t->rowCount(), 2);
    QTest::keyClick(editor, Qt::Key_Escape);
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    EXPECT_EQ(t->rowCount(), 3);
    EXPECT_EQ(mine(), "lesion 1");
}

// An outline's values (mean ± SD of the pixels it encloses) read the same in the Measurements panel
// as under the outline in the view; a ruler has none.
TEST(Measurements, AnOutlinesValuesShowInThePanelAsInTheView)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    Drawn d;
    ASSERT_NO_FATAL_FAILURE(openAndDrawRuler(w, dir, d));
    QTest::mousePress(d.cor, Qt::LeftButton, Qt::ShiftModifier, d.cor->imageToWidget({4, 2}).toPoint());
    for (const QPointF q : {QPointF(30, 2), QPointF(30, 12), QPointF(4, 12)})
        QTest::mouseMove(d.cor, d.cor->imageToWidget(q).toPoint());
    QTest::mouseRelease(d.cor, Qt::LeftButton, Qt::ShiftModifier, d.cor->imageToWidget({4, 12}).toPoint());
    ASSERT_EQ(d.kept->count(), 2);
    QTableWidget* t = shownTable(w);
    ASSERT_EQ(t->rowCount(), 2);
    EXPECT_EQ(t->horizontalHeaderItem(4)->text(), QStringLiteral("Mean ± SD"));
    EXPECT_TRUE(t->item(0, 4)->text().isEmpty()) << "a ruler encloses nothing";
    const QString values = t->item(1, 4)->text();
    ASSERT_FALSE(values.isEmpty());
    QString shown;
    for (const auto& m : d.cor->measurements())
        if (m.closed)
            shown = m.label;
    EXPECT_TRUE(shown.contains(QStringLiteral("\nmean ") + values + QStringLiteral(" ("))) << shown.toStdString() << " / " << values.toStdString();
    // The two labels end up side by side (the ruler ends inside the outline): one is moved clear.
    const QImage painted = w.grab().toImage();
    ASSERT_EQ(d.cor->labelBoxes().size(), 2);
    EXPECT_FALSE(d.cor->labelBoxes()[0].intersects(d.cor->labelBoxes()[1]));
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        painted.save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("outline-values.png"));
    // Inside the bright ellipsoid (200) and outside it (20): a mean between, a spread.
    const double mean = values.section(QLatin1Char(' '), 0, 0).toDouble();
    EXPECT_GT(mean, 20);
    EXPECT_LT(mean, 200);
}

// Ctrl+C in the Measurements panel copies the selected rows whole, tab-separated in the order
// listed, for a report or a spreadsheet.
TEST(Measurements, CtrlCCopiesTheSelectedRowsForAReport)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    Drawn d;
    ASSERT_NO_FATAL_FAILURE(openAndDrawTwoRulers(w, dir, d));
    QTableWidget* t = shownTable(w);
    ASSERT_EQ(t->rowCount(), 2);
    QApplication::clipboard()->setText(QStringLiteral("before"));
    t->setFocus();
    t->selectRow(1);
    t->selectionModel()->select(t->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(t, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << QApplication::clipboard()->text().toStdString();
    for (int row = 0; row < 2; ++row) {
        const QStringList cells = lines[row].split(QLatin1Char('\t'));
        ASSERT_EQ(cells.size(), t->columnCount());
        for (int c = 0; c < t->columnCount(); ++c)
            EXPECT_EQ(cells[c], t->item(row, c)->text()) << row << " " << c;
    }
    EXPECT_TRUE(lines[1].contains(QStringLiteral(" mm\t"))) << "its length, with its unit: " << lines[1].toStdString();
}

// The History panel lists the image's ruler and outline changes below the slice's edits; clicking
// one undoes or redoes the measurements up to it and leaves the masks alone.
TEST(Measurements, TheHistoryPanelListsThemAndStepsToTheOneClicked)
{
    test::TempDir dir;
    test::writeVolume(dir);
    ui::MainWindow w;
    Drawn d;
    ASSERT_NO_FATAL_FAILURE(openAndDrawTwoRulers(w, dir, d));
    auto* panel = w.findChild<ui::HistoryPanel*>();
    ASSERT_TRUE(panel);
    panel->show();
    QApplication::processEvents();
    QListWidget* list = panel->list();
    const auto texts = [list] {
        QStringList t;
        for (int i = 0; i < list->count(); ++i)
            t << list->item(i)->text();
        return t;
    };
    const QStringList expected{"Opened", "Rulers and outlines of this image:", "As opened", "Draw Ruler", "Draw Ruler"};
    ASSERT_EQ(texts().mid(0, 5), expected) << texts().join(" | ").toStdString();
    const auto click = [list](int row) {
        list->scrollToItem(list->item(row));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    };
    const QColor undone = panel->palette().color(QPalette::Disabled, QPalette::Text);
    click(3); // the first ruler drawn: the second is undone
    EXPECT_EQ(d.kept->count(), 1);
    EXPECT_EQ(d.cor->measurementCount(), 1);
    EXPECT_EQ(list->item(4)->foreground().color(), undone);
    EXPECT_NE(list->item(3)->foreground().color(), undone);
    click(2);
    EXPECT_EQ(d.kept->count(), 0);
    click(1); // the heading steps nothing
    EXPECT_EQ(d.kept->count(), 0);
    click(0); // the slice's own "Opened": the masks, not the measurements
    EXPECT_EQ(d.kept->count(), 0);
    click(4);
    EXPECT_EQ(d.kept->count(), 2);
    EXPECT_EQ(d.cor->measurementCount(), 2);
    w.review().close(); // the store takes one process at a time
    auto ws = core::Workspace::openExisting(dir.path().string());
    EXPECT_EQ(ws->measurements(*ws->imageId(ws->imagePaths()[0])).size(), 2u) << "the steps reach the workspace";
}
