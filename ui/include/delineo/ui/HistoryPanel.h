#pragma once
#include <QDockWidget>

#include <string>
#include <vector>

class QListWidget;

namespace delineo::ui {

// The edit history of the current slice: every undoable edit by its description, the current
// state highlighted, undone edits greyed; clicking an entry undoes or redoes up to it.
class HistoryPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    void showHistory(const std::vector<std::string>& descriptions, std::size_t position);
    QListWidget* list() const { return list_; }

Q_SIGNALS:
    void jumpRequested(int position); // number of edits applied

private:
    QListWidget* list_ = nullptr;
};

} // namespace delineo::ui
