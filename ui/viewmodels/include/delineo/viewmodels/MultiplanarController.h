#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/RegionStats.h"
#include "delineo/core/Reslicer.h"

#include <QImage>
#include <QObject>
#include <QStringList>
#include <QPolygonF>
#include <QString>
#include <QTransform>

#include <array>

namespace delineo::vm {

class DocumentController;
class EditingController;
struct Preferences;

// The linked axial, coronal and sagittal views of an open volume: one crosshair (a voxel) that
// every plane passes through, the layout (remembered), and what each view shows: the plane under
// the document's window, its labels, and how its pixels lie on screen. The axial plane is the slice
// the document shows, so moving the crosshair in another view turns the axial slice too. Frames,
// videos and single images have the axial view alone.
class MultiplanarController : public QObject {
    Q_OBJECT
public:
    enum class Layout { Single, Row, Grid }; // 1 x 1, 1 x 3, 2 x 2

    MultiplanarController(DocumentController& document, EditingController& editing, Preferences& prefs,
                          QObject* parent = nullptr);

    // A grey volume of two or more slices held in memory.
    bool available() const;
    QString unavailableReason() const;      // empty when available()
    Layout layout() const;                  // Single whenever !available()
    void setLayout(Layout layout);

    core::Voxel crosshair() const { return cross_; }
    int index(core::Plane plane) const;     // the plane through the crosshair
    int count(core::Plane plane) const;     // planes of that orientation
    // A click (or Ctrl+drag) at plane pixel `p` of that view: the crosshair goes there, the other
    // views follow.
    void setCrosshair(core::Plane plane, QPointF p);
    void setCrosshair(core::Voxel voxel);        // every view through that voxel
    // Every view through that point (voxel coordinates, clamped): along the patient's axes the
    // crosshair keeps the point itself, so the true planes through it are the ones shown.
    void moveTo(core::Reslicer::Point voxel);
    // The views go to a class's largest piece (core::structureCentre); false when it has none, or
    // for a video, whose frames are not a volume.
    bool goToStructure(int label);
    void scroll(core::Plane plane, int steps);   // the wheel in that view
    QPointF crosshairIn(core::Plane plane) const; // the crosshair's pixel centre in that plane
    // The voxel nearest plane pixel `p` of that view (the axial view: the slice shown, also for a
    // frame); false outside the volume.
    bool voxelUnder(core::Plane plane, QPointF p, core::Voxel& out) const;
    // The directions (plane pixels) of the view's two crosshair lines, where the other two planes
    // cut it: {1, 0} and {0, 1} through voxel planes (in the order of PlaneViews' colours).
    std::array<QPointF, 2> crosshairLines(core::Plane plane) const;

    core::LabelMap labels(core::Plane plane) const; // with the open plane stroke, if any
    // A coronal or sagittal view's layers at once, read in one walk: its image (when `image`; RGB
    // under the document's window), its labels (with the open plane stroke) and the maps of
    // `waiting` on the plane (the AI results per axial slice, PreviewController::planeSource;
    // none when it is empty).
    struct Layers {
        QImage image;
        core::LabelMap labels, waiting;
    };
    Layers layers(core::Plane plane, const core::Reslicer::SliceSource& waiting, bool image) const;
    QTransform transform(core::Plane plane) const;
    QString planeTitle(core::Plane plane) const;  // "Coronal 120/512"
    // The patient's directions at the view's left, right, top and bottom edges ("R", "L", "A",
    // "P" on an axial slice); empty for an image with no place in the patient (frames, pictures).
    QStringList edgeLetters(core::Plane plane) const;
    // The anatomical name of a voxel plane: an oblique or sagittally acquired series names its planes
    // by the axis each is closest to.
    QString anatomicalName(core::Plane plane) const;

    // Measurement on a plane, pixel coordinates of that plane.
    // Where the slices' rows lie on a coronal or sagittal view (core::sliceBands; empty: evenly).
    std::vector<double> rowBands(core::Plane plane) const;
    double distanceMm(core::Plane plane, QPointF a, QPointF b) const;
    double areaMm2(core::Plane plane, const QPolygonF& outline) const;
    // The values the outline encloses on that plane (the voxels' own, nearest between slices); none
    // on a colour image.
    core::RegionStats regionStats(core::Plane plane, const QPolygonF& outline) const;
    bool spacingKnown() const;

Q_SIGNALS:
    void crosshairChanged();
    void layoutChanged();
    void planesChanged();          // the window changed: every plane renders anew
    void labelsChanged();          // the labels on the coronal or sagittal plane changed

private:
    DocumentController& document_;
    EditingController& editing_;
    Preferences& prefs_;
    core::Voxel cross_;
    core::Reslicer::Point at_{}; // where the crosshair is; cross_ is its nearest voxel
};

} // namespace delineo::vm
