#include "delineo/core/MaskEditor.h"

#include <algorithm>
#include <cmath>

namespace delineo::core {

static Rect unite(const Rect& a, const Rect& b)
{
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    const int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const int x1 = std::max(a.x + a.width, b.x + b.width), y1 = std::max(a.y + a.height, b.y + b.height);
    return {x0, y0, x1 - x0, y1 - y0};
}

void MaskEditor::reset(LabelMap map)
{
    map_ = std::move(map);
    history_.clear();
    inStroke_ = false;
    savedPosition_ = 0;
    dirtyUnknown_ = false;
}

void MaskEditor::beginStroke(std::uint8_t label, bool erase, const BrushSettings& brush)
{
    if (inStroke_)
        endStroke();
    strokeBefore_ = map_;
    label_ = label;
    erase_ = erase;
    brush_ = brush;
    brush_.radius = std::max(0, brush_.radius);
    inStroke_ = true;
    hasLast_ = false;
    strokeRect_ = {};
}

Rect MaskEditor::stamp(int cx, int cy)
{
    const int r = brush_.radius;
    const int x0 = std::max(0, cx - r), x1 = std::min(map_.width - 1, cx + r);
    const int y0 = std::max(0, cy - r), y1 = std::min(map_.height - 1, cy + r);
    if (x0 > x1 || y0 > y1)
        return {};
    const int r2 = r * r + r; // slightly rounder discs at small radii
    for (int y = y0; y <= y1; ++y) {
        std::uint8_t* row = &map_.at(0, y);
        for (int x = x0; x <= x1; ++x) {
            if (brush_.shape == BrushShape::Round && (x - cx) * (x - cx) + (y - cy) * (y - cy) > r2)
                continue;
            std::uint8_t& v = row[x];
            if (erase_) {
                if (brush_.overwriteOthers || v == label_)
                    v = 0;
            } else if (brush_.overwriteOthers || v == 0) {
                v = label_;
            }
        }
    }
    return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

Rect MaskEditor::strokeTo(double x, double y)
{
    if (!inStroke_ || map_.empty())
        return {};
    Rect changed;
    if (!hasLast_) {
        changed = stamp(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)));
    } else {
        // Stamps spaced at most a quarter radius apart so fast drags leave no gaps.
        const double dx = x - lastX_, dy = y - lastY_;
        const double step = std::max(1.0, brush_.radius / 4.0);
        const int n = std::max(1, static_cast<int>(std::ceil(std::hypot(dx, dy) / step)));
        for (int i = 1; i <= n; ++i) {
            const double t = static_cast<double>(i) / n;
            changed = unite(changed, stamp(static_cast<int>(std::lround(lastX_ + dx * t)),
                                           static_cast<int>(std::lround(lastY_ + dy * t))));
        }
    }
    lastX_ = x;
    lastY_ = y;
    hasLast_ = true;
    strokeRect_ = unite(strokeRect_, changed);
    return changed;
}

bool MaskEditor::record(const LabelMap& before, const std::string& description)
{
    EditCommand cmd = EditCommand::between(before, map_, description);
    if (cmd.tiles.empty())
        return false;
    ++changes_;
    // If the saved state was undone past, it can never be reached again.
    if (savedPosition_ > history_.position())
        dirtyUnknown_ = true;
    history_.push(std::move(cmd));
    return true;
}

bool MaskEditor::endStroke()
{
    if (!inStroke_)
        return false;
    inStroke_ = false;
    const bool changed = !strokeRect_.empty() && record(strokeBefore_, erase_ ? "Erase" : "Paint");
    strokeBefore_ = LabelMap();
    return changed;
}

bool MaskEditor::replace(const LabelMap& next, const std::string& description)
{
    if (next.width != map_.width || next.height != map_.height)
        return false;
    if (inStroke_)
        endStroke();
    LabelMap before = map_;
    map_ = next;
    return record(before, description);
}

} // namespace delineo::core
