#pragma once
#include <QMenu>

namespace delineo::vm {
class EditingController;
}

namespace delineo::ui {

// Edit → Mask: whole-slice operations on the active class (fill holes, remove islands, smooth,
// copy from the neighbouring slice, interpolate between annotated slices), as the EditingController
// lists them; each edit is one undoable command.
class MaskMenu : public QMenu {
    Q_OBJECT
public:
    MaskMenu(vm::EditingController& editing, QWidget* parent);
};

} // namespace delineo::ui
