#include "delineo/core/UndoHistory.h"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace delineo::core {

std::uint64_t nextEditSerial()
{
    static std::atomic<std::uint64_t> serials{0};
    return ++serials;
}

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
    command.serial = nextEditSerial();
    bytes_ += command.bytes();
    commands_.push_back(std::move(command));
    position_ = commands_.size();
    while (bytes_ > budget_ && commands_.size() > minimum_) {
        bytes_ -= commands_.front().bytes();
        commands_.erase(commands_.begin());
        --position_;
    }
}

EditCommand EditCommand::between(const LabelMap& before, const LabelMap& after, std::string description)
{
    EditCommand c;
    c.description = std::move(description);
    const int w = after.width, h = after.height, t = kTileSize;
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int ty = 0; ty < h; ty += t) {
        for (int tx = 0; tx < w; tx += t) {
            const Rect r{tx, ty, std::min(t, w - tx), std::min(t, h - ty)};
            bool changed = false;
            for (int y = r.y; y < r.y + r.height && !changed; ++y)
                changed = std::memcmp(&before.labels[std::size_t(y) * w + r.x], &after.labels[std::size_t(y) * w + r.x],
                                      std::size_t(r.width)) != 0;
            if (!changed)
                continue;
            TileDiff d;
            d.rect = r;
            for (int y = r.y; y < r.y + r.height; ++y) {
                const std::size_t off = std::size_t(y) * w + r.x;
                d.before.insert(d.before.end(), before.labels.begin() + off, before.labels.begin() + off + r.width);
                d.after.insert(d.after.end(), after.labels.begin() + off, after.labels.begin() + off + r.width);
            }
            c.tiles.push_back(std::move(d));
            x0 = std::min(x0, r.x);
            y0 = std::min(y0, r.y);
            x1 = std::max(x1, r.x + r.width);
            y1 = std::max(y1, r.y + r.height);
        }
    }
    if (x1 >= 0)
        c.rect = {x0, y0, x1 - x0, y1 - y0};
    return c;
}

void UndoHistory::write(LabelMap& map, const EditCommand& c, bool after)
{
    for (const auto& t : c.tiles) {
        const auto& pixels = after ? t.after : t.before;
        for (int y = 0; y < t.rect.height; ++y)
            std::memcpy(&map.at(t.rect.x, t.rect.y + y), pixels.data() + std::size_t(y) * t.rect.width,
                        std::size_t(t.rect.width));
    }
}

Rect UndoHistory::undo(LabelMap& map)
{
    if (!canUndo())
        return {};
    const EditCommand& c = commands_[--position_];
    write(map, c, false);
    return c.rect;
}

Rect UndoHistory::redo(LabelMap& map)
{
    if (!canRedo())
        return {};
    const EditCommand& c = commands_[position_++];
    write(map, c, true);
    return c.rect;
}

void UndoHistory::clear()
{
    commands_.clear();
    position_ = 0;
    bytes_ = 0;
}

void UndoHistory::movePixelsTo(std::vector<std::uint8_t>& out)
{
    for (auto& c : commands_)
        for (auto& t : c.tiles) {
            out.insert(out.end(), t.before.begin(), t.before.end());
            out.insert(out.end(), t.after.begin(), t.after.end());
            t.before = std::vector<std::uint8_t>();
            t.after = std::vector<std::uint8_t>();
        }
}

void UndoHistory::takePixelsFrom(const std::uint8_t*& in)
{
    for (auto& c : commands_)
        for (auto& t : c.tiles) {
            const std::size_t n = std::size_t(t.rect.width) * t.rect.height;
            t.before.assign(in, in + n);
            t.after.assign(in + n, in + 2 * n);
            in += 2 * n;
        }
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
