#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Copies the active class from the previous (step -1) or next (step +1) slice or frame.
class CopySliceOperation : public MaskOperation {
public:
    explicit CopySliceOperation(int step) : step_(step) {}
    QString title() const override;
    QKeySequence shortcut() const override;
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
    bool separatorBefore() const override { return step_ < 0; }

private:
    int step_;
};

} // namespace delineo::vm
