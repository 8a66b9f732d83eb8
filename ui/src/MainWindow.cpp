#include "delineo/ui/MainWindow.h"
#include "delineo/ui/AssistView.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/CompareDialog.h"
#include "delineo/ui/ExportDialog.h"
#include "delineo/ui/FileListPanel.h"
#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ui/HelpMenu.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/JobProgress.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/PlaneViews.h"
#include "delineo/ui/ShortcutsDialog.h"
#include "delineo/ui/StructuresPanel.h"
#include "delineo/ui/MeasurementsPanel.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/ui/TrainingPanel.h"
#include "delineo/ui/LoadNotes.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace delineo::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Delineo"));
    buildDocks();
    buildStatusBar();
    buildFileMenu();
    assistView_ = new AssistView(bench_.assist(), bench_.preview(), editing(), view_, this);
    assistView_->setPlaneViews(planes_);
    buildEditMenu();
    buildViewMenu();
    buildModelMenu();
    buildReviewMenu();
    buildTrainingMenu();
    menuBar()->addMenu(new HelpMenu(menuBar(), this));
    buildToolBars();
    connectView();
    connectControllers();
    ShortcutsDialog::applySavedShortcuts(menuBar()); // the user's own keys, from Help → Keyboard Shortcuts
    resize(1280, 800);
    showClasses();
    showTool();
    updateTitleAndActions();
    // A folder (or an enhanced file) holding several series or stacks opens the one chosen.
    document().chooseSeries = [this](const QStringList& items) {
        bool ok = !dialogs_;
        const QString pick = dialogs_ ? QInputDialog::getItem(this, tr("Choose a Series"), tr("Open which of these?"),
                                                              items, 0, false, &ok)
                                      : items.value(0);
        return ok ? int(items.indexOf(pick)) : -1;
    };
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    view_ = new ImageView(this);
    view_->setPlaceholderText(tr("Open an image (Ctrl+O), a workspace folder (Ctrl+Shift+O),\n"
                                 "or drop a JPEG, PNG or DICOM file here."));
    legend_ = new ClassLegend(this);
    setCentralWidget(planes_ = new PlaneViews(bench_, view_, legend_, this));
    planes_->showPreviewsOf(preview(), bench_.assist());
    // First run: a welcome on the empty view that offers the bundled demo workspace.
    welcome_ = new QWidget(view_);
    welcome_->setObjectName(QStringLiteral("welcome"));
    auto* welcomeLayout = new QVBoxLayout(view_);
    welcomeLayout->addStretch(3);
    auto* demoButton = new QPushButton(tr("Open Demo Workspace"), welcome_);
    demoButton->setObjectName(QStringLiteral("openDemo"));
    demoButton->setToolTip(tr("Four Kvasir-SEG polyp frames and three abdominal MRI slices with the default models"));
    auto* row = new QHBoxLayout(welcome_);
    row->addStretch(1);
    row->addWidget(demoButton);
    row->addStretch(1);
    welcomeLayout->addWidget(welcome_);
    welcomeLayout->addStretch(2);
    connect(demoButton, &QPushButton::clicked, this, [this] { openDemoWorkspace(); });

    auto* legendDock = new QDockWidget(tr("Classes"), this);
    legendDock->setObjectName("classesDock");
    legendDock->setWidget(legend_);
    legend_->enableEditing([this](int label, const QString& name, const QColor& colour) { // kept in the workspace
        return review().setClass(label, name, colour) && (editing().setActiveLabel(label), true); });
    legendDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    files_ = new FileListPanel(document(), review(), this);
    addDockWidget(Qt::LeftDockWidgetArea, files_);
    resizeDocks({files_}, {230}, Qt::Horizontal);
    toolOptions_ = new ToolOptionsPanel(editing(), bench_.preferences().smallestIsland, bench_.preferences().smoothRadius, this);
    addDockWidget(Qt::LeftDockWidgetArea, toolOptions_);
    history_ = new HistoryPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, history_);
    history_->follow(review(), document(), bench_.measurements());
    trainingPanel_ = new TrainingPanel(training(), this);
    models_ = new ModelsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, trainingPanel_);
    addDockWidget(Qt::RightDockWidgetArea, models_);
    // The side panels keep the window's height: the Structures panel sits under the views alone.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, structures_ = new StructuresPanel(document(), editing(), bench_.planes(), legend_, this));
    measurementsPanel_ = new MeasurementsPanel(bench_.measurements(), document(), this);
    addDockWidget(Qt::BottomDockWidgetArea, measurementsPanel_);
    measurementsPanel_->hide();
    tabifyDockWidget(trainingPanel_, models_);
    trainingPanel_->hide();
    models_->hide();
    structures_->hide();
}

