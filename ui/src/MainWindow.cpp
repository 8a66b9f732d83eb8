#include "delineo/ui/MainWindow.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/FineTuneJob.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/JobRunner.h"
#include "delineo/ui/MaskMenu.h"
#include "delineo/ui/ShortcutsDialog.h"

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

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

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
    dock->setWidget(files_);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {230}, Qt::Horizontal);

    cursorLabel_ = new QLabel(this);
    cursorLabel_->setMinimumWidth(260);
    modelLabel_ = new QLabel(this);
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
    file->addAction(tr("&Import DICOM into Workspace…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::chooseImportDicom);
    saveAct_ = file->addAction(tr("&Save Mask"), QKeySequence::Save, this, [this] { saveMask(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    undoAct_ = edit->addAction(tr("&Undo"), QKeySequence::Undo, this, &MainWindow::undo);
    redoAct_ = edit->addAction(tr("&Redo"), QKeySequence(tr("Ctrl+Shift+Z")), this, &MainWindow::redo);
    redoAct_->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addSeparator();
    brushAct_ = edit->addAction(tr("&Brush"), QKeySequence(tr("B")), this, [this] { setEraser(false); });
    eraserAct_ = edit->addAction(tr("&Eraser"), QKeySequence(tr("E")), this, [this] { setEraser(true); });
    brushAct_->setCheckable(true);
    eraserAct_->setCheckable(true);
    brushAct_->setChecked(true);
    menuBar()->addMenu(new MaskMenu(this)); // right after Edit
    edit->addAction(tr("Larger Brush"), QKeySequence(tr("]")), this, [this] { setBrushRadius(brush_.radius + 2); });
    edit->addAction(tr("Smaller Brush"), QKeySequence(tr("[")), this, [this] { setBrushRadius(brush_.radius - 2); });

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    overlayAct_ = viewMenu->addAction(tr("Show &Overlay"), QKeySequence(tr("O")), this,
                                      [this](bool on) { view_->setOverlayVisible(on); });
    overlayAct_->setCheckable(true);
    overlayAct_->setChecked(true);
    viewMenu->addAction(tr("&Fit to Window"), QKeySequence(tr("F")), view_, &ImageView::fitToWindow);
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
    model->addSeparator();
    fineTuneAct_ = model->addAction(tr("&Fine-tune on Corrected Masks…"), QKeySequence(tr("Ctrl+T")), this,
                                    &MainWindow::askFineTune);

    auto* review = menuBar()->addMenu(tr("&Review"));
    review->addAction(tr("&Approve Case"), QKeySequence(tr("A")), this, [this] { setReview(core::ReviewStatus::Approved); });
    review->addAction(tr("&Reject Case"), QKeySequence(tr("X")), this, [this] { setReview(core::ReviewStatus::Rejected); });
    review->addAction(tr("&Next Needing Review"), QKeySequence(tr("N")), this, [this] { openNextForReview(); });
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

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("F1")), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    help->addAction(tr("&About Delineo"), this, [this] {
        QMessageBox::about(this, tr("About Delineo"),
                           tr("<b>Delineo</b> %1<br>Medical image segmentation: review, correct, retrain.")
                               .arg(QApplication::applicationVersion()));
    });

    auto* tools = addToolBar(tr("Tools"));
    tools->setObjectName("toolsBar");
    tools->setMovable(false);
    tools->addAction(brushAct_);
    tools->addAction(eraserAct_);
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

QString MainWindow::maskPathFor(const QString& imagePath, const QString& workspace) const
{
    const QFileInfo info(imagePath);
    const QString root = !workspace.isEmpty() ? workspace : workspace_.isEmpty() ? info.absolutePath() : workspace_;
    return QDir(root).filePath(QStringLiteral("masks/") + info.completeBaseName() + QStringLiteral(".png"));
}

bool MainWindow::openWorkspace(const QString& folder)
{
    if (!QFileInfo(folder).isDir()) {
        fail(tr("Cannot open workspace"), tr("%1 is not a folder.").arg(folder));
        return false;
    }
    // A folder of DICOM slices is a series, not a list of unrelated images.
    const auto entries = QDir(folder).entryInfoList(QDir::Files, QDir::Name);
    int images = 0, dicoms = 0;
    for (const QFileInfo& fi : entries) {
        if (core::hasImageExtension(ss(fi.fileName())))
            ++images;
        if (core::looksLikeDicom(ss(fi.absoluteFilePath())))
            ++dicoms;
    }
    if (dicoms > 1 && dicoms >= images)
        return openSeries(folder);
    // A UW-Madison case-day (…/caseN_dayM or its scans/) is one volume.
    const QString scans = QDir(folder).exists("scans") ? QDir(folder).filePath("scans") : folder;
    core::uw::SliceName slice;
    const auto scanFiles = QDir(scans).entryList(QDir::Files, QDir::Name);
    if (!scanFiles.isEmpty() && core::uw::parseSliceName(ss(scanFiles.first()), slice)) {
        const QString root = QFileInfo(folder).absoluteFilePath();
        const std::string p = ss(root);
        return loadInBackground(tr("Loading case"), root,
                                QDir(root).filePath(QStringLiteral("masks/") + QFileInfo(root).fileName()), root,
                                [p](JobRunner::Context&) { return core::loadVolume(p); });
    }
    autosaveIfModified();
    workspace_ = QFileInfo(folder).absoluteFilePath();
    refreshFileList();
    if (files_->count() > 0)
        return openFile(files_->item(0)->data(Qt::UserRole).toString());
    updateTitleAndActions();
    return true;
}

void MainWindow::refreshFileList()
{
    files_->clear();
    if (workspace_.isEmpty())
        return;
    // Review state per file from the workspace database; without one, whether a mask was saved.
    std::map<QString, core::ReviewStatus> status;
    if (session_.isOpen() && session_.folder() == QFileInfo(workspace_).absoluteFilePath())
        for (const auto& c : session_.cases())
            status[qs(c.name)] = c.status;
    static const char* marks[] = {"○", "◐", "✎", "✔", "✘"};
    static const char* tips[] = {QT_TR_NOOP("Not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("Corrected"),
                                 QT_TR_NOOP("Approved"), QT_TR_NOOP("Rejected")};
    int done = 0, total = 0;
    QDir dir(workspace_);
    const auto entries = dir.entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo& fi : entries) {
        if (!core::hasImageExtension(ss(fi.fileName())))
            continue;
        auto it = status.find(fi.fileName());
        core::ReviewStatus st = it != status.end() ? it->second : core::ReviewStatus::NotStarted;
        if (it == status.end() && QFileInfo::exists(maskPathFor(fi.absoluteFilePath())))
            st = core::ReviewStatus::Corrected;
        ++total;
        done += st == core::ReviewStatus::Approved || st == core::ReviewStatus::Rejected;
        auto* item = new QListWidgetItem(QString::fromUtf8(marks[int(st)]) + QStringLiteral(" ") + fi.fileName());
        item->setData(Qt::UserRole, fi.absoluteFilePath());
        item->setData(Qt::UserRole + 1, int(st));
        item->setToolTip(tr(tips[int(st)]));
        files_->addItem(item);
        if (fi.absoluteFilePath() == QFileInfo(currentFile_).absoluteFilePath())
            files_->setCurrentItem(item);
    }
    if (auto* dock = findChild<QDockWidget*>("workspaceDock"))
        dock->setWindowTitle(total ? tr("Workspace — %1 of %2 reviewed").arg(done).arg(total) : tr("Workspace"));
}

bool MainWindow::openNextForReview()
{
    // The next file after the current one (wrapping) that is neither approved nor rejected.
    const int n = files_->count();
    int current = -1;
    for (int i = 0; i < n; ++i)
        if (files_->item(i)->data(Qt::UserRole).toString() == QFileInfo(currentFile_).absoluteFilePath())
            current = i;
    for (int k = 1; k <= n; ++k) {
        const auto* item = files_->item((current + k + n) % n);
        const auto st = core::ReviewStatus(item->data(Qt::UserRole + 1).toInt());
        if (st != core::ReviewStatus::Approved && st != core::ReviewStatus::Rejected &&
            item->data(Qt::UserRole).toString() != QFileInfo(currentFile_).absoluteFilePath())
            return openFile(item->data(Qt::UserRole).toString());
    }
    statusBar()->showMessage(tr("Every file in this workspace has been reviewed."), 8000);
    return false;
}

bool MainWindow::autosaveIfModified()
{
    // Switching images or closing never drops edits: they are saved, atomically.
    if (!doc_.empty() && doc_.modified())
        return saveMask();
    return true;
}

bool MainWindow::openFile(const QString& path)
{
    if (jobs_->busy() && jobs_->title() != tr("Fine-tuning")) {
        fail(tr("Busy"), tr("Wait for \"%1\" to finish or cancel it.").arg(jobs_->title()));
        return false;
    }
    if (core::isDicomDir(ss(path)))
        return openSeries(QFileInfo(path).absolutePath());
    const QString file = QFileInfo(path).absoluteFilePath();
    const QString folder = workspace_.isEmpty() || !file.startsWith(workspace_ + '/') ? QFileInfo(path).absolutePath()
                                                                                      : workspace_;
    const QString mask = maskPathFor(file, folder);
    const QString maskBase = mask.left(mask.size() - 4);
    const bool plainImage = core::hasImageExtension(ss(path)) && !core::VideoReader::isVideoPath(ss(path)) &&
                            !core::isItkVolumePath(ss(path));
    if (!plainImage && QFileInfo::exists(path)) {
        // Videos, DICOM, NIfTI/NRRD can be large: decode in the background, with progress and Cancel.
        const std::string p = ss(file);
        return loadInBackground(tr("Loading %1").arg(QFileInfo(path).fileName()), file, maskBase, folder,
                                [p](JobRunner::Context& ctx) {
                                    return core::loadVolume(p, ctx.cancel, [&](int done, int total) {
                                        ctx.progress(double(done) / total,
                                                     QObject::tr("Loading %1 of %2").arg(done).arg(total));
                                    });
                                });
    }
    core::Volume volume;
    try {
        volume = core::loadVolume(ss(path));
    } catch (const core::ImageError& e) {
        fail(tr("Cannot open image"), qs(e.what()));
        return false;
    }
    workspace_ = folder;
    setDocument(std::move(volume), file, maskBase);
    return !doc_.empty();
}

bool MainWindow::loadInBackground(const QString& title, const QString& file, const QString& maskBase,
                                  const QString& workspace, std::function<core::Volume(JobRunner::Context&)> load)
{
    auto volume = std::make_shared<core::Volume>();
    onJobDone_ = [this, volume, file, maskBase, workspace] {
        if (volume->empty())
            return;
        workspace_ = workspace;
        setDocument(std::move(*volume), file, maskBase);
        refreshFileList();
    };
    return jobs_->start(title, [volume, load = std::move(load)](JobRunner::Context& ctx) { *volume = load(ctx); });
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
    preview_ = core::LabelMap();
    previewSlice_ = -1;
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

void MainWindow::showPreview()
{
    if (preview_.empty() || previewSlice_ != slice_) {
        view_->setPreview(QImage());
        return;
    }
    const core::LabelMap outline = core::outlineOf(preview_);
    QImage img(outline.width, outline.height, QImage::Format_ARGB32_Premultiplied);
    const std::vector<QRgb> colours = legend_->overlayColours();
    for (int y = 0; y < outline.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < outline.width; ++x) {
            const std::uint8_t v = outline.at(x, y);
            line[x] = v ? (colours[v] | 0xff000000u) : 0u;
        }
    }
    view_->setPreview(img);
}

bool MainWindow::acceptPreview(int onlyLabel)
{
    if (preview_.empty() || doc_.empty() || previewSlice_ >= doc_.depth())
        return false;
    const int z = previewSlice_;
    const bool overwrite = QSettings().value("model/overwriteManual", false).toBool();
    const core::LabelMap merged = core::mergePreview(doc_.labels(z), preview_, onlyLabel, overwrite);
    const bool changed = applyMaskEdit(z, merged, onlyLabel ? tr("Accept AI result (%1)").arg(classCombo_->itemText(onlyLabel - 1))
                                                            : tr("AI segmentation"));
    if (changed && std::size_t(z) < dbChanges_.size() && ensureSession()) {
        session_.commitMask(currentFile_, merged.width, merged.height, doc_.depth(), z, merged, core::MaskKind::AiDraft, false);
        dbChanges_[std::size_t(z)] = doc_.editor(z).changeCount();
        if (review_ == core::ReviewStatus::NotStarted) {
            review_ = core::ReviewStatus::AiDraft;
            session_.setReview(currentFile_, review_, QString());
            showReview();
            refreshFileList();
        }
    }
    rejectPreview();
    statusBar()->showMessage(tr("AI result accepted. Undo (Ctrl+Z) restores the previous mask."), 8000);
    return true;
}

void MainWindow::rejectPreview()
{
    preview_ = core::LabelMap();
    previewSlice_ = -1;
    view_->setPreview(QImage());
    updateTitleAndActions();
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

void MainWindow::openSession()
{
    dbChanges_.assign(std::size_t(doc_.depth()), 0);
    for (int z = 0; z < doc_.depth(); ++z)
        dbChanges_[std::size_t(z)] = doc_.editor(z).changeCount();
    // Only an existing database is opened here; a new one is created on the first thing to keep,
    // so merely viewing a folder (a CD, a shared dataset) never writes into it.
    if (!workspace_.isEmpty() && QFileInfo::exists(QDir(workspace_).filePath(core::Workspace::kDatabaseName)))
        ensureSession();
    else
        session_.close();
    review_ = core::ReviewStatus::NotStarted;
    showReview();
    refreshFileList();
}

bool MainWindow::ensureSession()
{
    if (workspace_.isEmpty())
        return false;
    if (session_.isOpen() && session_.folder() == QFileInfo(workspace_).absoluteFilePath())
        return true;
    QString error;
    if (!session_.open(workspace_, &error)) {
        statusBar()->showMessage(tr("No workspace database (masks are still saved as files): %1").arg(error), 15000);
        return false;
    }
    return true;
}

void MainWindow::showReview()
{
    static const char* names[] = {QT_TR_NOOP("not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("corrected"),
                                  QT_TR_NOOP("approved"), QT_TR_NOOP("rejected")};
    QString comment;
    if (session_.isOpen())
        review_ = session_.review(currentFile_, &comment);
    reviewLabel_->setText(session_.isOpen() ? tr(" Review: %1%2 ").arg(tr(names[int(review_)]),
                                                                        comment.isEmpty() ? QString() : QStringLiteral(" — ") + comment)
                                            : QString());
}

void MainWindow::setReview(core::ReviewStatus status)
{
    if (doc_.empty() || !ensureSession())
        return;
    commitToWorkspace(true);
    QString comment;
    session_.review(currentFile_, &comment);
    session_.setReview(currentFile_, status, comment);
    showReview();
    refreshFileList();
}

void MainWindow::commitToWorkspace(bool endRevision, bool wait)
{
    if (doc_.empty() || dbChanges_.size() != std::size_t(doc_.depth()))
        return;
    bool pending = false;
    for (int z = 0; z < doc_.depth(); ++z)
        pending = pending || doc_.editor(z).changeCount() != dbChanges_[std::size_t(z)];
    if (!(pending ? ensureSession() : session_.isOpen()))
        return;
    bool edited = false;
    for (int z = 0; z < doc_.depth(); ++z) {
        const std::uint64_t now = doc_.editor(z).changeCount();
        if (now != dbChanges_[std::size_t(z)]) {
            session_.commitMask(currentFile_, image().width, image().height, doc_.depth(), z, doc_.labels(z),
                                core::MaskKind::Corrected, true);
            dbChanges_[std::size_t(z)] = now;
            edited = true;
        }
        if (endRevision)
            session_.closeRevision(currentFile_, z);
    }
    if (edited && (review_ == core::ReviewStatus::NotStarted || review_ == core::ReviewStatus::AiDraft)) {
        review_ = core::ReviewStatus::Corrected;
        session_.setReview(currentFile_, review_, QString());
        if (reviewLabel_)
            showReview();
    }
    if (wait)
        session_.flush();
    if (const QString error = session_.takeError(); !error.isEmpty())
        statusBar()->showMessage(tr("Workspace database: %1").arg(error), 15000);
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
    sliceLabel_->setText(tr(" Slice %1/%2 ").arg(slice_ + 1).arg(doc_.depth()));
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
        auto* act = presetsMenu_->addAction(tr("%1 (W %2, L %3)").arg(qs(w.name)).arg(w.width).arg(w.center));
        if (key <= 9)
            act->setShortcut(QKeySequence(QString::number(key++)));
        connect(act, &QAction::triggered, this, [this, w] {
            window_ = w;
            rerenderBase();
        });
    }
}

bool MainWindow::openSeries(const QString& folder)
{
    if (jobs_->busy()) {
        fail(tr("Busy"), tr("Wait for \"%1\" to finish or cancel it.").arg(jobs_->title()));
        return false;
    }
    core::DicomScan scan;
    try {
        scan = core::scanDicomFolder(ss(folder));
    } catch (const core::ImageError& e) {
        fail(tr("Cannot open series"), qs(e.what()));
        return false;
    }
    if (scan.series.empty()) {
        fail(tr("Cannot open series"), tr("No DICOM images found in %1.").arg(folder));
        return false;
    }
    int chosen = 0;
    if (scan.series.size() > 1 && dialogs_) {
        QStringList items;
        for (const auto& s : scan.series)
            items << tr("%1 %2 — %3 images, %4 x %5")
                         .arg(qs(s.modality), qs(s.description.empty() ? s.uid : s.description))
                         .arg(s.frames)
                         .arg(s.columns)
                         .arg(s.rows);
        bool ok = false;
        const QString pick = QInputDialog::getItem(this, tr("Choose a Series"),
                                                   tr("This folder holds %1 series:").arg(items.size()), items, 0, false, &ok);
        if (!ok)
            return false;
        chosen = int(items.indexOf(pick));
    }
    const core::DicomSeriesInfo info = scan.series[std::size_t(chosen)];
    const QString root = QFileInfo(folder).absoluteFilePath();
    const QString name = QFileInfo(root).fileName() + (info.uid.empty() ? QString() : QStringLiteral("-") + qs(info.uid).right(8));
    return loadInBackground(tr("Loading series"), root, QDir(root).filePath(QStringLiteral("masks/") + name),
                            QFileInfo(root).absolutePath(), [info](JobRunner::Context& ctx) {
                                return core::loadDicomSeries(info, 0, ctx.cancel, [&](int done, int total) {
                                    ctx.progress(double(done) / total,
                                                 QObject::tr("Loading slice %1 of %2").arg(done).arg(total));
                                });
                            });
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
    for (int y = r.y; y < r.y + r.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(ov.scanLine(y));
        const std::uint8_t* src = &lab.labels[std::size_t(y) * lab.width];
        for (int x = r.x; x < r.x + r.width; ++x)
            line[x] = colours[src[x]];
    }
    view_->overlayChanged(QRect(r.x, r.y, r.width, r.height));
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
        classCombo_->addItem(QIcon(swatch), qs(c.name), colour);
    }
    activeLabel_ = std::clamp(activeLabel_, 1, std::max(1, classCombo_->count()));
    classCombo_->setCurrentIndex(activeLabel_ - 1);
    legend_->setClasses(classes);
}

bool MainWindow::saveMask()
{
    if (doc_.empty())
        return false;
    int written = 0;
    try {
        written = doc_.save();
    } catch (const core::ImageError& e) {
        fail(tr("Cannot save mask"), qs(e.what()));
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
        fail(tr("Cannot load model"), qs(e.what()));
        return false;
    }
    modelPath_ = weightsPath;
    refreshClassCombo();
    refreshOverlayAll();
    modelLabel_->setText(tr("Model: %1 (%2)").arg(QFileInfo(weightsPath).completeBaseName(), qs(model_->device())));
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
        preview_ = core::LabelMap(result->width, result->height);
        preview_.labels = std::move(result->labels);
        previewSlice_ = z;
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

bool MainWindow::startFineTune(int epochs)
{
    if (!model_) {
        fail(tr("Cannot fine-tune"), tr("Load a model first."));
        return false;
    }
    autosaveIfModified();
    const QString root = workspace_;
    auto pairs = core::SegmentationDataset::folderPairs(ss(root), ss(QDir(root).filePath("masks")));
    if (pairs.size() < 2) {
        fail(tr("Cannot fine-tune"), tr("Fine-tuning needs at least 2 images with saved masks in %1 (found %2).")
                                         .arg(root)
                                         .arg(pairs.size()));
        return false;
    }
    const ml::ModelConfig cfg = model_->config();
    const QString out = QDir(root).filePath(QStringLiteral("models/finetuned-%1.pt")
                                                .arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss")));
    QDir().mkpath(QFileInfo(out).absolutePath());
    const std::string init = ss(modelPath_);
    auto newPath = std::make_shared<QString>();
    const std::string splitFile = ss(QDir(root).filePath(QStringLiteral("delineo-split.json")));
    const std::size_t pairCount = pairs.size();
    onJobDone_ = [this, newPath, init, epochs, splitFile, pairCount] {
        if (newPath->isEmpty() || !loadModel(*newPath))
            return;
        statusBar()->showMessage(tr("Fine-tuned model is now in use: %1").arg(*newPath), 10000);
        // The workspace keeps every model version with its run: settings, frozen split, metrics.
        const nlohmann::json settings = {{"initWeights", init}, {"epochs", epochs}, {"learningRate", 3e-4},
                                         {"pairs", pairCount}};
        if (ensureSession())
            session_.recordTraining(*newPath, settings.dump(), splitFile);
    };
    return jobs_->start(tr("Fine-tuning"),
                        FineTuneJob::make(cfg, std::move(pairs), init, ss(out), epochs, newPath, splitFile));
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
    QSettings().setValue("brush/radius", brush_.radius);
}

void MainWindow::setEraser(bool erase)
{
    eraser_ = erase;
    brushAct_->setChecked(!erase);
    eraserAct_->setChecked(erase);
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

void MainWindow::onStrokeStarted(QPointF p, bool erase)
{
    if (doc_.empty())
        return;
    editor().beginStroke(std::uint8_t(activeLabel_), erase || eraser_, brush_);
    refreshOverlay(editor().strokeTo(p.x() - 0.5, p.y() - 0.5));
}

void MainWindow::onStrokeMoved(QPointF p)
{
    if (editor().inStroke())
        refreshOverlay(editor().strokeTo(p.x() - 0.5, p.y() - 0.5));
}

void MainWindow::onStrokeFinished()
{
    editor().endStroke();
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
    fineTuneAct_->setEnabled(model_ && !busy && !workspace_.isEmpty());
}

void MainWindow::chooseOpenFile()
{
    const QString start = QSettings().value("files/lastFolder", QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Image"), start, tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.dcm);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::chooseWorkspace()
{
    const QString start = QSettings().value("files/lastFolder", QDir::homePath()).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace Folder"), start);
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::chooseSeries()
{
    const QString start = QSettings().value("files/lastFolder", QDir::homePath()).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open DICOM Series (folder or DICOMDIR folder)"), start);
    if (!dir.isEmpty())
        openSeries(dir);
}

void MainWindow::chooseImportDicom()
{
    const QString start = QSettings().value("files/lastFolder", QDir::homePath()).toString();
    const QString source = QFileDialog::getExistingDirectory(this, tr("Import DICOM: Choose the Folder to Import"), start);
    if (source.isEmpty())
        return;
    QString workspace = workspace_;
    if (workspace.isEmpty())
        workspace = QFileDialog::getExistingDirectory(this, tr("Import DICOM: Choose the Workspace"), start);
    if (workspace.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Import DICOM"),
                    tr("Copy the DICOM files of %1 into %2?").arg(source, QDir(workspace).filePath(QStringLiteral("dicom"))),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    auto* check = new QCheckBox(tr("De-identify the copies (PS3.15 Annex E basic profile: names, IDs and dates "
                                   "replaced, UIDs remapped, private tags removed; text burned into the pixels is "
                                   "not checked)"));
    check->setChecked(core::deidentifyOnImport(ss(workspace)));
    box.setCheckBox(check);
    if (box.exec() != QMessageBox::Ok)
        return;
    importDicom(source, workspace, check->isChecked());
}

bool MainWindow::importDicom(const QString& source, const QString& workspace, bool deidentify)
{
    if (jobs_->busy()) {
        fail(tr("Busy"), tr("Wait for \"%1\" to finish or cancel it.").arg(jobs_->title()));
        return false;
    }
    try {
        if (deidentify != core::deidentifyOnImport(ss(workspace)))
            core::setDeidentifyOnImport(ss(workspace), deidentify);
    } catch (const core::ImageError& e) {
        fail(tr("Cannot import"), qs(e.what()));
        return false;
    }
    auto report = std::make_shared<core::DicomImportReport>();
    const QString imported = QDir(workspace).filePath(QStringLiteral("dicom/") + QFileInfo(source).fileName());
    onJobDone_ = [this, report, imported] {
        QString text = report->deidentified ? tr("De-identified %1 DICOM files into %2.") : tr("Copied %1 DICOM files into %2.");
        text = text.arg(report->written).arg(qs(report->destination));
        if (!report->failed.empty())
            text += tr(" %1 failed: %2").arg(report->failed.size()).arg(qs(report->failed.front()));
        statusBar()->showMessage(text, 30000);
        if (report->written > 0)
            QTimer::singleShot(0, this, [this, imported] { openSeries(imported); });
    };
    const std::vector<std::string> sources{ss(source)};
    const std::string destination = ss(QDir(workspace).filePath(QStringLiteral("dicom")));
    return jobs_->start(tr("Importing DICOM"), [=](JobRunner::Context& ctx) {
        *report = core::importDicom(sources, destination, deidentify, "ANON", ctx.cancel, [&](int done, int total) {
            ctx.progress(double(done) / total, QObject::tr("Importing file %1 of %2").arg(done).arg(total));
        });
    });
}

void MainWindow::chooseModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Model"), QString::fromStdString(core::resourceDir()),
                                                      tr("Delineo models (*.pt)"));
    if (!path.isEmpty())
        loadModel(path);
}

void MainWindow::askFineTune()
{
    bool ok = false;
    const int epochs = QInputDialog::getInt(
        this, tr("Fine-tune on Corrected Masks"),
        tr("Retrain the current model on the saved masks of this workspace.\nThe current model is kept; the "
           "new one is saved under models/ and used when training ends.\n\nEpochs:"),
        5, 1, 200, 1, &ok);
    if (ok)
        startFineTune(epochs);
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
