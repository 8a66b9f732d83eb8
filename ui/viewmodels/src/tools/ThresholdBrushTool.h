#pragma once
#include "BrushTool.h"

namespace delineo::vm {

// A brush that paints only where the image intensity lies in the chosen range (e.g. a contrast-
// filled bowel loop or a bright polyp without its background).
class ThresholdBrushTool : public BrushTool {
public:
    QString id() const override { return QStringLiteral("threshold-brush"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("T")); }
    int options() const override { return kBrushOptions | kThresholdOptions | kOverwriteOption; }

protected:
    core::BrushSettings settings(const ToolContext& ctx) const override;
};

} // namespace delineo::vm
