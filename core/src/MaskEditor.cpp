#include "delineo/core/MaskEditor.h"
#include "delineo/core/MaskOps.h"
#include "delineo/core/Errors.h"
#include "delineo/core/PackedBytes.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace delineo::core {

namespace {

Rect unite(const Rect& a, const Rect& b)
{
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    const int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const int x1 = std::max(a.x + a.width, b.x + b.width), y1 = std::max(a.y + a.height, b.y + b.height);
    return {x0, y0, x1 - x0, y1 - y0};
}

// A coverage edit over `area` (clipped to the map), all pixels uncovered.
MaskEdit emptyCoverage(Rect area, int width, int height)
{
    const int x0 = std::max(0, area.x), y0 = std::max(0, area.y);
    const int x1 = std::min(width, area.x + area.width), y1 = std::min(height, area.y + area.height);
    MaskEdit e;
    if (x1 > x0 && y1 > y0) {
        e.area = {x0, y0, x1 - x0, y1 - y0};
        e.coverage.assign(static_cast<std::size_t>(e.area.width) * e.area.height, 0);
    }
    return e;
}

void stamp(MaskEdit& e, int cx, int cy, int r, BrushShape shape)
{
    const int r2 = r * r + r; // slightly rounder discs at small radii
    const int x0 = std::max(e.area.x, cx - r), x1 = std::min(e.area.x + e.area.width - 1, cx + r);
    const int y0 = std::max(e.area.y, cy - r), y1 = std::min(e.area.y + e.area.height - 1, cy + r);
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            if (shape == BrushShape::Square || (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2)
                e.coverage[static_cast<std::size_t>(y - e.area.y) * e.area.width + (x - e.area.x)] = 1;
}

} // namespace

MaskEdit brushSegment(int width, int height, double x0, double y0, double x1, double y1, bool first, int radius,
                      BrushShape shape)
{
    const int r = std::max(0, radius);
    if (first) {
        x0 = x1;
        y0 = y1;
    }
    const int ax = static_cast<int>(std::lround(std::min(x0, x1))) - r, ay = static_cast<int>(std::lround(std::min(y0, y1))) - r;
    const int bx = static_cast<int>(std::lround(std::max(x0, x1))) + r, by = static_cast<int>(std::lround(std::max(y0, y1))) + r;
    MaskEdit e = emptyCoverage({ax, ay, bx - ax + 1, by - ay + 1}, width, height);
    if (e.coverage.empty())
        return e;
    // Stamps spaced at most a quarter radius apart so fast drags leave no gaps.
    const double dx = x1 - x0, dy = y1 - y0;
    const double step = std::max(1.0, r / 4.0);
    const int n = first ? 1 : std::max(1, static_cast<int>(std::ceil(std::hypot(dx, dy) / step)));
    for (int i = 1; i <= n; ++i) {
        const double t = first ? 1.0 : static_cast<double>(i) / n;
        stamp(e, static_cast<int>(std::lround(x0 + dx * t)), static_cast<int>(std::lround(y0 + dy * t)), r, shape);
    }
    return e;
}

MaskEdit polygonArea(int width, int height, const std::vector<std::array<double, 2>>& points)
{
    MaskEdit e = emptyCoverage({0, 0, width, height}, width, height);
    if (points.size() < 3 || e.coverage.empty())
        return e;
    cv::Mat inside(height, width, CV_8UC1, e.coverage.data());
    std::vector<cv::Point> poly;
    for (const auto& p : points) // 4 fractional bits: sub-pixel vertices
        poly.emplace_back(static_cast<int>(std::lround((p[0] - 0.5) * 16)), static_cast<int>(std::lround((p[1] - 0.5) * 16)));
    cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(1), cv::LINE_8, 4);
    return e;
}

