#pragma once
#include <QDockWidget>

class QTableWidget;

namespace delineo::vm {
class DocumentController;
class MeasurementController;
class MultiplanarController;
} // namespace delineo::vm

namespace delineo::ui {

// The rulers and outlines kept with the open image, as `delineo-cli stats` lists them: what each is,
// the plane it lies in, its length or area, who drew it and when. A double-click takes the views to
// one; Delete removes the selected ones.
class MeasurementsPanel : public QDockWidget {
    Q_OBJECT
public:
    MeasurementsPanel(vm::MeasurementController& measurements, vm::DocumentController& document,
                      vm::MultiplanarController& planes, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void refresh();

    vm::MeasurementController& measurements_;
    vm::DocumentController& document_;
    vm::MultiplanarController& planes_;
    QTableWidget* table_;
    bool fitted_ = false; // opened docked at the height of a few rows once; the user's height stays
};

} // namespace delineo::ui
