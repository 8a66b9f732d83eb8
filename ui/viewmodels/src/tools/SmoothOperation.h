#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Smooths the active class's outline (morphological open/close of the chosen radius).
class SmoothOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("Shift+S")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
};

} // namespace delineo::vm
