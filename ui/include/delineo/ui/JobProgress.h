#pragma once
#include <QWidget>

class QProgressBar;
class QTimer;
class QStatusBar;
class QToolButton;

namespace delineo::vm {
class JobRunner;
class Notices;
} // namespace delineo::vm

namespace delineo::ui {

// The status bar's progress of the background job: its title and share done, its messages (time
// left), Cancel, and what became of it (cancelled, or the failure, through Notices). With
// `showAfterMs`, a job that ends sooner shows nothing (a check that finds nothing to do).
class JobProgress : public QWidget {
    Q_OBJECT
public:
    JobProgress(vm::JobRunner& jobs, vm::Notices& notices, QStatusBar* bar, int showAfterMs = 0);

private:
    QProgressBar* progress_;
    QToolButton* cancel_;
    QTimer* showLater_;
};

} // namespace delineo::ui
