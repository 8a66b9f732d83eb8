#pragma once
#include <QDockWidget>

class QTableWidget;
class QTimer;

namespace delineo::vm {
class DocumentController;
class EditingController;
class MultiplanarController;
} // namespace delineo::vm

namespace delineo::ui {

class ClassLegend;

// Per class of the open image: its volume in mL (an area in mm² on a single image), slice range and
// number of 3D pieces, as `delineo-cli stats` reports them, beside the class's visibility, own
// opacity and fill or outline; for a video, the area and pieces of the frame shown. The figures
// follow the edits (and a video's frame), recomputed a moment after the last one while the panel is
// shown. A double-click on a class takes the views to its largest piece; Ctrl+C copies the figures.
class StructuresPanel : public QDockWidget {
    Q_OBJECT
public:
    StructuresPanel(vm::DocumentController& document, vm::EditingController& editing,
                    vm::MultiplanarController& planes, ClassLegend* legend, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }
    void refresh();   // now (tests; the panel itself waits for a pause in the edits)

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override; // Ctrl+C: the figures to the clipboard

private:
    void rebuildRows();
    void syncStyles();
    void fitRows();

    vm::DocumentController& document_;
    vm::MultiplanarController& planes_;
    ClassLegend* legend_;
    QTableWidget* table_;
    QTimer* timer_;
    int fittedRows_ = -1; // the rows the docked height was last fitted to
};

} // namespace delineo::ui
