#include "delineo/ui/MainWindow.h"
#include "delineo/ui/Translations.h"
#include "delineo/core/ResourcePaths.h"
#include "QtText.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/ImageView.h"

#include "delineo/core/DicomImport.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <map>

// MainWindow: opening files, folders, series and imports, and the workspace file list.
namespace delineo::ui {

QString MainWindow::maskPathFor(const QString& imagePath, const QString& workspace) const
{
    const QFileInfo info(imagePath);
    const QString root = !workspace.isEmpty() ? workspace : workspace_.isEmpty() ? info.absolutePath() : workspace_;
    return QDir(root).filePath(QStringLiteral("masks/") + info.completeBaseName() + QStringLiteral(".png"));
}

QString MainWindow::prepareDemoWorkspace() const
{
    const QString src = QDir(qs(core::resourceDir())).filePath("demo");
    const QString dst = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("demo-workspace");
    QDir().mkpath(dst);
    for (const QFileInfo& file : QDir(src).entryInfoList(QDir::Files)) {
        const QString target = QDir(dst).filePath(file.fileName());
        if (!QFileInfo::exists(target) && !file.fileName().startsWith(QStringLiteral("workspace.")))
            QFile::copy(file.absoluteFilePath(), target);
    }
    return dst;
}

bool MainWindow::openDemoWorkspace() { return openWorkspace(prepareDemoWorkspace()); }

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
    QSettings().setValue("files/lastWorkspace", workspace_);
    refreshFileList();
    if (files_->count() > 0)
        return openFile(files_->item(0)->data(Qt::UserRole).toString());
    updateTitleAndActions();
    return true;
}

QString MainWindow::statusText(core::ReviewStatus status)
{
    static const char* names[] = {QT_TR_NOOP("Not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("Corrected"),
                                  QT_TR_NOOP("Approved"), QT_TR_NOOP("Rejected")};
    return tr(names[int(status)]);
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
        const bool reviewed = st == core::ReviewStatus::Approved || st == core::ReviewStatus::Rejected;
        done += reviewed;
        const int filter = fileFilter_ ? fileFilter_->currentData().toInt() : -1;
        if ((filter == -2 && reviewed) || (filter >= 0 && filter != int(st)))
            continue; // counted, not listed
        QString text = QString::fromUtf8(marks[int(st)]) + QStringLiteral(" ") + fi.fileName();
        const double score = uncertainty_.value(fi.absoluteFilePath(), -1);
        if (score >= 0)
            text += QStringLiteral("  ·  %1").arg(score, 0, 'f', 2);
        auto* item = new QListWidgetItem(text);
        item->setData(Qt::UserRole, fi.absoluteFilePath());
        item->setData(Qt::UserRole + 1, int(st));
        item->setToolTip(score >= 0 ? tr("%1; model uncertainty %2").arg(statusText(st)).arg(score, 0, 'f', 3)
                                    : statusText(st));
        files_->addItem(item);
        if (fi.absoluteFilePath() == QFileInfo(currentFile_).absoluteFilePath())
            files_->setCurrentItem(item);
    }
    if (auto* dock = findChild<QDockWidget*>("workspaceDock"))
        dock->setWindowTitle(total ? tr("Workspace — %1 of %2 reviewed").arg(done).arg(total) : tr("Workspace"));
}

bool MainWindow::openNextForReview()
{
    // In a stack, first the next slice that is neither approved nor rejected (unless the whole
    // case is decided); then the next file after the current one (wrapping) that is neither.
    if (doc_.depth() > 1 && review_ != core::ReviewStatus::Approved && review_ != core::ReviewStatus::Rejected)
        for (int z = slice_ + 1; z < doc_.depth(); ++z) {
            const auto st = sliceStatus(z);
            if (st != core::ReviewStatus::Approved && st != core::ReviewStatus::Rejected) {
                showSlice(z);
                return true;
            }
        }
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
    if (!doc_.empty() && doc_.modified() && writes_)
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
                            !core::isItkVolumePath(ss(path)) && !core::looksLikeDicom(ss(path));
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
        fail(tr("Cannot open image"), Translations::errorText(e));
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
        fail(tr("Cannot open series"), Translations::errorText(e));
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
        fail(tr("Cannot import"), Translations::errorText(e));
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

} // namespace delineo::ui
