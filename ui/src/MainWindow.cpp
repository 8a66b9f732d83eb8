#include "delineo/ui/MainWindow.h"
#include "QtText.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/JobRunner.h"
#include "delineo/ui/MaskMenu.h"
#include "delineo/ui/TrainingPanel.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/ui/HistoryPanel.h"
#include "tools/Tool.h"
#include "delineo/ui/PreferencesDialog.h"
#include "delineo/ui/ShortcutsDialog.h"
#include "delineo/ui/Translations.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/MaskOps.h"
#include "delineo/core/ModelLibrary.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ml/Trainer.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QVBoxLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QCheckBox>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <map>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <cmath>

namespace delineo::ui {

namespace {

std::vector<ml::ClassInfo> defaultClasses() { return {{"polyp", {255, 64, 64}}}; }

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Delineo"));
    jobs_ = new JobRunner(this);
    buildUi();
    buildActions();
    connect(jobs_, &JobRunner::started, this, [this](const QString& title) {
        progress_->setFormat(title + QStringLiteral(" %p%"));
        progress_->setRange(0, 0);
        progress_->show();
        cancelButton_->show();
        updateTitleAndActions();
    });
    connect(jobs_, &JobRunner::progress, this, [this](double f, const QString& text) {
        if (f >= 0) {
            progress_->setRange(0, 1000);
            progress_->setValue(int(std::lround(f * 1000)));
        }
        if (!text.isEmpty())
            statusBar()->showMessage(text);
    });
    connect(jobs_, &JobRunner::finished, this, &MainWindow::onJobFinished);
    ShortcutsDialog::applySavedShortcuts(menuBar()); // the user's own keys, from Help → Keyboard Shortcuts
    QSettings settings;
    setBrushRadius(settings.value("brush/radius", 12).toInt());
    opacity_->setValue(settings.value("view/opacity", 50).toInt());
    resize(1280, 800);
    updateTitleAndActions();
}

MainWindow::~MainWindow()
{
    if (jobs_->busy()) {
        jobs_->cancel();
        jobs_->waitForFinished(60000);
    }
}

void MainWindow::buildUi()
{
    view_ = new ImageView(this);
    view_->setPlaceholderText(tr("Open an image (Ctrl+O), a workspace folder (Ctrl+Shift+O),\n"
                                 "or drop a JPEG, PNG or DICOM file here."));
    setCentralWidget(view_);
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
    connect(view_, &ImageView::strokeStarted, this, &MainWindow::onStrokeStarted);
    connect(view_, &ImageView::strokeMoved, this, &MainWindow::onStrokeMoved);
    connect(view_, &ImageView::strokeFinished, this, &MainWindow::onStrokeFinished);
    connect(view_, &ImageView::windowLevelDragged, this, &MainWindow::onWindowLevel);
    connect(view_, &ImageView::cursorMoved, this, &MainWindow::onCursor);
    connect(view_, &ImageView::sliceScrolled, this, [this](int steps) { showSlice(slice_ + steps); });
    connect(view_, &ImageView::fileDropped, this, [this](const QString& p) {
        QFileInfo(p).isDir() ? openWorkspace(p) : openFile(p);
    });

    files_ = new QListWidget(this);
    files_->setObjectName("workspaceFiles");
    files_->setTextElideMode(Qt::ElideMiddle);
    files_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(files_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        openFile(item->data(Qt::UserRole).toString());
    });
    legend_ = new ClassLegend(this);
    connect(legend_, &ClassLegend::visibilityChanged, this, &MainWindow::refreshOverlayAll);
    connect(legend_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        setActiveLabel(legend_->row(item) + 1); // clicking a class makes it the one the brush paints
    });
    auto* legendDock = new QDockWidget(tr("Classes"), this);
    legendDock->setObjectName("classesDock");
    legendDock->setWidget(legend_);
    legendDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    auto* dock = new QDockWidget(tr("Workspace"), this);
    dock->setObjectName("workspaceDock");
    // The file list with a review filter above it.
    auto* filesBox = new QWidget(dock);
    auto* filesLayout = new QVBoxLayout(filesBox);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->setSpacing(2);
    fileFilter_ = new QComboBox(filesBox);
    fileFilter_->setObjectName("fileFilter");
    fileFilter_->addItem(tr("All files"), -1);
    fileFilter_->addItem(tr("Needing review"), -2);
    for (auto st : {core::ReviewStatus::NotStarted, core::ReviewStatus::AiDraft, core::ReviewStatus::Corrected,
                    core::ReviewStatus::Approved, core::ReviewStatus::Rejected})
        fileFilter_->addItem(statusText(st), int(st));
    connect(fileFilter_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { refreshFileList(); });
    filesLayout->addWidget(fileFilter_);
    filesLayout->addWidget(files_, 1);
    dock->setWidget(filesBox);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {230}, Qt::Horizontal);

    cursorLabel_ = new QLabel(this);
    cursorLabel_->setMinimumWidth(260);
    modelLabel_ = new QLabel(this);
    modelLabel_->setObjectName(QStringLiteral("modelLabel"));
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    progress_->hide();
    cancelButton_ = new QToolButton(this);
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->hide();
    connect(cancelButton_, &QToolButton::clicked, jobs_, &JobRunner::cancel);
    statusBar()->addWidget(cursorLabel_);
    reviewLabel_ = new QLabel(this);
    reviewLabel_->setObjectName("reviewLabel");
    statusBar()->addPermanentWidget(reviewLabel_);
    statusBar()->addPermanentWidget(modelLabel_);
    // Committed edits reach the workspace database within a few seconds, off the GUI thread.
    auto* autosave = new QTimer(this);
    connect(autosave, &QTimer::timeout, this, [this] { commitToWorkspace(); });
    autosave->start(3000);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelButton_);
}

