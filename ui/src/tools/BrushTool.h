#pragma once
#include "Tool.h"

namespace delineo::ui {

// Paints the active class with a round or square brush (Shift: erases it).
class BrushTool : public Tool {
public:
    QString id() const override { return QStringLiteral("brush"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("B")); }
    int options() const override { return kBrushOptions | kOverwriteOption; }
    core::Rect press(ToolContext& ctx, QPointF p) override;
    core::Rect move(ToolContext& ctx, QPointF p) override;
    core::Rect release(ToolContext& ctx) override;

protected:
    virtual bool erases(const ToolContext& ctx) const { return ctx.erase; }
    virtual core::BrushSettings settings(const ToolContext& ctx) const { return ctx.brush; }
};

} // namespace delineo::ui
