// The Mask menu's operations (one class each, declared in their own headers) and their registry.
#include "CopySliceOperation.h"
#include "FillHolesOperation.h"
#include "InterpolateOperation.h"
#include "RemoveIslandsOperation.h"
#include "SmoothOperation.h"
#include "Volume3DOperations.h"

#include "delineo/core/MaskOps.h"
#include "delineo/core/VolumeOps.h"

#include <QCoreApplication>

#include <algorithm>

namespace delineo::vm {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("MaskOperations", text); }

bool hasLabel(const core::LabelMap& m, std::uint8_t label)
{
    return std::find(m.labels.begin(), m.labels.end(), label) != m.labels.end();
}

std::vector<SliceEdit> sliceEdits(std::map<int, core::LabelMap> maps, const QString& description)
{
    std::vector<SliceEdit> out;
    for (auto& [z, m] : maps)
        out.push_back({z, std::move(m), description});
    return out;
}

const char* planeWord(core::Plane p)
{
    return p == core::Plane::Coronal ? QT_TRANSLATE_NOOP("MaskOperations", "coronal planes")
           : p == core::Plane::Sagittal ? QT_TRANSLATE_NOOP("MaskOperations", "sagittal planes")
                                        : QT_TRANSLATE_NOOP("MaskOperations", "slices");
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
    ops.push_back(std::make_unique<FillHoles3DOperation>());
    ops.push_back(std::make_unique<RemoveIslands3DOperation>());
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
    // Across the planes of the view last drawn in: slices (axial), or coronal or sagittal planes.
    const core::Volume& v = c.doc.volume();
    const core::Plane p = c.doc.depth() > 1 && !v.streamed() ? c.plane : core::Plane::Axial;
    const int here = p == core::Plane::Axial ? c.slice : c.planeIndex;
    const core::Reslicer voxelPlanes;
    const core::Reslicer& cut = c.reslicer ? *c.reslicer : voxelPlanes;
    const int count = cut.size(v, p).count;
    // Slices without a label map are blank: skipped without reading them (a long video has many).
    const auto planeOf = [&](int k) { return cut.labels(c.doc, p, k); };
    const auto annotated = [&](int k) {
        return p == core::Plane::Axial ? c.doc.hasMask(k) && hasLabel(c.doc.labels(k), c.label)
                                       : hasLabel(planeOf(k), c.label);
    };
    int below = here - 1, above = here + 1;
    while (below >= 0 && !annotated(below))
        --below;
    while (above < count && !annotated(above))
        ++above;
    const QString what = tr(planeWord(p));
    if (below < 0 || above >= count || above - below < 2) {
        message = tr("Draw the class on one of the %1 before and after this one, then interpolate.").arg(what);
        return {};
    }
    const core::LabelMap a = planeOf(below), b = planeOf(above);
    std::map<int, core::LabelMap> maps;
    for (int k = below + 1; k < above; ++k) {
        const double t = double(k - below) / double(above - below);
        cut.write(c.doc, p, k, core::interpolateClass(planeOf(k), a, b, c.label, t, c.overwriteOthers), maps);
    }
    message = tr("Interpolated %1 of the %2 between %3 and %4.").arg(above - below - 1).arg(what).arg(below + 1).arg(above + 1);
    return sliceEdits(std::move(maps), tr("Interpolate between %1 %2 and %3").arg(what).arg(below + 1).arg(above + 1));
}

QString FillHoles3DOperation::title() const { return tr("Fill Holes in &3D"); }
std::vector<SliceEdit> FillHoles3DOperation::apply(const MaskOpContext& c, QString& message) const
{
    auto maps = core::fillHoles3D(c.doc, c.label, c.overwriteOthers);
    if (maps.empty())
        message = tr("The class encloses no cavity in 3D.");
    return sliceEdits(std::move(maps), tr("Fill holes in 3D"));
}

QString RemoveIslands3DOperation::title() const { return tr("Remove Small Islands in 3&D"); }
std::vector<SliceEdit> RemoveIslands3DOperation::apply(const MaskOpContext& c, QString& message) const
{
    const core::Volume& v = c.doc.volume();
    const auto minVoxels = std::uint64_t(c.smallestIsland > 0 ? c.smallestIsland : std::max(10, v.width() * v.height() / 5000));
    auto maps = core::removeSmallIslands3D(c.doc, c.label, minVoxels);
    if (maps.empty())
        message = tr("No 3D piece of the class is smaller than %1 voxels.").arg(minVoxels);
    return sliceEdits(std::move(maps), tr("Remove islands under %1 voxels in 3D").arg(minVoxels));
}

} // namespace delineo::vm
