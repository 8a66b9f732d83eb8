#include "delineo/ui/TrainingPanel.h"

#include "delineo/ui/JobRunner.h"
#include "delineo/ui/Translations.h"
#include "QtText.h"

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

TrainingPanel::TrainingPanel(QWidget* parent) : QDockWidget(tr("Training"), parent)
{
    setObjectName(QStringLiteral("trainingPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    status_ = new QLabel(tr("No training running. Training → Fine-tune Current Model… starts one."), body);
    status_->setWordWrap(true);
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

    runner_ = new JobRunner(this);
    connect(cancel_, &QPushButton::clicked, this, &TrainingPanel::cancel);
    connect(runner_, &JobRunner::progress, this, [this](double f, const QString& text) {
        if (f >= 0)
            progress_->setValue(static_cast<int>(f * 1000));
        status_->setText(text);
    });
    connect(runner_, &JobRunner::finished, this, &TrainingPanel::onFinished);
}

TrainingPanel::~TrainingPanel()
{
    runner_->cancel();
    runner_->waitForFinished(60000);
}

bool TrainingPanel::busy() const { return runner_->busy(); }
void TrainingPanel::cancel() { runner_->cancel(); }
bool TrainingPanel::waitForFinished(int timeoutMs) { return runner_->waitForFinished(timeoutMs); }
int TrainingPanel::lossPoints() const { return loss_ ? static_cast<int>(loss_->count()) : 0; }
int TrainingPanel::dicePoints() const { return dice_.empty() ? 0 : static_cast<int>(dice_.front()->count()); }

bool TrainingPanel::start(std::unique_ptr<core::Workspace> connection, const core::FineTunePlan& plan,
                          const core::FineTuneSettings& settings)
{
    if (runner_->busy())
        return false;
    plan_ = plan;
    // Fresh curves: loss in grey, one Dice curve per class in its colour.
    for (auto* s : chart_->series())
        chart_->removeSeries(s);
    dice_.clear();
    classNames_.clear();
    loss_ = new QLineSeries(chart_);
    loss_->setName(tr("training loss"));
    loss_->setColor(QColor(90, 90, 90));
    chart_->addSeries(loss_);
    loss_->attachAxis(axisX_);
    loss_->attachAxis(axisLoss_);
    for (const auto& c : plan.config.classes) {
        auto* s = new QLineSeries(chart_);
        s->setName(tr("val Dice: %1").arg(Translations::term(qs(c.name))));
        s->setColor(QColor(c.colour[0], c.colour[1], c.colour[2]));
        chart_->addSeries(s);
        s->attachAxis(axisX_);
        s->attachAxis(axisDice_);
        dice_.push_back(s);
        classNames_.push_back(c.name);
    }
    axisX_->setRange(1, std::max(2, settings.epochs));
    axisLoss_->setRange(0, 1);
    progress_->setValue(0);
    cancel_->setEnabled(true);
    outcome_ = std::make_shared<core::FineTuneOutcome>();
    auto ws = std::shared_ptr<core::Workspace>(std::move(connection));
    QPointer<TrainingPanel> self(this);
    auto outcome = outcome_;
    return runner_->start(tr("Training"), [ws, plan, settings, self, outcome](JobRunner::Context& ctx) {
        ctx.progress(0, QObject::tr("Loading %1 training and %2 validation slices…").arg(plan.train.size()).arg(plan.val.size()));
        double lastDice = -1;
        *outcome = core::runFineTune(*ws, plan, settings, [&](const ml::TrainProgress& p) {
            if (p.epochDone) {
                std::vector<double> dice;
                if (p.hasValidation) {
                    for (const auto& m : p.validation.perClass)
                        dice.push_back(m.dice);
                    lastDice = p.validation.mean.dice;
                }
                QMetaObject::invokeMethod(self, [self, p, dice] {
                    if (self)
                        self->onEpoch(p.epoch, p.loss, dice, p.etaSeconds);
                }, Qt::QueuedConnection);
            }
            const double f = ((p.epoch - 1) + double(p.step) / std::max(1, p.stepsPerEpoch)) / std::max(1, p.epochs);
            ctx.progress(f, QObject::tr("Epoch %1/%2, step %3/%4, loss %5%6 · about %7 left")
                                .arg(p.epoch).arg(p.epochs).arg(p.step).arg(p.stepsPerEpoch)
                                .arg(p.loss, 0, 'f', 4)
                                .arg(lastDice >= 0 ? QObject::tr(", validation Dice %1").arg(lastDice, 0, 'f', 3) : QString())
                                .arg(p.etaSeconds >= 60 ? QObject::tr("%1 min").arg(int(p.etaSeconds / 60 + 0.5))
                                                        : QObject::tr("%1 s").arg(int(p.etaSeconds))));
        }, ctx.cancel);
    });
}

void TrainingPanel::onEpoch(int epoch, double loss, const std::vector<double>& dice, double)
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

void TrainingPanel::onFinished(bool ok, bool cancelled, const QString& error)
{
    cancel_->setEnabled(false);
    QString message;
    qint64 id = 0;
    if (cancelled || (ok && outcome_->status != core::RunStatus::Finished)) {
        message = tr("Training cancelled; the run is recorded as cancelled and the active model is unchanged.");
    } else if (!ok) {
        message = tr("Training failed: %1. The active model is unchanged.").arg(error);
    } else {
        id = outcome_->modelId;
        progress_->setValue(1000);
        message = outcome_->hasValidation
                      ? tr("New model version v%1: validation Dice %2 (base %3). Promote it in the Models panel.")
                            .arg(id).arg(outcome_->tuned.mean.dice, 0, 'f', 3).arg(outcome_->base.mean.dice, 0, 'f', 3)
                      : tr("New model version v%1 (no validation images). Promote it in the Models panel.").arg(id);
    }
    status_->setText(message);
    Q_EMIT finished(id, !ok && !cancelled, message);
}

} // namespace delineo::ui
