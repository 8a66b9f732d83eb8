#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/MaskEditor.h"

#include <QKeySequence>
#include <QObject>
#include <QPointF>
#include <QPolygonF>
#include <QRect>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace delineo::vm {

class DocumentController;
class Notices;
class Tool;
class MaskOperation;
struct Preferences;

// What a tool or mask operation shows in menus, the toolbar and the Tool Options panel.
struct ActionInfo {
    QString id, title, hint;
    QKeySequence shortcut;
    int options = 0;                 // ToolOption flags (tools)
    bool separatorBefore = false;    // (mask operations)
};
// kPromptInput: the tool takes the right button too (the view leaves window/level to the others).
enum ToolOption { kBrushOptions = 1, kThresholdOptions = 2, kOverwriteOption = 4, kPromptInput = 8 };

// A prompt for the interactive model as the pointer gave it, image coordinates: a click (one point),
// a box (its two corners) or a scribble (the stroke).
struct PromptGesture {
    enum class Kind { Point, Box, Scribble } kind = Kind::Point;
    bool positive = true;
    QPolygonF points;
};

// Editing the open document's masks: the active tool (tools in src/tools/, registered in
// ToolRegistry.cpp) turns pointer input in image coordinates into core::MaskEdits, applied through
// MaskEditor::apply; the brush, class and threshold settings; undo and redo; the Mask menu's
// operations (src/tools/MaskOperations.cpp), each edit one undoable command per slice.
class EditingController : public QObject {
    Q_OBJECT
public:
    EditingController(DocumentController& document, Notices& notices, Preferences& prefs, QObject* parent = nullptr);
    ~EditingController() override;

    std::vector<ActionInfo> tools() const;
    bool selectTool(const QString& id);    // brush, eraser, threshold-brush, lasso, flood-fill
    QString activeTool() const;
    const ActionInfo activeToolInfo() const;

    const core::BrushSettings& brush() const { return brush_; }
    void setBrushRadius(int pixels);       // 1..200, persisted
    void setBrushShape(core::BrushShape shape);
    void setOverwriteOthers(bool on);
    void setThreshold(double low, double high);
    double thresholdLow() const { return low_; }
    double thresholdHigh() const { return high_; }
    int activeLabel() const { return activeLabel_; }
    void setActiveLabel(int label);

    // Pointer input on the current slice, image pixel coordinates; `erase` = Shift held, `alt` = Alt
    // held, `secondary` = the right button (tools with kPromptInput only).
    void press(QPointF p, bool erase, bool alt = false, bool secondary = false);
    void move(QPointF p);
    void release();
    QPolygonF toolPath() const;            // what the active tool draws while working (lasso)
    bool toolPathClosed() const;
    // Ctrl+click: the threshold brush takes its range around the intensity there (the clicked value
    // plus or minus a tenth of the displayed window). False for tools that do not sample.
    bool sample(QPointF p);

    void undo();
    void redo();
    void jumpTo(std::size_t historyPosition);   // History panel
    // The one path for whole-slice edits (AI accept, mask operations): an undoable command on slice z.
    bool applyMaskEdit(int z, const core::LabelMap& next, const QString& description);

    std::vector<ActionInfo> maskOperations() const;
    void runMaskOperation(std::size_t index);
    void setSmallestIsland(int pixels);
    void setSmoothRadius(int pixels);

Q_SIGNALS:
    void maskChanged(int slice, const core::Rect& area);   // repaint that area of that slice
    void historyChanged();
    void toolChanged();
    void brushChanged();
    void activeLabelChanged(int label);
    void promptGiven(const delineo::vm::PromptGesture& prompt);   // AI Assist

private:
    void applyToolEdit(std::optional<core::MaskEdit> edit);

    DocumentController& document_;
    Notices& notices_;
    Preferences& prefs_;
    std::vector<std::unique_ptr<Tool>> tools_;
    std::vector<std::unique_ptr<MaskOperation>> operations_;
    std::size_t tool_ = 0;
    core::BrushSettings brush_;
    double low_ = 0, high_ = 0;
    int activeLabel_ = 1;
};

} // namespace delineo::vm
