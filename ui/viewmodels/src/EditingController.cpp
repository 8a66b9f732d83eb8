#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"
#include "tools/MaskOperation.h"
#include "tools/Tool.h"

#include "delineo/core/Errors.h"

#include <algorithm>

namespace delineo::vm {

EditingController::EditingController(DocumentController& document, Notices& notices, Preferences& prefs, QObject* parent)
    : QObject(parent), document_(document), notices_(notices), prefs_(prefs), tools_(builtinTools()),
      operations_(builtinMaskOperations())
{
    brush_.radius = std::clamp(prefs_.brushRadius, 1, 200);
    brush_.shape = prefs_.brushSquare ? core::BrushShape::Square : core::BrushShape::Round;
    brush_.overwriteOthers = prefs_.overwriteOthers;
    // The threshold brush starts from the displayed window: what looks bright is what paints.
    connect(&document_, &DocumentController::documentChanged, this, [this] {
        if (low_ == 0 && high_ == 0 && !document_.empty())
            setThreshold(document_.window().center - document_.window().width / 2,
                         document_.window().center + document_.window().width / 2);
        groups_.clear();
        plane_ = core::Plane::Axial;
        planeStroke_ = false;
        Q_EMIT historyChanged();
    });
    connect(&document_, &DocumentController::sliceChanged, this, &EditingController::historyChanged);
}

EditingController::~EditingController() = default;

namespace {

ActionInfo infoOf(const Tool& t) { return {t.id(), t.title(), t.hint(), t.shortcut(), t.options(), false}; }

} // namespace

std::vector<ActionInfo> EditingController::tools() const
{
    std::vector<ActionInfo> out;
    for (const auto& t : tools_)
        out.push_back(infoOf(*t));
    return out;
}

bool EditingController::selectTool(const QString& id)
{
    for (std::size_t i = 0; i < tools_.size(); ++i)
        if (tools_[i]->id() == id) {
            tool_ = i;
            Q_EMIT toolChanged();
            return true;
        }
    return false;
}

QString EditingController::activeTool() const { return tools_[tool_]->id(); }
const ActionInfo EditingController::activeToolInfo() const { return infoOf(*tools_[tool_]); }

void EditingController::setBrushRadius(int pixels)
{
    brush_.radius = std::clamp(pixels, 1, 200);
    prefs_.brushRadius = brush_.radius;
    prefs_.save();
    Q_EMIT brushChanged();
}

void EditingController::setBrushShape(core::BrushShape shape)
{
    brush_.shape = shape;
    prefs_.brushSquare = shape == core::BrushShape::Square;
    prefs_.save();
    Q_EMIT brushChanged();
}

void EditingController::setOverwriteOthers(bool on)
{
    brush_.overwriteOthers = on;
    prefs_.overwriteOthers = on;
    prefs_.save();
    Q_EMIT brushChanged();
}

void EditingController::setThreshold(double low, double high)
{
    low_ = low;
    high_ = high;
    Q_EMIT brushChanged();
}

void EditingController::setActiveLabel(int label)
{
    if (label == activeLabel_ || label < 1 || label > 255)
        return;
    activeLabel_ = label;
    Q_EMIT activeLabelChanged(label);
}

void EditingController::setEditPlane(core::Plane plane, int index)
{
    if (planeStroke_)
        return; // a stroke stays on the plane it started on
    plane_ = plane;
    planeIndex_ = index;
}

core::MaskEditor& EditingController::target() { return plane_ == core::Plane::Axial ? document_.editor() : planeEditor_; }

ToolContext EditingController::toolContext(bool erase, bool alt, bool secondary) const
{
    const bool axial = plane_ == core::Plane::Axial;
    return {axial ? document_.labels() : planeEditor_.labels(), axial ? document_.image() : planeImage_,
            std::uint8_t(activeLabel_), brush_, erase, low_, high_, alt, secondary};
}

void EditingController::applyToolEdit(std::optional<core::MaskEdit> edit)
{
    if (!edit)
        return;
    const core::Rect changed = target().apply(*edit);
    if (changed.empty())
        return;
    if (plane_ == core::Plane::Axial)
        Q_EMIT maskChanged(document_.slice(), changed);
    else
        Q_EMIT planeStrokeChanged(changed);
}

void EditingController::press(QPointF p, bool erase, bool alt, bool secondary)
{
    if (document_.empty())
        return;
    if (plane_ != core::Plane::Axial) {
        // The plane as it is now; the stroke is drawn on it and written back on release (a prompt
        // leaves it unchanged: AI Assist answers on the plane itself).
        planeImage_ = document_.reslicer().image(document_.document().volume(), plane_, planeIndex_);
        planeEditor_.reset(document_.reslicer().labels(document_.document(), plane_, planeIndex_));
        planeStroke_ = true;
    }
    applyToolEdit(tools_[tool_]->press(toolContext(erase, alt, secondary), p));
    Q_EMIT historyChanged();
}

void EditingController::move(QPointF p)
{
    if (document_.empty() || (plane_ != core::Plane::Axial && !planeStroke_))
        return;
    applyToolEdit(tools_[tool_]->move(toolContext(), p));
}

void EditingController::release()
{
    if (document_.empty() || (plane_ != core::Plane::Axial && !planeStroke_))
        return;
    applyToolEdit(tools_[tool_]->release(toolContext()));
    target().endStroke(); // a stroke is one undo step
    if (plane_ != core::Plane::Axial)
        commitPlaneStroke();
    Q_EMIT historyChanged();
    if (auto prompt = tools_[tool_]->takePrompt()) {
        prompt->plane = plane_;
        prompt->planeIndex = plane_ == core::Plane::Axial ? document_.slice() : planeIndex_;
        Q_EMIT promptGiven(*prompt);
    }
}

void EditingController::commitPlaneStroke()
{
    planeStroke_ = false;
    const auto& history = planeEditor_.history();
    if (!history.canUndo())
        return;
    const QString what = tr("%1 (%2 plane %3)")
                             .arg(qs(history.undoText()),
                                  plane_ == core::Plane::Coronal ? tr("coronal") : tr("sagittal"))
                             .arg(planeIndex_ + 1);
    applySliceEdits(document_.reslicer().write(document_.document(), plane_, planeIndex_, planeEditor_.labels()), what);
    planeEditor_.reset({});
}

QPolygonF EditingController::toolPath() const { return tools_[tool_]->path(); }
bool EditingController::toolPathClosed() const { return tools_[tool_]->pathClosed(); }

bool EditingController::sample(QPointF p)
{
    const int x = static_cast<int>(p.x()), y = static_cast<int>(p.y());
    const core::Image& img = document_.image();
    if (!(tools_[tool_]->options() & kThresholdOptions) || document_.empty() || x < 0 || y < 0 || x >= img.width ||
        y >= img.height)
        return false;
    const double v = img.value(x, y, 0), half = std::max(1.0, document_.window().width / 10);
    setThreshold(v - half, v + half);
    return true;
}

std::vector<ActionInfo> EditingController::maskOperations() const
{
    std::vector<ActionInfo> out;
    for (const auto& op : operations_)
        out.push_back({QString(), op->title(), QString(), op->shortcut(), 0, op->separatorBefore()});
    return out;
}

void EditingController::setSmallestIsland(int pixels)
{
    prefs_.smallestIsland = std::max(0, pixels);
    prefs_.save();
}

void EditingController::setSmoothRadius(int pixels)
{
    prefs_.smoothRadius = std::max(1, pixels);
    prefs_.save();
}

void EditingController::runMaskOperation(std::size_t index)
{
    if (document_.empty() || index >= operations_.size())
        return;
    const MaskOpContext ctx{document_.document(), document_.slice(), static_cast<std::uint8_t>(activeLabel_),
                            brush_.overwriteOthers, prefs_.smallestIsland, prefs_.smoothRadius, plane_, planeIndex_,
                            &document_.reslicer()};
    QString message;
    try {
        // Several slices (interpolation, 3D operations) are one undo step.
        std::map<int, core::LabelMap> next;
        QString description;
        for (SliceEdit& e : operations_[index]->apply(ctx, message)) {
            description = e.description;
            next[e.slice] = std::move(e.labels);
        }
        applySliceEdits(next, description);
    } catch (const core::ImageError& e) {
        message = Translations::errorText(e);
    }
    if (!message.isEmpty())
        notices_.inform(message, 8000);
}

} // namespace delineo::vm
