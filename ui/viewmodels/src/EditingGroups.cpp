// EditingController: undo and redo, with edits of several slices (a stroke on a coronal or sagittal
// plane, interpolation, 3D operations) undone and redone as one step. Each such edit is a command
// on every slice it changed, all with one group id; a group steps only when every one of its slices
// has its command next in line, so no slice is ever left half undone.
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"

#include <algorithm>

namespace delineo::vm {

namespace {

const core::EditCommand* nextCommand(const core::MaskEditor* editor, bool undo)
{
    if (!editor)
        return nullptr;
    return undo ? editor->history().nextUndo() : editor->history().nextRedo();
}

} // namespace

const EditingController::Group* EditingController::findGroup(std::uint64_t id) const
{
    for (const Group& g : groups_)
        if (g.id == id)
            return &g;
    return nullptr;
}

std::uint64_t EditingController::groupReady(const Group& g, bool undo) const
{
    std::uint64_t serial = 0;
    for (int z : g.slices) {
        const core::EditCommand* c = nextCommand(document_.document().findEditor(z), undo);
        if (!c || c->group != g.id)
            return 0;
        serial = std::max(serial, c->serial);
    }
    return serial;
}

bool EditingController::stepGroup(std::uint64_t id, bool undo)
{
    const Group* g = findGroup(id);
    if (!g || !groupReady(*g, undo)) {
        notices_.inform(undo ? tr("That edit spans several slices and one of them has a later edit: undo that first.")
                             : tr("That edit spans several slices and one of them was edited since: it cannot be redone."),
                        8000);
        return false;
    }
    for (int z : g->slices) {
        core::MaskEditor& ed = document_.document().editor(z);
        Q_EMIT maskChanged(z, undo ? ed.undo() : ed.redo());
    }
    return true;
}

EditingController::Step EditingController::nextStep(bool undo) const
{
    // Undo: the newest edit goes first, this slice's own or an edit of several slices made later
    // (groups are made in serial order: the newest ready one is the first found from the back).
    // Redo: the oldest undone edit comes back first (the oldest ready group, from the front).
    const core::EditCommand* own = nextCommand(&document_.editorView(), undo);
    const Group* group = nullptr;
    std::uint64_t serial = 0;
    const auto ready = [&](const Group& g) { return (serial = groupReady(g, undo)) != 0; };
    if (undo)
        for (auto g = groups_.rbegin(); g != groups_.rend() && !group; ++g)
            group = ready(*g) ? &*g : nullptr;
    else
        for (auto g = groups_.begin(); g != groups_.end() && !group; ++g)
            group = ready(*g) ? &*g : nullptr;
    if (own && (!group || (undo ? own->serial >= serial : own->serial <= serial)))
        return {own, own->group};
    if (!group)
        return {};
    return {nextCommand(document_.document().findEditor(group->slices.front()), undo), group->id};
}

const core::EditCommand* EditingController::nextUndo() const
{
    return nextStep(true).command;
}

const core::EditCommand* EditingController::nextRedo() const
{
    return nextStep(false).command;
}

void EditingController::step(bool undo)
{
    const Step next = nextStep(undo);
    if (next.group)
        stepGroup(next.group, undo);
    else if (next.command)
        Q_EMIT maskChanged(document_.slice(), undo ? document_.editor().undo() : document_.editor().redo());
    Q_EMIT historyChanged();
}

void EditingController::undo()
{
    step(true);
}

void EditingController::redo()
{
    step(false);
}

void EditingController::jumpTo(std::size_t target)
{
    // The History panel lists this slice's commands; a grouped one takes its whole group along.
    core::MaskEditor& ed = document_.editor();
    for (bool moved = true; moved && ed.history().position() != target;) {
        const bool back = ed.history().position() > target;
        const core::EditCommand* c = back ? ed.history().nextUndo() : ed.history().nextRedo();
        if (!c)
            break;
        if (c->group)
            moved = stepGroup(c->group, back);
        else
            Q_EMIT maskChanged(document_.slice(), back ? ed.undo() : ed.redo());
    }
    Q_EMIT historyChanged();
}

bool EditingController::applyMaskEdit(int z, const core::LabelMap& next, const QString& description, std::uint64_t group)
{
    core::AnnotationDocument& doc = document_.document();
    if (doc.empty() || z < 0 || z >= doc.depth() || !doc.editor(z).replace(next, ss(description), group))
        return false;
    Q_EMIT maskChanged(z, {0, 0, next.width, next.height});
    Q_EMIT historyChanged();
    return true;
}

int EditingController::applySliceEdits(const std::map<int, core::LabelMap>& next, const QString& description)
{
    // Grouped even for one slice: Undo finds it from whichever slice is shown.
    const std::uint64_t group = nextGroup_++;
    Group g{group, {}};
    for (const auto& [z, labels] : next)
        if (applyMaskEdit(z, labels, description, group))
            g.slices.push_back(z);
    const int changed = int(g.slices.size());
    if (group && changed) {
        groups_.push_back(std::move(g));
        // Older groups than any slice's history keeps cannot step any more.
        if (groups_.size() > 4096)
            groups_.erase(groups_.begin(), groups_.begin() + 1024);
    }
    return changed;
}

int EditingController::mergeClass(int from, int into)
{
    core::AnnotationDocument& doc = document_.document();
    if (doc.empty() || from == into || from < 1 || from > 255 || into < 1 || into > 255)
        return 0;
    std::map<int, core::LabelMap> next;
    for (int z : doc.maskedSlices()) {
        if (!doc.anyLabel(z))
            continue;
        core::LabelMap m = doc.labels(z);
        bool changed = false;
        for (std::uint8_t& l : m.labels)
            if (l == from) {
                l = static_cast<std::uint8_t>(into);
                changed = true;
            }
        if (changed)
            next.emplace(z, std::move(m));
    }
    return applySliceEdits(next, tr("Merge class %1 into %2").arg(from).arg(into));
}

} // namespace delineo::vm
