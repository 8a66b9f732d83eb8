#include "delineo/ui/HistoryPanel.h"

#include <QListWidget>
#include <QSignalBlocker>

namespace delineo::ui {

HistoryPanel::HistoryPanel(QWidget* parent) : QDockWidget(tr("History"), parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    list_ = new QListWidget(this);
    list_->setToolTip(tr("Click an entry to undo or redo up to it"));
    setWidget(list_);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { Q_EMIT jumpRequested(list_->row(item)); });
}

void HistoryPanel::showHistory(const std::vector<std::string>& descriptions, std::size_t position)
{
    const QSignalBlocker block(list_);
    list_->clear();
    list_->addItem(tr("Opened"));
    for (const auto& d : descriptions)
        list_->addItem(QString::fromStdString(d));
    for (int i = 0; i < list_->count(); ++i)
        if (static_cast<std::size_t>(i) > position)
            list_->item(i)->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    list_->setCurrentRow(static_cast<int>(position));
}

} // namespace delineo::ui
