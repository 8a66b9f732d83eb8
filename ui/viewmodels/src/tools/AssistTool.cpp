#include "AssistTool.h"

#include <QCoreApplication>
#include <QLineF>
#include <QRectF>

namespace delineo::vm {

namespace {
// A press that moves less than this (image pixels) is a click, not a box.
constexpr double kDragThreshold = 3.0;
}

QString AssistTool::title() const { return QCoreApplication::translate("Tools", "AI &Assist (Clicks, Box, Scribble)"); }
QString AssistTool::hint() const
{
    return QCoreApplication::translate("Tools", "Click the object to add it, right-click or Shift+click to remove; drag a box "
                                                "around it, Alt+drag to scribble. Enter accepts, Backspace removes the last "
                                                "prompt, Esc drops them.");
}

std::optional<core::MaskEdit> AssistTool::press(const ToolContext& ctx, QPointF p)
{
    points_ = QPolygonF{p};
    positive_ = !(ctx.erase || ctx.secondary);
    scribble_ = ctx.alt;
    dragged_ = false;
    done_.reset();
    return std::nullopt;
}

std::optional<core::MaskEdit> AssistTool::move(const ToolContext&, QPointF p)
{
    if (points_.isEmpty())
        return std::nullopt;
    dragged_ = dragged_ || QLineF(points_.front(), p).length() >= kDragThreshold;
    if (scribble_) {
        if (QLineF(points_.back(), p).length() >= 1.0)
            points_ << p;
    } else {
        points_ = QPolygonF{points_.front(), p};
    }
    return std::nullopt;
}

std::optional<core::MaskEdit> AssistTool::release(const ToolContext&)
{
    if (points_.isEmpty())
        return std::nullopt;
    PromptGesture g;
    g.positive = positive_;
    if (!dragged_) {
        g.kind = PromptGesture::Kind::Point;
        g.points = QPolygonF{points_.front()};
    } else if (scribble_) {
        g.kind = PromptGesture::Kind::Scribble;
        g.points = points_;
    } else {
        g.kind = PromptGesture::Kind::Box;
        g.points = points_;
    }
    done_ = g;
    points_.clear();
    return std::nullopt;
}

QPolygonF AssistTool::path() const
{
    if (!dragged_ || points_.size() < 2)
        return {};
    if (scribble_)
        return points_;
    const QRectF r = QRectF(points_.front(), points_.back()).normalized();
    return QPolygonF(r);
}

std::optional<PromptGesture> AssistTool::takePrompt()
{
    auto out = std::move(done_);
    done_.reset();
    return out;
}

} // namespace delineo::vm
