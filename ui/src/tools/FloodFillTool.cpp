#include "FloodFillTool.h"

#include <QCoreApplication>

#include <cmath>

namespace delineo::ui {

QString FloodFillTool::title() const { return QCoreApplication::translate("Tools", "&Flood Fill"); }
QString FloodFillTool::hint() const
{
    return QCoreApplication::translate("Tools", "Click inside a region (e.g. a drawn outline) to fill it with the active class.");
}

core::Rect FloodFillTool::press(ToolContext& ctx, QPointF p)
{
    const int x = static_cast<int>(std::floor(p.x())), y = static_cast<int>(std::floor(p.y()));
    if (!ctx.editor.floodFill(x, y, ctx.label, ctx.brush))
        return {};
    return {0, 0, ctx.editor.labels().width, ctx.editor.labels().height};
}

} // namespace delineo::ui
