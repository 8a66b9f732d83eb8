#include "delineo/core/UndoHistory.h"

#include <cstring>

namespace delineo::core {

UndoHistory::UndoHistory(std::size_t byteBudget, std::size_t minimumCommands)
    : budget_(byteBudget), minimum_(minimumCommands)
{
}

void UndoHistory::push(EditCommand command)
{
    // A new edit discards the redo branch.
    for (std::size_t i = position_; i < commands_.size(); ++i)
        bytes_ -= commands_[i].bytes();
    commands_.resize(position_);
    bytes_ += command.bytes();
    commands_.push_back(std::move(command));
    position_ = commands_.size();
    while (bytes_ > budget_ && commands_.size() > minimum_) {
        bytes_ -= commands_.front().bytes();
        commands_.erase(commands_.begin());
        --position_;
    }
}

void UndoHistory::write(LabelMap& map, const Rect& r, const std::vector<std::uint8_t>& pixels)
{
    for (int y = 0; y < r.height; ++y)
        std::memcpy(&map.at(r.x, r.y + y), pixels.data() + static_cast<std::size_t>(y) * r.width, r.width);
}

Rect UndoHistory::undo(LabelMap& map)
{
    if (!canUndo())
        return {};
    const EditCommand& c = commands_[--position_];
    write(map, c.rect, c.before);
    return c.rect;
}

Rect UndoHistory::redo(LabelMap& map)
{
    if (!canRedo())
        return {};
    const EditCommand& c = commands_[position_++];
    write(map, c.rect, c.after);
    return c.rect;
}

void UndoHistory::clear()
{
    commands_.clear();
    position_ = 0;
    bytes_ = 0;
}

std::string UndoHistory::undoText() const { return canUndo() ? commands_[position_ - 1].description : ""; }
std::string UndoHistory::redoText() const { return canRedo() ? commands_[position_].description : ""; }

std::vector<std::string> UndoHistory::descriptions() const
{
    std::vector<std::string> out;
    for (const auto& c : commands_)
        out.push_back(c.description);
    return out;
}

} // namespace delineo::core
