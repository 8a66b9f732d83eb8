#pragma once
#include <QMenu>

namespace delineo::ui {

class MainWindow;

// Edit → Mask: whole-slice operations on the active class (fill holes, remove islands, smooth,
// copy from the neighbouring slice, interpolate between annotated slices), each one undoable
// command through MainWindow::applyMaskEdit.
class MaskMenu : public QMenu {
    Q_OBJECT
public:
    explicit MaskMenu(MainWindow* window);

private:
    void copyFromNeighbour(int step);
    void interpolate();
    MainWindow* window_;
};

} // namespace delineo::ui
