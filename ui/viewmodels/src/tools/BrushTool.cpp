#include "BrushTool.h"

#include <QCoreApplication>

namespace delineo::vm {

QString BrushTool::title() const { return QCoreApplication::translate("Tools", "&Brush"); }
QString BrushTool::hint() const
{
    return QCoreApplication::translate("Tools", "Drag to paint the active class; Shift+drag erases it. [ and ] change the size.");
}

std::optional<core::MaskEdit> BrushTool::segment(const ToolContext& ctx, QPointF p, bool first)
{
    // Pixel centres sit at +0.5 in view coordinates and at integers in the mask.
    core::MaskEdit e = core::brushSegment(ctx.labels.width, ctx.labels.height, last_.x() - 0.5, last_.y() - 0.5,
                                          p.x() - 0.5, p.y() - 0.5, first, stroke_.radius, stroke_.shape);
    last_ = p;
    e.mode = erase_ ? core::MaskEdit::Mode::Erase : core::MaskEdit::Mode::Paint;
    e.label = ctx.label;
    e.rules = stroke_;
    e.description = (erase_ ? QCoreApplication::translate("Tools", "Erase")
                            : QCoreApplication::translate("Tools", "Paint")).toStdString(); // Edit → Undo names it
    e.continuesStroke = true;
    return e;
}

std::optional<core::MaskEdit> BrushTool::press(const ToolContext& ctx, QPointF p)
{
    stroke_ = settings(ctx);
    erase_ = erases(ctx);
    active_ = true;
    return segment(ctx, p, true);
}

std::optional<core::MaskEdit> BrushTool::move(const ToolContext& ctx, QPointF p)
{
    if (!active_)
        return std::nullopt;
    return segment(ctx, p, false);
}

std::optional<core::MaskEdit> BrushTool::release(const ToolContext&)
{
    active_ = false;
    return std::nullopt;
}

} // namespace delineo::vm
