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

// One edit a tool asks for. Paint and Erase name the pixels the tool covers (`coverage`, one byte
// per pixel of `area`, non-zero = covered); what happens to each covered pixel follows `rules`
// (overwrite other classes or only background, the threshold brush's paintable pixels). Replace
// gives the whole next map (AI accept, mask operations, whose own rules made it).
struct MaskEdit {
    enum class Mode { Paint, Erase, Replace };
    Mode mode = Mode::Paint;
    std::uint8_t label = 1;
    Rect area;
    std::vector<std::uint8_t> coverage;
    LabelMap replacement;
    BrushSettings rules;
    std::string description;
    std::uint64_t group = 0; // see EditCommand::group
    // Part of the open stroke: painted now, recorded as one undo command by endStroke().
    bool continuesStroke = false;
};

// The pixels of a brush dragged from (x0, y0) to (x1, y1) (stamps at most a quarter radius apart,
// so fast drags leave no gaps), clipped to a width x height map; `first` stamps (x1, y1) alone.
MaskEdit brushSegment(int width, int height, double x0, double y0, double x1, double y1, bool first, int radius,
                      BrushShape shape);
// The pixels inside a polygon (image pixel coordinates, closed implicitly).
MaskEdit polygonArea(int width, int height, const std::vector<std::array<double, 2>>& points);
// The 4-connected region of (x, y)'s current value that `label` may take under `rules`.
MaskEdit floodRegion(const LabelMap& map, int x, int y, std::uint8_t label, const BrushSettings& rules);

// The single path that edits a label map: apply() writes every edit, enforcing the overwrite and
// class rules, and records each edit (or each whole stroke) as exactly one undo command.
class MaskEditor {
public:
    MaskEditor() = default;
    explicit MaskEditor(LabelMap map) { reset(std::move(map)); }
    void reset(LabelMap map); // new image: clears history

    const LabelMap& labels() const { return map_; }
    UndoHistory& history() { return history_; }
    const UndoHistory& history() const { return history_; }

    // Applies the edit; returns the area that changed (empty when nothing did).
    Rect apply(const MaskEdit& edit);
    // Ends the open stroke; records one command if anything changed. Returns true if it did.
    bool endStroke();
    bool inStroke() const { return inStroke_; }

    // Edits built for apply(), for tools and scripts that think in strokes, polygons and fills.
    void beginStroke(std::uint8_t label, bool erase, const BrushSettings& brush);
    Rect strokeTo(double x, double y);
    bool fillPolygon(const std::vector<std::array<double, 2>>& points, std::uint8_t label, bool erase,
                     const BrushSettings& brush);
    bool floodFill(int x, int y, std::uint8_t label, const BrushSettings& brush);
    bool replace(const LabelMap& next, const std::string& description, std::uint64_t group = 0);

    Rect undo()
    {
        endStroke();
        ++changes_;
        anyLabel_ = -1;
        return history_.undo(map_);
    }
    Rect redo()
    {
        endStroke();
        ++changes_;
        anyLabel_ = -1;
        return history_.redo(map_);
    }
    // Grows with every edit, undo and redo: lets an autosave tell whether anything happened.
    std::uint64_t changeCount() const { return changes_; }
    bool modified() const { return history_.position() != savedPosition_ || dirtyUnknown_; }
    void markSaved() { savedPosition_ = history_.position(); dirtyUnknown_ = false; }

    // The label map kept as runs (the workspace's code) and its undo pixels deflated while the slice
    // is far from the reader, so a procedure's thousands of accepted frames cost kilobytes each.
    // History texts, order and counts stay readable; labels() and every edit need unpack() first
    // (an edit of a packed map changes nothing). An open stroke is never packed.
    void pack();
    void unpack();
    bool packed() const { return packed_; }
    // A stored map taken as it is stored, packed and without history (as reset() would).
    // Throws ImageError when the runs do not fill width x height.
    void adoptRuns(int width, int height, std::vector<std::uint8_t> runs);
    bool hasLabel() const; // any foreground pixel; a packed map answers from its runs
    std::size_t heldBytes() const; // the map and its undo pixels, packed or not

private:
    bool record(const LabelMap& before, const std::string& description, std::uint64_t group = 0);

    LabelMap map_;
    LabelMap strokeBefore_;
    std::string strokeDescription_;
    UndoHistory history_;
    bool inStroke_ = false;
    // beginStroke()/strokeTo() state.
    MaskEdit stroke_;
    double lastX_ = 0, lastY_ = 0;
    bool hasLast_ = false;
    std::size_t savedPosition_ = 0;
    bool dirtyUnknown_ = false;
    std::uint64_t changes_ = 0;
    bool packed_ = false;
    // hasLabel() as last answered (-1: not known since the map changed): the slider's marks ask it
    // of every slice at every slice shown, and a map scanned to its first label is most of one.
    mutable signed char anyLabel_ = -1;
    std::vector<std::uint8_t> packedRuns_, packedTiles_;
    std::size_t tileBytes_ = 0; // the undo pixels' size before deflating
};

} // namespace delineo::core
