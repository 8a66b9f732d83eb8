#pragma once
#include "Tool.h"

namespace delineo::vm {

// Click fills the connected region under the cursor (same label, 4-connected) with the active
// class: closes a drawn outline in one click.
class FloodFillTool : public Tool {
public:
    QString id() const override { return QStringLiteral("flood-fill"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("G")); }
    std::optional<core::MaskEdit> press(const ToolContext& ctx, QPointF p) override;
};

} // namespace delineo::vm
