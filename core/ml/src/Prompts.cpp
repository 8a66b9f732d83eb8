#include "delineo/ml/Prompts.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace delineo::ml {

namespace {

void disk(float* plane, int width, int height, int cx, int cy, float radius)
{
    const int r = static_cast<int>(std::ceil(radius));
    const float r2 = radius * radius;
    for (int y = std::max(0, cy - r); y <= std::min(height - 1, cy + r); ++y)
        for (int x = std::max(0, cx - r); x <= std::min(width - 1, cx + r); ++x)
            if (float((x - cx) * (x - cx) + (y - cy) * (y - cy)) <= r2)
                plane[static_cast<std::size_t>(y) * width + x] = 1.0f;
}

// Disks along the segment, one per pixel of its length: a stroke as wide as a click.
void stroke(float* plane, int width, int height, const Click& a, const Click& b, float radius)
{
    const int steps = std::max(std::abs(b.x - a.x), std::abs(b.y - a.y));
    for (int i = 0; i <= steps; ++i) {
        const double t = steps == 0 ? 0.0 : double(i) / steps;
        disk(plane, width, height, static_cast<int>(std::lround(a.x + t * (b.x - a.x))),
             static_cast<int>(std::lround(a.y + t * (b.y - a.y))), radius);
    }
}

// Labels 4-connected regions of `on`; returns the pixels of the largest (first found on ties).
std::vector<int> largestRegion(const std::vector<std::uint8_t>& on, int width, int height)
{
    std::vector<int> label(on.size(), -1), best, current, stack;
    int next = 0;
    for (int start = 0; start < static_cast<int>(on.size()); ++start) {
        if (!on[start] || label[start] >= 0)
            continue;
        current.clear();
        stack.assign(1, start);
        label[start] = next;
        while (!stack.empty()) {
            const int p = stack.back();
            stack.pop_back();
            current.push_back(p);
            const int x = p % width, y = p / width;
            const int around[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
            for (const auto& q : around) {
                if (q[0] < 0 || q[1] < 0 || q[0] >= width || q[1] >= height)
                    continue;
                const int k = q[1] * width + q[0];
                if (on[k] && label[k] < 0) {
                    label[k] = next;
                    stack.push_back(k);
                }
            }
        }
        ++next;
        if (current.size() > best.size())
            best = current;
    }
    return best;
}

// Chamfer (3-4) distance from each pixel of `region` to the nearest pixel outside it; the image
// border counts as outside, so a click never lands on the frame's edge when there is room.
std::vector<int> interiorDistance(const std::vector<std::uint8_t>& region, int width, int height)
{
    const int inf = std::numeric_limits<int>::max() / 4;
    std::vector<int> d(region.size());
    for (std::size_t i = 0; i < d.size(); ++i)
        d[i] = region[i] ? inf : 0;
    auto at = [&](int x, int y) { return (x < 0 || y < 0 || x >= width || y >= height) ? 0 : d[std::size_t(y) * width + x]; };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            int& v = d[std::size_t(y) * width + x];
            if (v)
                v = std::min({v, at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4});
        }
    for (int y = height - 1; y >= 0; --y)
        for (int x = width - 1; x >= 0; --x) {
            int& v = d[std::size_t(y) * width + x];
            if (v)
                v = std::min({v, at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4});
        }
    return d;
}

} // namespace

std::vector<float> encodePrompts(const PromptSet& prompts, int width, int height, float radius)
{
    const std::size_t plane = static_cast<std::size_t>(width) * height;
    std::vector<float> maps(plane * kPromptPlanes, 0.0f);
    for (const auto& c : prompts.clicks)
        disk(maps.data() + (c.positive ? 0 : plane), width, height, c.x, c.y, radius);
    for (const auto& s : prompts.scribbles) {
        if (s.points.empty())
            continue;
        float* target = maps.data() + (s.points.front().positive ? 0 : plane);
        for (std::size_t i = 0; i < s.points.size(); ++i)
            stroke(target, width, height, s.points[i], s.points[i + 1 < s.points.size() ? i + 1 : i], radius);
    }
    if (prompts.box && !prompts.box->empty()) {
        const Box& b = *prompts.box;
        for (int y = std::max(0, b.y0); y < std::min(height, b.y1); ++y)
            std::fill_n(maps.data() + 2 * plane + std::size_t(y) * width + std::max(0, b.x0),
                        std::max(0, std::min(width, b.x1) - std::max(0, b.x0)), 1.0f);
    }
    return maps;
}