void MainWindow::buildStatusBar()
{
    cursorLabel_ = new QLabel(this);
    cursorLabel_->setMinimumWidth(260);
    reviewLabel_ = new QLabel(this);
    reviewLabel_->setObjectName("reviewLabel");
    modelLabel_ = new QLabel(this);
    modelLabel_->setObjectName(QStringLiteral("modelLabel"));
    statusBar()->addWidget(cursorLabel_);
    connect(planes_, &PlaneViews::cursorDescribed, cursorLabel_, &QLabel::setText);
    statusBar()->addPermanentWidget(new LoadNotes(document(), statusBar(), [this] { return dialogs_; }));
    statusBar()->addPermanentWidget(reviewLabel_);
    statusBar()->addPermanentWidget(modelLabel_);
    statusBar()->addPermanentWidget(new JobProgress(bench_.jobs(), bench_.notices(), statusBar()));
    // Shown once a copy is being written: opening an MJPEG video checks it and finds none needed.
    auto* copyProgress = new JobProgress(bench_.fastSeek().jobs(), bench_.notices(), statusBar(), true);
    copyProgress->setObjectName(QStringLiteral("fastSeekProgress"));
    statusBar()->addPermanentWidget(copyProgress);
    // Committed edits reach the workspace database within a few seconds, off the GUI thread.
    auto* autosave = new QTimer(this);
    connect(autosave, &QTimer::timeout, this, [this] { review().commit(); });
    autosave->start(3000);
    connect(&bench_.jobs(), &vm::JobRunner::started, this, &MainWindow::updateTitleAndActions);
    connect(&bench_.jobs(), &vm::JobRunner::finished, this, &MainWindow::updateTitleAndActions);
}

void MainWindow::connectControllers()
{
    connect(&bench_.notices(), &vm::Notices::message, statusBar(), &QStatusBar::showMessage);
    connect(&bench_.notices(), &vm::Notices::failed, this, &MainWindow::fail);
    connect(&document(), &vm::DocumentController::documentChanged, this, &MainWindow::showDocument);
    connect(&document(), &vm::DocumentController::workspaceChanged, this, &MainWindow::updateTitleAndActions);
    connect(&document(), &vm::DocumentController::sliceChanged, this, &MainWindow::showSlice);
    connect(&document(), &vm::DocumentController::windowChanged, this, &MainWindow::rerender);
    connect(&editing(), &vm::EditingController::maskChanged, this, &MainWindow::repaintMask);
    connect(&editing(), &vm::EditingController::historyChanged, this, &MainWindow::updateTitleAndActions);
    connect(&bench_.measurements(), &vm::MeasurementController::changed, this, &MainWindow::updateTitleAndActions);
    connect(&editing(), &vm::EditingController::toolChanged, this, &MainWindow::showTool);
    connect(&editing(), &vm::EditingController::brushChanged, this, &MainWindow::showTool);
    connect(&preview(), &vm::PreviewController::previewChanged, this, [this] {
        showPreview();
        updateTitleAndActions();
        showReview(); // the timeline marks waiting results
    });
    connect(&preview(), &vm::PreviewController::modelChanged, this, &MainWindow::showModel);
    connect(&bench_.assist(), &vm::AssistController::changed, this, &MainWindow::showPreview);
    connect(&review(), &vm::ReviewController::reviewChanged, this, &MainWindow::showReview);
    connect(&review(), &vm::ReviewController::classesChanged, this, [this] { showClasses(), repaintMaskAll(), planes_->refresh(true); });
    connect(&training(), &vm::TrainingController::finished, this, [this](qint64 id, bool, const QString&) {
        if (auto ws = training().connection())
            models_->refresh(*ws);
        if (id) {
            models_->show();
            models_->raise();
            models_->selectVersion(id);
        }
        updateTitleAndActions();
    });
    connect(&training(), &vm::TrainingController::modelsChanged, this, [this] {
        if (models_->isVisible())
            if (auto ws = training().connection())
                models_->refresh(*ws);
    });
    connect(legend_, &ClassLegend::visibilityChanged, this, [this] { repaintMaskAll(), planes_->refresh(true); });
    connect(legend_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { editing().setActiveLabel(legend_->row(item) + 1); });
    connect(history_, &HistoryPanel::jumpRequested, this, [this](int target) { editing().jumpTo(std::size_t(target)); });
}

