#pragma once
#include "delineo/core/Workspace.h"

#include <QDockWidget>

class QPushButton;
class QTableWidget;

namespace delineo::ui {

// The Models dock: every model version of the workspace side by side (lineage, validation Dice
// per class on the frozen split, training time), the active one marked; Promote and Roll back; Add
// from Job… brings back the model of a job exported for a cluster.
class ModelsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit ModelsPanel(QWidget* parent = nullptr);

    void refresh(const core::Workspace& ws);
    std::int64_t selectedVersion() const;
    void selectVersion(std::int64_t id);
    QTableWidget* table() const { return table_; }

Q_SIGNALS:
    void promoteRequested(qint64 id);
    void rollbackRequested(bool interactive);   // the line of the selected version
    void compareRequested(qint64 id);
    void evaluateRequested(qint64 id);
    void addRequested(const QString& jobFolder);   // a cluster job's trained model, to add back

private:
    QTableWidget* table_ = nullptr;
    QPushButton *promote_ = nullptr, *rollback_ = nullptr, *compare_ = nullptr, *evaluate_ = nullptr, *add_ = nullptr;
};

} // namespace delineo::ui
