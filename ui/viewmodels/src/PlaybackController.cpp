#include "delineo/viewmodels/PlaybackController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/ReviewController.h"

#include "delineo/core/VideoStream.h"

#include <algorithm>
#include <cmath>

namespace delineo::vm {

PlaybackController::PlaybackController(DocumentController& document, ReviewController& review,
                                       const PreviewController& preview, Notices& notices, QObject* parent)
    : QObject(parent), document_(document), review_(review), preview_(preview), notices_(notices)
{
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::advance);
    connect(&document_, &DocumentController::documentChanged, this, &PlaybackController::stop);
}

double PlaybackController::framesPerSecond() const
{
    const core::Volume& v = document_.document().volume();
    double fps = v.streamed() ? v.stream->fps() : 0;
    if (!v.streamed() && !v.empty() && v.slice(0).format == "video")
        fps = 25; // a short video decoded whole keeps no rate; 25 is the usual endoscopy one
    return std::isfinite(fps) && fps > 0 ? std::min(fps, 120.0) : 10.0;
}

void PlaybackController::play()
{
    if (document_.empty() || document_.depth() < 2 || playing())
        return;
    if (document_.slice() >= document_.depth() - 1)
        document_.showSlice(0); // from the start again
    clock_.start();
    startFrame_ = shown_ = document_.slice();
    dropped_ = 0;
    timer_.start(static_cast<int>(std::lround(1000.0 / framesPerSecond())));
    Q_EMIT playingChanged(true);
}

void PlaybackController::stop()
{
    if (!playing())
        return;
    timer_.stop();
    Q_EMIT playingChanged(false);
}

void PlaybackController::advance()
{
    if (document_.empty() || document_.slice() >= document_.depth() - 1) {
        stop();
        return;
    }
    // The frame the clock says is due: where showing a frame takes longer than the frame lasts,
    // frames are skipped and the video keeps its own speed, as players do. A frame the user went to
    // while it plays starts the clock again from there.
    if (document_.slice() != shown_) {
        clock_.start();
        startFrame_ = document_.slice();
    }
    const int due = startFrame_ + static_cast<int>(double(clock_.elapsed()) * framesPerSecond() / 1000.0);
    const int next = std::min(std::max(document_.slice() + 1, due), document_.depth() - 1);
    dropped_ += next - document_.slice() - 1;
    shown_ = next;
    document_.showSlice(next);
}

bool PlaybackController::jump(int direction, const std::function<bool(int)>& wanted, const QString& none)
{
    stop();
    if (document_.empty())
        return false;
    const int step = direction < 0 ? -1 : 1;
    for (int z = document_.slice() + step; z >= 0 && z < document_.depth(); z += step)
        if (wanted(z)) {
            document_.showSlice(z);
            return true;
        }
    notices_.inform(none, 5000);
    return false;
}

bool PlaybackController::nextAnnotated(int direction)
{
    const core::AnnotationDocument& doc = document_.document();
    // Only slices with a label map can carry a label: a long video is not read frame by frame.
    const auto masked = doc.maskedSlices();
    return jump(direction,
                [&](int z) { return std::binary_search(masked.begin(), masked.end(), z) && doc.anyLabel(z); },
                direction < 0 ? tr("No annotated frame before this one.") : tr("No annotated frame after this one."));
}

std::vector<PlaybackController::Mark> PlaybackController::marks() const
{
    std::vector<Mark> out(std::size_t(std::max(0, document_.depth())), Mark::None);
    for (int z : document_.document().maskedSlices())
        if (document_.document().anyLabel(z))
            out[std::size_t(z)] = Mark::Annotated;
    for (int z : preview_.waitingSlices())
        if (z < int(out.size()))
            out[std::size_t(z)] = Mark::AiResult;
    for (std::size_t z = 0; z < out.size(); ++z) {
        switch (review_.sliceStatus(int(z))) {
        case core::ReviewStatus::AiDraft: out[z] = Mark::AiDraft; break;
        case core::ReviewStatus::Corrected: out[z] = Mark::Corrected; break;
        case core::ReviewStatus::Rejected: out[z] = Mark::Rejected; break;
        case core::ReviewStatus::Approved: out[z] = Mark::Approved; break;
        case core::ReviewStatus::NotStarted: break;
        }
    }
    return out;
}

bool PlaybackController::nextToReview(int direction)
{
    return jump(direction,
                [&](int z) { return preview_.hasPreview(z) || review_.sliceStatus(z) == core::ReviewStatus::AiDraft; },
                direction < 0 ? tr("No frame before this one waits for review.")
                              : tr("No frame after this one waits for review."));
}

} // namespace delineo::vm
