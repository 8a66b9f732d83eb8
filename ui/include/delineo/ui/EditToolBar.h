#pragma once
#include "delineo/ml/ModelConfig.h"

#include <QToolBar>

#include <vector>

class QComboBox;
class QSlider;
class QSpinBox;

namespace delineo::vm {
class EditingController;
struct Preferences;
}

namespace delineo::ui {

class ImageView;

// The Tools toolbar: the tool actions, the class the tools paint, the brush size and the overlay
// opacity, kept in step with the EditingController; undo, redo, run and save are appended by the
// window.
class EditToolBar : public QToolBar {
    Q_OBJECT
public:
    EditToolBar(vm::EditingController& editing, vm::Preferences& prefs, ImageView* view,
                const std::vector<QAction*>& toolActions, QWidget* parent);
    void setClasses(const std::vector<ml::ClassInfo>& classes);
    void showState();   // the active class and brush size

private:
    vm::EditingController& editing_;
    QComboBox* classes_ = nullptr;
    QSpinBox* brushSize_ = nullptr;
    QSlider* opacity_ = nullptr;
};

} // namespace delineo::ui
