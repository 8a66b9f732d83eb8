// MainWindow: what the widgets show of the controllers' state, and the view's input forwarded.
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/TimelineSlider.h"
#include "delineo/ui/AssistView.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/EditToolBar.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/PlaneViews.h"
#include "delineo/ui/TrainingPanel.h"

#include "delineo/core/Reader.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/viewmodels/OverlayRenderer.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolBar>

namespace delineo::ui {

using vm::qs;

void MainWindow::connectView()
{
    connect(view_, &ImageView::strokeStarted, this, [this](QPointF p, Qt::KeyboardModifiers mods, bool secondary) {
        editing().setEditPlane(core::Plane::Axial);
        editing().press(p, mods & Qt::ShiftModifier, mods & Qt::AltModifier, secondary);
        view_->setToolPath(editing().toolPath(), editing().toolPathClosed());
    });
    connect(view_, &ImageView::strokeMoved, this, [this](QPointF p) {
        editing().move(p);
        if (!editing().toolPath().isEmpty())
            view_->setToolPath(editing().toolPath(), editing().toolPathClosed());
    });
    connect(view_, &ImageView::strokeFinished, this, [this] {
        editing().release();
        view_->setToolPath({});
    });
    connect(view_, &ImageView::pointSampled, &editing(), &vm::EditingController::sample);
    connect(view_, &ImageView::windowLevelDragged, &document(), &vm::DocumentController::dragWindow);
    connect(view_, &ImageView::sliceScrolled, this, [this](int steps) { document().showSlice(document().slice() + steps); });
    connect(view_, &ImageView::fileDropped, this, &MainWindow::openPath);
    // A drop is taken when a registered reader opens it (folders are workspaces or series).
    view_->setDropFilter([](const QString& p) { return QFileInfo(p).isDir() || core::readerFor(p.toStdString()); });
}

void MainWindow::showDocument()
{
    const auto& doc = document();
    {
        const QSignalBlocker block(sliceSlider_);
        sliceSlider_->setRange(0, std::max(0, doc.depth() - 1));
    }
    slicesBar_->setVisible(doc.depth() > 1);
    view_->setWheelScrollsSlices(doc.depth() > 1);
    if (!doc.empty())
        view_->setImage(QImage(doc.image().width, doc.image().height, QImage::Format_RGB32));
    rebuildWindowPresets();
    showSlice();
    showReview();
    // Single-letter shortcuts (B, E, A, X, N…) must reach the window, not the file list's search.
    view_->setFocus();
}

void MainWindow::showSlice()
{
    {
        const QSignalBlocker block(sliceSlider_);
        sliceSlider_->setValue(document().slice());
    }
    showPreview();
    rerender();
    repaintMaskAll();
    showSliceState();   // the title and actions follow from EditingController::historyChanged
}

void MainWindow::showSliceState()
{
    static const char* names[] = {QT_TR_NOOP("not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("corrected"),
                                  QT_TR_NOOP("approved"), QT_TR_NOOP("rejected")};
    if (!document().empty())
        sliceLabel_->setText((document().isVideo() ? tr(" Frame %1/%2 · %3 ") : tr(" Slice %1/%2 · %3 ")).arg(document().slice() + 1).arg(document().depth())
                                 .arg(tr(names[int(review().sliceStatus(document().slice()))])));
}

void MainWindow::rerender()
{
    if (document().empty())
        return;
    view_->updateImage(document().renderSlice());
    view_->setInfoText(document().infoTopLeft(), document().infoBottomLeft());
}

void MainWindow::repaintMask(int slice, const core::Rect& area)
{
    if (slice != document().slice())
        return;
    const QRect changed = vm::paintOverlay(view_->overlay(), document().labels(), legend_->overlayColours(), area,
                                           legend_->outlinedClasses(bench_.preferences().outlines));
    if (!changed.isEmpty())
        view_->overlayChanged(changed);
}

void MainWindow::repaintMaskAll()
{
    repaintMask(document().slice(), {0, 0, document().labels().width, document().labels().height});
}

void MainWindow::showPreview()
{
    // While AI Assist has prompts its answer is the preview; the automatic draft waits beneath.
    if (!assistView_->show())
        view_->setPreview(preview().image(legend_->overlayColours()));
}

void MainWindow::showClasses()
{
    const auto classes = preview().classes();
    tools_->setClasses(classes);
    legend_->setClasses(classes);
}

void MainWindow::showModel()
{
    showClasses();
    repaintMaskAll();
    const auto model = preview().model();
    QString label = tr("Model: %1 (%2)").arg(QFileInfo(preview().modelPath()).completeBaseName(), qs(model->device()));
    if (!preview().modelFits())
        label += tr(" · not made for this image");
    else if (model->config().demo)
        label = QStringLiteral("<span style='color:#b35c00'>%1</span>")
                    .arg((label + tr(" · demo model, not for clinical use")).toHtmlEscaped());
    modelLabel_->setText(label);
    modelLabel_->setToolTip(qs(model->config().description));
    updateTitleAndActions();
}

void MainWindow::showReview()
{
    static const char* names[] = {QT_TR_NOOP("not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("corrected"),
                                  QT_TR_NOOP("approved"), QT_TR_NOOP("rejected")};
    QString comment;
    const core::ReviewStatus status = review().review(&comment);
    reviewLabel_->setText(review().session().isOpen()
                              ? tr(" Review: %1%2 ").arg(tr(names[int(status)]),
                                                         comment.isEmpty() ? QString() : QStringLiteral(" — ") + comment)
                              : QString());
    sliceSlider_->setMarks(bench_.playback().marks());
    showSliceState();
}

void MainWindow::showTool()
{
    const vm::ActionInfo tool = editing().activeToolInfo();
    for (QAction* a : toolActs_)
        if (a->data().toString() == tool.id)
            a->setChecked(true);
    const core::BrushSettings& brush = editing().brush();
    for (core::Plane p : {core::Plane::Axial, core::Plane::Coronal, core::Plane::Sagittal}) { // a tool draws in any plane
        ImageView* v = planes_->view(p);
        v->setBrushRadius(brush.radius);
        v->setRightButtonToTool(tool.options & vm::kPromptInput);
        v->setBrushCursor(!(tool.options & vm::kBrushOptions)        ? ImageView::Cursor::None
                          : brush.shape == core::BrushShape::Square ? ImageView::Cursor::Square
                                                                    : ImageView::Cursor::Round);
    }
}

void MainWindow::updateTitleAndActions()
{
    const bool haveImage = !document().empty();
    const bool busy = bench_.jobs().busy();
    welcome_->setVisible(!haveImage && document().workspace().isEmpty() && !busy);
    const core::MaskEditor& ed = document().editorView();
    history_->showHistory(ed.history().descriptions(), ed.history().position());
    QString title = tr("Delineo");
    if (haveImage)
        title = QFileInfo(document().currentFile()).fileName() + (ed.modified() ? QStringLiteral(" *") : QString()) +
                QStringLiteral(" — ") + title;
    setWindowTitle(title);
    const QString undo = bench_.undoName(), redo = bench_.redoName(); // a stroke's or a ruler's
    undoAct_->setEnabled(!undo.isEmpty());
    redoAct_->setEnabled(!redo.isEmpty());
    undoAct_->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    redoAct_->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
    saveAct_->setEnabled(haveImage);
    runAct_->setEnabled(haveImage && preview().model() && preview().modelFits() && !busy);
    fineTuneAct_->setEnabled(preview().model() && !training().busy() && !document().workspace().isEmpty());
}

void MainWindow::rebuildWindowPresets()
{
    presetsMenu_->clear();
    int key = 1;
    for (const auto& w : document().windowPresets()) {
        auto* act = presetsMenu_->addAction(
            tr("%1 (W %2, L %3)").arg(vm::Translations::term(qs(w.name))).arg(w.width).arg(w.center));
        if (key <= 9)
            act->setShortcut(QKeySequence(QString::number(key++)));
        connect(act, &QAction::triggered, this, [this, w] { document().setWindow(w); });
    }
}

} // namespace delineo::ui
