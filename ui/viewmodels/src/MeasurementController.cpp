#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace delineo::vm {

using core::Plane;

MeasurementController::MeasurementController(DocumentController& document, ReviewController& review,
                                             MultiplanarController& planes, Notices& notices, QObject* parent)
    : QObject(parent), document_(document), review_(review), planes_(planes), notices_(notices)
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
    m.points = voxels(plane, points);
    if (review_.ensureSession()) {
        const core::Image& img = document_.image();
        review_.session().addMeasurement(document_.storeKey(), img.width, img.height, document_.depth(), m);
    }
    const QString key = QString::fromStdString(m.key);
    record({std::nullopt, m});
    kept().push_back(std::move(m));
    Q_EMIT changed();
    return key;
}

std::vector<std::array<double, 3>> MeasurementController::voxels(Plane plane, const QPolygonF& points) const
{
    std::vector<std::array<double, 3>> out;
    const double index = planes_.index(plane);
    for (const QPointF& p : points)
        out.push_back(document_.reslicer().voxelAt(plane, index, p.x(), p.y()));
    return out;
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
    record({*it, std::nullopt});
    list.erase(it);
    if (review_.session().isOpen())
        review_.session().removeMeasurement(k);
    Q_EMIT changed();
    return true;
}

std::optional<MeasurementController::End> MeasurementController::rulerEndAt(Plane plane, QPointF p, double radius) const
{
    std::optional<End> out;
    double nearest = radius;
    for (const Shown& m : on(plane)) {
        if (m.closed)
            continue;
        for (int end = 0; end < 2; ++end) {
            const QPointF d = m.points[end] - p;
            const double distance = std::hypot(d.x(), d.y());
            if (distance <= nearest) {
                nearest = distance;
                out = End{m.key, m.points[1 - end], m.points[end], end == 0};
            }
        }
    }
    return out;
}

bool MeasurementController::move(const QString& key, Plane plane, const QPolygonF& points)
{
    const std::string k = key.toStdString();
    auto& list = kept();
    const auto it = std::find_if(list.begin(), list.end(), [&](const core::Measurement& m) { return m.key == k; });
    if (it == list.end() || points.size() < 2)
        return false;
    core::Measurement m = *it;
    m.points = voxels(plane, points);
    record({*it, m});
    list.erase(it);
    if (review_.session().isOpen())
        review_.session().moveMeasurement(k, m.points);
    list.push_back(std::move(m)); // the newest, as the store keeps it
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

void MeasurementController::record(Change change)
{
    History& h = history_[document_.storeKey()];
    h.changes.resize(h.position); // a new change drops what was undone
    h.changes.push_back(std::move(change));
    h.position = h.changes.size();
}

// Takes the image from `from` to `to`: adds, removes or moves the one measurement, in the store too.
// One that a team member removed meanwhile is not moved back into being.
void MeasurementController::apply(const std::optional<core::Measurement>& from, const std::optional<core::Measurement>& to)
{
    auto& list = kept();
    const std::string k = from ? from->key : to->key;
    const auto it = std::find_if(list.begin(), list.end(), [&](const core::Measurement& m) { return m.key == k; });
    const bool present = it != list.end();
    if (from && to && !present)
        return;
    if (present)
        list.erase(it);
    if (!to) {
        if (present && review_.session().isOpen())
            review_.session().removeMeasurement(k);
    } else if (present) {
        if (review_.session().isOpen())
            review_.session().moveMeasurement(k, to->points);
    } else if (review_.ensureSession()) {
        const core::Image& img = document_.image();
        review_.session().addMeasurement(document_.storeKey(), img.width, img.height, document_.depth(), *to);
    }
    if (to)
        list.push_back(*to);
    Q_EMIT changed();
}

bool MeasurementController::step(bool back)
{
    if (!(back ? canUndo() : canRedo())) {
        notices_.inform(back ? tr("No measurement to undo") : tr("No measurement to redo"), 4000);
        return false;
    }
    notices_.inform(back ? undoText() : redoText(), 4000);
    History& h = history_[document_.storeKey()];
    const Change& c = back ? h.changes[--h.position] : h.changes[h.position++];
    back ? apply(c.after, c.before) : apply(c.before, c.after);
    return true;
}

bool MeasurementController::undo()
{
    return step(true);
}

bool MeasurementController::redo()
{
    return step(false);
}

bool MeasurementController::canUndo() const
{
    const auto it = history_.constFind(document_.storeKey());
    return !document_.empty() && it != history_.constEnd() && it->position > 0;
}

bool MeasurementController::canRedo() const
{
    const auto it = history_.constFind(document_.storeKey());
    return !document_.empty() && it != history_.constEnd() && it->position < it->changes.size();
}

QString MeasurementController::describe(const Change& c) const
{
    const bool closed = (c.after ? c.after : c.before)->closed;
    if (!c.before)
        return closed ? tr("Draw Outline") : tr("Draw Ruler");
    if (!c.after)
        return closed ? tr("Remove Outline") : tr("Remove Ruler");
    return tr("Move Ruler End");
}

QString MeasurementController::undoText() const
{
    if (!canUndo())
        return {};
    const History& h = *history_.constFind(document_.storeKey());
    return tr("Undo %1").arg(describe(h.changes[h.position - 1]));
}

QString MeasurementController::redoText() const
{
    if (!canRedo())
        return {};
    const History& h = *history_.constFind(document_.storeKey());
    return tr("Redo %1").arg(describe(h.changes[h.position]));
}

QString MeasurementController::valueText(double value, bool closed) const
{
    const bool mm = planes_.spacingKnown();
    return (closed ? (mm ? tr("%1 mm²") : tr("%1 px²")) : (mm ? tr("%1 mm") : tr("%1 px"))).arg(value, 0, 'f', 1);
}

int MeasurementController::count() const
{
    return int(all().size());
}

} // namespace delineo::vm
