#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/UndoHistory.h"

#include <QImage>

#include <cstdint>
#include <vector>

namespace delineo::vm {

// Paints `labels` into the ARGB32 overlay within `area` (colours[label], 0 transparent). Outline
// mode paints a two-pixel band inside each class border, so the anatomy stays visible. Returns the
// area repainted (outlines reach two pixels further).
QRect paintOverlay(QImage& overlay, const core::LabelMap& labels, const std::vector<QRgb>& colours,
                   const core::Rect& area, bool outlines);

// An AI preview: opaque outlines of each class, the inside optionally tinted by the model's
// probability (`confidence`, 0..255 per pixel; empty: no tint).
QImage previewImage(const core::LabelMap& labels, const std::vector<std::uint8_t>& confidence,
                    const std::vector<QRgb>& colours);

} // namespace delineo::vm
