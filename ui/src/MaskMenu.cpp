#include "delineo/ui/MaskMenu.h"
#include "delineo/ui/MainWindow.h"

#include "delineo/core/Errors.h"
#include "delineo/core/MaskOps.h"

#include <QStatusBar>

#include <algorithm>

namespace delineo::ui {

namespace {

bool hasLabel(const core::LabelMap& m, std::uint8_t label)
{
    return std::find(m.labels.begin(), m.labels.end(), label) != m.labels.end();
}

} // namespace

MaskMenu::MaskMenu(MainWindow* w) : QMenu(tr("&Mask"), w), window_(w)
{
    auto current = [w](auto op, const QString& what) {
        if (w->document().empty())
            return;
        const auto label = static_cast<std::uint8_t>(w->activeLabel());
        w->applyMaskEdit(w->slice(), op(w->labels(), label, w->overwriteOthers()), what);
    };
    addAction(tr("Fill &Holes"), QKeySequence(tr("H")), this, [=] {
        current([](const core::LabelMap& m, std::uint8_t l, bool o) { return core::fillHoles(m, l, o); }, tr("Fill holes"));
    });
    addAction(tr("Remove Small &Islands"), QKeySequence(tr("I")), this, [=] {
        current([](const core::LabelMap& m, std::uint8_t l, bool) {
            return core::removeSmallIslands(m, l, std::max(10, int(m.labels.size() / 5000)));
        }, tr("Remove small islands"));
    });
    addAction(tr("&Smooth Outline"), QKeySequence(tr("Shift+S")), this, [=] {
        current([](const core::LabelMap& m, std::uint8_t l, bool o) { return core::smoothClass(m, l, 2, o); }, tr("Smooth"));
    });
    addSeparator();
    addAction(tr("Copy Class from &Previous Slice"), QKeySequence(tr("Alt+Up")), this, [this] { copyFromNeighbour(-1); });
    addAction(tr("Copy Class from &Next Slice"), QKeySequence(tr("Alt+Down")), this, [this] { copyFromNeighbour(1); });
    addAction(tr("&Interpolate Class Between Slices"), QKeySequence(tr("Shift+I")), this, [this] { interpolate(); });
}

void MaskMenu::copyFromNeighbour(int step)
{
    const auto& doc = window_->document();
    const int z = window_->slice(), from = z + step;
    if (doc.empty() || from < 0 || from >= doc.depth()) {
        window_->statusBar()->showMessage(tr("There is no slice there to copy from."), 5000);
        return;
    }
    try {
        const auto label = static_cast<std::uint8_t>(window_->activeLabel());
        window_->applyMaskEdit(z, core::copyClassFrom(doc.labels(z), doc.labels(from), label, window_->overwriteOthers()),
                               tr("Copy class from slice %1").arg(from + 1));
    } catch (const core::ImageError& e) {
        window_->statusBar()->showMessage(QString::fromStdString(e.what()), 8000);
    }
}

void MaskMenu::interpolate()
{
    // Between the nearest slices above and below that hold the class, every slice in between is
    // filled by shape-based interpolation (each slice one undoable command).
    const auto& doc = window_->document();
    if (doc.empty())
        return;
    const auto label = static_cast<std::uint8_t>(window_->activeLabel());
    const int z = window_->slice();
    int below = z - 1, above = z + 1;
    while (below >= 0 && !hasLabel(doc.labels(below), label))
        --below;
    while (above < doc.depth() && !hasLabel(doc.labels(above), label))
        ++above;
    if (below < 0 || above >= doc.depth() || above - below < 2) {
        window_->statusBar()->showMessage(tr("Draw the class on a slice before and after this one, then interpolate."), 8000);
        return;
    }
    const core::LabelMap a = doc.labels(below), b = doc.labels(above);
    for (int k = below + 1; k < above; ++k) {
        const double t = double(k - below) / double(above - below);
        window_->applyMaskEdit(k, core::interpolateClass(doc.labels(k), a, b, label, t, window_->overwriteOthers()),
                               tr("Interpolate between slices %1 and %2").arg(below + 1).arg(above + 1));
    }
    window_->statusBar()->showMessage(tr("Interpolated %1 slice(s) between %2 and %3.").arg(above - below - 1).arg(below + 1).arg(above + 1), 8000);
}

} // namespace delineo::ui
