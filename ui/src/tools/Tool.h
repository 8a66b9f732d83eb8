#pragma once
// Internal: the editing tools of the mask view. Each tool is one class, registered explicitly in
// ToolRegistry.cpp; every edit goes through core::MaskEditor (one undoable command per edit).
#include "delineo/core/Image.h"
#include "delineo/core/MaskEditor.h"

#include <QKeySequence>
#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <memory>
#include <vector>

namespace delineo::ui {

struct ToolContext {
    core::MaskEditor& editor;
    const core::Image& image;
    std::uint8_t label = 1;
    core::BrushSettings brush;
    bool erase = false;            // Shift held: the tool removes the class instead
    double low = 0, high = 0;      // threshold range (threshold brush)
};

// What a tool shows in the Tool Options panel.
enum ToolOption { kBrushOptions = 1, kThresholdOptions = 2, kOverwriteOption = 4 };

class Tool {
public:
    virtual ~Tool() = default;
    virtual QString id() const = 0;
    virtual QString title() const = 0;
    virtual QString hint() const = 0;
    virtual QKeySequence shortcut() const = 0;
    virtual int options() const { return kOverwriteOption; }
    // Image pixel coordinates (pixel centres at +0.5). Each returns the changed area.
    virtual core::Rect press(ToolContext& ctx, QPointF p) = 0;
    virtual core::Rect move(ToolContext&, QPointF) { return {}; }
    virtual core::Rect release(ToolContext&) { return {}; }
    // A path the view draws while the tool works (the lasso), image coordinates.
    virtual QPolygonF path() const { return {}; }
};

// The built-in tools in menu order: brush, eraser, threshold brush, polygon/lasso, flood fill.
std::vector<std::unique_ptr<Tool>> builtinTools();

} // namespace delineo::ui
