#pragma once
#include "Tool.h"

namespace delineo::vm {

// AI Assist: the pointer gives prompts to the interactive model (AssistController turns them into
// a preview). A click is a positive point, a right click or Shift+click a negative one, a drag a
// box, an Alt+drag a scribble (negative with Shift or the right button). It never edits the mask:
// the preview is accepted with Enter as one undo step.
class AssistTool : public Tool {
public:
    QString id() const override { return QStringLiteral("assist"); }
    QString title() const override;
    QString hint() const override;
    QKeySequence shortcut() const override { return QKeySequence(QStringLiteral("P")); }
    int options() const override { return kOverwriteOption | kPromptInput; }
    std::optional<core::MaskEdit> press(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> move(const ToolContext& ctx, QPointF p) override;
    std::optional<core::MaskEdit> release(const ToolContext& ctx) override;
    QPolygonF path() const override;
    bool pathClosed() const override { return !scribble_; }
    std::optional<PromptGesture> takePrompt() override;

private:
    QPolygonF points_;
    bool positive_ = true, scribble_ = false, dragged_ = false;
    std::optional<PromptGesture> done_;
};

} // namespace delineo::vm
