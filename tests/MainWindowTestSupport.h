#pragma once
// Shared by the main-window tests: a synthetic workspace, mouse drags in image coordinates, and a
// tiny model trained on the workspace's true masks.
#include "TestSupport.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Trainer.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/MainWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QString>
#include <QTest>

#include <algorithm>
#include <filesystem>

namespace delineo::test {

inline QString q(const std::string& s) { return QString::fromStdString(s); }

// The menu entry with this text, in any of the window's menus.
inline QAction* menuAction(ui::MainWindow& w, const QString& text)
{
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->text() == text)
                    return a;
    return nullptr;
}

// A workspace of 3 synthetic frames.
inline void makeWorkspace(const TempDir& dir)
{
    for (int i = 0; i < 3; ++i)
        test::writeDiscImage(dir.file("frame" + std::to_string(i) + ".png"), 200, 150, 60 + 30 * i, 70, 25);
}

// A workspace made in `dir`, its first frame open in `w` (shown, active, no dialogs).
inline bool openFirstFrame(ui::MainWindow& w, const TempDir& dir)
{
    makeWorkspace(dir);
    w.setDialogsEnabled(false);
    w.show();
    return QTest::qWaitForWindowActive(&w) && w.document().openFile(q(dir.file("frame0.png")));
}

inline void drag(ui::ImageView* view, QPointF fromImage, QPointF toImage, Qt::KeyboardModifiers mods = {})
{
    const QPoint a = view->imageToWidget(fromImage).toPoint(), b = view->imageToWidget(toImage).toPoint();
    QTest::mousePress(view, Qt::LeftButton, mods, a);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(view, a + (b - a) * i / 10);
    QTest::mouseRelease(view, Qt::LeftButton, mods, b);
}

// Saves the true masks of the workspace frames and trains a tiny model on them: dir/tiny.pt.
// A workspace made in `dir`, open in `w` (no dialogs), with one unsaved brush stroke from (10, 10)
// to (toX, 10) on its first frame.
inline bool openWithUnsavedStroke(ui::MainWindow& w, const TempDir& dir, double toX)
{
    makeWorkspace(dir);
    w.setDialogsEnabled(false);
    w.show();
    if (!w.document().openWorkspace(q(dir.path().string())))
        return false;
    w.editing().setBrushRadius(3);
    drag(w.view(), {10, 10}, {toX, 10});
    return true;
}

inline void trainTinyModel(const TempDir& dir, int epochs) { test::trainTinyModel(dir, 3, 200, 150, 60, 30, 70, 25, 64, epochs); }

// The newest mask the window's workspace store holds for a slice of `file` (empty when none).
inline core::LabelMap storedMask(ui::MainWindow& w, const std::string& file, int slice = 0)
{
    auto ws = w.review().connection();
    if (!ws)
        return {};
    const auto image = ws->imageId(file);
    const auto rev = image ? ws->latestMask(*image, slice) : std::nullopt;
    return rev ? rev->labels : core::LabelMap();
}

inline int countLabel(const core::LabelMap& m, int label)
{
    return static_cast<int>(std::count(m.labels.begin(), m.labels.end(), label));
}

} // namespace delineo::test
