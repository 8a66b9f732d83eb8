#pragma once
#include "delineo/core/Reslice.h"
#include "delineo/viewmodels/MultiplanarController.h"

#include <QHash>
#include <QList>
#include <QPolygonF>
#include <QRgb>
#include <QWidget>

#include <vector>

class QAction;
class QGridLayout;
class QLabel;

namespace delineo::vm {
class DocumentController;
class EditingController;
class AssistController;
class MeasurementController;
class PatientAxesCopy;
class PreviewController;
class Workbench;
struct Preferences;
} // namespace delineo::vm

namespace delineo::ui {

class ClassLegend;
class ImageView;

// The central area: the axial view (the window's own ImageView) alone, or beside coronal and
// sagittal views of the same volume (1 x 3, or 2 x 2 with a position read-out), linked by the
// crosshair. Ctrl+click or Ctrl+drag in any view moves the crosshair; the wheel moves through that
// view's planes; every editing tool draws in any view and writes into the one label volume. The
// ruler (M) measures in mm on any view; Shift+drag with it outlines an area in mm²; dragging a kept
// ruler's end moves it. Measurements are kept with the image (vm::MeasurementController) and shown on
// every view whose plane holds them.
class PlaneViews : public QWidget {
    Q_OBJECT
public:
    PlaneViews(vm::Workbench& bench, ImageView* axial, const ClassLegend* legend, QWidget* parent = nullptr);

    // The AI results waiting on axial slices, shown across the coronal and sagittal views too,
    // except on a plane where AI Assist has prompts (its answer is shown there instead).
    void showPreviewsOf(const vm::PreviewController& preview, const vm::AssistController& assist);
    void showPreviews(); // the waiting results again, on the coronal and sagittal views
    // View → Layout and the ruler, for the window's menu.
    QList<QAction*> actions() const { return actions_; }
    ImageView* view(core::Plane plane) const;
    // The plane the user works in: the shown view with the keyboard focus, else the one under the
    // pointer, else the axial.
    core::Plane activePlane() const;
    // Repaints the coronal and sagittal views whose plane moved (all with `everything`: the window or
    // the volume changed), and the crosshair in all three.
    void refresh(bool everything = false);
    QString measurementText() const { return measureText_; }

    // The voxel under pixel `pixel` of a view: its place, value and label, for the status bar.
    QString cursorText(core::Plane plane, QPoint pixel) const;

Q_SIGNALS:
    void measured(const QString& text);
    void cursorDescribed(const QString& text); // the pointer moved over a view (empty: off the image)

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyLayout();
    void connectPlane(ImageView* view, core::Plane plane);
    void followZoom(ImageView* source, bool fit);
    void showCrosshair();
    void repaintLabels(core::Plane plane);
    void showPreview(core::Plane plane);
    bool previewsOn(core::Plane plane) const; // waiting AI results belong on that view (three views, no prompts there)
    bool showsPreview(core::Plane plane) const; // that view shows the waiting AI results
    core::Reslicer::SliceSource waitingOn(core::Plane plane) const; // the results to read with its labels
    void paintLayers(core::Plane plane, const vm::MultiplanarController::Layers& layers); // overlay and results
    bool measureEvent(ImageView* view, core::Plane plane, QEvent* event);
    // Every view's kept measurements, and the one being drawn on its view.
    void showMeasurements();
    QString measureLabel(core::Plane plane, const QPolygonF& points, bool closed, bool values) const;

    vm::MultiplanarController& planes_;
    vm::EditingController& editing_;
    vm::DocumentController& document_;
    vm::Preferences& prefs_;
    vm::PatientAxesCopy& copies_;
    vm::MeasurementController& measurements_;
    ImageView *axial_, *coronal_, *sagittal_;
    QLabel* info_;
    QGridLayout* grid_;
    const ClassLegend* legend_;   // colours, visibility, opacity and outline of each class
    QList<QAction*> actions_;
    QAction *linkZoom_ = nullptr, *smooth_ = nullptr, *crosshairShown_ = nullptr, *enlarge_ = nullptr, *patientAxes_ = nullptr,
            *copy_ = nullptr;
    int enlarged_ = -1; // the plane shown alone over the whole area (Alt+0), -1: none
    const vm::PreviewController* preview_ = nullptr;
    const vm::AssistController* assist_ = nullptr;
    QAction *ruler_ = nullptr, *unmeasure_ = nullptr;
    // Each kept measurement's label by its key, with the plane points it was measured at (moved or
    // put back: measured again).
    QHash<QString, std::pair<QPolygonF, QString>> labels_;
    QPolygonF measure_;
    bool measuring_ = false, area_ = false;
    core::Plane measuringOn_ = core::Plane::Axial; // while measuring_
    QString moving_;   // while measuring_: the kept ruler whose end is dragged (empty: a new one)
    QPolygonF movedFrom_; // its points before, the fixed end first
    bool movingFirst_ = false; // the end dragged is its first point
    QString measureText_;
    int shown_[3] = {-1, -1, -1}; // the plane each view shows; -1: to be drawn
};

} // namespace delineo::ui
