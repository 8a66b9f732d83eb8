// MainWindow: the menus and toolbars, each action forwarded to a controller.
#include "delineo/ui/AgreementDialog.h"
#include "delineo/ui/PacsDialog.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/AssistView.h"
#include "delineo/ui/TeamWorkspaceDialog.h"
#include "delineo/ui/EditToolBar.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/PlaneViews.h"
#include "delineo/ui/StructuresPanel.h"
#include "delineo/ui/MeasurementsPanel.h"
#include "delineo/ui/MaskMenu.h"
#include "delineo/ui/EvaluationDialog.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/FrameNavigation.h"
#include "delineo/ui/TimelineSlider.h"
#include "delineo/ui/PreferencesDialog.h"
#include "delineo/ui/TrainingPanel.h"

#include "delineo/core/ResourcePaths.h"
#include "TextEntryKeys.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

namespace delineo::ui {

void MainWindow::openChosen(const QString& title, bool folder, const std::function<void(const QString&)>& open)
{
    const QString start = bench_.preferences().lastFolder.isEmpty() ? QDir::homePath() : bench_.preferences().lastFolder;
    const QString path = folder ? QFileDialog::getExistingDirectory(this, title, start)
                                : QFileDialog::getOpenFileName(this, title, start, vm::DocumentController::openDialogFilter());
    if (!path.isEmpty())
        open(path);
}

void MainWindow::buildFileMenu()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Image…"), QKeySequence::Open, this,
                    [this] { openChosen(tr("Open Image"), false, [this](const QString& p) { document().openFile(p); }); });
    file->addAction(tr("Open &Workspace Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, [this] {
        openChosen(tr("Open Workspace Folder"), true, [this](const QString& p) { document().openWorkspace(p); });
    });
    file->addAction(tr("Open &Team Workspace…"), this, [this] {
        if (const QString url = TeamWorkspaceDialog::ask(bench_.preferences().lastWorkspace, this); !url.isEmpty())
            document().openWorkspace(url);
    });
    file->addAction(tr("Open from &PACS…"), this, [this] { (new PacsDialog(bench_.pacs(), this))->show(); });
    file->addAction(tr("Open DICOM &Series…"), QKeySequence(tr("Ctrl+D")), this, [this] {
        openChosen(tr("Open DICOM Series (folder or DICOMDIR folder)"), true, [this](const QString& p) { document().openSeries(p); });
    });
    file->addAction(tr("Open De&mo Workspace"), this, [this] { openDemoWorkspace(); });
    file->addAction(tr("&Import DICOM into Workspace…"), QKeySequence(tr("Ctrl+I")), this, [this] {
        openChosen(tr("Import DICOM: Choose the Folder to Import"), true, [this](const QString& source) {
            QString workspace = document().workspace();
            if (workspace.isEmpty())
                workspace = QFileDialog::getExistingDirectory(this, tr("Import DICOM: Choose the Workspace"), source);
            if (workspace.isEmpty())
                return;
            QMessageBox box(QMessageBox::Question, tr("Import DICOM"),
                            tr("Copy the DICOM files of %1 into %2?").arg(source, QDir(vm::DocumentController::copiesFolder(workspace)).filePath(QStringLiteral("dicom"))),
                            QMessageBox::Ok | QMessageBox::Cancel, this);
            auto* check = new QCheckBox(tr("De-identify the copies (PS3.15 Annex E basic profile: names, IDs and dates "
                                           "replaced, UIDs remapped, private tags removed; text burned into the pixels is "
                                           "not checked)"));
            check->setChecked(vm::DocumentController::deidentifiesImports(workspace));
            box.setCheckBox(check);
            if (box.exec() == QMessageBox::Ok)
                document().importDicom(source, workspace, check->isChecked());
        });
    });
    saveAct_ = file->addAction(tr("&Save Mask"), QKeySequence::Save, this, [this] { review().save(); });
    file->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+E")), this, [this] { showExport(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);
}

