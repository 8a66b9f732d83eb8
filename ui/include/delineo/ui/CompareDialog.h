#pragma once
#include <QDialog>

namespace delineo::vm {
struct Comparison;
}

namespace delineo::ui {

// Training → Models → Compare: the ground truth and two versions' masks side by side on one
// validation image, each with its Dice.
class CompareDialog : public QDialog {
    Q_OBJECT
public:
    CompareDialog(const vm::Comparison& comparison, QWidget* parent);
};

} // namespace delineo::ui
