#pragma once
#include "Tool.h"

namespace delineo::ui {

// Polygon / lasso fill: drag around a region (the path closes itself) to fill it with the active
// class; Shift erases the class inside.
class LassoTool : public Tool {
public:
    QString id() const override { return QStringLiteral("lasso"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("L")); }
    core::Rect press(ToolContext& ctx, QPointF p) override;
    core::Rect move(ToolContext& ctx, QPointF p) override;
    core::Rect release(ToolContext& ctx) override;
    QPolygonF path() const override { return path_; }

private:
    QPolygonF path_;
    bool erase_ = false;
};

} // namespace delineo::ui