Box focusWindow(const PromptSet& prompts, const std::uint8_t* mask, int width, int height, double expand, int minSide)
{
    int x0 = width, y0 = height, x1 = 0, y1 = 0;
    auto include = [&](int x, int y) {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x + 1);
        y1 = std::max(y1, y + 1);
    };
    for (const auto& c : prompts.clicks)
        include(std::clamp(c.x, 0, width - 1), std::clamp(c.y, 0, height - 1));
    for (const auto& s : prompts.scribbles)
        for (const auto& p : s.points)
            include(std::clamp(p.x, 0, width - 1), std::clamp(p.y, 0, height - 1));
    if (prompts.box && !prompts.box->empty()) {
        include(std::clamp(prompts.box->x0, 0, width - 1), std::clamp(prompts.box->y0, 0, height - 1));
        include(std::clamp(prompts.box->x1 - 1, 0, width - 1), std::clamp(prompts.box->y1 - 1, 0, height - 1));
    }
    if (mask)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                if (mask[std::size_t(y) * width + x])
                    include(x, y);
    if (x1 <= x0 || y1 <= y0)
        return {0, 0, width, height};
    // Square around the centre: the network input is square, so the object keeps its aspect.
    const double side = std::max({double(minSide), (x1 - x0) * expand, (y1 - y0) * expand});
    const int w = static_cast<int>(std::min<double>(width, std::ceil(side)));
    const int h = static_cast<int>(std::min<double>(height, std::ceil(side)));
    const double cx = (x0 + x1) / 2.0, cy = (y0 + y1) / 2.0;
    const int bx = std::clamp(static_cast<int>(std::lround(cx - w / 2.0)), 0, width - w);
    const int by = std::clamp(static_cast<int>(std::lround(cy - h / 2.0)), 0, height - h);
    return {bx, by, bx + w, by + h};
}

std::optional<Box> boxOfMask(const std::uint8_t* mask, int width, int height, double jitter, std::mt19937& rng)
{
    int x0 = width, y0 = height, x1 = 0, y1 = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (mask[std::size_t(y) * width + x]) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x + 1);
                y1 = std::max(y1, y + 1);
            }
    if (x1 <= x0)
        return std::nullopt;
    if (jitter > 0) {
        std::uniform_real_distribution<double> u(-jitter, jitter);
        const double w = x1 - x0, h = y1 - y0;
        x0 = std::clamp(static_cast<int>(std::lround(x0 + u(rng) * w)), 0, width - 1);
        y0 = std::clamp(static_cast<int>(std::lround(y0 + u(rng) * h)), 0, height - 1);
        x1 = std::clamp(static_cast<int>(std::lround(x1 + u(rng) * w)), x0 + 1, width);
        y1 = std::clamp(static_cast<int>(std::lround(y1 + u(rng) * h)), y0 + 1, height);
    }
    return Box{x0, y0, x1, y1};
}

std::optional<Click> nextClick(const std::uint8_t* truth, const std::uint8_t* prediction, int width, int height,
                               std::mt19937* rng)
{
    const std::size_t n = static_cast<std::size_t>(width) * height;
    std::vector<std::uint8_t> missed(n), spilled(n);
    for (std::size_t i = 0; i < n; ++i) {
        missed[i] = truth[i] && !prediction[i];
        spilled[i] = !truth[i] && prediction[i];
    }
    const std::vector<int> fn = largestRegion(missed, width, height);
    const std::vector<int> fp = largestRegion(spilled, width, height);
    if (fn.empty() && fp.empty())
        return std::nullopt;
    const bool positive = fn.size() >= fp.size();
    std::vector<std::uint8_t> region(n, 0);
    for (int p : positive ? fn : fp)
        region[static_cast<std::size_t>(p)] = 1;
    const std::vector<int> d = interiorDistance(region, width, height);
    auto best = std::max_element(d.begin(), d.end()) - d.begin();
    if (rng) { // anywhere well inside: at least 40% of the deepest pixel's distance from the border
        const int floor = std::max(1, static_cast<int>(0.4 * d[static_cast<std::size_t>(best)]));
        std::vector<std::size_t> inside;
        for (std::size_t i = 0; i < n; ++i)
            if (d[i] >= floor)
                inside.push_back(i);
        best = static_cast<std::ptrdiff_t>(inside[std::uniform_int_distribution<std::size_t>(0, inside.size() - 1)(*rng)]);
    }
    return Click{static_cast<int>(best % width), static_cast<int>(best / width), positive};
}

int clicksToReach(const std::vector<double>& dicePerClick, double threshold, int maxClicks)
{
    for (std::size_t i = 0; i < dicePerClick.size() && static_cast<int>(i) < maxClicks; ++i)
        if (dicePerClick[i] >= threshold)
            return static_cast<int>(i) + 1;
    return maxClicks;
}

} // namespace delineo::ml