void MainWindow::buildActions()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Image…"), QKeySequence::Open, this, &MainWindow::chooseOpenFile);
    file->addAction(tr("Open &Workspace Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::chooseWorkspace);
    file->addAction(tr("Open DICOM &Series…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::chooseSeries);
    file->addAction(tr("Open De&mo Workspace"), this, [this] { openDemoWorkspace(); });
    file->addAction(tr("&Import DICOM into Workspace…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::chooseImportDicom);
    saveAct_ = file->addAction(tr("&Save Mask"), QKeySequence::Save, this, [this] { saveMask(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    undoAct_ = edit->addAction(tr("&Undo"), QKeySequence::Undo, this, &MainWindow::undo);
    redoAct_ = edit->addAction(tr("&Redo"), QKeySequence(tr("Ctrl+Shift+Z")), this, &MainWindow::redo);
    redoAct_->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    undoAct_->setObjectName(QStringLiteral("Undo"));
    redoAct_->setObjectName(QStringLiteral("Redo"));
    edit->addSeparator();
    createTools(edit);
    menuBar()->addMenu(new MaskMenu(this)); // right after Edit
    edit->addAction(tr("Larger Brush"), QKeySequence(tr("]")), this, [this] { setBrushRadius(brush_.radius + 2); });
    edit->addAction(tr("Smaller Brush"), QKeySequence(tr("[")), this, [this] { setBrushRadius(brush_.radius - 2); });
    edit->addSeparator();
    auto* prefs = edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    prefs->setMenuRole(QAction::PreferencesRole);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    overlayAct_ = viewMenu->addAction(tr("Show &Overlay"), QKeySequence(tr("O")), this,
                                      [this](bool on) { view_->setOverlayVisible(on); });
    overlayAct_->setCheckable(true);
    overlayAct_->setChecked(true);
    auto* outline = viewMenu->addAction(tr("Overlay as &Outlines"), QKeySequence(tr("Shift+O")), this, [this](bool on) {
        outlineOnly_ = on;
        QSettings().setValue("view/outlines", on);
        refreshOverlayAll();
    });
    outline->setCheckable(true);
    outlineOnly_ = QSettings().value("view/outlines", false).toBool();
    outline->setChecked(outlineOnly_);
    viewMenu->addAction(tr("&Fit to Window"), QKeySequence(tr("F")), view_, &ImageView::fitToWindow);
    viewMenu->addAction(tr("&Actual Size (1:1)"), QKeySequence(tr("Ctrl+1")), this, [this] {
        view_->zoomBy(1.0 / view_->zoom(), QPointF(view_->width() / 2.0, view_->height() / 2.0));
    });
    viewMenu->addAction(tr("&Reset Window/Level"), QKeySequence(tr("R")), this, [this] {
        if (doc_.empty())
            return;
        window_ = image().defaultWindow();
        rerenderBase();
    });
    presetsMenu_ = viewMenu->addMenu(tr("Window &Presets"));
    viewMenu->addSeparator();
    viewMenu->addAction(tr("&Previous Slice"), QKeySequence(Qt::Key_PageUp), this, [this] { showSlice(slice_ - 1); });
    viewMenu->addAction(tr("&Next Slice"), QKeySequence(Qt::Key_PageDown), this, [this] { showSlice(slice_ + 1); });
    viewMenu->addAction(tr("First Slice"), QKeySequence(Qt::Key_Home), this, [this] { showSlice(0); });
    viewMenu->addAction(tr("Last Slice"), QKeySequence(Qt::Key_End), this, [this] { showSlice(doc_.depth() - 1); });

    auto* model = menuBar()->addMenu(tr("&Model"));
    runAct_ = model->addAction(tr("&Run Model on Image"), QKeySequence(tr("Ctrl+R")), this, [this] { runModel(); });
    model->addAction(tr("&Load Model…"), this, &MainWindow::chooseModel);
    model->addSeparator();
    model->addAction(tr("&Accept AI Result"), QKeySequence(Qt::Key_Return), this, [this] { acceptPreview(0); });
    model->addAction(tr("Accept AI Result for the Active &Class"), QKeySequence(Qt::SHIFT | Qt::Key_Return), this,
                     [this] { acceptPreview(activeLabel_); });
    model->addAction(tr("&Reject AI Result"), QKeySequence(Qt::Key_Escape), this, [this] { rejectPreview(); });
    model->addAction(tr("Run Model on &All Slices"), QKeySequence(tr("Ctrl+Shift+R")), this, [this] { runModelOnAllSlices(); });
    model->addAction(tr("Accept AI Results on All Slices"), QKeySequence(Qt::CTRL | Qt::Key_Return), this,
                     [this] { acceptAllPreviews(); });
    auto* shading = model->addAction(tr("Show AI &Confidence"), QKeySequence(tr("Shift+C")), this, [this](bool on) {
        QSettings().setValue("model/confidenceShading", on);
        showPreview();
    });
    shading->setCheckable(true);
    shading->setChecked(QSettings().value("model/confidenceShading", false).toBool());
    shading->setToolTip(tr("Shade the AI preview by the model's probability: faint where it is unsure"));
    auto* overwrite = model->addAction(tr("AI May &Overwrite My Labels"));
    overwrite->setCheckable(true);
    overwrite->setChecked(QSettings().value("model/overwriteManual", false).toBool());
    connect(overwrite, &QAction::toggled, this, [](bool on) { QSettings().setValue("model/overwriteManual", on); });
    model->addSeparator();
    auto* tta = model->addAction(tr("Test-time &Flip Augmentation"));
    tta->setCheckable(true);
    tta->setChecked(QSettings().value("model/flipTta", false).toBool());
    tta->setToolTip(tr("Average the model over the image and its flips: steadier masks, 3x the time"));
    connect(tta, &QAction::toggled, this, [](bool on) { QSettings().setValue("model/flipTta", on); });
    createTrainingMenu();

    auto* review = menuBar()->addMenu(tr("&Review"));
    review->addAction(tr("&Approve Case"), QKeySequence(tr("A")), this, [this] { setReview(core::ReviewStatus::Approved); });
    review->addAction(tr("&Reject Case"), QKeySequence(tr("X")), this, [this] { setReview(core::ReviewStatus::Rejected); });
    review->addAction(tr("&Next Needing Review"), QKeySequence(tr("N")), this, [this] { openNextForReview(); });
    review->addAction(tr("Approve &Slice"), QKeySequence(tr("Shift+A")), this, [this] { approveSlice(); });
    review->addAction(tr("Reject S&lice"), QKeySequence(tr("Shift+X")), this, [this] { rejectSlice(); });
    review->addAction(tr("Next &Most Uncertain"), QKeySequence(tr("Shift+N")), this, [this] { openMostUncertain(); });
    review->addAction(tr("Rank &Unreviewed by Model Uncertainty"), QKeySequence(tr("Ctrl+Shift+U")), this,
                      [this] { rankByUncertainty(); });
    review->addAction(tr("Mark &Corrected"), QKeySequence(tr("C")), this, [this] { setReview(core::ReviewStatus::Corrected); });
    review->addAction(tr("Co&mment…"), QKeySequence(tr("Ctrl+M")), this, [this] {
        QString comment;
        session_.review(currentFile_, &comment);
        bool ok = false;
        comment = QInputDialog::getText(this, tr("Reviewer Comment"), tr("Comment on %1:").arg(QFileInfo(currentFile_).fileName()),
                                        QLineEdit::Normal, comment, &ok);
        if (ok && ensureSession()) {
            session_.setReview(currentFile_, review_, comment);
            showReview();
        }
    });

    buildHelpMenu();

    auto* tools = addToolBar(tr("Tools"));
    tools->setObjectName("toolsBar");
    tools->setMovable(false);
    for (QAction* a : toolActs_)
        tools->addAction(a);
    tools->addSeparator();
    tools->addWidget(new QLabel(tr(" Class "), this));
    classCombo_ = new QComboBox(this);
    classCombo_->setObjectName("classCombo");
    connect(classCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { activeLabel_ = i + 1; });
    tools->addWidget(classCombo_);
    tools->addWidget(new QLabel(tr("  Brush "), this));
    brushSize_ = new QSpinBox(this);
    brushSize_->setObjectName("brushSize");
    brushSize_->setRange(1, 200);
    brushSize_->setSuffix(tr(" px"));
    connect(brushSize_, qOverload<int>(&QSpinBox::valueChanged), this, &MainWindow::setBrushRadius);
    tools->addWidget(brushSize_);
    tools->addWidget(new QLabel(tr("  Opacity "), this));
    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setObjectName("opacity");
    opacity_->setRange(0, 100);
    opacity_->setMaximumWidth(140);
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
        view_->setOverlayOpacity(v / 100.0);
        QSettings().setValue("view/opacity", v);
    });
    tools->addWidget(opacity_);
    tools->addSeparator();
    tools->addAction(undoAct_);
    tools->addAction(redoAct_);
    tools->addSeparator();
    tools->addAction(runAct_);
    tools->addAction(saveAct_);
    refreshClassCombo();

    auto* slices = slicesBar_ = new QToolBar(tr("Slices"), this);
    slices->setObjectName("slicesBar");
    slices->setMovable(false);
    addToolBar(Qt::BottomToolBarArea, slices);
    slices->hide();
    sliceLabel_ = new QLabel(this);
    sliceSlider_ = new QSlider(Qt::Horizontal, this);
    sliceSlider_->setObjectName("sliceSlider");
    connect(sliceSlider_, &QSlider::valueChanged, this, &MainWindow::showSlice);
    slices->addWidget(sliceLabel_);
    slices->addWidget(sliceSlider_);
}

void MainWindow::fail(const QString& title, const QString& message)
{
    lastError_ = message;
    statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000);
    if (dialogs_)
        QMessageBox::warning(this, title, message);
}

void MainWindow::setDocument(core::Volume volume, const QString& file, const QString& maskBase)
{
    if (!autosaveIfModified())
        return;
    commitToWorkspace(true);
    if (!volume.empty())
        chooseModelFor(volume.slice(0).channels);
    doc_.open(std::move(volume), ss(maskBase), std::max(1, classCombo_->count()));
    currentFile_ = file;
    previews_.clear();
    QStringList warnings;
    for (const auto& w : doc_.warnings())
        warnings << qs(w);
    if (!warnings.isEmpty()) {
        statusBar()->showMessage(warnings.join(QStringLiteral("; ")), 30000);
        if (dialogs_)
            QMessageBox::information(this, tr("Please note"), warnings.join(QStringLiteral("\n\n")));
    }
    slice_ = doc_.depth() / 2;
    window_ = image().defaultWindow();
    const QSignalBlocker block(sliceSlider_);
    sliceSlider_->setRange(0, std::max(0, doc_.depth() - 1));
    slicesBar_->setVisible(doc_.depth() > 1);
    view_->setWheelScrollsSlices(doc_.depth() > 1);
    view_->setImage(QImage(image().width, image().height, QImage::Format_RGB888));
    rebuildWindowPresets();
    showSlice(slice_);
    refreshFileList();
    QSettings().setValue("files/lastFolder", QFileInfo(file).absolutePath());
    openSession();
    // Single-letter shortcuts (B, E, A, X, N…) must reach the window, not the file list's search.
    view_->setFocus();
}

bool MainWindow::applyMaskEdit(int z, const core::LabelMap& next, const QString& description)
{
    if (doc_.empty() || z < 0 || z >= doc_.depth() || !doc_.editor(z).replace(next, ss(description)))
        return false;
    if (z == slice_)
        refreshOverlayAll();
    updateTitleAndActions();
    return true;
}

void MainWindow::showSlice(int z)
{
    if (doc_.empty())
        return;
    if (editor().inStroke())
        editor().endStroke();
    slice_ = std::clamp(z, 0, doc_.depth() - 1);
    {
        const QSignalBlocker block(sliceSlider_);
        sliceSlider_->setValue(slice_);
    }
    showPreview();
    rerenderBase();
    refreshOverlayAll();
    updateTitleAndActions();
}

void MainWindow::rebuildWindowPresets()
{
    presetsMenu_->clear();
    const std::vector<core::Window> presets = core::windowPresets(image());
    int key = 1;
    for (const auto& w : presets) {
        auto* act = presetsMenu_->addAction(tr("%1 (W %2, L %3)").arg(Translations::term(qs(w.name))).arg(w.width).arg(w.center));
        if (key <= 9)
            act->setShortcut(QKeySequence(QString::number(key++)));
        connect(act, &QAction::triggered, this, [this, w] {
            window_ = w;
            rerenderBase();
        });
    }
}

void MainWindow::rerenderBase()
{
    if (doc_.empty())
        return;
    const std::vector<std::uint8_t> rgb = core::renderRgb(image(), window_);
    QImage base(image().width, image().height, QImage::Format_RGB888);
    for (int y = 0; y < image().height; ++y)
        std::memcpy(base.scanLine(y), rgb.data() + std::size_t(y) * image().width * 3, std::size_t(image().width) * 3);
    view_->updateImage(base);
    QString top = QFileInfo(currentFile_).fileName() + QStringLiteral("\n%1 x %2").arg(image().width).arg(image().height);
    if (doc_.depth() > 1)
        top += tr("  slice %1/%2").arg(slice_ + 1).arg(doc_.depth());
    if (!image().modality.empty())
        top += QStringLiteral("  ") + qs(image().modality);
    if (image().spacingKnown)
        top += tr("  %1 x %2 mm/px").arg(image().spacingX, 0, 'g', 4).arg(image().spacingY, 0, 'g', 4);
    const QString bottom = image().type == core::PixelType::U8 && image().channels == 3
                               ? QString()
                               : tr("W %1  L %2").arg(window_.width, 0, 'f', 0).arg(window_.center, 0, 'f', 0);
    view_->setInfoText(top, bottom);
}

void MainWindow::refreshOverlay(const core::Rect& r)
{
    QImage& ov = view_->overlay();
    const core::LabelMap& lab = editor().labels();
    if (ov.isNull() || r.empty() || ov.width() != lab.width)
        return;
    const std::vector<QRgb> colours = legend_->overlayColours();
    if (!outlineOnly_) {
        for (int y = r.y; y < r.y + r.height; ++y) {
            auto* line = reinterpret_cast<QRgb*>(ov.scanLine(y));
            const std::uint8_t* src = &lab.labels[std::size_t(y) * lab.width];
            for (int x = r.x; x < r.x + r.width; ++x)
                line[x] = colours[src[x]];
        }
        view_->overlayChanged(QRect(r.x, r.y, r.width, r.height));
        return;
    }
    // Outline mode: a two-pixel inner band at each class border, so the anatomy stays visible.
    const int x0 = std::max(0, r.x - 2), y0 = std::max(0, r.y - 2);
    const int x1 = std::min(lab.width, r.x + r.width + 2), y1 = std::min(lab.height, r.y + r.height + 2);
    auto differs = [&](int x, int y, std::uint8_t v) {
        return x < 0 || y < 0 || x >= lab.width || y >= lab.height || lab.at(x, y) != v;
    };
    for (int y = y0; y < y1; ++y) {
        auto* line = reinterpret_cast<QRgb*>(ov.scanLine(y));
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t v = lab.at(x, y);
            bool edge = false;
            for (int d = 1; d <= 2 && v && !edge; ++d)
                edge = differs(x - d, y, v) || differs(x + d, y, v) || differs(x, y - d, v) || differs(x, y + d, v);
            line[x] = colours[edge ? v : 0];
        }
    }
    view_->overlayChanged(QRect(x0, y0, x1 - x0, y1 - y0));
}

void MainWindow::refreshOverlayAll()
{
    refreshOverlay({0, 0, editor().labels().width, editor().labels().height});
}

void MainWindow::refreshClassCombo()
{
    const auto classes = model_ ? model_->config().classes : defaultClasses();
    const QSignalBlocker block(classCombo_);
    classCombo_->clear();
    for (const auto& c : classes) {
        QPixmap swatch(12, 12);
        const QColor colour(c.colour[0], c.colour[1], c.colour[2]);
        swatch.fill(colour);
        classCombo_->addItem(QIcon(swatch), Translations::term(qs(c.name)), colour);
    }
    activeLabel_ = std::clamp(activeLabel_, 1, std::max(1, classCombo_->count()));
    classCombo_->setCurrentIndex(activeLabel_ - 1);
    legend_->setClasses(classes);
}

bool MainWindow::saveMask()
{
    if (doc_.empty() || !writes_)
        return false;
    int written = 0;
    try {
        written = doc_.save();
    } catch (const core::ImageError& e) {
        fail(tr("Cannot save mask"), Translations::errorText(e));
        return false;
    }
    commitToWorkspace(true);
    statusBar()->showMessage(written ? tr("Saved %n mask(s) to %1", "", written)
                                           .arg(QDir::toNativeSeparators(QFileInfo(qs(doc_.maskPath(slice_))).absolutePath()))
                                     : tr("Nothing to save: no changes."),
                             5000);
    refreshFileList();
    updateTitleAndActions();
    return true;
}

bool MainWindow::loadModel(const QString& weightsPath)
{
    try {
        model_ = std::shared_ptr<ml::Segmenter>(ml::Segmenter::load(ss(weightsPath)));
    } catch (const ml::ModelError& e) {
        fail(tr("Cannot load model"), Translations::errorText(e));
        return false;
    }
    modelPath_ = weightsPath;
    refreshClassCombo();
    refreshOverlayAll();
    QString label = tr("Model: %1 (%2)").arg(QFileInfo(weightsPath).completeBaseName(), qs(model_->device()));
    if (model_->config().demo)
        label = QStringLiteral("<span style='color:#b35c00'>%1</span>")
                    .arg((label + tr(" · demo model, not for clinical use")).toHtmlEscaped());
    modelLabel_->setText(label);
    modelLabel_->setToolTip(qs(model_->config().description));
    updateTitleAndActions();
    return true;
}

void MainWindow::chooseModelFor(int channels)
{
    // Colour frames want the endoscopy model, grey slices an MRI/CT one: switch between the
    // shipped models when the current one expects the other kind of image.
    const int wanted = channels == 3 ? 3 : 1;
    if (model_ && model_->config().inChannels == wanted)
        return;
    for (const auto& entry : core::shippedModels()) {
        if (entry.config.inChannels == wanted && loadModel(qs(entry.path))) {
            statusBar()->showMessage(tr("Using the %1 model for this image.").arg(QFileInfo(qs(entry.path)).completeBaseName()), 8000);
            return;
        }
    }
}

bool MainWindow::runModel()
{
    if (!model_ || doc_.empty()) {
        fail(tr("Cannot run model"), model_ ? tr("Open an image first.") : tr("No model is loaded."));
        return false;
    }
    auto model = model_;
    auto input = std::make_shared<std::vector<std::uint8_t>>(core::modelInput8(image()));
    const int w = image().width, h = image().height, c = image().channels;
    auto result = std::make_shared<ml::Prediction>();
    const QString file = currentFile_;
    const int z = slice_;
    onJobDone_ = [this, result, file, z] {
        if (file != currentFile_ || z >= doc_.depth() || result->labels.empty())
            return;
        // The result waits in a preview layer (outlines) for the user's decision.
        storePreview(z, std::move(*result));
        showPreview();
        statusBar()->showMessage(tr("AI result shown as outlines: Enter accepts, Shift+Enter accepts the active "
                                    "class only, Esc rejects. Your own labels are kept."), 15000);
        updateTitleAndActions();
    };
    ml::PredictOptions options;
    options.flipTta = QSettings().value("model/flipTta", false).toBool();
    return jobs_->start(tr("Segmenting"), [model, input, w, h, c, result, options](JobRunner::Context& ctx) {
        ctx.progress(-1, QObject::tr("Running the model…"));
        *result = model->predict(ml::ImageU8View{input->data(), w, h, c}, options);
        ctx.progress(1.0, QObject::tr("Segmentation done"));
    });
}

void MainWindow::storePreview(int z, ml::Prediction&& result)
{
    SlicePreview& p = previews_[z];
    p.labels = core::LabelMap(result.width, result.height);
    p.labels.labels = std::move(result.labels);
    p.confidence = std::move(result.confidence);
}

bool MainWindow::runModelOnAllSlices()
{
    if (!model_ || doc_.empty()) {
        fail(tr("Cannot run model"), model_ ? tr("Open an image first.") : tr("No model is loaded."));
        return false;
    }
    auto model = model_;
    // The slices as the model sees them, prepared here: the document stays on the GUI thread.
    auto inputs = std::make_shared<std::vector<std::vector<std::uint8_t>>>();
    for (int z = 0; z < doc_.depth(); ++z)
        inputs->push_back(core::modelInput8(doc_.slice(z)));
    const int w = image().width, h = image().height, c = image().channels;
    auto results = std::make_shared<std::vector<ml::Prediction>>(inputs->size());
    const QString file = currentFile_;
    onJobDone_ = [this, results, file] {
        if (file != currentFile_)
            return;
        for (std::size_t z = 0; z < results->size() && int(z) < doc_.depth(); ++z) {
            if (!(*results)[z].labels.empty())
                storePreview(int(z), std::move((*results)[z]));
        }
        showPreview();
        statusBar()->showMessage(tr("AI results on %1 slices wait as outlines: Ctrl+Enter accepts all, Enter this "
                                    "slice, Esc rejects this slice.").arg(previews_.size()), 15000);
        updateTitleAndActions();
    };
    ml::PredictOptions options;
    options.flipTta = QSettings().value("model/flipTta", false).toBool();
    return jobs_->start(tr("Segmenting all slices"), [model, inputs, results, w, h, c, options](JobRunner::Context& ctx) {
        for (std::size_t z = 0; z < inputs->size(); ++z) {
            if (ctx.cancel->load())
                return;
            ctx.progress(double(z) / inputs->size(), QObject::tr("Running the model on slice %1 of %2…").arg(z + 1).arg(inputs->size()));
            (*results)[z] = model->predict(ml::ImageU8View{(*inputs)[z].data(), w, h, c}, options);
        }
    });
}

bool MainWindow::waitForJob(int timeoutMs) { return jobs_->waitForFinished(timeoutMs); }

void MainWindow::onJobFinished(bool ok, bool cancelled, const QString& error)
{
    progress_->hide();
    cancelButton_->hide();
    auto done = std::move(onJobDone_);
    onJobDone_ = nullptr;
    if (cancelled)
        statusBar()->showMessage(tr("Cancelled; nothing was changed."), 8000);
    else if (!ok)
        fail(tr("Task failed"), error);
    else if (done)
        done();
    updateTitleAndActions();
}

void MainWindow::setBrushRadius(int r)
{
    brush_.radius = std::clamp(r, 1, 200);
    const QSignalBlocker block(brushSize_);
    brushSize_->setValue(brush_.radius);
    view_->setBrushRadius(brush_.radius);
    if (toolOptions_)
        toolOptions_->setRadius(brush_.radius);
    QSettings().setValue("brush/radius", brush_.radius);
}

void MainWindow::setActiveLabel(int label) { classCombo_->setCurrentIndex(label - 1); }

void MainWindow::undo()
{
    refreshOverlay(editor().undo());
    updateTitleAndActions();
}

void MainWindow::redo()
{
    refreshOverlay(editor().redo());
    updateTitleAndActions();
}

void MainWindow::onWindowLevel(double dx, double dy)
{
    if (doc_.empty())
        return;
    double lo = 0, hi = 0;
    image().range(lo, hi);
    const double k = std::max(1.0, hi - lo) / 400.0;
    window_.width = std::max(1.0, window_.width + dx * k);
    window_.center += dy * k;
    rerenderBase();
}

void MainWindow::onCursor(QPoint px, bool inside)
{
    if (!inside || doc_.empty()) {
        cursorLabel_->clear();
        return;
    }
    QString value = QString::number(image().value(px.x(), px.y(), 0), 'g', 6);
    if (image().channels == 3)
        value = QStringLiteral("%1, %2, %3")
                    .arg(image().value(px.x(), px.y(), 0))
                    .arg(image().value(px.x(), px.y(), 1))
                    .arg(image().value(px.x(), px.y(), 2));
    QString text = tr("x %1  y %2").arg(px.x()).arg(px.y());
    if (image().spacingKnown)
        text += tr(" (%1, %2 mm)").arg(px.x() * image().spacingX, 0, 'f', 1).arg(px.y() * image().spacingY, 0, 'f', 1);
    const int label = editor().labels().at(px.x(), px.y());
    const QString name = label > 0 && label <= classCombo_->count() ? classCombo_->itemText(label - 1) : tr("none");
    cursorLabel_->setText(text + tr("   value %1   label %2").arg(value, name));
}

void MainWindow::updateTitleAndActions()
{
    if (welcome_)
        welcome_->setVisible(doc_.empty() && workspace_.isEmpty() && !jobs_->busy());
    if (history_)
        history_->showHistory(editor().history().descriptions(), editor().history().position());
    if (sliceLabel_ && !doc_.empty()) {
        static const char* names[] = {QT_TR_NOOP("not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("corrected"),
                                      QT_TR_NOOP("approved"), QT_TR_NOOP("rejected")};
        sliceLabel_->setText(tr(" Slice %1/%2 · %3 ").arg(slice_ + 1).arg(doc_.depth()).arg(tr(names[int(sliceStatus(slice_))])));
    }
    const bool haveImage = !doc_.empty();
    const bool busy = jobs_->busy();
    QString title = tr("Delineo");
    if (haveImage)
        title = QFileInfo(currentFile_).fileName() + (editor().modified() ? QStringLiteral(" *") : QString()) +
                QStringLiteral(" — ") + title;
    setWindowTitle(title);
    undoAct_->setEnabled(editor().history().canUndo());
    redoAct_->setEnabled(editor().history().canRedo());
    undoAct_->setText(editor().history().canUndo() ? tr("&Undo %1").arg(qs(editor().history().undoText())) : tr("&Undo"));
    redoAct_->setText(editor().history().canRedo() ? tr("&Redo %1").arg(qs(editor().history().redoText())) : tr("&Redo"));
    saveAct_->setEnabled(haveImage);
    runAct_->setEnabled(haveImage && model_ && !busy);
    fineTuneAct_->setEnabled(model_ && !training_->busy() && !workspace_.isEmpty());
}

void MainWindow::chooseModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Model"), QString::fromStdString(core::resourceDir()),
                                                      tr("Delineo models (*.pt)"));
    if (!path.isEmpty())
        loadModel(path);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!autosaveIfModified() && dialogs_ &&
        QMessageBox::question(this, tr("Unsaved mask"), tr("The mask could not be saved. Close anyway?")) !=
            QMessageBox::Yes) {
        e->ignore();
        return;
    }
    if (jobs_->busy()) {
        jobs_->cancel();
        jobs_->waitForFinished(60000);
    }
    commitToWorkspace(true, true);
    session_.close();
    e->accept();
}

} // namespace delineo::ui
