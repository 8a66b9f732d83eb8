#include "delineo/core/MaskOps.h"
#include "delineo/core/Errors.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>

namespace delineo::core {

namespace {

cv::Mat classMask(const LabelMap& m, std::uint8_t label)
{
    cv::Mat view(m.height, m.width, CV_8UC1, const_cast<std::uint8_t*>(m.labels.data()));
    cv::Mat out;
    cv::compare(view, label, out, cv::CMP_EQ); // 255 where the class is
    return out;
}

// Writes `mask` (255 = class) back for one class: removed pixels become background; added pixels
// take the class where they were background (or anywhere with overwriteOthers).
LabelMap applyClass(const LabelMap& labels, std::uint8_t label, const cv::Mat& mask, bool overwriteOthers)
{
    LabelMap out = labels;
    for (int y = 0; y < labels.height; ++y) {
        const std::uint8_t* m = mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < labels.width; ++x) {
            std::uint8_t& v = out.at(x, y);
            if (m[x] && v != label && (v == 0 || overwriteOthers))
                v = label;
            else if (!m[x] && v == label)
                v = 0;
        }
    }
    return out;
}

void requireSameSize(const LabelMap& a, const LabelMap& b)
{
    if (a.width != b.width || a.height != b.height)
        throw ImageError(ErrorCode::WrongSize, "the slices differ in size (" + std::to_string(a.width) + "x" +
                                                   std::to_string(a.height) + " vs " + std::to_string(b.width) + "x" +
                                                   std::to_string(b.height) + ")");
}

// Signed distance: negative inside the class, positive outside (pixels).
cv::Mat signedDistance(const cv::Mat& mask)
{
    cv::Mat inside, outside, inv;
    cv::bitwise_not(mask, inv);
    cv::distanceTransform(inv, outside, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::distanceTransform(mask, inside, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    return outside - inside;
}

} // namespace

LabelMap fillHoles(const LabelMap& labels, std::uint8_t label, bool overwriteOthers)
{
    cv::Mat mask = classMask(labels, label);
    // Flood the outside from a one-pixel frame; what the flood cannot reach is enclosed.
    cv::Mat framed;
    cv::copyMakeBorder(mask, framed, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    cv::floodFill(framed, cv::Point(0, 0), 128);
    cv::Mat enclosed = framed(cv::Rect(1, 1, labels.width, labels.height)) == 0;
    return applyClass(labels, label, mask | enclosed, overwriteOthers);
}

LabelMap removeSmallIslands(const LabelMap& labels, std::uint8_t label, int minArea)
{
    const cv::Mat mask = classMask(labels, label);
    cv::Mat ids, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, ids, stats, centroids, 8, CV_32S);
    cv::Mat keep = cv::Mat::zeros(mask.size(), CV_8UC1);
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= minArea)
            keep.setTo(255, ids == i);
    return applyClass(labels, label, keep, false);
}

LabelMap smoothClass(const LabelMap& labels, std::uint8_t label, int radius, bool overwriteOthers)
{
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
    cv::Mat mask = classMask(labels, label);
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel);
    return applyClass(labels, label, mask, overwriteOthers);
}

LabelMap copyClassFrom(const LabelMap& target, const LabelMap& source, std::uint8_t label, bool overwriteOthers)
{
    requireSameSize(target, source);
    return applyClass(target, label, classMask(source, label), overwriteOthers);
}

LabelMap interpolateClass(const LabelMap& target, const LabelMap& a, const LabelMap& b, std::uint8_t label, double t,
                          bool overwriteOthers)
{
    requireSameSize(target, a);
    requireSameSize(target, b);
    const cv::Mat blend = signedDistance(classMask(a, label)) * (1.0 - t) + signedDistance(classMask(b, label)) * t;
    cv::Mat mask = blend < 0;
    return applyClass(target, label, mask, overwriteOthers);
}

LabelMap mergePreview(const LabelMap& current, const LabelMap& preview, int onlyLabel, bool overwriteManual)
{
    requireSameSize(current, preview);
    LabelMap out = current;
    for (std::size_t i = 0; i < out.labels.size(); ++i) {
        const std::uint8_t p = preview.labels[i];
        if (onlyLabel > 0 && p != onlyLabel)
            continue;
        if (out.labels[i] == 0 || overwriteManual)
            out.labels[i] = p;
    }
    return out;
}

LabelMap outlineOf(const LabelMap& m)
{
    LabelMap out(m.width, m.height);
    for (int y = 0; y < m.height; ++y)
        outlineRow(m, y, out.labels.data() + static_cast<std::size_t>(y) * m.width);
    return out;
}

void outlineRow(const LabelMap& m, int y, std::uint8_t* dst)
{
    // A band two pixels wide inside each region: still visible when a 1080p frame is zoomed out. A
    // pixel is on it when a pixel at most two steps away (|dx| + |dy| <= 2) holds another value or
    // lies outside the map: every labelled pixel within two of the border, and inside, the twelve
    // neighbours compared directly (each AI result waiting on a plane is outlined at every repaint).
    const int w = m.width, h = m.height;
    const std::ptrdiff_t s = w;
    const std::uint8_t* row = m.labels.data() + static_cast<std::size_t>(y) * w;
    const bool inner = y >= 2 && y < h - 2;
    for (int x = 0; x < w; ++x) {
        const std::uint8_t v = row[x];
        const std::uint8_t* r = row + x;
        const bool edge = v && (!inner || x < 2 || x >= w - 2 || r[-1] != v || r[1] != v || r[-s] != v || r[s] != v ||
                                r[-2] != v || r[2] != v || r[-2 * s] != v || r[2 * s] != v || r[-s - 1] != v ||
                                r[-s + 1] != v || r[s - 1] != v || r[s + 1] != v);
        dst[x] = edge ? v : 0;
    }
}

bool anyForeground(const std::vector<std::uint8_t>& labels)
{
    // Blocks OR-ed whole (the compiler vectorises that; an early-exit loop it does not): the
    // timeline asks this of every annotated frame whenever the shown frame changes.
    const std::uint8_t* p = labels.data();
    const std::size_t n = labels.size();
    constexpr std::size_t kBlock = 4096;
    for (std::size_t at = 0; at < n; at += kBlock) {
        std::uint8_t any = 0;
        for (std::size_t i = at, end = std::min(n, at + kBlock); i < end; ++i)
            any |= p[i];
        if (any)
            return true;
    }
    return false;
}

} // namespace delineo::core
