#pragma once
#include <QMenu>

#include <memory>
#include <vector>

namespace delineo::ui {

class MainWindow;
class MaskOperation;

// Edit → Mask: whole-slice operations on the active class (fill holes, remove islands, smooth,
// copy from the neighbouring slice, interpolate between annotated slices), registered in
// tools/MaskOperations.cpp, each edit one undoable command through MainWindow::applyMaskEdit.
class MaskMenu : public QMenu {
    Q_OBJECT
public:
    explicit MaskMenu(MainWindow* window);
    ~MaskMenu() override;

private:
    void run(const MaskOperation& op);
    MainWindow* window_;
    std::vector<std::unique_ptr<MaskOperation>> ops_;
};

} // namespace delineo::ui
