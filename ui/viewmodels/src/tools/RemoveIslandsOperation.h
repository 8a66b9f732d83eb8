#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Removes the active class's connected pieces smaller than the chosen size (Tool Options).
class RemoveIslandsOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("I")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
};

} // namespace delineo::vm
