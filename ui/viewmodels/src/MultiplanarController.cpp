#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/Preferences.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/VolumeOps.h"

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
        at_ = {double(cross_.x), double(cross_.y), double(cross_.z)};
        Q_EMIT layoutChanged();
        Q_EMIT crosshairChanged();
    });
    connect(&document_, &DocumentController::sliceChanged, this, [this](int z) {
        if (cross_.z != z) {
            cross_.z = z;
            at_[2] = z;
            Q_EMIT crosshairChanged();
        }
    });
    connect(&document_, &DocumentController::windowChanged, this, &MultiplanarController::planesChanged);
    // Cut another way, the coronal and sagittal views take new sizes: laid out anew.
    connect(&document_, &DocumentController::reslicingChanged, this, [this] {
        at_ = {double(cross_.x), double(cross_.y), double(cross_.z)};
        Q_EMIT layoutChanged();
        Q_EMIT crosshairChanged();
    });
    // An axial edit shows in the coronal and sagittal views only where it crosses them (voxel
    // planes: its row and column; a true plane cuts a turned slice on a slant, so any edit).
    connect(&editing_, &EditingController::maskChanged, this, [this](int, const core::Rect& r) {
        if (!r.empty() && (document_.reslicer().alongPatient() || (cross_.y >= r.y && cross_.y < r.y + r.height) ||
                           (cross_.x >= r.x && cross_.x < r.x + r.width)))
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
    return document_.reslicer().size(document_.document().volume(), plane).count;
}

int MultiplanarController::index(Plane plane) const
{
    if (plane == Plane::Axial)
        return cross_.z;
    const int i = int(std::lround(document_.reslicer().planeAt(plane, at_)[0]));
    return std::clamp(i, 0, std::max(0, count(plane) - 1));
}

void MultiplanarController::moveTo(core::Reslicer::Point p)
{
    const auto& vol = document_.document().volume();
    const std::array<int, 3> size{vol.width(), vol.height(), vol.depth()};
    core::Voxel c;
    for (std::size_t i = 0; i < 3; ++i)
        (i == 0 ? c.x : i == 1 ? c.y : c.z) = int(std::lround(std::clamp(p[i], 0.0, size[i] - 1.0)));
    // Through voxel planes the crosshair is a voxel; along the patient's axes it is a point, so
    // that a click on a true coronal plane keeps that plane, even beside the turned volume.
    if (!document_.reslicer().alongPatient())
        p = {double(c.x), double(c.y), double(c.z)};
    if (c == cross_ && p == at_)
        return;
    cross_ = c;
    at_ = p;
    if (document_.slice() != c.z)
        document_.showSlice(c.z); // the axial view follows
    Q_EMIT crosshairChanged();
}

void MultiplanarController::setCrosshair(Plane plane, QPointF p)
{
    if (!available())
        return;
    // Within the plane: then every plane through the point is one of the views' planes.
    const core::PlaneSize size = document_.reslicer().size(document_.document().volume(), plane);
    const double u = std::clamp(p.x(), 0.0, size.width - 1e-6), v = std::clamp(p.y(), 0.0, size.height - 1e-6);
    moveTo(document_.reslicer().voxelAt(plane, index(plane), u, v));
}

bool MultiplanarController::voxelUnder(Plane plane, QPointF p, core::Voxel& out) const
{
    const auto& vol = document_.document().volume();
    if (document_.empty())
        return false;
    core::Reslicer::Point at{p.x() - 0.5, p.y() - 0.5, double(document_.slice())};
    if (plane != Plane::Axial) {
        if (!available())
            return false;
        at = document_.reslicer().voxelAt(plane, index(plane), p.x(), p.y());
    }
    const std::array<int, 3> size{vol.width(), vol.height(), vol.depth()};
    std::array<int, 3> v{};
    for (std::size_t i = 0; i < 3; ++i) {
        v[i] = int(std::floor(at[i] + 0.5));
        if (v[i] < 0 || v[i] >= size[i])
            return false;
    }
    out = {v[0], v[1], v[2]};
    return true;
}

void MultiplanarController::setCrosshair(core::Voxel voxel)
{
    if (!document_.empty())
        moveTo({double(voxel.x), double(voxel.y), double(voxel.z)});
}

bool MultiplanarController::goToStructure(int label)
{
    if (document_.empty() || document_.isVideo() || label < 1 || label > 255)
        return false;
    const auto centre = core::structureCentre(document_.document(), std::uint8_t(label));
    if (centre)
        setCrosshair(*centre);
    return bool(centre);
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
    const QPointF at = crosshairIn(plane);
    moveTo(document_.reslicer().voxelAt(plane, next, at.x(), at.y()));
}

QPointF MultiplanarController::crosshairIn(Plane plane) const
{
    const auto p = document_.reslicer().planeAt(plane, at_);
    return {p[1], p[2]};
}

std::array<QPointF, 2> MultiplanarController::crosshairLines(Plane plane) const
{
    // The lines are where the two other planes cut this one: along its rows and columns through
    // voxel planes; at an angle where a true coronal plane cuts a turned slice.
    const core::Reslicer& r = document_.reslicer();
    if (!r.alongPatient() || !available())
        return {QPointF(1, 0), QPointF(0, 1)};
    std::array<QPointF, 2> out;
    int k = 0;
    for (Plane other : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
        if (other != plane) {
            const auto d = r.trace(document_.document().volume(), plane, other);
            out[std::size_t(k++)] = QPointF(d[0], d[1]);
        }
    return out;
}

core::LabelMap MultiplanarController::labels(Plane plane) const
{
    return layers(plane, nullptr, false).labels;
}

MultiplanarController::Layers MultiplanarController::layers(Plane plane, const core::Reslicer::SliceSource& waiting,
                                                            bool image) const
{
    Layers out;
    if (!available())
        return out;
    const core::Reslicer& r = document_.reslicer();
    const core::AnnotationDocument& doc = document_.document();
    const bool stroke = editing_.planeStrokeOpen() && editing_.editPlane() == plane;
    std::vector<core::Reslicer::SliceSource> sources;
    if (!stroke)
        sources.push_back([&doc](int z) { return doc.hasMask(z) ? &doc.labels(z) : nullptr; });
    if (waiting)
        sources.push_back(waiting);
    std::vector<core::LabelMap> maps;
    if (image)
        out.image = renderImage(r.image(doc.volume(), plane, index(plane), prefs_.smoothSlices, sources, maps),
                                document_.window());
    else if (!sources.empty())
        maps = r.labels(sources, doc.volume(), plane, index(plane));
    if (waiting)
        out.waiting = std::move(maps.back());
    out.labels = stroke ? editing_.planeStrokeLabels() : std::move(maps.front());
    return out;
}

QTransform MultiplanarController::transform(Plane plane) const
{
    if (!available())
        return {};
    const core::PlaneTransform t = document_.reslicer().transform(document_.document().volume(), plane);
    return QTransform(t.m11, t.m12, t.m21, t.m22, 0, 0);
}

QStringList MultiplanarController::edgeLetters(Plane plane) const
{
    const auto& doc = document_.document();
    if (!core::placedInPatient(doc.volume()) || (plane != Plane::Axial && !available()))
        return {};
    // Each view draws its pixels through its plane's transform (the axial one: as stored, or an
    // oblique slice turned as it lies).
    const core::Reslicer& r = document_.reslicer();
    QStringList out;
    for (const std::string& letters : core::edgeLetters(r.axes(doc.volume(), plane), r.transform(doc.volume(), plane)))
        out << QString::fromStdString(letters);
    return out;
}

QString MultiplanarController::anatomicalName(Plane plane) const
{
    // The plane's normal, from its two axes; its largest patient component names it (LPS).
    const auto n = document_.reslicer().axes(document_.document().volume(), plane).normal();
    const int axis = int(std::max_element(n.begin(), n.end(), [](double x, double y) { return std::abs(x) < std::abs(y); }) -
                         n.begin());
    return axis == 0 ? tr("Sagittal") : axis == 1 ? tr("Coronal") : tr("Axial");
}

QString MultiplanarController::planeTitle(Plane plane) const
{
    if (!available())
        return {};
    // A plane made by interpolation says so: its pixels are not the scanner's.
    if (plane != Plane::Axial && document_.reslicer().alongPatient())
        return tr("%1 %2/%3\n(resampled)").arg(anatomicalName(plane)).arg(index(plane) + 1).arg(count(plane));
    return tr("%1 %2/%3").arg(anatomicalName(plane)).arg(index(plane) + 1).arg(count(plane));
}

std::vector<double> MultiplanarController::rowBands(Plane plane) const
{
    if (!available())
        return {};
    return document_.reslicer().bands(document_.document().volume(), plane);
}

double MultiplanarController::distanceMm(Plane plane, QPointF a, QPointF b) const
{
    // Rows of unevenly spaced slices measured where the slices lie.
    const auto bands = rowBands(plane);
    return core::distanceMm(document_.reslicer().axes(document_.document().volume(), plane),
                            {a.x(), core::bandedRow(bands, a.y())}, {b.x(), core::bandedRow(bands, b.y())});
}

double MultiplanarController::areaMm2(Plane plane, const QPolygonF& outline) const
{
    const auto bands = rowBands(plane);
    std::vector<std::array<double, 2>> points;
    for (const QPointF& p : outline)
        points.push_back({p.x(), core::bandedRow(bands, p.y())});
    return core::polygonAreaMm2(document_.reslicer().axes(document_.document().volume(), plane), points);
}

core::RegionStats MultiplanarController::regionStats(Plane plane, const QPolygonF& outline) const
{
    // Grey values only: a colour frame's red channel would read as a figure it is not.
    if (document_.empty() || document_.image().channels != 1 || (plane != Plane::Axial && !available()))
        return {};
    std::vector<std::array<double, 2>> points;
    for (const QPointF& p : outline)
        points.push_back({p.x(), p.y()});
    if (plane == Plane::Axial)
        return core::regionStats(document_.image(), points);
    return core::regionStats(document_.reslicer().image(document_.document().volume(), plane, index(plane), false), points);
}

bool MultiplanarController::spacingKnown() const
{
    return !document_.empty() && document_.document().volume().geometry.spacingKnown;
}

} // namespace delineo::vm
