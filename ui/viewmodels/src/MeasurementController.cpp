#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/WorkspaceSession.h"
#include "delineo/core/UndoHistory.h"

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
    change({std::nullopt, m});
    return QString::fromStdString(m.key);
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
        Shown s{QString::fromStdString(m.key), {}, m.closed, QString::fromStdString(m.label)};
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
    const core::Measurement* m = find(key);
    if (!m)
        return false;
    change({*m, std::nullopt});
    return true;
}

bool MeasurementController::rename(const QString& key, const QString& label)
{
    const core::Measurement* m = find(key);
    if (!m)
        return false;
    core::Measurement renamed = *m;
    renamed.label = core::cleanLabel(label.toStdString());
    if (renamed.label != m->label)
        change({*m, renamed});
    return true;
}

const core::Measurement* MeasurementController::find(const QString& key) const
{
    const std::string k = key.toStdString();
    const auto& list = all();
    const auto it = std::find_if(list.begin(), list.end(), [&](const core::Measurement& m) { return m.key == k; });
    return it == list.end() ? nullptr : &*it;
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

QString MeasurementController::at(Plane plane, QPointF p, double radius) const
{
    const auto near = [&](QPointF a, QPointF b) { // the distance from p to the segment a-b
        const QPointF ab = b - a;
        const double length2 = QPointF::dotProduct(ab, ab);
        const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
        const QPointF d = a + t * ab - p;
        return std::hypot(d.x(), d.y()) <= radius;
    };
    const std::vector<Shown> shown = on(plane);
    for (auto m = shown.rbegin(); m != shown.rend(); ++m) {
        const QPolygonF& q = m->points;
        if (m->closed && q.containsPoint(p, Qt::OddEvenFill))
            return m->key;
        for (int i = 0; i + 1 < q.size() || (m->closed && i < q.size()); ++i)
            if (near(q[i], q[(i + 1) % q.size()]))
                return m->key;
    }
    return {};
}

bool MeasurementController::move(const QString& key, Plane plane, const QPolygonF& points)
{
    const core::Measurement* m = find(key);
    if (!m || points.size() < 2)
        return false;
    core::Measurement moved = *m;
    moved.points = voxels(plane, points);
    change({*m, moved});
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
    const core::Measurement* m = find(key);
    if (m)
        planes_.moveTo(m->points.front());
    return m != nullptr;
}

void MeasurementController::change(Change c)
{
    History& h = history_[document_.storeKey()];
    h.changes.resize(h.position); // a new change drops what was undone
    c.serial = core::nextEditSerial();
    h.changes.push_back(c);
    h.position = h.changes.size();
    apply(c.before, c.after);
}

// Takes the image from `from` to `to`: adds, removes or changes the one measurement, in the store too.
// One that a team member removed meanwhile is not changed back into being. The list stays in the
// order the store gives: by the time each was drawn.
void MeasurementController::apply(const std::optional<core::Measurement>& from, const std::optional<core::Measurement>& to)
{
    auto& list = kept();
    const std::string k = from ? from->key : to->key;
    auto it = std::find_if(list.begin(), list.end(), [&](const core::Measurement& m) { return m.key == k; });
    const bool present = it != list.end();
    if (from && to && !present)
        return;
    WorkspaceSession& session = review_.session();
    if (!to) {
        if (present)
            list.erase(it);
        if (present && session.isOpen())
            session.removeMeasurement(k);
    } else if (present) {
        *it = *to;
        if (session.isOpen())
            session.updateMeasurement(*to);
    } else {
        if (review_.ensureSession()) {
            const core::Image& img = document_.image();
            session.addMeasurement(document_.storeKey(), img.width, img.height, document_.depth(), *to);
        }
        list.insert(std::upper_bound(list.begin(), list.end(), *to,
                                     [](const core::Measurement& a, const core::Measurement& b) { return a.created < b.created; }),
                    *to);
    }
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

const MeasurementController::Change* MeasurementController::next(bool back) const
{
    const auto it = history_.constFind(document_.storeKey());
    if (document_.empty() || it == history_.constEnd())
        return nullptr;
    if (back)
        return it->position > 0 ? &it->changes[it->position - 1] : nullptr;
    return it->position < it->changes.size() ? &it->changes[it->position] : nullptr;
}

bool MeasurementController::canUndo() const
{
    return next(true) != nullptr;
}

bool MeasurementController::canRedo() const
{
    return next(false) != nullptr;
}

std::uint64_t MeasurementController::nextSerial(bool back) const
{
    const Change* c = next(back);
    return c ? c->serial : 0;
}

QString MeasurementController::nextName(bool back) const
{
    const Change* c = next(back);
    return c ? describe(*c) : QString();
}

QStringList MeasurementController::historyNames() const
{
    QStringList names;
    if (const auto it = history_.constFind(document_.storeKey()); !document_.empty() && it != history_.constEnd())
        for (const Change& c : it->changes)
            names << describe(c);
    return names;
}

std::size_t MeasurementController::historyPosition() const
{
    const auto it = history_.constFind(document_.storeKey());
    return document_.empty() || it == history_.constEnd() ? 0 : it->position;
}

void MeasurementController::jumpTo(std::size_t position)
{
    const auto it = history_.constFind(document_.storeKey());
    position = std::min(position, it == history_.constEnd() ? std::size_t(0) : it->changes.size());
    // One change at a time: each goes through apply(), into the store, as Ctrl+Z would.
    while (historyPosition() != position)
        if (!step(historyPosition() > position))
            break;
}

QString MeasurementController::describe(const Change& c) const
{
    const bool closed = (c.after ? c.after : c.before)->closed;
    if (!c.before)
        return closed ? tr("Draw Outline") : tr("Draw Ruler");
    if (!c.after)
        return closed ? tr("Remove Outline") : tr("Remove Ruler");
    if (c.before->label != c.after->label)
        return closed ? tr("Rename Outline") : tr("Rename Ruler");
    return tr("Move Ruler End");
}

QString MeasurementController::undoText() const
{
    return canUndo() ? tr("Undo %1").arg(nextName(true)) : QString();
}

QString MeasurementController::redoText() const
{
    return canRedo() ? tr("Redo %1").arg(nextName(false)) : QString();
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
