#include "delineo/ui/HistoryPanel.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QListWidget>
#include <QSignalBlocker>

namespace delineo::ui {

namespace {
// What an entry steps to: the slice's edits or the image's measurements, and how many of them.
enum Steps { kMaskEdits = 1, kMeasurements = 2 };
constexpr int kStepsRole = Qt::UserRole, kPositionRole = Qt::UserRole + 1;

void addSteps(QListWidget* list, const QStringList& names, std::size_t position, Steps steps, const QColor& undone)
{
    for (int i = 0; i < names.size(); ++i) {
        auto* item = new QListWidgetItem(names[i], list);
        item->setData(kStepsRole, steps);
        item->setData(kPositionRole, i);
        if (std::size_t(i) > position)
            item->setForeground(undone);
    }
}
} // namespace

HistoryPanel::HistoryPanel(QWidget* parent) : QDockWidget(tr("History"), parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    list_ = new QListWidget(this);
    list_->setToolTip(tr("Click an entry to undo or redo up to it: this slice's edits, then this image's rulers and "
                         "outlines. Below: this slice's revisions saved in the workspace, newest first, with who made each"));
    setWidget(list_);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int position = item->data(kPositionRole).toInt();
        if (item->data(kStepsRole) == kMaskEdits)
            Q_EMIT jumpRequested(position);
        else if (item->data(kStepsRole) == kMeasurements && measurements_)
            measurements_->jumpTo(std::size_t(position)); // may rebuild the list: item is gone
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
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    QStringList edits{tr("Opened")};
    for (const auto& d : descriptions_)
        edits << QString::fromStdString(d);
    addSteps(list_, edits, position_, kMaskEdits, grey);
    list_->setCurrentRow(static_cast<int>(position_));
    auto heading = [this](const QString& text) {
        auto* item = new QListWidgetItem(text, list_);
        item->setFlags(Qt::ItemIsEnabled); // read as a heading, not greyed; it steps nothing
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
    };
    if (const QStringList changes = measurements_ ? measurements_->historyNames() : QStringList(); !changes.isEmpty()) {
        heading(tr("Rulers and outlines of this image:"));
        addSteps(list_, QStringList{tr("As opened")} + changes, measurements_->historyPosition(), kMeasurements, grey);
    }
    if (revisions_.isEmpty())
        return;
    heading(tr("Saved in the workspace:"));
    for (const QString& line : revisions_) {
        auto* item = new QListWidgetItem(line, list_);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

void HistoryPanel::follow(vm::ReviewController& review, vm::DocumentController& document, vm::MeasurementController& measurements)
{
    measurements_ = &measurements;
    connect(&measurements, &vm::MeasurementController::changed, this, &HistoryPanel::rebuild);
    auto show = [this, &review] { showRevisions(review.storedRevisions()); };
    connect(&review, &vm::ReviewController::saved, this, show);
    connect(&review, &vm::ReviewController::reviewChanged, this, show);
    connect(&document, &vm::DocumentController::sliceChanged, this, show);
}

} // namespace delineo::ui
