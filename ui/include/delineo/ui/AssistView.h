#pragma once
#include "delineo/viewmodels/AssistController.h"
#include "delineo/viewmodels/PreviewController.h"

#include <QAction>
#include <QObject>

namespace delineo::ui {

class ImageView;
class PlaneViews;

// AI Assist on screen: while the controller has prompts, its answer is the view's preview (the
// automatic draft waits beneath) with the prompts drawn; the tool's action is enabled only with a
// usable interactive model, its tooltip saying why not (and the brush takes over if it was active).
class AssistView : public QObject {
    Q_OBJECT
public:
    AssistView(vm::AssistController& assist, vm::PreviewController& preview, vm::EditingController& editing,
               ImageView* view, QObject* parent);
    // The tool's menu/toolbar action (its data() is the tool id) and hint.
    void setToolAction(QAction* action, const QString& hint);
    // The coronal and sagittal views, where prompts may be given too.
    void setPlaneViews(PlaneViews* planes) { planes_ = planes; }
    // Shows the answer and the prompts on the view of their plane; false (and the marks cleared)
    // unless they are on the axial view.
    bool show();
    bool usable() const;

private:
    void showAvailability();

    vm::AssistController& assist_;
    vm::PreviewController& preview_;
    vm::EditingController& editing_;
    ImageView* view_;
    PlaneViews* planes_ = nullptr;
    QAction* action_ = nullptr;
    QString hint_;
};

} // namespace delineo::ui