void MainWindow::buildEditMenu()
{
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    undoAct_ = edit->addAction(tr("&Undo"), QKeySequence::Undo, &bench_, &vm::Workbench::undo);
    redoAct_ = edit->addAction(tr("&Redo"), QKeySequence(tr("Ctrl+Shift+Z")), &bench_, &vm::Workbench::redo);
    redoAct_->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    undoAct_->setObjectName(QStringLiteral("Undo"));
    redoAct_->setObjectName(QStringLiteral("Redo"));
    // The menu names the edit ("Undo Paint"); the tool bar's buttons keep one width (the name in
    // their tooltip), or a long edit's name would push them out of the bar, cut.
    undoAct_->setIconText(tr("Undo"));
    redoAct_->setIconText(tr("Redo"));
    edit->addSeparator();
    auto* group = new QActionGroup(this);
    for (const vm::ActionInfo& tool : editing().tools()) {
        const QString id = tool.id;
        QAction* a = edit->addAction(tool.title, tool.shortcut, this, [this, id] { editing().selectTool(id); });
        a->setCheckable(true);
        a->setToolTip(tool.hint);
        a->setData(tool.id);
        group->addAction(a);
        toolActs_.push_back(a);
        if (tool.options & vm::kPromptInput)
            assistView_->setToolAction(a, tool.hint);
    }
    menuBar()->addMenu(new MaskMenu(bench_, this)); // right after Edit
    edit->addAction(tr("Larger Brush"), QKeySequence(tr("]")), this, [this] { editing().setBrushRadius(editing().brush().radius + 2); });
    edit->addAction(tr("Smaller Brush"), QKeySequence(tr("[")), this, [this] { editing().setBrushRadius(editing().brush().radius - 2); });
    edit->addSeparator();
    auto* prefs = edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, [this] {
        PreferencesDialog dialog(bench_.preferences(), this);
        if (dialog.exec() == QDialog::Accepted)
            bench_.fastSeek().applyPreferences();
    });
    prefs->setMenuRole(QAction::PreferencesRole);
}

void MainWindow::buildViewMenu()
{
    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* overlay = viewMenu->addAction(tr("Show &Overlay"), QKeySequence(tr("O")), view_, &ImageView::setOverlayVisible);
    overlay->setCheckable(true);
    overlay->setChecked(true);
    auto* outline = viewMenu->addAction(tr("Overlay as &Outlines"), QKeySequence(tr("Shift+O")), this, [this](bool on) {
        bench_.preferences().outlines = on;
        bench_.preferences().save();
        repaintMaskAll();
        planes_->refresh(true);
    });
    outline->setCheckable(true);
    outline->setChecked(bench_.preferences().outlines);
    viewMenu->addAction(tr("&Fit to Window"), QKeySequence(tr("F")), view_, &ImageView::fitToWindow);
    viewMenu->addAction(tr("&Actual Size (1:1)"), QKeySequence(tr("Ctrl+1")), this, [this] {
        view_->zoomBy(1.0 / view_->zoom(), QPointF(view_->width() / 2.0, view_->height() / 2.0));
    });
    viewMenu->addAction(tr("&Reset Window/Level"), QKeySequence(tr("R")), &document(), &vm::DocumentController::resetWindow);
    presetsMenu_ = viewMenu->addMenu(tr("Window &Presets"));
    viewMenu->addSeparator();
    viewMenu->addActions(planes_->actions());
    viewMenu->addAction(structures_->toggleViewAction());
    viewMenu->addAction(measurementsPanel_->toggleViewAction());
    viewMenu->addSeparator();
    FrameNavigation::addTo(viewMenu, document(), bench_.playback(), view_);
}

