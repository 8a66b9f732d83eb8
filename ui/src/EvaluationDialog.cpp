#include "delineo/ui/EvaluationDialog.h"
#include "delineo/viewmodels/EvaluationController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace delineo::ui {

namespace {

void fillRow(QTableWidget* table, int row, const QString& name, const ml::SegmentationMetrics& m, bool drawn)
{
    table->setItem(row, 0, new QTableWidgetItem(name));
    const double values[] = {m.pixelAccuracy, m.iou, m.dice, m.precision, m.recall, m.hd95};
    for (int c = 0; c < 6; ++c) {
        const bool undefined = std::isnan(values[c]);
        auto* item = new QTableWidgetItem(undefined ? QStringLiteral("–") : QString::number(values[c], 'f', c == 5 ? 2 : 3));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c + 1, item);
    }
    if (!drawn)
        for (int c = 0; c < 7; ++c)
            table->item(row, c)->setForeground(table->palette().color(QPalette::Disabled, QPalette::Text));
}

} // namespace

EvaluationDialog::EvaluationDialog(const vm::EvaluationController& evaluation, QWidget* parent) : QDialog(parent)
{
    const core::ValidationEvaluation& e = *evaluation.result();
    setWindowTitle(tr("Evaluation of %1").arg(evaluation.modelName()));
    auto* layout = new QVBoxLayout(this);
    auto* about = new QLabel(tr("On the workspace's frozen validation split: %1, each at its own size. Means over slices; "
                                "HD95 in %2. Grey rows: classes nobody drew in these slices (left out of the mean).")
                                 .arg(vm::Translations::slicesOfImages(int(e.slices), int(e.images)),
                                      e.report.hdUnit == "mm" ? tr("mm") : tr("pixels")),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    const auto& classes = e.report.config.classes;
    table_ = new QTableWidget(static_cast<int>(classes.size()) + 1, 7, this);
    table_->setHorizontalHeaderLabels({tr("Class"), tr("Pixel accuracy"), tr("IoU"), tr("Dice"), tr("Precision"),
                                       tr("Recall"), tr("HD95")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (std::size_t c = 0; c < classes.size(); ++c)
        fillRow(table_, static_cast<int>(c), vm::qs(classes[c].name), e.report.classMeans[c], e.report.classPresent[c]);
    fillRow(table_, static_cast<int>(classes.size()), tr("Mean (drawn classes)"), e.report.mean, true);
    QFont bold = table_->font();
    bold.setBold(true);
    for (int c = 0; c < 7; ++c)
        table_->item(static_cast<int>(classes.size()), c)->setFont(bold);
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(table_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* open = buttons->addButton(tr("Open Report"), QDialogButtonBox::ActionRole);
    open->setToolTip(evaluation.reportPath());
    const QString report = evaluation.reportPath();
    connect(open, &QPushButton::clicked, this, [report] { QDesktopServices::openUrl(QUrl::fromLocalFile(report)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 320);
}

void EvaluationDialog::showResultsOf(vm::EvaluationController& evaluation, QWidget* parent)
{
    QObject::connect(&evaluation, &vm::EvaluationController::finished, parent, [&evaluation, parent] {
        auto* d = new EvaluationDialog(evaluation, parent);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
}

} // namespace delineo::ui
