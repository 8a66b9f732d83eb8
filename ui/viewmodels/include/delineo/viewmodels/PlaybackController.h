#pragma once
#include <QObject>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <vector>

namespace delineo::vm {

class DocumentController;
class Notices;
class PreviewController;
class ReviewController;

// Moving through a video or a stack: playback at the video's own frame rate (a stack of slices as
// a cine loop at 10 per second), and jumps to the next frame that carries a mask or waits for
// review. Playback stops at the last frame, on another document, and on any jump.
class PlaybackController : public QObject {
    Q_OBJECT
public:
    PlaybackController(DocumentController& document, ReviewController& review, const PreviewController& preview,
                       Notices& notices, QObject* parent = nullptr);

    bool playing() const { return timer_.isActive(); }
    double framesPerSecond() const;
    void play();
    void stop();
    void toggle() { playing() ? stop() : play(); }
    // Frames skipped since play() to keep the video's speed (showing them took too long).
    int droppedFrames() const { return dropped_; }

    // The next (direction +1) or previous (-1) slice with a label on it; false when there is none.
    bool nextAnnotated(int direction);
    // The next or previous slice with an AI result waiting, or whose AI draft nobody has reviewed yet.
    bool nextToReview(int direction);

    // What a timeline marks on each slice: its review state where it has one, else an AI result
    // waiting there, else whether it carries a label map; the larger value wins where several slices
    // share a pixel.
    enum class Mark : std::uint8_t { None, Annotated, AiResult, AiDraft, Corrected, Rejected, Approved };
    std::vector<Mark> marks() const;

Q_SIGNALS:
    void playingChanged(bool playing);

private:
    void advance();
    bool jump(int direction, const std::function<bool(int)>& wanted, const QString& none);

    DocumentController& document_;
    ReviewController& review_;
    const PreviewController& preview_;
    Notices& notices_;
    QTimer timer_;
    QElapsedTimer clock_;
    int startFrame_ = 0, shown_ = 0, dropped_ = 0;
};

} // namespace delineo::vm
