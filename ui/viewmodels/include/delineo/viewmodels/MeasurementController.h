#pragma once
#include "delineo/core/Reslice.h"
#include "delineo/core/Workspace.h"

#include <QHash>
#include <QObject>
#include <QPolygonF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace delineo::vm {

class DocumentController;
class MultiplanarController;
class Notices;
class ReviewController;

// The rulers and area outlines of the open image. They are kept with its case in the workspace
// store (created for them if need be), or, for a file outside a workspace, while the window is
// open. Each is drawn on one plane and kept in voxel coordinates, so it shows on whichever view's
// plane it lies in, however the coronal and sagittal views are cut.
class MeasurementController : public QObject {
    Q_OBJECT
public:
    MeasurementController(DocumentController& document, ReviewController& review, MultiplanarController& planes,
                          Notices& notices, QObject* parent = nullptr);

    struct Shown {
        QString key;
        QPolygonF points;   // plane pixels
        bool closed = false;
        QString label; // its reader's name for it; empty: unnamed
    };
    // Keeps a ruler (its two ends) or an outline drawn at `points`, pixels of the plane of that
    // orientation through the crosshair. Returns its key.
    QString add(core::Plane plane, const QPolygonF& points, bool closed);
    std::vector<Shown> on(core::Plane plane) const; // those lying in the plane shown, oldest first
    bool removeLast(core::Plane plane);             // the newest of those; false when there is none
    bool remove(const QString& key);                // false when the image has none by that key
    // Names a kept one ("lesion 1"; empty: unnamed), as one undoable change: the views show the name
    // by its value, the measurement report gives it as the Tracking Identifier. Kept as
    // core::cleanLabel makes it. False when the image has none by that key.
    bool rename(const QString& key, const QString& label);
    // The ruler end lying within `radius` plane pixels of `p` on the plane shown, the nearest (null: none):
    // its key, the other end (which stays where it is while this one is dragged), this end, and
    // whether this is the first of its two points.
    struct End {
        QString key;
        QPointF fixed, moved;
        bool first = false;
    };
    std::optional<End> rulerEndAt(core::Plane plane, QPointF p, double radius) const;
    // The newest measurement on the plane shown that `p` points at: a ruler's line within `radius`
    // plane pixels, an outline's inside or edge. Empty: none.
    QString at(core::Plane plane, QPointF p, double radius) const;
    // Asks whoever lists the measurements (the Measurements panel) to let the user type its name.
    void askName(const QString& key) { Q_EMIT nameAsked(key); }
    // New points (plane pixels of the plane shown) for a kept measurement, e.g. a ruler's end
    // dragged. False when the image has none by that key.
    bool move(const QString& key, core::Plane plane, const QPolygonF& points);
    int count() const;                              // the image's, on every plane
    const std::vector<core::Measurement>& all() const; // the image's, by the time each was drawn
    const core::Measurement* find(const QString& key) const; // the image's by that key; null: none
    // Undo and redo of the image's measurements (drawn, moved, removed), apart from the masks'
    // history: the views take Ctrl+Z while the ruler is on, the Measurements panel while it has the
    // keyboard; Edit → Undo steps it when it holds the newest change (Workbench::undo). A removed
    // one comes back with its author and time. The status bar says what was undone or redone. False when there is nothing to do.
    bool undo();
    bool redo();
    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const; // "Undo Remove Ruler", for the status bar
    QString redoText() const;
    // The change undo() (back) or redo() steps next: its serial (core::nextEditSerial, 0: none),
    // which orders it against the masks' history, and its name ("Remove Ruler").
    std::uint64_t nextSerial(bool back) const;
    QString nextName(bool back) const;
    // The image's changes for the History panel, oldest first, and how many of them are done;
    // jumpTo undoes or redoes them one by one until `position` are done.
    QStringList historyNames() const;
    std::size_t historyPosition() const;
    void jumpTo(std::size_t position);

    // A length or area as the views and the Measurements panel show it: in mm or mm², or in pixels
    // where the image gives no spacing (an endoscopy frame).
    QString valueText(double value, bool closed) const;
    // The views go to it: the crosshair to its first point, so every view whose plane holds it shows it.
    bool goTo(const QString& key);

Q_SIGNALS:
    void changed();
    void nameAsked(const QString& key);

private:
    // One change, as it can be undone: the measurement before (none when drawn) and after (none
    // when removed).
    struct Change {
        std::optional<core::Measurement> before, after;
        std::uint64_t serial = 0;
    };
    struct History {
        std::vector<Change> changes;
        std::size_t position = 0;
    };
    void change(Change c); // kept in the history and made
    bool step(bool back); // undo (back) or redo
    void apply(const std::optional<core::Measurement>& from, const std::optional<core::Measurement>& to);
    QString describe(const Change& c) const;
    const Change* next(bool back) const; // what step(back) would take; null: nothing
    void load();
    std::vector<std::array<double, 3>> voxels(core::Plane plane, const QPolygonF& points) const;
    std::vector<core::Measurement>& kept();

    DocumentController& document_;
    ReviewController& review_;
    MultiplanarController& planes_;
    Notices& notices_;
    QHash<QString, std::vector<core::Measurement>> kept_; // by the image's store key
    QHash<QString, History> history_;                     // by the image's store key
};

} // namespace delineo::vm
