#include "FloodFillTool.h"

#include <QCoreApplication>

#include <cmath>

namespace delineo::vm {

QString FloodFillTool::title() const { return QCoreApplication::translate("Tools", "&Flood Fill"); }
QString FloodFillTool::hint() const
{
    return QCoreApplication::translate("Tools", "Click inside a region (e.g. a drawn outline) to fill it with the active class.");
}

std::optional<core::MaskEdit> FloodFillTool::press(const ToolContext& ctx, QPointF p)
{
    const int x = static_cast<int>(std::floor(p.x())), y = static_cast<int>(std::floor(p.y()));
    core::MaskEdit e = core::floodRegion(ctx.labels, x, y, ctx.label, ctx.brush);
    e.label = ctx.label;
    e.rules = ctx.brush;
    e.rules.overwriteOthers = true; // the region holds only the value being replaced
    e.description = QCoreApplication::translate("Tools", "Flood fill").toStdString();
    return e;
}

} // namespace delineo::vm
