#pragma once
#include "delineo/core/FineTune.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace delineo::ui {

// Training → Fine-tune Current Model…: what will train (corrected and approved masks only), the
// frozen validation images (ticked; the user may change them), the architecture and starting
// weights, epochs, time budget, learning rate, device, and "train from scratch"; or, instead of
// training here, "Export Job for a Cluster…" (automatic models).
class FineTuneDialog : public QDialog {
    Q_OBJECT
public:
    // exec()'s result after "Export Job for a Cluster…" (a folder was chosen: exportFolder()).
    enum { ExportJob = 2 };
    FineTuneDialog(const core::Workspace& ws, const core::FineTunePlan& plan, QWidget* parent = nullptr);

    core::FineTuneSettings settings() const;
    // The validation images as ticked now, and whether that differs from the plan.
    std::vector<std::int64_t> validationImages() const;
    bool validationChanged() const;
    QString exportFolder() const { return exportFolder_; }
    // The folder "Export Job for a Cluster…" writes into without asking (tests, scripts).
    void setExportFolder(const QString& folder) { exportFolder_ = folder; }

    QSpinBox* epochsBox() const { return epochs_; }
    QCheckBox* scratchBox() const { return scratch_; }
    QComboBox* architectureBox() const { return arch_; }   // from scratch: the architecture
    QComboBox* contextBox() const { return context_; }     // from scratch: slices read (2D or 2.5D)
    QCheckBox* newClassesBox() const { return newClasses_; } // null when the workspace adds no class

private:
    void updateSummary();
    void chooseExport();

    core::FineTunePlan plan_;
    std::vector<std::int64_t> imageIds_;
    QLabel* summary_ = nullptr;
    QListWidget* validation_ = nullptr;
    QSpinBox *epochs_ = nullptr, *minutes_ = nullptr;
    QDoubleSpinBox* rate_ = nullptr;
    QComboBox* device_ = nullptr;
    QCheckBox* scratch_ = nullptr;
    QCheckBox* newClasses_ = nullptr;
    QComboBox* arch_ = nullptr;
    QComboBox* context_ = nullptr;
    QString exportFolder_;
};

} // namespace delineo::ui
