#pragma once
#include "Tool.h"

namespace delineo::vm {

// Polygon / lasso fill: drag around a region (the path closes itself) to fill it with the active
// class; Shift erases the class inside.
class LassoTool : public Tool {
public:
    QString id() const override { return QStringLiteral("lasso"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("L")); }
    std::optional<core::MaskEdit> press(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> move(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> release(const ToolContext& ctx) override;
    QPolygonF path() const override { return path_; }

private:
    QPolygonF path_;
    bool erase_ = false;
};

} // namespace delineo::vm
