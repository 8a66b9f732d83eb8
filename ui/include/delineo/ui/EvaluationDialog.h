#pragma once
#include <QDialog>

class QTableWidget;

namespace delineo::vm {
class EvaluationController;
}

namespace delineo::ui {

// Model → Evaluate on Validation Split: the six metrics per class (and the mean over the classes the
// ground truth contains) of the last evaluation, what it measured, and the HTML report to open.
class EvaluationDialog : public QDialog {
    Q_OBJECT
public:
    EvaluationDialog(const vm::EvaluationController& evaluation, QWidget* parent);
    QTableWidget* table() const { return table_; }

    // Shows a dialog (non-modal) whenever `evaluation` finishes.
    static void showResultsOf(vm::EvaluationController& evaluation, QWidget* parent);

private:
    QTableWidget* table_ = nullptr;
};

} // namespace delineo::ui
