#pragma once
#include "delineo/core/MeasurementFigure.h"

#include <QDockWidget>
#include <QHash>

#include <array>
#include <utility>
#include <vector>

class QTableWidget;

namespace delineo::vm {
class DocumentController;
class MeasurementController;
} // namespace delineo::vm

namespace delineo::ui {

// The rulers and outlines kept with the open image, as `delineo-cli stats` lists them: what each is,
// the plane it lies in, its length or area, who drew it and when. A double-click takes the views to
// one; F2 names it (as does a double-click on it in a view with the ruler on); Delete removes the
// selected ones.
class MeasurementsPanel : public QDockWidget {
    Q_OBJECT
public:
    MeasurementsPanel(vm::MeasurementController& measurements, vm::DocumentController& document,
                      QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void refresh(); // while hidden: when shown
    void editName(const QString& key); // shown, its name's cell being edited
    void copySelected();               // Ctrl+C: the selected rows to the clipboard
    const core::MeasurementFigure& figureOf(const core::Measurement& m);

    vm::MeasurementController& measurements_;
    vm::DocumentController& document_;
    QTableWidget* table_;
    // Each measurement's figure by its key, with the points it was measured at (each one reslices).
    QHash<QString, std::pair<std::vector<std::array<double, 3>>, core::MeasurementFigure>> figures_;
    bool stale_ = false;  // changed while hidden, or while a name was being typed: refilled after
    bool filling_ = false; // the table is being filled: its changes are not the user's renaming
    bool fitted_ = false; // opened docked at the height of a few rows once; the user's height stays
};

} // namespace delineo::ui