void MainWindow::buildModelMenu()
{
    auto* model = menuBar()->addMenu(tr("&Model"));
    auto& ai = preview();
    runAct_ = model->addAction(tr("&Run Model on Image"), QKeySequence(tr("Ctrl+R")), this,
                               [this, &ai] { ai.runFrom(planes_->activePlane()); });
    model->addAction(tr("&Load Model…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Model"), QString::fromStdString(core::resourceDir()),
                                                          tr("Delineo models (*.pt)"));
        if (!path.isEmpty())
            preview().loadModel(path);
    });
    model->addSeparator();
    model->addAction(tr("&Accept AI Result"), QKeySequence(Qt::Key_Return), &bench_, &vm::Workbench::acceptAi);
    TextEntryKeys::install(this); // but a field being typed in keeps Return
    model->addAction(tr("Accept AI Result for the Active &Class"), QKeySequence(Qt::SHIFT | Qt::Key_Return), this,
                     [this] { preview().accept(editing().activeLabel()); });
    model->addAction(tr("&Reject AI Result"), QKeySequence(Qt::Key_Escape), &bench_, &vm::Workbench::rejectAi);
    model->addAction(tr("Remove Last AI Assist &Prompt"), QKeySequence(Qt::Key_Backspace), &assist(),
                     &vm::AssistController::removeLastPrompt);
    model->addAction(tr("Propagate &Forward"), QKeySequence(Qt::ALT | Qt::Key_PageDown), this, [this] { assist().propagate(+1); });
    model->addAction(tr("Propagate &Backward"), QKeySequence(Qt::ALT | Qt::Key_PageUp), this, [this] { assist().propagate(-1); });
    model->addAction(tr("Run Model on &All Slices"), QKeySequence(tr("Ctrl+Shift+R")), this, [&ai] { ai.runAll(); });
    model->addAction(tr("Accept AI Results on All Slices"), QKeySequence(Qt::CTRL | Qt::Key_Return), this, [&ai] { ai.acceptAll(); });
    model->addAction(tr("&Evaluate on Validation Split…"), this, [this] { bench_.evaluation().start(); });
    EvaluationDialog::showResultsOf(bench_.evaluation(), this);
    vm::Preferences& prefs = bench_.preferences();
    auto toggle = [&](const QString& text, const QKeySequence& keys, bool& value, const QString& tip) {
        auto* a = model->addAction(text, keys, this, [this, &value](bool on) {
            value = on;
            bench_.preferences().save();
            showPreview();
        });
        a->setCheckable(true);
        a->setChecked(value);
        a->setToolTip(tip);
    };
    toggle(tr("Show AI &Confidence"), QKeySequence(tr("Shift+C")), prefs.confidenceShading,
           tr("Shade the AI preview by the model's probability: faint where it is unsure"));
    toggle(tr("AI May &Overwrite My Labels"), QKeySequence(), prefs.aiMayOverwrite, QString());
    model->addSeparator();
    toggle(tr("Test-time &Flip Augmentation"), QKeySequence(), prefs.flipTta,
           tr("Average the model over the image and its flips: steadier masks, 3x the time"));
}