MaskEdit floodRegion(const LabelMap& map, int x, int y, std::uint8_t label, const BrushSettings& rules)
{
    MaskEdit e = emptyCoverage({0, 0, map.width, map.height}, map.width, map.height);
    if (e.coverage.empty() || x < 0 || y < 0 || x >= map.width || y >= map.height)
        return e;
    const std::uint8_t from = map.at(x, y);
    const auto allowed = [&](std::size_t i) { return !rules.paintable || (*rules.paintable)[i]; };
    if (from == label || (!rules.overwriteOthers && from != 0) || !allowed(static_cast<std::size_t>(y) * map.width + x))
        return e;
    // Depth-first over the 4-connected region of `from` (and, when limited, in range).
    std::vector<int> queue{y * map.width + x};
    e.coverage[static_cast<std::size_t>(queue.front())] = 1;
    while (!queue.empty()) {
        const int i = queue.back();
        queue.pop_back();
        const int px = i % map.width, py = i / map.width;
        const int nb[4][2] = {{px - 1, py}, {px + 1, py}, {px, py - 1}, {px, py + 1}};
        for (const auto& n : nb) {
            if (n[0] < 0 || n[1] < 0 || n[0] >= map.width || n[1] >= map.height)
                continue;
            const auto j = static_cast<std::size_t>(n[1]) * map.width + n[0];
            if (e.coverage[j] || map.labels[j] != from || !allowed(j))
                continue;
            e.coverage[j] = 1;
            queue.push_back(static_cast<int>(j));
        }
    }
    return e;
}

void MaskEditor::reset(LabelMap map)
{
    map_ = std::move(map);
    anyLabel_ = -1;
    packed_ = false;
    packedRuns_ = std::vector<std::uint8_t>();
    packedTiles_ = std::vector<std::uint8_t>();
    tileBytes_ = 0;
    history_.clear();
    inStroke_ = false;
    hasLast_ = false;
    savedPosition_ = 0;
    dirtyUnknown_ = false;
}

Rect MaskEditor::apply(const MaskEdit& e)
{
    anyLabel_ = -1;
    if (map_.empty())
        return {};
    if (e.mode == MaskEdit::Mode::Replace) {
        if (e.replacement.width != map_.width || e.replacement.height != map_.height)
            return {};
        endStroke();
        LabelMap before = map_;
        map_ = e.replacement;
        return record(before, e.description, e.group) ? Rect{0, 0, map_.width, map_.height} : Rect{};
    }
    if (!e.continuesStroke || !inStroke_) {
        endStroke();
        strokeBefore_ = map_;
        strokeDescription_ = e.description;
        inStroke_ = e.continuesStroke;
    }
    const bool erase = e.mode == MaskEdit::Mode::Erase;
    bool any = false;
    for (int y = 0; y < e.area.height; ++y) {
        const int my = e.area.y + y;
        if (my < 0 || my >= map_.height)
            continue;
        for (int x = 0; x < e.area.width; ++x) {
            const int mx = e.area.x + x;
            const std::size_t i = static_cast<std::size_t>(my) * map_.width + mx;
            if (mx < 0 || mx >= map_.width || !e.coverage[static_cast<std::size_t>(y) * e.area.width + x] ||
                (e.rules.paintable && !(*e.rules.paintable)[i]))
                continue;
            std::uint8_t& v = map_.labels[i];
            const std::uint8_t next = erase ? (e.rules.overwriteOthers || v == e.label ? 0 : v)
                                            : (e.rules.overwriteOthers || v == 0 ? e.label : v);
            any = any || next != v;
            v = next;
        }
    }
    if (!e.continuesStroke) {
        const bool recorded = record(strokeBefore_, e.description);
        strokeBefore_ = LabelMap();
        return recorded ? e.area : Rect{};
    }
    return any ? e.area : Rect{};
}

bool MaskEditor::endStroke()
{
    if (!inStroke_)
        return false;
    inStroke_ = false;
    hasLast_ = false;
    const bool changed = record(strokeBefore_, strokeDescription_);
    strokeBefore_ = LabelMap();
    return changed;
}

bool MaskEditor::record(const LabelMap& before, const std::string& description, std::uint64_t group)
{
    EditCommand cmd = EditCommand::between(before, map_, description);
    cmd.group = group;
    if (cmd.tiles.empty())
        return false;
    ++changes_;
    // If the saved state was undone past, it can never be reached again.
    if (savedPosition_ > history_.position())
        dirtyUnknown_ = true;
    history_.push(std::move(cmd));
    return true;
}

