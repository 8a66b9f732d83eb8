#pragma once
#include <QMenu>

namespace delineo::vm {
class Workbench;
}

namespace delineo::ui {

// Mask: Open and Add Segmentation… (a label map made elsewhere, placed on the open image as one
// undoable edit), Save Segmentation As… (the image's labels for other tools) and Merge Class
// Into…, then the whole-slice operations on the active class (fill holes, remove islands, smooth,
// copy from the neighbouring slice, interpolate between annotated slices), as the
// EditingController lists them; each edit is one undoable command.
class MaskMenu : public QMenu {
    Q_OBJECT
public:
    MaskMenu(vm::Workbench& bench, QWidget* parent);

private:
    static void mergeClasses(vm::Workbench& bench, QWidget* parent);
};

} // namespace delineo::ui
