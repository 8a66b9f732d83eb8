#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/UndoHistory.h"

#include <QImage>

#include <cstdint>
#include <vector>

namespace delineo::vm {

// Paints `labels` into the ARGB32 overlay within `area` (colours[label], 0 transparent). Classes
// whose `outlined[label]` is set get a two-pixel band inside their border instead of a fill, so
// the anatomy stays visible. Returns the area repainted (outlines reach two pixels further).
QRect paintOverlay(QImage& overlay, const core::LabelMap& labels, const std::vector<QRgb>& colours,
                   const core::Rect& area, const std::vector<bool>& outlined);
// Every class drawn as an outline, or none.
std::vector<bool> allOutlined(bool outlines);

// An AI preview: opaque outlines of each class, the inside optionally tinted by the model's
// probability (`confidence`, 0..255 per pixel; empty: no tint).
QImage previewImage(const core::LabelMap& labels, const std::vector<std::uint8_t>& confidence,
                    const std::vector<QRgb>& colours);

} // namespace delineo::vm
