#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/Prompts.h"
#include "delineo/viewmodels/EditingController.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace delineo::ml {
class InteractiveSegmenter;
}

namespace delineo::vm {

class DocumentController;
class JobRunner;
class Notices;
class PreviewController;
struct Preferences;

// AI Assist: the prompts (clicks, a box, scribbles) on the current slice, or on a coronal or
// sagittal plane, for the active class, and the interactive model's answer as a preview. Each
// prompt runs the model at once on the image, all prompts so far and the previous answer (at first
// the class as the mask has it, or as the automatic draft waiting there shows it). A plane is read
// with square pixels (its slice spacing stretched), as the model learnt shapes. Nothing changes the
// mask until accept(), one undoable command (on a plane, over every slice it crosses); drawn labels
// of other classes stay unless the AI may overwrite them.
class AssistController : public QObject {
    Q_OBJECT
public:
    AssistController(DocumentController& document, EditingController& editing, PreviewController& preview,
                     JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent = nullptr);
    ~AssistController() override;

    bool loadModel(const QString& weightsPath);   // false (with a notice) when it cannot be used
    // The shipped or user interactive model for this kind of image (colour frames, grey slices),
    // one that reads the other kind when there is no better (grey to colour and back).
    void chooseModelFor(int channels);
    bool available() const { return model_ != nullptr; }
    QString unavailableReason() const { return reason_; }
    QString modelPath() const { return modelPath_; }

    bool addPrompt(const PromptGesture& gesture);   // runs the model; false when it could not
    bool removeLastPrompt();                         // Backspace: back to the answer before it
    void clearPrompts();                             // Esc
    bool accept();                                   // Enter: one undo step
    bool hasPrompts() const { return !steps_.empty(); }
    core::Plane plane() const { return plane_; }     // where the prompts are
    int planeIndex() const { return index_; }
    const ml::PromptSet& prompts() const;            // pixels of that plane
    int label() const { return label_; }
    // The object as the model sees it now (width x height, 0/1), empty without prompts.
    const std::vector<std::uint8_t>& mask() const;
    // The answer for the preview layer: the object filled lightly, its outline strong.
    QImage image(QRgb colour) const;
    double lastMilliseconds() const { return lastMs_; }

    // Propagate Forward (+1) / Backward (-1), in the background: the active class on this slice (the
    // answer while prompting) carried slice by slice (core::propagateMask) for up to `maxFrames`,
    // stopping early where the model's confidence drops under kStopConfidence or the object
    // vanishes (`minConfidence`). Each reached slice gets its own preview, accepted or rejected as any AI result.
    static constexpr int kDefaultFrames = 30;
    static constexpr double kStopConfidence = 0.7;
    bool propagate(int direction, int maxFrames = kDefaultFrames, double minConfidence = kStopConfidence);

Q_SIGNALS:
    void changed();          // prompts or answer
    void modelChanged();

private:
    struct Step {
        ml::PromptSet prompts;
        std::vector<std::uint8_t> mask;
    };
    std::vector<std::uint8_t> startMask() const;
    bool placeAt(core::Plane plane, int index);
    const std::vector<std::uint8_t>& modelImage();
    ml::PromptSet toModel(const ml::PromptSet& prompts) const;
    std::vector<std::uint8_t> modelImageOf(const core::Image& img) const;

    DocumentController& document_;
    EditingController& editing_;
    PreviewController& preview_;
    JobRunner& jobs_;
    Notices& notices_;
    Preferences& prefs_;
    std::shared_ptr<ml::InteractiveSegmenter> model_;
    QString modelPath_, reason_;
    std::vector<Step> steps_;
    std::vector<std::uint8_t> start_;
    int label_ = 1;
    core::Plane plane_ = core::Plane::Axial;
    int index_ = -1;
    int width_ = 0, height_ = 0;             // the plane's pixels
    int modelWidth_ = 0, modelHeight_ = 0;   // as the model reads them
    // The plane as the model reads it, kept while prompting on it.
    std::vector<std::uint8_t> pixels_;
    QString pixelsFile_;
    core::Plane pixelsPlane_ = core::Plane::Axial;
    int pixelsIndex_ = -1;
    double lastMs_ = 0;
};

} // namespace delineo::vm
