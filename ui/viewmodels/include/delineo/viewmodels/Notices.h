#pragma once
#include <QObject>
#include <QString>

#include <exception>

namespace delineo::vm {

// What the controllers tell the user: a status message, or a failure (a dialog in the window,
// lastError() in tests and --screenshot). One object shared by every controller.
class Notices : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void inform(const QString& text, int milliseconds = 8000) { Q_EMIT message(text, milliseconds); }
    void fail(const QString& title, const QString& text)
    {
        lastError_ = text;
        Q_EMIT failed(title, text);
    }
    QString lastError() const { return lastError_; }
    // A background job's typed failure (core::ImageError), told under `title`: true when there was one.
    bool failedWith(const std::exception_ptr& failure, const QString& title);
    // One answer wherever a task is refused because another (`running`) holds the job runner.
    void busy(const QString& title, const QString& running);

Q_SIGNALS:
    void message(const QString& text, int milliseconds);
    void failed(const QString& title, const QString& text);

private:
    QString lastError_;
};

} // namespace delineo::vm
