#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Fills the holes enclosed by the active class on the current slice.
class FillHolesOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("H")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
};

} // namespace delineo::vm
