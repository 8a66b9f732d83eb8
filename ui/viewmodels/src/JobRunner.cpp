#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Translations.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

namespace delineo::vm {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    if (thread_) {
        cancel();
        thread_->wait();
    }
}

bool JobRunner::start(const QString& title, Work work, std::function<void()> done)
{
    if (thread_)
        return false;
    title_ = title;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto cancel = cancel_;
    auto result = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    thread_ = QThread::create([this, work = std::move(work), cancel, result, ok] {
        Context ctx;
        ctx.cancel = cancel.get();
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1000;
        ctx.progress = [&](double f, const QString& text) {
            // Throttled: a flood of queued signals would stall the GUI thread.
            if (clock.elapsed() - last < 100 && f < 1.0)
                return;
            last = clock.elapsed();
            const double seconds = clock.elapsed() / 1000.0;
            if (ctx.estimateTimeLeft && f > 0.01 && f < 1.0 && seconds > 2.0)
                Q_EMIT progress(f, QObject::tr("%1 · about %2 left").arg(text, duration(seconds * (1.0 - f) / f)));
            else
                Q_EMIT progress(f, text);
        };
        try {
            work(ctx);
            *ok = true;
        } catch (const std::exception& e) {
            *result = Translations::errorText(e);
        } catch (...) {
            *result = tr("unknown error");
        }
    });
    connect(thread_, &QThread::finished, this, [this, result, ok, cancel, done = std::move(done)] {
        thread_->deleteLater();
        thread_ = nullptr;
        const bool succeeded = *ok && !cancel->load();
        Q_EMIT finished(succeeded, cancel->load(), *result);
        if (succeeded && done)
            done();
    });
    Q_EMIT started(title);
    thread_->start();
    return true;
}

QString JobRunner::duration(double seconds)
{
    return seconds >= 60 ? QObject::tr("%1 min").arg(int(seconds / 60 + 0.5)) : QObject::tr("%1 s").arg(int(seconds + 0.5));
}

void JobRunner::cancel()
{
    if (cancel_)
        cancel_->store(true);
}

bool JobRunner::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (thread_ && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return thread_ == nullptr;
}

} // namespace delineo::vm
