#include "BrushTool.h"

#include <QCoreApplication>

namespace delineo::ui {

QString BrushTool::title() const { return QCoreApplication::translate("Tools", "&Brush"); }
QString BrushTool::hint() const
{
    return QCoreApplication::translate("Tools", "Drag to paint the active class; Shift+drag erases it. [ and ] change the size.");
}

core::Rect BrushTool::press(ToolContext& ctx, QPointF p)
{
    ctx.editor.beginStroke(ctx.label, erases(ctx), settings(ctx));
    return ctx.editor.strokeTo(p.x() - 0.5, p.y() - 0.5);
}

core::Rect BrushTool::move(ToolContext& ctx, QPointF p)
{
    return ctx.editor.inStroke() ? ctx.editor.strokeTo(p.x() - 0.5, p.y() - 0.5) : core::Rect{};
}

core::Rect BrushTool::release(ToolContext& ctx)
{
    ctx.editor.endStroke();
    return {};
}

} // namespace delineo::ui
