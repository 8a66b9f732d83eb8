// MainWindow: the editing tools (registered in tools/ToolRegistry.cpp), their actions and
// shortcuts, the Tool Options panel, and routing pointer strokes to the active tool.
#include "delineo/ui/MainWindow.h"

#include "delineo/ui/ImageView.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/ui/HistoryPanel.h"
#include "tools/Tool.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>

namespace delineo::ui {

void MainWindow::createTools(QMenu* edit)
{
    tools_ = builtinTools();
    toolOptions_ = new ToolOptionsPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, toolOptions_);
    auto* group = new QActionGroup(this);
    for (std::size_t i = 0; i < tools_.size(); ++i) {
        QAction* a = edit->addAction(tools_[i]->title(), tools_[i]->shortcut(), this, [this, i] {
            tool_ = i;
            syncToolOptions();
        });
        a->setCheckable(true);
        a->setToolTip(tools_[i]->hint());
        a->setData(tools_[i]->id());
        group->addAction(a);
        toolActs_.push_back(a);
    }
    toolActs_.front()->setChecked(true);
    history_ = new HistoryPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, history_);
    connect(history_, &HistoryPanel::jumpRequested, this, [this](int target) {
        while (editor().history().position() > static_cast<std::size_t>(target) && editor().history().canUndo())
            refreshOverlay(editor().undo());
        while (editor().history().position() < static_cast<std::size_t>(target) && editor().history().canRedo())
            refreshOverlay(editor().redo());
        updateTitleAndActions();
    });
    connect(toolOptions_, &ToolOptionsPanel::radiusChanged, this, &MainWindow::setBrushRadius);
    connect(toolOptions_, &ToolOptionsPanel::changed, this, [this] {
        brush_.shape = toolOptions_->square() ? core::BrushShape::Square : core::BrushShape::Round;
        brush_.overwriteOthers = toolOptions_->overwriteOthers();
        syncToolOptions();
    });
    brush_.shape = toolOptions_->square() ? core::BrushShape::Square : core::BrushShape::Round;
    brush_.overwriteOthers = toolOptions_->overwriteOthers();
    syncToolOptions();
}

void MainWindow::syncToolOptions()
{
    const Tool& t = *tools_[tool_];
    toolActs_[tool_]->setChecked(true);
    toolOptions_->showTool(t.title(), t.hint(), t.options());
    toolOptions_->setRadius(brush_.radius);
    view_->setBrushCursor(!(t.options() & kBrushOptions) ? ImageView::Cursor::None
                          : brush_.shape == core::BrushShape::Square ? ImageView::Cursor::Square
                                                                     : ImageView::Cursor::Round);
    // The threshold brush starts from the displayed window: what looks bright is what paints.
    if ((t.options() & kThresholdOptions) && toolOptions_->low() == 0 && toolOptions_->high() == 0 && !doc_.empty())
        toolOptions_->setRange(window_.center - window_.width / 2, window_.center + window_.width / 2);
}

bool MainWindow::selectTool(const QString& id)
{
    for (std::size_t i = 0; i < tools_.size(); ++i)
        if (tools_[i]->id() == id) {
            tool_ = i;
            syncToolOptions();
            return true;
        }
    return false;
}

QString MainWindow::activeTool() const { return tools_[tool_]->id(); }

void MainWindow::setEraser(bool erase) { selectTool(erase ? QStringLiteral("eraser") : QStringLiteral("brush")); }

void MainWindow::onStrokeStarted(QPointF p, bool erase)
{
    if (doc_.empty())
        return;
    ToolContext ctx{editor(), image(), std::uint8_t(activeLabel_), brush_, erase, toolOptions_->low(), toolOptions_->high()};
    refreshOverlay(tools_[tool_]->press(ctx, p));
    view_->setToolPath(tools_[tool_]->path());
    updateTitleAndActions();
}

void MainWindow::onStrokeMoved(QPointF p)
{
    if (doc_.empty())
        return;
    ToolContext ctx{editor(), image(), std::uint8_t(activeLabel_), brush_, false, toolOptions_->low(), toolOptions_->high()};
    refreshOverlay(tools_[tool_]->move(ctx, p));
    if (!tools_[tool_]->path().isEmpty())
        view_->setToolPath(tools_[tool_]->path());
}

void MainWindow::onStrokeFinished()
{
    if (doc_.empty())
        return;
    ToolContext ctx{editor(), image(), std::uint8_t(activeLabel_), brush_, false, toolOptions_->low(), toolOptions_->high()};
    refreshOverlay(tools_[tool_]->release(ctx));
    view_->setToolPath({});
    updateTitleAndActions();
}

} // namespace delineo::ui
