#include "delineo/ui/MainWindow.h"
#include "QtText.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/ImageView.h"

#include "delineo/core/MaskOps.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

// MainWindow: the AI preview layer and the link to the workspace database (autosave, review).
namespace delineo::ui {

void MainWindow::showPreview()
{
    const auto it = previews_.find(slice_);
    if (it == previews_.end()) {
        view_->setPreview(QImage());
        return;
    }
    const core::LabelMap& labels = it->second.labels;
    const core::LabelMap outline = core::outlineOf(labels);
    // Optional confidence shading: the inside is tinted by the model's probability.
    const bool shade = QSettings().value("model/confidenceShading", false).toBool() &&
                       it->second.confidence.size() == labels.labels.size();
    QImage img(outline.width, outline.height, QImage::Format_ARGB32_Premultiplied);
    const std::vector<QRgb> colours = legend_->overlayColours();
    for (int y = 0; y < outline.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < outline.width; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * outline.width + x;
            const std::uint8_t v = outline.labels[i];
            if (v) {
                line[x] = colours[v] | 0xff000000u;
            } else if (shade && labels.labels[i]) {
                const QRgb c = colours[labels.labels[i]];
                const int a = it->second.confidence[i] * 3 / 5; // up to 60% opaque where certain
                line[x] = qPremultiply(qRgba(qRed(c), qGreen(c), qBlue(c), a));
            } else {
                line[x] = 0u;
            }
        }
    }
    view_->setPreview(img);
}

bool MainWindow::acceptPreview(int onlyLabel)
{
    const auto it = previews_.find(slice_);
    if (it == previews_.end() || doc_.empty() || slice_ >= doc_.depth())
        return false;
    const int z = slice_;
    const bool overwrite = QSettings().value("model/overwriteManual", false).toBool();
    const core::LabelMap merged = core::mergePreview(doc_.labels(z), it->second.labels, onlyLabel, overwrite);
    const bool changed = applyMaskEdit(z, merged, onlyLabel ? tr("Accept AI result (%1)").arg(classCombo_->itemText(onlyLabel - 1))
                                                            : tr("AI segmentation"));
    if (changed && std::size_t(z) < dbChanges_.size() && ensureSession()) {
        session_.commitMask(currentFile_, merged.width, merged.height, doc_.depth(), z, merged, core::MaskKind::AiDraft, false);
        dbChanges_[std::size_t(z)] = doc_.editor(z).changeCount();
        markSlice(z, core::ReviewStatus::AiDraft, true);
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

bool MainWindow::acceptAllPreviews()
{
    const int current = slice_;
    std::vector<int> slices;
    for (const auto& [z, p] : previews_)
        slices.push_back(z);
    int accepted = 0;
    for (int z : slices) {
        slice_ = z; // acceptPreview works on the current slice; the view follows below
        accepted += acceptPreview(0);
    }
    showSlice(current);
    statusBar()->showMessage(tr("AI results accepted on %1 slices (each undoable on its slice).").arg(accepted), 8000);
    return accepted > 0;
}

void MainWindow::rejectPreview()
{
    previews_.erase(slice_);
    view_->setPreview(QImage());
    updateTitleAndActions();
}

core::ReviewStatus MainWindow::sliceStatus(int z) const
{
    return std::size_t(z) < sliceStatus_.size() ? sliceStatus_[std::size_t(z)] : core::ReviewStatus::NotStarted;
}

void MainWindow::markSlice(int z, core::ReviewStatus status, bool store)
{
    if (std::size_t(z) < sliceStatus_.size())
        sliceStatus_[std::size_t(z)] = status;
    if (store && ensureSession())
        session_.setSliceStatus(currentFile_, image().width, image().height, doc_.depth(), z, status);
}

bool MainWindow::approveSlice()
{
    if (doc_.empty() || !ensureSession())
        return false;
    commitToWorkspace(true);
    session_.commitMask(currentFile_, image().width, image().height, doc_.depth(), slice_, doc_.labels(slice_),
                        core::MaskKind::Approved, false);
    session_.closeRevision(currentFile_, slice_);
    markSlice(slice_, core::ReviewStatus::Approved, true);
    statusBar()->showMessage(tr("Slice %1 approved.").arg(slice_ + 1), 5000);
    updateTitleAndActions();
    return true;
}

bool MainWindow::rejectSlice()
{
    if (doc_.empty() || !ensureSession())
        return false;
    commitToWorkspace(true);
    markSlice(slice_, core::ReviewStatus::Rejected, true);
    statusBar()->showMessage(tr("Slice %1 rejected.").arg(slice_ + 1), 5000);
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
    sliceStatus_ = session_.isOpen() ? session_.sliceStatuses(currentFile_, doc_.depth())
                                     : std::vector<core::ReviewStatus>(std::size_t(doc_.depth()), core::ReviewStatus::NotStarted);
    review_ = core::ReviewStatus::NotStarted;
    showReview();
    refreshFileList();
}

bool MainWindow::ensureSession()
{
    if (workspace_.isEmpty() || !writes_)
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
            markSlice(z, core::ReviewStatus::Corrected, true);
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

} // namespace delineo::ui
