#include "ThresholdBrushTool.h"

#include <QCoreApplication>

namespace delineo::vm {

QString ThresholdBrushTool::title() const { return QCoreApplication::translate("Tools", "&Threshold Brush"); }
QString ThresholdBrushTool::hint() const
{
    return QCoreApplication::translate("Tools", "Paints only pixels whose intensity is within the range below; "
                                                 "Ctrl+click sets the range around the clicked value.");
}

core::BrushSettings ThresholdBrushTool::settings(const ToolContext& ctx) const
{
    core::BrushSettings b = ctx.brush;
    b.paintable = core::pixelsInRange(ctx.image, ctx.low, ctx.high);
    return b;
}

} // namespace delineo::vm
