#pragma once
#include <QDialog>

class QLabel;
class QTableWidget;

namespace delineo::vm {
class ReviewController;
}

namespace delineo::ui {

// Review → Agreement: for the open file, Dice and HD95 per class between every two members who
// corrected the same slices, and the consensus of their masks (majority vote or STAPLE) made into a
// revision of its own.
class AgreementDialog : public QDialog {
    Q_OBJECT
public:
    AgreementDialog(vm::ReviewController& review, QWidget* parent);
    QTableWidget* table() const { return table_; }
    void refresh();

private:
    vm::ReviewController& review_;
    QTableWidget* table_;
    QLabel* summary_;
};

} // namespace delineo::ui
