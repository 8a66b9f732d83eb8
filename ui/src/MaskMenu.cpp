#include "delineo/ui/MaskMenu.h"

#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"
#include "delineo/viewmodels/Workbench.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>

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
    addAction(tr("&Merge Class Into…"), this, [&bench, parent] { mergeClasses(bench, parent); });
    addSeparator();
    vm::EditingController& editing = bench.editing();
    const auto operations = editing.maskOperations();
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (operations[i].separatorBefore)
            addSeparator();
        addAction(operations[i].title, operations[i].shortcut, &editing, [&editing, i] { editing.runMaskOperation(i); });
    }
}

void MaskMenu::mergeClasses(vm::Workbench& bench, QWidget* parent)
{
    // Two tools' names for one structure ("gastric wall", "stomach") made one class again.
    const auto classes = bench.labelFiles().knownClasses();
    if (classes.size() < 2 || bench.document().empty()) {
        bench.notices().fail(tr("Cannot merge classes"), tr("Open an image with at least two classes first."));
        return;
    }
    QStringList names;
    for (const core::WorkspaceClass& c : classes)
        names << tr("%1: %2").arg(c.label).arg(vm::Translations::term(vm::qs(c.name)));
    bool ok = false;
    const QString from = QInputDialog::getItem(parent, tr("Merge Class Into"), tr("Class whose voxels change:"), names, 0, false, &ok);
    if (!ok)
        return;
    const int fromIndex = int(names.indexOf(from));
    QStringList others = names;
    others.removeAt(fromIndex);
    const QString into = QInputDialog::getItem(parent, tr("Merge Class Into"), tr("Class they become:"), others, 0, false, &ok);
    if (!ok)
        return;
    const core::WorkspaceClass& a = classes[std::size_t(fromIndex)];
    const core::WorkspaceClass& b = classes[std::size_t(names.indexOf(into))];
    const int changed = bench.editing().mergeClass(a.label, b.label);
    bench.notices().inform(tr("%1 merged into %2; slices changed: %3 (Ctrl+Z undoes).").arg(from, into).arg(changed), 10000);
}

} // namespace delineo::ui
