#include "LassoTool.h"

#include <QCoreApplication>
#include <QLineF>

namespace delineo::ui {

QString LassoTool::title() const { return QCoreApplication::translate("Tools", "&Polygon / Lasso Fill"); }
QString LassoTool::hint() const
{
    return QCoreApplication::translate("Tools", "Drag around a region to fill it with the active class; Shift+drag erases inside.");
}

core::Rect LassoTool::press(ToolContext& ctx, QPointF p)
{
    path_ = QPolygonF{p};
    erase_ = ctx.erase;
    return {};
}

core::Rect LassoTool::move(ToolContext&, QPointF p)
{
    if (!path_.isEmpty() && QLineF(path_.back(), p).length() >= 0.5)
        path_ << p;
    return {};
}

core::Rect LassoTool::release(ToolContext& ctx)
{
    std::vector<std::array<double, 2>> points;
    for (const QPointF& p : path_)
        points.push_back({p.x(), p.y()});
    path_.clear();
    if (!ctx.editor.fillPolygon(points, ctx.label, erase_, ctx.brush))
        return {};
    return {0, 0, ctx.editor.labels().width, ctx.editor.labels().height};
}

} // namespace delineo::ui
