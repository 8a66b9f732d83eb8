#pragma once
// Internal: the editing tools. Each tool is one class that turns pointer input in image
// coordinates into core::MaskEdits; EditingController applies them through core::MaskEditor::apply
// (one undoable command per edit, one per whole stroke). A new tool is one class plus one line in
// ToolRegistry.cpp.
#include "delineo/core/Image.h"
#include "delineo/core/MaskEditor.h"
#include "delineo/viewmodels/EditingController.h"

#include <QKeySequence>
#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace delineo::vm {

struct ToolContext {
    const core::LabelMap& labels;  // the slice's mask as it is now
    const core::Image& image;
    std::uint8_t label = 1;
    core::BrushSettings brush;
    bool erase = false;            // Shift held: the tool removes the class instead
    double low = 0, high = 0;      // threshold range (threshold brush)
    bool alt = false;              // Alt held (AI Assist: a scribble instead of a box)
    bool secondary = false;        // the right button (AI Assist: a negative prompt)
};


class Tool {
public:
    virtual ~Tool() = default;
    virtual QString id() const = 0;
    virtual QString title() const = 0;
    virtual QString hint() const = 0;
    virtual QKeySequence shortcut() const = 0;
    virtual int options() const { return kOverwriteOption; }
    // Image pixel coordinates (pixel centres at +0.5). Each returns the edit to apply, if any;
    // edits marked continuesStroke form one undo step that ends with the release.
    virtual std::optional<core::MaskEdit> press(const ToolContext& ctx, QPointF p) = 0;
    virtual std::optional<core::MaskEdit> move(const ToolContext&, QPointF) { return std::nullopt; }
    virtual std::optional<core::MaskEdit> release(const ToolContext&) { return std::nullopt; }
    // A path the view draws while the tool works (the lasso), image coordinates.
    virtual QPolygonF path() const { return {}; }
    virtual bool pathClosed() const { return true; }
    // A prompt for the interactive model, given instead of an edit (AI Assist); taken after release.
    virtual std::optional<PromptGesture> takePrompt() { return std::nullopt; }
};

// The built-in tools in menu order: brush, eraser, threshold brush, polygon/lasso, flood fill, AI Assist.
std::vector<std::unique_ptr<Tool>> builtinTools();

} // namespace delineo::vm
