#include "delineo/ui/MaskMenu.h"

#include "delineo/viewmodels/EditingController.h"

namespace delineo::ui {

MaskMenu::MaskMenu(vm::EditingController& editing, QWidget* parent) : QMenu(tr("&Mask"), parent)
{
    const auto operations = editing.maskOperations();
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (operations[i].separatorBefore)
            addSeparator();
        addAction(operations[i].title, operations[i].shortcut, &editing, [&editing, i] { editing.runMaskOperation(i); });
    }
}

} // namespace delineo::ui
