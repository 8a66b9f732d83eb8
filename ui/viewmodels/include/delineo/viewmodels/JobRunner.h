#pragma once
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace delineo::vm {

// Runs one long task at a time off the GUI thread, with throttled progress and cancel.
class JobRunner : public QObject {
    Q_OBJECT
public:
    struct Context {
        const std::atomic<bool>* cancel = nullptr;
        // fraction in 0..1 (negative: unknown); safe to call often, forwarded at most ~10 Hz.
        // Once a few seconds have passed, the time left (from the rate so far) is added to the text,
        // unless the work gives its own (estimateTimeLeft = false).
        std::function<void(double fraction, const QString& text)> progress;
        bool estimateTimeLeft = true;
    };
    // "12 s" or "3 min": how long is left, as the progress texts say it.
    static QString duration(double seconds);
    using Work = std::function<void(Context&)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    bool busy() const { return thread_ != nullptr; }
    QString title() const { return title_; }
    // Starts `work`; false if another job runs. Exceptions become finished(false, ..., message).
    // `done` runs on this object's thread after finished(), only when the work succeeded and was
    // not cancelled: each job carries its own continuation.
    bool start(const QString& title, Work work, std::function<void()> done = {});
    void cancel();
    bool cancelRequested() const { return cancel_ && cancel_->load(); }
    // Waits (processing events) until the running job has finished; false on timeout.
    bool waitForFinished(int timeoutMs);

Q_SIGNALS:
    void started(const QString& title);
    void progress(double fraction, const QString& text);
    void finished(bool ok, bool cancelled, const QString& error);

private:
    QThread* thread_ = nullptr;
    QString title_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

} // namespace delineo::vm
