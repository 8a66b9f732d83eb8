#include "delineo/ui/HistoryPanel.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QListWidget>
#include <QSignalBlocker>

namespace delineo::ui {

HistoryPanel::HistoryPanel(QWidget* parent) : QDockWidget(tr("History"), parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    list_ = new QListWidget(this);
    list_->setToolTip(tr("Click an entry to undo or redo up to it. Below: this slice's revisions saved in the "
                         "workspace, newest first, with who made each"));
    setWidget(list_);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (const int row = list_->row(item); row <= int(descriptions_.size()))
            Q_EMIT jumpRequested(row);
    });
}

void HistoryPanel::showHistory(const std::vector<std::string>& descriptions, std::size_t position)
{
    descriptions_ = descriptions;
    position_ = position;
    rebuild();
}

void HistoryPanel::showRevisions(const QStringList& lines)
{
    revisions_ = lines;
    rebuild();
}

QStringList HistoryPanel::revisions() const { return revisions_; }

void HistoryPanel::rebuild()
{
    // The undo steps, then (greyed, not clickable) the revisions the workspace keeps of this slice.
    const QSignalBlocker block(list_);
    list_->clear();
    list_->addItem(tr("Opened"));
    for (const auto& d : descriptions_)
        list_->addItem(QString::fromStdString(d));
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    for (int i = 0; i < list_->count(); ++i)
        if (static_cast<std::size_t>(i) > position_)
            list_->item(i)->setForeground(grey);
    list_->setCurrentRow(static_cast<int>(position_));
    if (revisions_.isEmpty())
        return;
    auto* heading = new QListWidgetItem(tr("Saved in the workspace:"), list_);
    heading->setFlags(Qt::NoItemFlags);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    for (const QString& line : revisions_) {
        auto* item = new QListWidgetItem(line, list_);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

void HistoryPanel::followRevisionsOf(vm::ReviewController& review, vm::DocumentController& document)
{
    auto show = [this, &review] { showRevisions(review.storedRevisions()); };
    connect(&review, &vm::ReviewController::saved, this, show);
    connect(&review, &vm::ReviewController::reviewChanged, this, show);
    connect(&document, &vm::DocumentController::sliceChanged, this, show);
}

} // namespace delineo::ui
