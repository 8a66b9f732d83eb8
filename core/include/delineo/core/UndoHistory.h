#pragma once
#include "delineo/core/Image.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::core {

struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
    bool empty() const { return width <= 0 || height <= 0; }
};

// The before/after pixels of one tile that changed.
struct TileDiff {
    Rect rect;
    std::vector<std::uint8_t> before, after;
};

// One undoable change of a label map, kept as the tiles (kTileSize square) that actually changed:
// a long thin stroke costs its tiles, not its bounding box. `rect` bounds them all (for repaint).
struct EditCommand {
    static constexpr int kTileSize = 32;
    std::string description;
    Rect rect;
    std::vector<TileDiff> tiles;
    // One edit of several slices (a coronal stroke, a 3D operation) is a command on each slice with
    // the same group; 0 for an edit of one slice. `serial` orders commands across slices.
    std::uint64_t group = 0, serial = 0;
    std::size_t bytes() const
    {
        std::size_t n = description.size() + sizeof(*this);
        for (const auto& t : tiles)
            n += t.before.size() + t.after.size() + sizeof(TileDiff);
        return n;
    }
    // The diff between two maps of the same size; no tiles when they are equal.
    static EditCommand between(const LabelMap& before, const LabelMap& after, std::string description);
};

// One counter for every undoable change (mask commands, measurements): whichever history holds the
// highest serial made the newest change, so one Undo can take back what was done last.
std::uint64_t nextEditSerial();

// Linear undo/redo with a byte budget; the oldest commands go first, but at least
// `minimumCommands` are always kept.
class UndoHistory {
public:
    explicit UndoHistory(std::size_t byteBudget = 256u << 20, std::size_t minimumCommands = 20);
    void push(EditCommand command);
    bool canUndo() const { return position_ > 0; }
    bool canRedo() const { return position_ < commands_.size(); }
    // Apply to `map`; return the rectangle that changed (empty if nothing to do).
    Rect undo(LabelMap& map);
    Rect redo(LabelMap& map);
    void clear();
    std::size_t size() const { return commands_.size(); }
    std::size_t position() const { return position_; }
    std::size_t bytes() const { return bytes_; }
    // The command undo() / redo() would apply next (null: none).
    const EditCommand* nextUndo() const { return canUndo() ? &commands_[position_ - 1] : nullptr; }
    const EditCommand* nextRedo() const { return canRedo() ? &commands_[position_] : nullptr; }
    std::string undoText() const;
    std::string redoText() const;
    std::vector<std::string> descriptions() const;
    // Every command's tile pixels appended to `out` and released, in order (a packed editor), and
    // read back from `in` (which advances) into the same tiles. Only a history with its pixels in
    // place takes new commands, so the byte budget counts them.
    void movePixelsTo(std::vector<std::uint8_t>& out);
    void takePixelsFrom(const std::uint8_t*& in);

private:
    static void write(LabelMap& map, const EditCommand& c, bool after);
    std::vector<EditCommand> commands_;
    std::size_t position_ = 0;
    std::size_t bytes_ = 0;
    std::size_t budget_, minimum_;
};

} // namespace delineo::core
