#pragma once
#include "Tool.h"

namespace delineo::vm {

// Paints the active class with a round or square brush (Shift: erases it).
class BrushTool : public Tool {
public:
    QString id() const override { return QStringLiteral("brush"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("B")); }
    int options() const override { return kBrushOptions | kOverwriteOption; }
    std::optional<core::MaskEdit> press(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> move(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> release(const ToolContext& ctx) override;

protected:
    virtual bool erases(const ToolContext& ctx) const { return ctx.erase; }
    virtual core::BrushSettings settings(const ToolContext& ctx) const { return ctx.brush; }

private:
    std::optional<core::MaskEdit> segment(const ToolContext& ctx, QPointF p, bool first);
    core::BrushSettings stroke_;   // fixed at the press: a stroke keeps its rules
    bool erase_ = false, active_ = false;
    QPointF last_;
};

} // namespace delineo::vm
