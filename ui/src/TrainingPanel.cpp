#include "delineo/ui/TrainingPanel.h"

#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/TrainingController.h"
#include "delineo/viewmodels/Translations.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace delineo::ui {

using vm::qs;

TrainingPanel::TrainingPanel(vm::TrainingController& training, QWidget* parent)
    : QDockWidget(tr("Training"), parent), training_(training)
{
    setObjectName(QStringLiteral("trainingPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    status_ = new QLabel(tr("No training running. Training → Fine-tune Current Model… starts one."), body);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse); // an exported job's commands are copied from here
    progress_ = new QProgressBar(body);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    cancel_ = new QPushButton(tr("Cancel Training"), body);
    cancel_->setEnabled(false);
    chart_ = new QChart();
    chart_->setTitle(tr("Training loss and validation Dice per class"));
    chart_->legend()->setAlignment(Qt::AlignBottom);
    axisX_ = new QValueAxis(chart_);
    axisX_->setTitleText(tr("epoch"));
    axisX_->setLabelFormat(QStringLiteral("%d"));
    axisLoss_ = new QValueAxis(chart_);
    axisLoss_->setTitleText(tr("loss"));
    axisDice_ = new QValueAxis(chart_);
    axisDice_->setTitleText(tr("Dice"));
    axisDice_->setRange(0, 1);
    chart_->addAxis(axisX_, Qt::AlignBottom);
    chart_->addAxis(axisLoss_, Qt::AlignLeft);
    chart_->addAxis(axisDice_, Qt::AlignRight);
    auto* view = new QChartView(chart_, body);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 220);
    layout->addWidget(status_);
    layout->addWidget(progress_);
    layout->addWidget(view, 1);
    layout->addWidget(cancel_);
    setWidget(body);

    connect(cancel_, &QPushButton::clicked, &training_, &vm::TrainingController::cancel);
    connect(&training_, &vm::TrainingController::progress, this, [this](double f, const QString& text) {
        if (f >= 0)
            progress_->setValue(static_cast<int>(f * 1000));
        status_->setText(text);
        cancel_->setEnabled(true); // progress comes only while a run (or a job's export) goes on
        if (!isVisible())
            show();
    });
    connect(&training_, &vm::TrainingController::started, this, &TrainingPanel::onStarted);
    connect(&training_, &vm::TrainingController::epochDone, this, &TrainingPanel::onEpoch);
    connect(&training_, &vm::TrainingController::finished, this, &TrainingPanel::onFinished);
}

int TrainingPanel::lossPoints() const { return loss_ ? static_cast<int>(loss_->count()) : 0; }
int TrainingPanel::dicePoints() const { return dice_.empty() ? 0 : static_cast<int>(dice_.front()->count()); }

void TrainingPanel::onStarted(const core::FineTunePlan& plan, const core::FineTuneSettings& settings)
{
    // Fresh curves: loss in grey, one Dice curve per class in its colour.
    for (auto* s : chart_->series())
        chart_->removeSeries(s);
    dice_.clear();
    loss_ = new QLineSeries(chart_);
    loss_->setName(tr("training loss"));
    loss_->setColor(QColor(90, 90, 90));
    chart_->addSeries(loss_);
    loss_->attachAxis(axisX_);
    loss_->attachAxis(axisLoss_);
    for (const auto& c : plan.config.classes) {
        auto* s = new QLineSeries(chart_);
        s->setName(tr("val Dice: %1").arg(vm::Translations::term(qs(c.name))));
        s->setColor(QColor(c.colour[0], c.colour[1], c.colour[2]));
        chart_->addSeries(s);
        s->attachAxis(axisX_);
        s->attachAxis(axisDice_);
        dice_.push_back(s);
    }
    axisX_->setRange(1, std::max(2, settings.epochs));
    axisLoss_->setRange(0, 1);
    progress_->setValue(0);
    cancel_->setEnabled(true);
    show();
    raise();
}

void TrainingPanel::onEpoch(int epoch, double loss, const std::vector<double>& dice)
{
    if (!loss_)
        return;
    loss_->append(epoch, loss);
    double top = 0;
    for (const auto& p : loss_->points())
        top = std::max(top, p.y());
    axisLoss_->setRange(0, std::max(0.1, top * 1.1));
    for (std::size_t k = 0; k < dice.size() && k < dice_.size(); ++k)
        dice_[k]->append(epoch, dice[k]);
}

void TrainingPanel::onFinished(qint64 modelId, bool, const QString& message)
{
    cancel_->setEnabled(false);
    if (modelId)
        progress_->setValue(1000);
    status_->setText(message);
}

} // namespace delineo::ui
