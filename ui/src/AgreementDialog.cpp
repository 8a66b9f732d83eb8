#include "delineo/ui/AgreementDialog.h"

#include "delineo/viewmodels/ReviewController.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace delineo::ui {

namespace {

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString figure(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals);
}

} // namespace

AgreementDialog::AgreementDialog(vm::ReviewController& review, QWidget* parent)
    : QDialog(parent), review_(review), table_(new QTableWidget(this)), summary_(new QLabel(this))
{
    setObjectName(QStringLiteral("agreementDialog"));
    setWindowTitle(tr("Agreement Between Annotators"));
    summary_->setWordWrap(true);
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels({tr("Annotators"), tr("Class"), tr("Slices"), tr("Dice"),
                                       tr("HD95 (%1)").arg(review_.agreementUnit()), tr("Pixels (each)")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* majority = buttons->addButton(tr("Consensus by &Majority"), QDialogButtonBox::ActionRole);
    auto* staple = buttons->addButton(tr("Consensus by &STAPLE"), QDialogButtonBox::ActionRole);
    majority->setObjectName(QStringLiteral("majorityButton"));
    staple->setObjectName(QStringLiteral("stapleButton"));
    majority->setToolTip(tr("Each pixel gets the label most annotators gave it; a tie stays background."));
    staple->setToolTip(tr("STAPLE weighs each annotator by how well they agree with the others (ITK)."));
    connect(majority, &QPushButton::clicked, this, [this] {
        review_.makeConsensus(core::ConsensusMethod::Majority);
        refresh();
    });
    connect(staple, &QPushButton::clicked, this, [this] {
        review_.makeConsensus(core::ConsensusMethod::Staple);
        refresh();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(680, 360);
    refresh();
}

void AgreementDialog::refresh()
{
    const auto pairs = review_.agreement();
    table_->setRowCount(0);
    for (const auto& p : pairs)
        for (const auto& c : p.classes) {
            if (!c.pixelsA && !c.pixelsB)
                continue; // a class neither drew says nothing about agreement
            const int row = table_->rowCount();
            table_->insertRow(row);
            table_->setItem(row, 0, cell(QStringLiteral("%1 – %2").arg(QString::fromStdString(p.a), QString::fromStdString(p.b))));
            table_->setItem(row, 1, cell(review_.className(c.label)));
            table_->setItem(row, 2, cell(QString::number(p.slices), true));
            table_->setItem(row, 3, cell(figure(c.dice, 3), true));
            table_->setItem(row, 4, cell(figure(c.hd95, 1), true));
            table_->setItem(row, 5, cell(QStringLiteral("%1 / %2").arg(c.pixelsA).arg(c.pixelsB), true));
        }
    summary_->setText(pairs.empty()
                          ? tr("No slice of this file has corrections by two annotators yet. Each member's newest "
                               "correction of a slice is compared; AI drafts and consensus masks are not.")
                          : tr("Each member's newest correction of each slice, compared over the slices both corrected. "
                               "Dice over those slices together; HD95 is the mean over slices where both drew the "
                               "class. A consensus becomes the slices' mask as a revision of its own; every "
                               "member's mask stays in the history."));
}

} // namespace delineo::ui
