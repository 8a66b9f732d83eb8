#pragma once
#include <QObject>
#include <QString>

#include <memory>

namespace delineo::core {
class VideoStream;
}

namespace delineo::vm {

class DocumentController;
class JobRunner;
class Notices;
struct Preferences;

// Jumps along a long H.264 procedure at the speed of an all-keyframe video: on opening a video whose
// keyframes lie far apart, its fast-seeking copy (core::VideoProxy) is written in the background, at
// a lower priority, with a progress of its own beside the main job's (it never blocks a model run);
// once written, the open video's viewer decodes from it. A copy written before is used from the
// start. Runs of a model over the whole video and exports read the video itself (in order, they need
// no fast seeking). Preferences turn it off and bound the disk the copies take.
class FastSeekController : public QObject {
    Q_OBJECT
public:
    FastSeekController(DocumentController& document, Notices& notices, const Preferences& prefs,
                       QObject* parent = nullptr);
    ~FastSeekController() override;

    JobRunner& jobs() { return *jobs_; }
    // Where copies are kept: core::VideoProxy's default folder (shared with delineo-cli prepare-video).
    static QString copyDir();
    // After the preferences changed: switched off, a copy being written is cancelled.
    void applyPreferences();
    // Waits (processing events) until a copy being written is done; false on timeout.
    bool waitForCopy(int timeoutMs);

Q_SIGNALS:
    // The open video's viewer decodes from its copy now.
    void copyInUse();

private:
    void documentChanged();

    DocumentController& document_;
    Notices& notices_;
    const Preferences& prefs_;
    JobRunner* jobs_;
    std::weak_ptr<core::VideoStream> building_; // the video whose copy is being written
};

} // namespace delineo::vm
