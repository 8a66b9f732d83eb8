#pragma once
#include <QWidget>

class QProgressBar;
class QStatusBar;
class QToolButton;

namespace delineo::vm {
class JobRunner;
class Notices;
} // namespace delineo::vm

namespace delineo::ui {

// The status bar's progress of the background job: its title and share done, its messages (time
// left), Cancel, and what became of it (cancelled, or the failure, through Notices). With
// `onceMeasured`, it shows from the job's first share done on: a job that first checks whether
// there is anything to do (a video that needs no fast-seeking copy) shows nothing while it checks,
// however long a busy machine takes to check.
class JobProgress : public QWidget {
    Q_OBJECT
public:
    JobProgress(vm::JobRunner& jobs, vm::Notices& notices, QStatusBar* bar, bool onceMeasured = false);

private:
    QProgressBar* progress_;
    QToolButton* cancel_;
};

} // namespace delineo::ui
