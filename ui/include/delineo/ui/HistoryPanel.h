#pragma once
#include <QDockWidget>
#include <QStringList>

#include <string>
#include <vector>

class QListWidget;

namespace delineo::vm {
class DocumentController;
class MeasurementController;
class ReviewController;
} // namespace delineo::vm

namespace delineo::ui {

// The edit history of the current slice: every undoable edit by its description, the current
// state highlighted, undone edits greyed; clicking an entry undoes or redoes up to it. Beneath, the
// image's ruler and outline changes, the same way (Edit → Undo steps whichever of the two holds the
// newest change), then the slice's revisions saved in the workspace: when, what kind, and who made each.
class HistoryPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    void showHistory(const std::vector<std::string>& descriptions, std::size_t position);
    QListWidget* list() const { return list_; }
    QStringList revisions() const; // the saved revisions as listed
    void showRevisions(const QStringList& lines);
    // Keeps the saved revisions of the slice shown, as the workspace has them, and the image's
    // measurement changes, stepping those when one is clicked.
    void follow(vm::ReviewController& review, vm::DocumentController& document, vm::MeasurementController& measurements);

Q_SIGNALS:
    void jumpRequested(int position); // number of edits applied

private:
    void rebuild();
    QListWidget* list_ = nullptr;
    std::vector<std::string> descriptions_;
    std::size_t position_ = 0;
    QStringList revisions_;
    vm::MeasurementController* measurements_ = nullptr;
};

} // namespace delineo::ui
