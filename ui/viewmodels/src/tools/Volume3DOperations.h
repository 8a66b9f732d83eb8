#pragma once
#include "MaskOperation.h"

namespace delineo::vm {

// Fills background that the active class encloses in 3D (a cavity), over the whole volume.
class FillHoles3DOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("Shift+H")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
    bool separatorBefore() const override { return true; }
};

// Removes pieces of the active class smaller than the smallest-island size, counted in voxels of
// 3D pieces (a piece that continues on the next slice is one piece).
class RemoveIslands3DOperation : public MaskOperation {
public:
    QString title() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("Ctrl+Shift+I")); }
    std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const override;
};

} // namespace delineo::vm
