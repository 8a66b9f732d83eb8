// The Mask menu's operations (one class each, declared in their own headers) and their registry.
#include "CopySliceOperation.h"
#include "FillHolesOperation.h"
#include "InterpolateOperation.h"
#include "RemoveIslandsOperation.h"
#include "SmoothOperation.h"

#include "delineo/core/MaskOps.h"

#include <QCoreApplication>

#include <algorithm>

namespace delineo::vm {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("MaskOperations", text); }

bool hasLabel(const core::LabelMap& m, std::uint8_t label)
{
    return std::find(m.labels.begin(), m.labels.end(), label) != m.labels.end();
}

} // namespace

std::vector<std::unique_ptr<MaskOperation>> builtinMaskOperations()
{
    std::vector<std::unique_ptr<MaskOperation>> ops;
    ops.push_back(std::make_unique<FillHolesOperation>());
    ops.push_back(std::make_unique<RemoveIslandsOperation>());
    ops.push_back(std::make_unique<SmoothOperation>());
    ops.push_back(std::make_unique<CopySliceOperation>(-1));
    ops.push_back(std::make_unique<CopySliceOperation>(1));
    ops.push_back(std::make_unique<InterpolateOperation>());
    return ops;
}

QString FillHolesOperation::title() const { return tr("Fill &Holes"); }
std::vector<SliceEdit> FillHolesOperation::apply(const MaskOpContext& c, QString&) const
{
    return {{c.slice, core::fillHoles(c.doc.labels(c.slice), c.label, c.overwriteOthers), tr("Fill holes")}};
}

QString RemoveIslandsOperation::title() const { return tr("Remove Small &Islands"); }
std::vector<SliceEdit> RemoveIslandsOperation::apply(const MaskOpContext& c, QString&) const
{
    const core::LabelMap& m = c.doc.labels(c.slice);
    const int minArea = c.smallestIsland > 0 ? c.smallestIsland : std::max(10, int(m.labels.size() / 5000));
    return {{c.slice, core::removeSmallIslands(m, c.label, minArea), tr("Remove small islands")}};
}

QString SmoothOperation::title() const { return tr("&Smooth Outline"); }
std::vector<SliceEdit> SmoothOperation::apply(const MaskOpContext& c, QString&) const
{
    return {{c.slice, core::smoothClass(c.doc.labels(c.slice), c.label, std::max(1, c.smoothRadius), c.overwriteOthers),
             tr("Smooth")}};
}

QString CopySliceOperation::title() const
{
    return step_ < 0 ? tr("Copy Class from &Previous Slice") : tr("Copy Class from &Next Slice");
}
QKeySequence CopySliceOperation::shortcut() const
{
    return QKeySequence(step_ < 0 ? QStringLiteral("Alt+Up") : QStringLiteral("Alt+Down"));
}
std::vector<SliceEdit> CopySliceOperation::apply(const MaskOpContext& c, QString& message) const
{
    const int from = c.slice + step_;
    if (from < 0 || from >= c.doc.depth()) {
        message = tr("There is no slice there to copy from.");
        return {};
    }
    return {{c.slice, core::copyClassFrom(c.doc.labels(c.slice), c.doc.labels(from), c.label, c.overwriteOthers),
             tr("Copy class from slice %1").arg(from + 1)}};
}

QString InterpolateOperation::title() const { return tr("&Interpolate Class Between Slices"); }
std::vector<SliceEdit> InterpolateOperation::apply(const MaskOpContext& c, QString& message) const
{
    // Slices without a label map are blank: skipped without reading them (a long video has many).
    const auto annotated = [&](int z) { return c.doc.hasMask(z) && hasLabel(c.doc.labels(z), c.label); };
    int below = c.slice - 1, above = c.slice + 1;
    while (below >= 0 && !annotated(below))
        --below;
    while (above < c.doc.depth() && !annotated(above))
        ++above;
    if (below < 0 || above >= c.doc.depth() || above - below < 2) {
        message = tr("Draw the class on a slice before and after this one, then interpolate.");
        return {};
    }
    const core::LabelMap& a = c.doc.labels(below);
    const core::LabelMap& b = c.doc.labels(above);
    std::vector<SliceEdit> edits;
    for (int k = below + 1; k < above; ++k) {
        const double t = double(k - below) / double(above - below);
        edits.push_back({k, core::interpolateClass(c.doc.labels(k), a, b, c.label, t, c.overwriteOthers),
                         tr("Interpolate between slices %1 and %2").arg(below + 1).arg(above + 1)});
    }
    message = tr("Interpolated %1 slice(s) between %2 and %3.").arg(above - below - 1).arg(below + 1).arg(above + 1);
    return edits;
}

} // namespace delineo::vm
