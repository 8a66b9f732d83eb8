#pragma once
#include "delineo/core/Image.h"

namespace delineo::core {

// Whole-mask operations on one class. Each returns a new map for MaskEditor::replace (one undoable
// command). Pixels of other classes are kept unless `overwriteOthers`.

// Fills background enclosed by the class (holes not connected to the image border).
LabelMap fillHoles(const LabelMap& labels, std::uint8_t label, bool overwriteOthers = false);
// Clears connected pieces (8-connected) of the class smaller than minArea pixels.
LabelMap removeSmallIslands(const LabelMap& labels, std::uint8_t label, int minArea);
// Morphological opening then closing with a disc of `radius`: drops specks, smooths the outline.
LabelMap smoothClass(const LabelMap& labels, std::uint8_t label, int radius, bool overwriteOthers = false);
// The class taken from a neighbouring slice or frame (same size required; ImageError otherwise).
LabelMap copyClassFrom(const LabelMap& target, const LabelMap& source, std::uint8_t label, bool overwriteOthers = false);
// Shape-based interpolation at t in (0, 1) between the class in `a` (t = 0) and `b` (t = 1): signed
// distance maps blended linearly, written into `target`.
LabelMap interpolateClass(const LabelMap& target, const LabelMap& a, const LabelMap& b, std::uint8_t label, double t,
                          bool overwriteOthers = false);

// Accepting an AI result: the preview's labels where the current mask is background; pixels a
// person already labelled are kept unless `overwriteManual`. With `onlyLabel` > 0 only that class
// of the preview is taken (nothing else changes).
LabelMap mergePreview(const LabelMap& current, const LabelMap& preview, int onlyLabel, bool overwriteManual);
// The inner border (two pixels wide) of every class, others 0: how a preview is drawn.
LabelMap outlineOf(const LabelMap& labels);
void outlineRow(const LabelMap& labels, int y, std::uint8_t* out); // row y of outlineOf into out (width values)
// Whether any label is not background (a label map's or a model's raw labels).
bool anyForeground(const std::vector<std::uint8_t>& labels);

} // namespace delineo::core
