#include "LassoTool.h"

#include <QCoreApplication>
#include <QLineF>

namespace delineo::vm {

QString LassoTool::title() const { return QCoreApplication::translate("Tools", "&Polygon / Lasso Fill"); }
QString LassoTool::hint() const
{
    return QCoreApplication::translate("Tools", "Drag around a region to fill it with the active class; Shift+drag erases inside.");
}

std::optional<core::MaskEdit> LassoTool::press(const ToolContext& ctx, QPointF p)
{
    path_ = QPolygonF{p};
    erase_ = ctx.erase;
    return std::nullopt;
}

std::optional<core::MaskEdit> LassoTool::move(const ToolContext&, QPointF p)
{
    if (!path_.isEmpty() && QLineF(path_.back(), p).length() >= 0.5)
        path_ << p;
    return std::nullopt;
}

std::optional<core::MaskEdit> LassoTool::release(const ToolContext& ctx)
{
    std::vector<std::array<double, 2>> points;
    for (const QPointF& p : path_)
        points.push_back({p.x(), p.y()});
    path_.clear();
    if (points.size() < 3)
        return std::nullopt;
    core::MaskEdit e = core::polygonArea(ctx.labels.width, ctx.labels.height, points);
    e.mode = erase_ ? core::MaskEdit::Mode::Erase : core::MaskEdit::Mode::Paint;
    e.label = ctx.label;
    e.rules = ctx.brush;
    e.description = (erase_ ? QCoreApplication::translate("Tools", "Polygon erase")
                            : QCoreApplication::translate("Tools", "Polygon fill")).toStdString();
    return e;
}

} // namespace delineo::vm
