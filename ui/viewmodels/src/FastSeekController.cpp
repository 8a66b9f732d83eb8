#include "delineo/viewmodels/FastSeekController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/core/Errors.h"
#include "delineo/core/VideoProxy.h"
#include "delineo/core/VideoStream.h"

#include <QFileInfo>

namespace delineo::vm {

FastSeekController::FastSeekController(DocumentController& document, Notices& notices, const Preferences& prefs,
                                       QObject* parent)
    : QObject(parent), document_(document), notices_(notices), prefs_(prefs), jobs_(new JobRunner(this))
{
    connect(&document_, &DocumentController::documentChanged, this, &FastSeekController::documentChanged);
}

FastSeekController::~FastSeekController()
{
    if (jobs_->busy()) {
        jobs_->cancel();
        jobs_->waitForFinished(60000);
    }
}

QString FastSeekController::copyDir() { return QString::fromStdString(core::VideoProxy::defaultCacheDir()); }

void FastSeekController::applyPreferences()
{
    if (!prefs_.videoCopies && jobs_->busy())
        jobs_->cancel();
}

bool FastSeekController::waitForCopy(int timeoutMs) { return jobs_->waitForFinished(timeoutMs); }

void FastSeekController::documentChanged()
{
    const std::shared_ptr<core::VideoStream> stream = document_.document().volume().stream;
    if (jobs_->busy()) {
        if (stream && stream == building_.lock())
            return; // the same video, opened again
        jobs_->cancel();
        jobs_->waitForFinished(10000); // the decoder program is killed within 100 ms
    }
    building_.reset();
    if (!prefs_.videoCopies || !stream || stream->decodingFrom() != stream->path())
        return;
    // Written before: used at once (checked against the video's header, which the stream has read).
    if (const std::string copy = core::VideoProxy::existing(stream->path(), copyDir().toStdString());
        !copy.empty() && stream->useCopy(copy)) {
        Q_EMIT copyInUse();
        return;
    }
    building_ = stream;
    const std::string video = stream->path();
    core::VideoProxy::Options options;
    options.cacheDir = copyDir().toStdString();
    options.budgetBytes = std::uint64_t(prefs_.videoCopiesGb) << 30;
    // What became of it, for the continuation on this thread.
    auto result = std::make_shared<std::pair<core::VideoProxy::Outcome, QString>>(core::VideoProxy::Outcome::NotNeeded,
                                                                                  QString());
    const QString name = QFileInfo(QString::fromStdString(video)).fileName();
    jobs_->start(
        tr("Preparing fast seeking"),
        [video, options, result](JobRunner::Context& ctx) {
            ctx.estimateTimeLeft = false; // the status bar's messages stay the user's work's
            try {
                result->first = core::VideoProxy::build(
                    video, options,
                    [&ctx](int done, int frames) { ctx.progress(frames > 0 ? double(done) / frames : -1.0, {}); },
                    ctx.cancel);
            } catch (const core::ImageError& e) {
                result->second = QString::fromUtf8(e.what()); // told in the status bar: the video still plays
            }
        },
        [this, result, name] {
            if (!result->second.isEmpty()) {
                notices_.inform(tr("Fast seeking could not be prepared for %1: %2").arg(name, result->second), 15000);
                return;
            }
            if (result->first != core::VideoProxy::Outcome::Built)
                return;
            const auto stream = building_.lock();
            if (!stream)
                return;
            const std::string copy = core::VideoProxy::existing(stream->path(), copyDir().toStdString());
            if (!copy.empty() && stream->useCopy(copy)) {
                notices_.inform(tr("Fast seeking ready for %1: a jump decodes at most 12 frames now.").arg(name));
                Q_EMIT copyInUse();
            }
        });
}

} // namespace delineo::vm
