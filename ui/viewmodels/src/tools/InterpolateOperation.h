#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Fills every slice between the nearest slices above and below that hold the active class by
// shape-based interpolation.
class InterpolateOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("Shift+I")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
};

} // namespace delineo::vm
