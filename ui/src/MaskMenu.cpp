#include "delineo/ui/MaskMenu.h"

#include "delineo/viewmodels/Workbench.h"

#include <QDir>
#include <QFileDialog>

namespace delineo::ui {

MaskMenu::MaskMenu(vm::Workbench& bench, QWidget* parent) : QMenu(tr("&Mask"), parent)
{
    using Mode = vm::LabelImportController::Mode;
    const auto openAction = [this, &bench, parent](const QString& text, const QString& keys, const QString& title, Mode mode) {
        addAction(text, QKeySequence(keys), this, [&bench, parent, title, mode] {
            const QString last = bench.preferences().lastFolder;
            const QString path = QFileDialog::getOpenFileName(parent, title, last.isEmpty() ? QDir::homePath() : last,
                                                              vm::LabelImportController::dialogFilter());
            if (!path.isEmpty())
                bench.labelFiles().open(path, mode);
        });
    };
    openAction(tr("&Open Segmentation…"), tr("Ctrl+Shift+L"), tr("Open Segmentation"), Mode::Replace);
    openAction(tr("Add Se&gmentation…"), tr("Ctrl+Alt+L"), tr("Add Segmentation"), Mode::Add);
    addAction(tr("Save Segmentation &As…"), QKeySequence(tr("Ctrl+Shift+S")), this, [&bench, parent] {
        const QString last = bench.preferences().lastFolder;
        const QString path = QFileDialog::getSaveFileName(parent, tr("Save Segmentation As"), last.isEmpty() ? QDir::homePath() : last,
                                                          vm::LabelImportController::saveDialogFilter());
        if (!path.isEmpty())
            bench.labelFiles().save(path);
    });
    addSeparator();
    vm::EditingController& editing = bench.editing();
    const auto operations = editing.maskOperations();
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (operations[i].separatorBefore)
            addSeparator();
        addAction(operations[i].title, operations[i].shortcut, &editing, [&editing, i] { editing.runMaskOperation(i); });
    }
}

} // namespace delineo::ui
