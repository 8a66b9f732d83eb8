#pragma once
#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QWidget;

namespace delineo::vm {
class EditingController;
}

namespace delineo::ui {

// The Tool Options dock: what the active tool does and its settings (brush size and shape,
// "overwrite other classes", the threshold brush's intensity range, the Mask menu's settings).
// It shows the EditingController's state and forwards every change to it.
class ToolOptionsPanel : public QDockWidget {
    Q_OBJECT
public:
    ToolOptionsPanel(vm::EditingController& editing, int smallestIsland, int smoothRadius, QWidget* parent = nullptr);

private:
    void showState();   // the active tool's rows and hint, and the current values

    vm::EditingController& editing_;
    QLabel *title_ = nullptr, *hint_ = nullptr;
    QWidget *brushRow_ = nullptr, *thresholdRow_ = nullptr;
    QSpinBox* radius_ = nullptr;
    QComboBox* shape_ = nullptr;
    QCheckBox* overwrite_ = nullptr;
    QDoubleSpinBox *low_ = nullptr, *high_ = nullptr;
    QSpinBox *island_ = nullptr, *smooth_ = nullptr;
};

} // namespace delineo::ui
