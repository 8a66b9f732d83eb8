#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/MaskEditor.h"
#include "delineo/core/Reslice.h"

#include <QKeySequence>
#include <QObject>
#include <QPointF>
#include <QPolygonF>
#include <QRect>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace delineo::vm {

class DocumentController;
class Notices;
class Tool;
struct ToolContext;
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

// A prompt for the interactive model as the pointer gave it, pixel coordinates of the plane it was
// given on: a click (one point), a box (its two corners) or a scribble (the stroke).
struct PromptGesture {
    enum class Kind { Point, Box, Scribble } kind = Kind::Point;
    bool positive = true;
    QPolygonF points;
    core::Plane plane = core::Plane::Axial;
    int planeIndex = -1; // the slice, or the coronal/sagittal plane; -1: the axial slice shown
};

// Editing the open document's masks: the active tool (tools in src/tools/, registered in
// ToolRegistry.cpp) turns pointer input in image coordinates into core::MaskEdits, applied through
// MaskEditor::apply; the brush, class and threshold settings; undo and redo; the Mask menu's
// operations (src/tools/MaskOperations.cpp). Pointer input edits the axial slice shown or, with
// setEditPlane(), a coronal or sagittal plane: the stroke is drawn on the plane and written into the
// axial slices it crosses on release. An edit of several slices is one undo step (grouped commands).
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

    // Where pointer input goes: the axial slice shown (the default), or plane `index` of a coronal
    // or sagittal view (pixel coordinates of that plane).
    void setEditPlane(core::Plane plane, int index = 0);
    core::Plane editPlane() const { return plane_; }
    // While a stroke is drawn on a coronal or sagittal plane: the plane's labels so far.
    const core::LabelMap& planeStrokeLabels() const { return planeEditor_.labels(); }
    bool planeStrokeOpen() const { return planeStroke_; }

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
    // The command undo() or redo() steps next (its serial orders it against the measurements'
    // history, its description names it); null when there is none.
    const core::EditCommand* nextUndo() const;
    const core::EditCommand* nextRedo() const;
    void jumpTo(std::size_t historyPosition);   // History panel
    // The one path for whole-slice edits (AI accept, mask operations): an undoable command on slice z.
    bool applyMaskEdit(int z, const core::LabelMap& next, const QString& description, std::uint64_t group = 0);
    // New maps for several slices as one undo step (a command on each, grouped). Returns how many changed.
    int applySliceEdits(const std::map<int, core::LabelMap>& next, const QString& description);
    // Mask → Merge Class Into…: every voxel of class `from` becomes `into` on every slice or frame
    // that has a mask, as one undo step (two tools' names for one structure, one class again).
    // The slices changed; 0 when nothing is open, the labels are the same or out of 1..255.
    int mergeClass(int from, int into);

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
    void planeStrokeChanged(const core::Rect& area);             // the plane stroke's labels changed there

private:
    void applyToolEdit(std::optional<core::MaskEdit> edit);
    ToolContext toolContext(bool erase = false, bool alt = false, bool secondary = false) const;
    core::MaskEditor& target();
    void commitPlaneStroke();
    // Grouped undo (EditingGroups.cpp): the serial of the group's commands when every slice of it
    // has them next in line (0 otherwise), and one step of the whole group.
    struct Group {
        std::uint64_t id = 0;
        std::vector<int> slices;
    };
    std::uint64_t groupReady(const Group& g, bool undo) const;
    bool stepGroup(std::uint64_t id, bool undo);
    // What one undo (or redo) steps: `command` alone (group 0) or the whole group it belongs to.
    struct Step {
        const core::EditCommand* command = nullptr;
        std::uint64_t group = 0;
    };
    Step nextStep(bool undo) const;
    void step(bool undo);
    const Group* findGroup(std::uint64_t id) const;

    DocumentController& document_;
    Notices& notices_;
    Preferences& prefs_;
    std::vector<std::unique_ptr<Tool>> tools_;
    std::vector<std::unique_ptr<MaskOperation>> operations_;
    std::size_t tool_ = 0;
    core::BrushSettings brush_;
    double low_ = 0, high_ = 0;
    int activeLabel_ = 1;
    core::Plane plane_ = core::Plane::Axial;
    int planeIndex_ = 0;
    core::MaskEditor planeEditor_;   // a stroke on a coronal or sagittal plane, until released
    core::Image planeImage_;
    bool planeStroke_ = false;
    std::vector<Group> groups_;
    std::uint64_t nextGroup_ = 1;
};

} // namespace delineo::vm
