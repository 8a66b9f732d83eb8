#pragma once
#include "delineo/core/FineTune.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QLineSeries;
class QChart;
class QValueAxis;

namespace delineo::ui {

class JobRunner;

// The Training dock: runs one fine-tune in the background on its own connection to the workspace
// (autosave and every other action go on), with live loss and per-class validation Dice curves
// (Qt Charts), progress, ETA and Cancel. Cancel or a failure records the run and leaves the active
// model untouched.
class TrainingPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    bool busy() const;
    // Starts training; false if a run is going already.
    bool start(std::unique_ptr<core::Workspace> connection, const core::FineTunePlan& plan,
               const core::FineTuneSettings& settings);
    void cancel();
    bool waitForFinished(int timeoutMs);
    // Points plotted so far (for tests): loss points and validation points of the first class.
    int lossPoints() const;
    int dicePoints() const;
    // What the last run started with: its training and validation slices.
    const core::FineTunePlan& plan() const { return plan_; }

Q_SIGNALS:
    // A new model version (0 when cancelled or failed), whether the run failed, and the message shown.
    void finished(qint64 modelId, bool failed, const QString& message);

private:
    void onEpoch(int epoch, double loss, const std::vector<double>& dice, double eta);
    void onFinished(bool ok, bool cancelled, const QString& error);

    JobRunner* runner_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QChart* chart_ = nullptr;
    QValueAxis *axisX_ = nullptr, *axisLoss_ = nullptr, *axisDice_ = nullptr;
    QLineSeries* loss_ = nullptr;
    std::vector<QLineSeries*> dice_;
    std::shared_ptr<core::FineTuneOutcome> outcome_;
    std::vector<std::string> classNames_;
    core::FineTunePlan plan_;
};

} // namespace delineo::ui
