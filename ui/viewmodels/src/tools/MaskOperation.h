#pragma once
// Internal: whole-slice operations on the active class (Mask menu). Each is one class, registered
// explicitly in MaskOperations.cpp; EditingController applies their results as one undo step.
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Reslicer.h"

#include <QKeySequence>
#include <QString>

#include <memory>
#include <vector>

namespace delineo::vm {

struct MaskOpContext {
    const core::AnnotationDocument& doc;
    int slice = 0;
    std::uint8_t label = 1;
    bool overwriteOthers = false;
    int smallestIsland = 0;      // pixels; 0 = automatic (1/5000 of the slice, at least 10)
    int smoothRadius = 2;        // pixels
    // The plane last edited in: interpolation runs across its planes (axial: across slices).
    core::Plane plane = core::Plane::Axial;
    int planeIndex = 0;
    const core::Reslicer* reslicer = nullptr; // how that plane cuts the volume (null: its voxel planes)
};

struct SliceEdit {
    int slice = 0;
    core::LabelMap labels;
    QString description;
};

class MaskOperation {
public:
    virtual ~MaskOperation() = default;
    virtual QString title() const = 0;
    virtual QKeySequence shortcut() const = 0;
    // The edits to apply; empty with `message` set when there is nothing to do (and why).
    virtual std::vector<SliceEdit> apply(const MaskOpContext& ctx, QString& message) const = 0;
    virtual bool separatorBefore() const { return false; }
};

std::vector<std::unique_ptr<MaskOperation>> builtinMaskOperations();

} // namespace delineo::vm
