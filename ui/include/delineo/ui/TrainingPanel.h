#pragma once
#include "delineo/core/FineTune.h"

#include <QDockWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QLineSeries;
class QChart;
class QValueAxis;

namespace delineo::vm {
class TrainingController;
}

namespace delineo::ui {

// The Training dock: shows the TrainingController's run — live training loss and per-class
// validation Dice curves (Qt Charts), progress and ETA — and forwards Cancel.
class TrainingPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(vm::TrainingController& training, QWidget* parent = nullptr);

    // Points plotted so far (for tests): loss points and validation points of the first class.
    int lossPoints() const;
    int dicePoints() const;

private:
    void onStarted(const core::FineTunePlan& plan, const core::FineTuneSettings& settings);
    void onEpoch(int epoch, double loss, const std::vector<double>& dice);
    void onFinished(qint64 modelId, bool failed, const QString& message);

    vm::TrainingController& training_;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QChart* chart_ = nullptr;
    QValueAxis *axisX_ = nullptr, *axisLoss_ = nullptr, *axisDice_ = nullptr;
    QLineSeries* loss_ = nullptr;
    std::vector<QLineSeries*> dice_;
};

} // namespace delineo::ui
