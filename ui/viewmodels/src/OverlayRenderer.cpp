#include "delineo/viewmodels/OverlayRenderer.h"

#include "delineo/core/MaskOps.h"
#include "delineo/core/ParallelFor.h"

#include <algorithm>

namespace delineo::vm {

std::vector<bool> allOutlined(bool outlines) { return std::vector<bool>(256, outlines); }

QRect paintOverlay(QImage& ov, const core::LabelMap& lab, const std::vector<QRgb>& colours, const core::Rect& r,
                   const std::vector<bool>& outlined)
{
    if (ov.isNull() || r.empty() || ov.width() != lab.width || ov.height() != lab.height)
        return {};
    if (std::none_of(outlined.begin(), outlined.end(), [](bool b) { return b; })) {
        for (int y = r.y; y < r.y + r.height; ++y) {
            auto* line = reinterpret_cast<QRgb*>(ov.scanLine(y));
            const std::uint8_t* src = &lab.labels[std::size_t(y) * lab.width];
            for (int x = r.x; x < r.x + r.width; ++x)
                line[x] = colours[src[x]];
        }
        return QRect(r.x, r.y, r.width, r.height);
    }
    const int x0 = std::max(0, r.x - 2), y0 = std::max(0, r.y - 2);
    const int x1 = std::min(lab.width, r.x + r.width + 2), y1 = std::min(lab.height, r.y + r.height + 2);
    auto differs = [&](int x, int y, std::uint8_t v) {
        return x < 0 || y < 0 || x >= lab.width || y >= lab.height || lab.at(x, y) != v;
    };
    for (int y = y0; y < y1; ++y) {
        auto* line = reinterpret_cast<QRgb*>(ov.scanLine(y));
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t v = lab.at(x, y);
            if (v >= outlined.size() || !outlined[v]) {
                line[x] = colours[v];
                continue;
            }
            bool edge = false;
            for (int d = 1; d <= 2 && !edge; ++d)
                edge = differs(x - d, y, v) || differs(x + d, y, v) || differs(x, y - d, v) || differs(x, y + d, v);
            line[x] = colours[edge ? v : 0];
        }
    }
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

QImage previewImage(const core::LabelMap& labels, const std::vector<std::uint8_t>& confidence,
                    const std::vector<QRgb>& colours)
{
    const bool shade = confidence.size() == labels.labels.size();
    QImage img(labels.width, labels.height, QImage::Format_ARGB32_Premultiplied);
    uchar* bits = img.bits(); // detached here, not from the rows' threads
    const qsizetype stride = img.bytesPerLine();
    // By rows on every core: three of these (the slice's and two planes') at each crosshair move.
    core::parallelFor(std::size_t(std::max(0, labels.height)), 0, [&](std::size_t row) {
        const int y = int(row);
        std::vector<std::uint8_t> outline(std::size_t(labels.width));
        core::outlineRow(labels, y, outline.data());
        auto* line = reinterpret_cast<QRgb*>(bits + stride * y);
        const std::size_t at = static_cast<std::size_t>(y) * labels.width;
        for (int x = 0; x < labels.width; ++x) {
            const std::uint8_t v = outline[std::size_t(x)], l = labels.labels[at + x];
            if (v) {
                line[x] = colours[v] | 0xff000000u;
            } else if (shade && l) {
                const QRgb c = colours[l];
                const int a = confidence[at + x] * 3 / 5; // up to 60% opaque where certain
                line[x] = qPremultiply(qRgba(qRed(c), qGreen(c), qBlue(c), a));
            } else {
                line[x] = 0u;
            }
        }
    });
    return img;
}

} // namespace delineo::vm
