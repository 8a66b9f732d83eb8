#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/Preferences.h"

#include "delineo/core/AnnotationDocument.h"

#include <algorithm>
#include <cmath>

namespace delineo::vm {

using core::Plane;

MultiplanarController::MultiplanarController(DocumentController& document, EditingController& editing,
                                             Preferences& prefs, QObject* parent)
    : QObject(parent), document_(document), editing_(editing), prefs_(prefs)
{
    connect(&document_, &DocumentController::documentChanged, this, [this] {
        // A new volume: the crosshair starts in the middle of the slice shown.
        const auto& doc = document_.document();
        cross_ = doc.empty() ? core::Voxel{} : core::Voxel{doc.volume().width() / 2, doc.volume().height() / 2, document_.slice()};
        Q_EMIT layoutChanged();
        Q_EMIT crosshairChanged();
    });
    connect(&document_, &DocumentController::sliceChanged, this, [this](int z) {
        if (cross_.z != z) {
            cross_.z = z;
            Q_EMIT crosshairChanged();
        }
    });
    connect(&document_, &DocumentController::windowChanged, this, &MultiplanarController::planesChanged);
    // An axial edit shows in the coronal and sagittal views only where it crosses them.
    connect(&editing_, &EditingController::maskChanged, this, [this](int, const core::Rect& r) {
        if (!r.empty() && ((cross_.y >= r.y && cross_.y < r.y + r.height) || (cross_.x >= r.x && cross_.x < r.x + r.width)))
            Q_EMIT labelsChanged();
    });
    connect(&editing_, &EditingController::planeStrokeChanged, this, &MultiplanarController::labelsChanged);
}

bool MultiplanarController::available() const
{
    return unavailableReason().isEmpty();
}

QString MultiplanarController::unavailableReason() const
{
    const auto& doc = document_.document();
    if (doc.empty() || doc.depth() < 2)
        return tr("Coronal and sagittal views need a volume of several slices.");
    if (doc.volume().streamed() || doc.slice(0).channels != 1)
        return tr("Coronal and sagittal views are for grey-level volumes, not for video or colour frames.");
    if (!doc.volume().geometry.slicesContiguous)
        return tr("These slices are a sample with gaps between them: coronal and sagittal views would join slices "
                  "that are not neighbours.");
    return {};
}

MultiplanarController::Layout MultiplanarController::layout() const
{
    return available() ? Layout(std::clamp(prefs_.planeLayout, 0, 2)) : Layout::Single;
}

void MultiplanarController::setLayout(Layout layout)
{
    prefs_.planeLayout = int(layout);
    prefs_.save();
    Q_EMIT layoutChanged();
}

int MultiplanarController::count(Plane plane) const
{
    const auto& v = document_.document().volume();
    return core::planeSize(v.width(), v.height(), v.depth(), plane).count;
}

int MultiplanarController::index(Plane plane) const
{
    int i = 0, u = 0, v = 0;
    core::planePixel(plane, cross_, i, u, v);
    return i;
}

void MultiplanarController::setCrosshair(Plane plane, QPointF p)
{
    if (!available())
        return;
    const auto& vol = document_.document().volume();
    core::Voxel c = core::voxelAt(plane, index(plane), int(std::floor(p.x())), int(std::floor(p.y())));
    c.x = std::clamp(c.x, 0, vol.width() - 1);
    c.y = std::clamp(c.y, 0, vol.height() - 1);
    c.z = std::clamp(c.z, 0, vol.depth() - 1);
    if (c == cross_)
        return;
    cross_ = c;
    if (document_.slice() != c.z)
        document_.showSlice(c.z); // the axial view follows
    Q_EMIT crosshairChanged();
}

void MultiplanarController::scroll(Plane plane, int steps)
{
    if (!available())
        return;
    const int next = std::clamp(index(plane) + steps, 0, count(plane) - 1);
    if (plane == Plane::Axial) {
        document_.showSlice(next);
        return;
    }
    (plane == Plane::Coronal ? cross_.y : cross_.x) = next;
    Q_EMIT crosshairChanged();
}

QPointF MultiplanarController::crosshairIn(Plane plane) const
{
    int i = 0, u = 0, v = 0;
    core::planePixel(plane, cross_, i, u, v);
    return {u + 0.5, v + 0.5};
}

QImage MultiplanarController::render(Plane plane) const
{
    if (!available())
        return {};
    return renderImage(core::resliceImage(document_.document().volume(), plane, index(plane)), document_.window());
}

core::LabelMap MultiplanarController::labels(Plane plane) const
{
    if (!available())
        return {};
    if (editing_.planeStrokeOpen() && editing_.editPlane() == plane)
        return editing_.planeStrokeLabels();
    return core::resliceLabels(document_.document(), plane, index(plane));
}

QTransform MultiplanarController::transform(Plane plane) const
{
    if (!available() || plane == Plane::Axial)
        return {};
    const core::PlaneTransform t = core::planeTransform(document_.document().volume(), plane);
    return QTransform(t.m11, t.m12, t.m21, t.m22, 0, 0);
}

QStringList MultiplanarController::edgeLetters(Plane plane) const
{
    const auto& doc = document_.document();
    if (!core::placedInPatient(doc.volume()) || (plane != Plane::Axial && !available()))
        return {};
    // The axial view draws its pixels as they are; the others through their plane's transform.
    const core::PlaneTransform t = plane == Plane::Axial ? core::PlaneTransform{} : core::planeTransform(doc.volume(), plane);
    QStringList out;
    for (const std::string& letters : core::edgeLetters(core::planeAxes(doc.volume(), plane), t))
        out << QString::fromStdString(letters);
    return out;
}

QString MultiplanarController::anatomicalName(Plane plane) const
{
    // The plane's normal, from its two axes; its largest patient component names it (LPS).
    const auto n = core::planeAxes(document_.document().volume(), plane).normal();
    const int axis = int(std::max_element(n.begin(), n.end(), [](double x, double y) { return std::abs(x) < std::abs(y); }) -
                         n.begin());
    return axis == 0 ? tr("Sagittal") : axis == 1 ? tr("Coronal") : tr("Axial");
}

QString MultiplanarController::planeTitle(Plane plane) const
{
    if (!available())
        return {};
    return tr("%1 %2/%3").arg(anatomicalName(plane)).arg(index(plane) + 1).arg(count(plane));
}

std::vector<double> MultiplanarController::rowBands(Plane plane) const
{
    if (plane == Plane::Axial || !available())
        return {};
    return core::sliceBands(document_.document().volume());
}

double MultiplanarController::distanceMm(Plane plane, QPointF a, QPointF b) const
{
    // Rows of unevenly spaced slices measured where the slices lie.
    const auto bands = rowBands(plane);
    return core::distanceMm(core::planeAxes(document_.document().volume(), plane), {a.x(), core::bandedRow(bands, a.y())},
                            {b.x(), core::bandedRow(bands, b.y())});
}

double MultiplanarController::areaMm2(Plane plane, const QPolygonF& outline) const
{
    const auto bands = rowBands(plane);
    std::vector<std::array<double, 2>> points;
    for (const QPointF& p : outline)
        points.push_back({p.x(), core::bandedRow(bands, p.y())});
    return core::polygonAreaMm2(core::planeAxes(document_.document().volume(), plane), points);
}

bool MultiplanarController::spacingKnown() const
{
    return !document_.empty() && document_.document().volume().geometry.spacingKnown;
}

} // namespace delineo::vm
