#include "delineo/ui/AssistView.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/PlaneViews.h"

namespace delineo::ui {

AssistView::AssistView(vm::AssistController& assist, vm::PreviewController& preview, vm::EditingController& editing,
                       ImageView* view, QObject* parent)
    : QObject(parent), assist_(assist), preview_(preview), editing_(editing), view_(view)
{
    connect(&assist_, &vm::AssistController::modelChanged, this, &AssistView::showAvailability);
}

void AssistView::setToolAction(QAction* action, const QString& hint)
{
    action_ = action;
    hint_ = hint;
    showAvailability();
}

bool AssistView::usable() const
{
    // Unusable only once a model was looked for (an image opened) and none could be used.
    return assist_.available() || assist_.unavailableReason().isEmpty();
}

void AssistView::showAvailability()
{
    if (!action_)
        return;
    action_->setEnabled(usable());
    action_->setToolTip(usable() ? hint_ : assist_.unavailableReason());
    action_->setStatusTip(action_->toolTip());
    if (!usable() && editing_.activeTool() == QLatin1String("assist"))
        editing_.selectTool(QStringLiteral("brush"));
}

bool AssistView::show()
{
    PromptMarks marks;
    const bool onPlane = planes_ && assist_.hasPrompts() && assist_.plane() != core::Plane::Axial;
    ImageView* target = onPlane ? planes_->view(assist_.plane()) : view_;
    for (core::Plane p : {core::Plane::Axial, core::Plane::Coronal, core::Plane::Sagittal}) {
        ImageView* v = p == core::Plane::Axial ? view_ : planes_ ? planes_->view(p) : nullptr;
        if (v && v != target)
            v->setPromptMarks(marks);
    }
    if (!assist_.hasPrompts()) {
        view_->setPromptMarks(marks);
        return false;
    }
    const auto classes = preview_.classes();
    const int label = assist_.label();
    const auto rgb = label <= int(classes.size()) ? classes[std::size_t(label - 1)].colour
                                                  : std::array<std::uint8_t, 3>{60, 220, 90};
    target->setPreview(assist_.image(qRgb(rgb[0], rgb[1], rgb[2])));
    const ml::PromptSet& prompts = assist_.prompts();
    auto centre = [](const ml::Click& c) { return QPointF(c.x + 0.5, c.y + 0.5); };
    for (const ml::Click& c : prompts.clicks)
        (c.positive ? marks.positive : marks.negative).push_back(centre(c));
    for (const ml::Scribble& s : prompts.scribbles) {
        QPolygonF line;
        for (const ml::Click& c : s.points)
            line << centre(c);
        if (!s.points.empty())
            (s.points.front().positive ? marks.positiveStrokes : marks.negativeStrokes).push_back(line);
    }
    if (prompts.box)
        marks.box = QRectF(prompts.box->x0, prompts.box->y0, prompts.box->width(), prompts.box->height());
    target->setPromptMarks(marks);
    return !onPlane;
}

} // namespace delineo::ui
