#include "delineo/ui/JobProgress.h"

#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <cmath>

namespace delineo::ui {

JobProgress::JobProgress(vm::JobRunner& jobs, vm::Notices& notices, QStatusBar* bar, bool onceMeasured)
    : QWidget(bar), progress_(new QProgressBar(this)), cancel_(new QToolButton(this))
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(progress_);
    row->addWidget(cancel_);
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    cancel_->setText(tr("Cancel"));
    hide();
    connect(cancel_, &QToolButton::clicked, &jobs, &vm::JobRunner::cancel);
    connect(&jobs, &vm::JobRunner::started, this, [this, onceMeasured](const QString& title) {
        progress_->setFormat(title + QStringLiteral(" %p%"));
        progress_->setToolTip(title); // also while the share done is not known yet
        progress_->setRange(0, 0);
        if (!onceMeasured)
            show();
    });
    connect(&jobs, &vm::JobRunner::progress, this, [this, bar, &jobs](double f, const QString& text) {
        if (f >= 0) {
            progress_->setRange(0, 1000);
            progress_->setValue(int(std::lround(f * 1000)));
            if (jobs.busy()) // (a report queued before the end arrives after it)
                show();
        }
        if (!text.isEmpty())
            bar->showMessage(text);
    });
    connect(&jobs, &vm::JobRunner::finished, this, [this, bar, &notices](bool ok, bool cancelled, const QString& error) {
        hide();
        if (cancelled)
            bar->showMessage(tr("Cancelled."), 8000);
        else if (!ok)
            notices.fail(tr("Task failed"), error);
    });
}

} // namespace delineo::ui
