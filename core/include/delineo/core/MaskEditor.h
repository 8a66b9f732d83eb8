#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/UndoHistory.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace delineo::core {

enum class BrushShape { Round, Square };

struct BrushSettings {
    int radius = 10;             // pixels
    BrushShape shape = BrushShape::Round;
    bool overwriteOthers = true; // paint over other classes; off = paint only background
    // Threshold-limited painting: only pixels whose mask value is non-zero change (image size).
    std::shared_ptr<const std::vector<std::uint8_t>> paintable;
};

// 1 where the image's first channel lies in [lo, hi], for a threshold-limited brush.
std::shared_ptr<const std::vector<std::uint8_t>> pixelsInRange(const Image& image, double lo, double hi);

// The single path that edits a label map: brush strokes and whole-map replacements, each
// recorded as exactly one undo command.
class MaskEditor {
public:
    MaskEditor() = default;
    explicit MaskEditor(LabelMap map) { reset(std::move(map)); }
    void reset(LabelMap map); // new image: clears history

    const LabelMap& labels() const { return map_; }
    UndoHistory& history() { return history_; }
    const UndoHistory& history() const { return history_; }

    // Paint writes `label`; erase writes 0 (only over `label` unless overwriteOthers).
    void beginStroke(std::uint8_t label, bool erase, const BrushSettings& brush);
    // Stamps the brush along the segment from the previous point; returns the changed area.
    Rect strokeTo(double x, double y);
    // Ends the stroke; records one command if anything changed. Returns true if it did.
    bool endStroke();
    bool inStroke() const { return inStroke_; }

    // Fills the polygon (image pixel coordinates; closed implicitly) with `label`, or erases
    // `label` inside it: one undoable command. Returns true if anything changed.
    bool fillPolygon(const std::vector<std::array<double, 2>>& points, std::uint8_t label, bool erase,
                     const BrushSettings& brush);
    // Gives the 4-connected region of (x, y)'s current value `label` (respecting the brush's
    // overwrite and threshold limits): one undoable command.
    bool floodFill(int x, int y, std::uint8_t label, const BrushSettings& brush);

    // Replaces the whole map (AI accept, morphological ops): one undoable command.
    bool replace(const LabelMap& next, const std::string& description);

    Rect undo()
    {
        ++changes_;
        return history_.undo(map_);
    }
    Rect redo()
    {
        ++changes_;
        return history_.redo(map_);
    }
    // Grows with every edit, undo and redo: lets an autosave tell whether anything happened.
    std::uint64_t changeCount() const { return changes_; }
    bool modified() const { return history_.position() != savedPosition_ || dirtyUnknown_; }
    void markSaved() { savedPosition_ = history_.position(); dirtyUnknown_ = false; }

private:
    Rect stamp(int cx, int cy);
    bool record(const LabelMap& before, const std::string& description);

    LabelMap map_;
    LabelMap strokeBefore_;
    UndoHistory history_;
    bool inStroke_ = false;
    bool erase_ = false;
    std::uint8_t label_ = 1;
    BrushSettings brush_;
    double lastX_ = 0, lastY_ = 0;
    bool hasLast_ = false;
    Rect strokeRect_;
    std::size_t savedPosition_ = 0;
    bool dirtyUnknown_ = false;
    std::uint64_t changes_ = 0;
};

} // namespace delineo::core