void MaskEditor::beginStroke(std::uint8_t label, bool erase, const BrushSettings& brush)
{
    endStroke();
    stroke_ = MaskEdit();
    stroke_.mode = erase ? MaskEdit::Mode::Erase : MaskEdit::Mode::Paint;
    stroke_.label = label;
    stroke_.rules = brush;
    stroke_.rules.radius = std::max(0, brush.radius);
    stroke_.description = erase ? "Erase" : "Paint";
    stroke_.continuesStroke = true;
    inStroke_ = true;
    strokeBefore_ = map_;
    strokeDescription_ = stroke_.description;
    hasLast_ = false;
}

Rect MaskEditor::strokeTo(double x, double y)
{
    if (!inStroke_ || map_.empty())
        return {};
    MaskEdit e = brushSegment(map_.width, map_.height, lastX_, lastY_, x, y, !hasLast_, stroke_.rules.radius,
                              stroke_.rules.shape);
    e.mode = stroke_.mode;
    e.label = stroke_.label;
    e.rules = stroke_.rules;
    e.description = stroke_.description;
    e.continuesStroke = true;
    lastX_ = x;
    lastY_ = y;
    hasLast_ = true;
    return apply(e);
}

bool MaskEditor::fillPolygon(const std::vector<std::array<double, 2>>& points, std::uint8_t label, bool erase,
                             const BrushSettings& brush)
{
    MaskEdit e = polygonArea(map_.width, map_.height, points);
    e.mode = erase ? MaskEdit::Mode::Erase : MaskEdit::Mode::Paint;
    e.label = label;
    e.rules = brush;
    e.description = erase ? "Polygon erase" : "Polygon fill";
    return !apply(e).empty();
}

bool MaskEditor::floodFill(int x, int y, std::uint8_t label, const BrushSettings& brush)
{
    MaskEdit e = floodRegion(map_, x, y, label, brush);
    e.label = label;
    e.rules = brush;
    e.rules.overwriteOthers = true; // the region holds only the value being replaced
    e.description = "Flood fill";
    return !apply(e).empty();
}

bool MaskEditor::replace(const LabelMap& next, const std::string& description, std::uint64_t group)
{
    MaskEdit e;
    e.mode = MaskEdit::Mode::Replace;
    e.replacement = next;
    e.description = description;
    e.group = group;
    return !apply(e).empty();
}

bool MaskEditor::hasLabel() const
{
    if (anyLabel_ < 0)
        anyLabel_ = packed_ ? labelRunsHaveForeground(packedRuns_) : anyForeground(map_.labels);
    return anyLabel_ > 0;
}

std::size_t MaskEditor::heldBytes() const
{
    return packed_ ? packedRuns_.capacity() + packedTiles_.capacity() : map_.labels.capacity() + history_.bytes();
}

void MaskEditor::pack()
{
    if (packed_ || inStroke_ || map_.empty())
        return;
    packedRuns_ = encodeLabelRuns(map_);
    std::vector<std::uint8_t> tiles;
    history_.movePixelsTo(tiles);
    tileBytes_ = tiles.size();
    packedTiles_ = tiles.empty() ? std::vector<std::uint8_t>() : packBytes(tiles);
    map_.labels = std::vector<std::uint8_t>(); // a new vector: `= {}` would keep the buffer
    packed_ = true;
}

void MaskEditor::unpack()
{
    if (!packed_)
        return;
    LabelMap map = decodeLabelRuns(packedRuns_.data(), packedRuns_.size(), map_.width, map_.height);
    if (tileBytes_) {
        const std::vector<std::uint8_t> tiles = unpackBytes(packedTiles_, tileBytes_);
        const std::uint8_t* in = tiles.data();
        history_.takePixelsFrom(in);
    }
    map_ = std::move(map);
    packedRuns_ = std::vector<std::uint8_t>();
    packedTiles_ = std::vector<std::uint8_t>();
    tileBytes_ = 0;
    packed_ = false;
}

void MaskEditor::adoptRuns(int width, int height, std::vector<std::uint8_t> runs)
{
    if (!labelRunsFit(runs, std::size_t(width) * height))
        throw ImageError(ErrorCode::Corrupt, "a stored mask does not fit its " + std::to_string(width) + "x" +
                                                 std::to_string(height) + " image");
    reset(LabelMap());
    map_.width = width;
    map_.height = height;
    packedRuns_ = std::move(runs);
    packed_ = true;
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

} // namespace delineo::core