void MainWindow::fail(const QString& title, const QString& message)
{
    statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000);
    if (dialogs_)
        QMessageBox::warning(this, title, message);
}

QListWidget* MainWindow::fileList() const { return files_->list(); }
QComboBox* MainWindow::fileFilter() const { return files_->filter(); }

bool MainWindow::openPath(const QString& path) { return bench_.openPath(path); }


bool MainWindow::openDemoWorkspace() { return document().openWorkspace(vm::DocumentController::prepareDemoWorkspace()); }

bool MainWindow::startFineTune(int epochs, bool fromScratch, bool ask, core::ModelKind kind)
{
    auto request = training().prepare(epochs, fromScratch, kind);
    if (!request)
        return false;
    if (ask && dialogs_) {
        FineTuneDialog dialog(*request->workspace, request->plan, this);
        dialog.scratchBox()->setChecked(fromScratch);
        dialog.epochsBox()->setValue(epochs);
        const int result = dialog.exec();
        if (result == QDialog::Rejected)
            return false;
        request->settings = dialog.settings();
        request->settings.kind = kind;
        if (dialog.validationChanged() && !training().replan(*request, dialog.validationImages()))
            return false;
        if (result == FineTuneDialog::ExportJob)
            return training().exportJob(std::move(request), dialog.exportFolder());
    }
    if (!training().start(std::move(request)))
        return false;
    updateTitleAndActions();
    return true;
}

QDialog* MainWindow::compareModels(std::int64_t version)
{
    const auto comparison = training().compare(version, document().currentFile());
    return comparison ? new CompareDialog(*comparison, this) : nullptr;
}

QDialog* MainWindow::showUserGuide()
{
    QString error;
    QDialog* dialog = HelpMenu::userGuide(this, dialogs_, &error);
    if (!dialog)
        bench_.notices().fail(tr("User guide"), error);
    return dialog;
}

QDialog* MainWindow::showExport()
{
    if (document().workspace().isEmpty()) {
        bench_.notices().fail(tr("Cannot export"), tr("Open a workspace folder first: exports write its stored masks."));
        return nullptr;
    }
    review().commit(false, true);
    auto* dialog = new ExportDialog(bench_.exports(), bench_.jobs(), document().workspace(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (dialogs_)
        dialog->show();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!review().saveIfModified() && dialogs_ &&
        QMessageBox::question(this, tr("Unsaved mask"), tr("The mask could not be saved. Close anyway?")) != QMessageBox::Yes) {
        e->ignore();
        return;
    }
    bench_.shutDown();
    e->accept();
}

} // namespace delineo::ui
