#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace delineo::vm {
class ExportController;
class JobRunner;
}

namespace delineo::ui {

// File → Export…: every registered format with its description, the destination (a folder, or a
// file for COCO and the Kaggle CSV), de-identification where the format carries patient data,
// progress and Cancel, and at the end what was written, what to know and what failed.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(vm::ExportController& exports, vm::JobRunner& jobs, const QString& workspace, QWidget* parent);

    QComboBox* format() const { return format_; }
    QLineEdit* destination() const { return destination_; }
    QCheckBox* deidentify() const { return deidentify_; }
    QPushButton* exportButton() const { return export_; }
    QLabel* report() const { return report_; }

private:
    void formatChanged();
    void browse();
    void start();

    vm::ExportController& exports_;
    vm::JobRunner& jobs_;
    QString workspace_;
    QComboBox* format_ = nullptr;
    QLabel* description_ = nullptr;
    QLineEdit* destination_ = nullptr;
    QCheckBox* deidentify_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton *export_ = nullptr, *cancel_ = nullptr;
    QLabel* report_ = nullptr;
};

} // namespace delineo::ui
