#pragma once
#include "BrushTool.h"

namespace delineo::vm {

// The brush that removes the active class (every class with "overwrite other classes").
class EraserTool : public BrushTool {
public:
    QString id() const override { return QStringLiteral("eraser"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("E")); }

protected:
    bool erases(const ToolContext&) const override { return true; }
};

} // namespace delineo::vm
