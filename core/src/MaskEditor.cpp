#include "delineo/core/MaskEditor.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

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
            if (brush_.paintable && !(*brush_.paintable)[static_cast<std::size_t>(y) * map_.width + x])
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

std::shared_ptr<const std::vector<std::uint8_t>> pixelsInRange(const Image& image, double lo, double hi)
{
    auto mask = std::make_shared<std::vector<std::uint8_t>>(image.pixelCount());
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const double v = image.value(x, y, 0);
            (*mask)[static_cast<std::size_t>(y) * image.width + x] = v >= lo && v <= hi;
        }
    return mask;
}

bool MaskEditor::fillPolygon(const std::vector<std::array<double, 2>>& points, std::uint8_t label, bool erase,
                             const BrushSettings& brush)
{
    if (points.size() < 3 || map_.empty())
        return false;
    cv::Mat inside = cv::Mat::zeros(map_.height, map_.width, CV_8UC1);
    std::vector<cv::Point> poly;
    for (const auto& p : points) // 4 fractional bits: sub-pixel vertices
        poly.emplace_back(static_cast<int>(std::lround((p[0] - 0.5) * 16)), static_cast<int>(std::lround((p[1] - 0.5) * 16)));
    cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(1), cv::LINE_8, 4);
    LabelMap next = map_;
    for (std::size_t i = 0; i < next.labels.size(); ++i) {
        if (!inside.data[i] || (brush.paintable && !(*brush.paintable)[i]))
            continue;
        std::uint8_t& v = next.labels[i];
        if (erase) {
            if (brush.overwriteOthers || v == label)
                v = 0;
        } else if (brush.overwriteOthers || v == 0) {
            v = label;
        }
    }
    return replace(next, erase ? "Polygon erase" : "Polygon fill");
}

bool MaskEditor::floodFill(int x, int y, std::uint8_t label, const BrushSettings& brush)
{
    if (map_.empty() || x < 0 || y < 0 || x >= map_.width || y >= map_.height)
        return false;
    const std::uint8_t from = map_.at(x, y);
    if (from == label || (!brush.overwriteOthers && from != 0))
        return false;
    if (brush.paintable && !(*brush.paintable)[static_cast<std::size_t>(y) * map_.width + x])
        return false;
    LabelMap next = map_;
    // Scanline-free BFS over the 4-connected region of `from` (and, when limited, in range).
    std::vector<int> queue{y * map_.width + x};
    next.labels[static_cast<std::size_t>(queue.front())] = label;
    while (!queue.empty()) {
        const int i = queue.back();
        queue.pop_back();
        const int px = i % map_.width, py = i / map_.width;
        const int nb[4][2] = {{px - 1, py}, {px + 1, py}, {px, py - 1}, {px, py + 1}};
        for (const auto& n : nb) {
            if (n[0] < 0 || n[1] < 0 || n[0] >= map_.width || n[1] >= map_.height)
                continue;
            const auto j = static_cast<std::size_t>(n[1]) * map_.width + n[0];
            if (next.labels[j] != from || map_.labels[j] != from || (brush.paintable && !(*brush.paintable)[j]))
                continue;
            next.labels[j] = label;
            queue.push_back(static_cast<int>(j));
        }
    }
    return replace(next, "Flood fill");
}

} // namespace delineo::core
