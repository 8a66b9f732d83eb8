#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace delineo::vm {

using core::Plane;

MeasurementController::MeasurementController(DocumentController& document, ReviewController& review,
                                             MultiplanarController& planes, QObject* parent)
    : QObject(parent), document_(document), review_(review), planes_(planes)
{
    // After the review controller's own handler (made earlier): its store is open by then.
    connect(&document_, &DocumentController::documentChanged, this, &MeasurementController::load);
    connect(&review_, &ReviewController::teamChanged, this, &MeasurementController::load); // other members'
}

void MeasurementController::load()
{
    const QString key = document_.storeKey();
    if (!key.isEmpty() && review_.session().isOpen())
        kept_[key] = review_.session().measurements(key);
    Q_EMIT changed();
}

std::vector<core::Measurement>& MeasurementController::kept()
{
    return kept_[document_.storeKey()];
}

QString MeasurementController::add(Plane plane, const QPolygonF& points, bool closed)
{
    if (document_.empty() || points.size() < 2)
        return {};
    core::Measurement m;
    m.key = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    m.closed = closed;
    // As the store records it; a file outside a workspace keeps it in this window only.
    m.author = review_.session().isOpen() ? review_.session().user() : core::Workspace::defaultUser();
    m.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    const double index = planes_.index(plane);
    for (const QPointF& p : points)
        m.points.push_back(document_.reslicer().voxelAt(plane, index, p.x(), p.y()));
    if (review_.ensureSession()) {
        const core::Image& img = document_.image();
        review_.session().addMeasurement(document_.storeKey(), img.width, img.height, document_.depth(), m);
    }
    const QString key = QString::fromStdString(m.key);
    kept().push_back(std::move(m));
    Q_EMIT changed();
    return key;
}

std::vector<MeasurementController::Shown> MeasurementController::on(Plane plane) const
{
    std::vector<Shown> out;
    const auto it = kept_.constFind(document_.storeKey());
    if (document_.empty() || it == kept_.constEnd())
        return out;
    const double index = planes_.index(plane);
    const core::Reslicer& r = document_.reslicer();
    for (const core::Measurement& m : *it) {
        Shown s{QString::fromStdString(m.key), {}, m.closed};
        for (const auto& voxel : m.points) {
            const core::Reslicer::Point at = r.planeAt(plane, voxel);
            if (std::abs(at[0] - index) > 0.5) // off this plane
                break;
            s.points << QPointF(at[1], at[2]);
        }
        if (s.points.size() == int(m.points.size()))
            out.push_back(std::move(s));
    }
    return out;
}

bool MeasurementController::removeLast(Plane plane)
{
    const std::vector<Shown> shown = on(plane);
    return !shown.empty() && remove(shown.back().key);
}

bool MeasurementController::remove(const QString& key)
{
    auto& list = kept();
    const std::string k = key.toStdString();
    const auto it = std::find_if(list.begin(), list.end(), [&](const core::Measurement& m) { return m.key == k; });
    if (it == list.end())
        return false;
    list.erase(it);
    if (review_.session().isOpen())
        review_.session().removeMeasurement(k);
    Q_EMIT changed();
    return true;
}

const std::vector<core::Measurement>& MeasurementController::all() const
{
    static const std::vector<core::Measurement> none;
    const auto it = kept_.constFind(document_.storeKey());
    return it == kept_.constEnd() ? none : *it;
}

bool MeasurementController::goTo(const QString& key)
{
    const std::string k = key.toStdString();
    for (const core::Measurement& m : all())
        if (m.key == k) {
            planes_.moveTo(m.points.front());
            return true;
        }
    return false;
}

int MeasurementController::count() const
{
    return int(all().size());
}

} // namespace delineo::vm
