#include "delineo/ui/FileListPanel.h"

#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QComboBox>
#include <QFileInfo>
#include <QListWidget>
#include <QVBoxLayout>

namespace delineo::ui {

FileListPanel::FileListPanel(vm::DocumentController& document, vm::ReviewController& review, QWidget* parent)
    : QDockWidget(tr("Workspace"), parent), document_(document), review_(review)
{
    setObjectName("workspaceDock");
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    filter_ = new QComboBox(box);
    filter_->setObjectName("fileFilter");
    filter_->addItem(tr("All files"), -1);
    filter_->addItem(tr("Needing review"), -2);
    for (auto st : {core::ReviewStatus::NotStarted, core::ReviewStatus::AiDraft, core::ReviewStatus::Corrected,
                    core::ReviewStatus::Approved, core::ReviewStatus::Rejected})
        filter_->addItem(statusText(st), int(st));
    files_ = new QListWidget(box);
    files_->setObjectName("workspaceFiles");
    files_->setTextElideMode(Qt::ElideMiddle);
    files_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(filter_);
    layout->addWidget(files_, 1);
    setWidget(box);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    connect(filter_, qOverload<int>(&QComboBox::currentIndexChanged), this, &FileListPanel::refresh);
    connect(files_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { document_.openFile(item->data(Qt::UserRole).toString()); });
    connect(&review_, &vm::ReviewController::reviewChanged, this, &FileListPanel::refresh);
    connect(&document_, &vm::DocumentController::documentChanged, this, &FileListPanel::refresh);
}

QString FileListPanel::statusText(core::ReviewStatus status)
{
    static const char* names[] = {QT_TR_NOOP("Not started"), QT_TR_NOOP("AI draft"), QT_TR_NOOP("Corrected"),
                                  QT_TR_NOOP("Approved"), QT_TR_NOOP("Rejected")};
    return tr(names[int(status)]);
}

void FileListPanel::refresh()
{
    static const char* marks[] = {"○", "◐", "✎", "✔", "✘"};
    files_->clear();
    const QString current = QFileInfo(document_.currentFile()).absoluteFilePath();
    // One listing (folder and store) serves the list and the count in the title.
    const std::vector<vm::FileEntry> all = review_.files(-1);
    const int filter = filter_->currentData().toInt();
    for (const vm::FileEntry& f : all) {
        if (!vm::ReviewController::passes(f.status, filter))
            continue;
        QString text = QString::fromUtf8(marks[int(f.status)]) + QStringLiteral(" ") + f.name;
        if (f.uncertainty >= 0)
            text += QStringLiteral("  ·  %1").arg(f.uncertainty, 0, 'f', 2);
        auto* item = new QListWidgetItem(text);
        item->setData(Qt::UserRole, f.path);
        item->setToolTip(f.uncertainty >= 0 ? tr("%1; model uncertainty %2").arg(statusText(f.status)).arg(f.uncertainty, 0, 'f', 3)
                                            : statusText(f.status));
        files_->addItem(item);
        if (f.path == current)
            files_->setCurrentItem(item);
    }
    const int total = static_cast<int>(all.size());
    const int done = vm::ReviewController::reviewedCount(all);
    setWindowTitle(total ? tr("Workspace — %1 of %2 reviewed").arg(done).arg(total) : tr("Workspace"));
}

} // namespace delineo::ui
