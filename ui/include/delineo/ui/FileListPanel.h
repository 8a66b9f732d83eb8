#pragma once
#include "delineo/core/Workspace.h"

#include <QDockWidget>

class QComboBox;
class QListWidget;

namespace delineo::vm {
class DocumentController;
class ReviewController;
}

namespace delineo::ui {

// The Workspace dock: the workspace's files with their review state (○ ◐ ✎ ✔ ✘) and uncertainty
// once ranked, a filter above them, and how many are reviewed in the title. Activating a file
// opens it.
class FileListPanel : public QDockWidget {
    Q_OBJECT
public:
    FileListPanel(vm::DocumentController& document, vm::ReviewController& review, QWidget* parent = nullptr);
    // "Not started", "AI draft", … in the interface language.
    static QString statusText(core::ReviewStatus status);
    QListWidget* list() const { return files_; }
    QComboBox* filter() const { return filter_; }
    void refresh();

private:
    vm::DocumentController& document_;
    vm::ReviewController& review_;
    QComboBox* filter_ = nullptr;
    QListWidget* files_ = nullptr;
};

} // namespace delineo::ui