void MainWindow::buildReviewMenu()
{
    auto* menu = menuBar()->addMenu(tr("&Review"));
    auto& r = review();
    menu->addAction(tr("&Approve Case"), QKeySequence(tr("A")), this, [&r] { r.setReview(core::ReviewStatus::Approved); });
    menu->addAction(tr("&Reject Case"), QKeySequence(tr("X")), this, [&r] { r.setReview(core::ReviewStatus::Rejected); });
    menu->addAction(tr("&Next Needing Review"), QKeySequence(tr("N")), this, [&r] { r.openNextForReview(); });
    menu->addAction(tr("Approve &Slice"), QKeySequence(tr("Shift+A")), this, [&r] { r.approveSlice(); });
    menu->addAction(tr("Reject S&lice"), QKeySequence(tr("Shift+X")), this, [&r] { r.rejectSlice(); });
    menu->addAction(tr("Next &Most Uncertain"), QKeySequence(tr("Shift+N")), this, [&r] { r.openMostUncertain(); });
    menu->addAction(tr("Rank &Unreviewed by Model Uncertainty"), QKeySequence(tr("Ctrl+Shift+U")), this,
                    [this] { review().rankByUncertainty(preview().model()); });
    menu->addAction(tr("Mark &Corrected"), QKeySequence(tr("C")), this, [&r] { r.setReview(core::ReviewStatus::Corrected); });
    menu->addAction(tr("A&greement Between Annotators…"), this, [this] { (new AgreementDialog(review(), this))->show(); });
    menu->addAction(tr("Co&mment…"), QKeySequence(tr("Ctrl+M")), this, [this] {
        QString comment;
        review().review(&comment);
        bool ok = false;
        comment = QInputDialog::getText(this, tr("Reviewer Comment"),
                                        tr("Comment on %1:").arg(QFileInfo(document().currentFile()).fileName()),
                                        QLineEdit::Normal, comment, &ok);
        if (ok)
            review().setComment(comment);
    });
}

void MainWindow::buildTrainingMenu()
{
    auto* menu = menuBar()->addMenu(tr("&Training"));
    fineTuneAct_ = menu->addAction(tr("&Fine-tune Current Model…"), QKeySequence(tr("Ctrl+T")), this,
                                   [this] { startFineTune(10, false, true); });
    menu->addAction(tr("Train from &Scratch…"), this, [this] { startFineTune(30, true, true); });
    menu->addAction(tr("Fine-tune &AI Assist Model…"), this,
                    [this] { startFineTune(10, false, true, core::ModelKind::Interactive); });
    menu->addAction(tr("&Cancel Training"), &training(), &vm::TrainingController::cancel);
    menu->addSeparator();
    menu->addAction(trainingPanel_->toggleViewAction());
    QAction* showModels = models_->toggleViewAction();
    showModels->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    menu->addAction(showModels);
    connect(showModels, &QAction::toggled, this, [this](bool on) {
        if (auto ws = on ? training().connection() : nullptr)
            models_->refresh(*ws);
    });
    connect(models_, &ModelsPanel::promoteRequested, &training(), &vm::TrainingController::promote);
    connect(models_, &ModelsPanel::addRequested, &training(), &vm::TrainingController::addJobResult);
    connect(models_, &ModelsPanel::rollbackRequested, this, [this](bool interactive) {
        training().rollback(interactive ? core::ModelKind::Interactive : core::ModelKind::Automatic);
    });
    connect(models_, &ModelsPanel::evaluateRequested, this, [this](qint64 id) { bench_.evaluation().start(id); });
    connect(models_, &ModelsPanel::compareRequested, this, [this](qint64 id) {
        if (QDialog* d = compareModels(id)) {
            d->setAttribute(Qt::WA_DeleteOnClose);
            d->show();
        }
    });
}

void MainWindow::buildToolBars()
{
    tools_ = new EditToolBar(editing(), bench_.preferences(), view_, toolActs_, this);
    addToolBar(tools_);
    for (QAction* a : {undoAct_, redoAct_, runAct_, saveAct_})
        tools_->addAction(a);
    slicesBar_ = new QToolBar(tr("Slices"), this);
    slicesBar_->setObjectName("slicesBar");
    slicesBar_->setMovable(false);
    addToolBar(Qt::BottomToolBarArea, slicesBar_);
    slicesBar_->hide();
    sliceLabel_ = new QLabel(this);
    sliceSlider_ = new TimelineSlider(this);
    sliceSlider_->setObjectName("sliceSlider");
    connect(sliceSlider_, &QSlider::valueChanged, &document(), &vm::DocumentController::showSlice);
    slicesBar_->addWidget(sliceLabel_);
    slicesBar_->addWidget(sliceSlider_);
}

} // namespace delineo::ui
