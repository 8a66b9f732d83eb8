#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/Reslice.h"
#include "delineo/ml/ModelConfig.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <chrono>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace delineo::ml {
class Segmenter;
struct Prediction;
}

namespace delineo::vm {

class DocumentController;
class EditingController;
class JobRunner;
class Notices;
class ReviewController;
struct Preferences;

// The model in use and its results waiting for a decision: Run (this slice or every slice, in
// the background) puts each result in a per-slice preview layer; Accept merges it into the mask as
// one undoable command (drawn labels kept unless the AI may overwrite them) and records an AI
// draft; Reject drops it. Nothing changes the mask until accepted. Results wait deflated, a few
// unpacked at a time, so a whole procedure's fit in memory; on a streamed video, Run on every frame
// goes through all of them from the current one, keeps only frames where the model found
// something, and shows results while it runs (cancelling keeps those found so far).
class PreviewController : public QObject {
    Q_OBJECT
public:
    PreviewController(DocumentController& document, EditingController& editing, ReviewController& review,
                      JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent = nullptr);
    ~PreviewController() override;

    bool loadModel(const QString& weightsPath);
    // Colour frames want the endoscopy model, grey slices an MRI/CT one: switches between the
    // shipped models when the current one expects the other kind of image.
    // The model for an image of `channels` and DICOM `modality` ("" unknown): the loaded one if it
    // fits (ModelConfig::fits), else the first shipped one that does; none: the model stays loaded
    // but does not run on this image, and the status bar says so.
    void chooseModelFor(int channels, const QString& modality = {});
    bool modelFits() const { return unfit_.isEmpty(); }
    std::shared_ptr<ml::Segmenter> model() const { return model_; }
    QString modelPath() const { return modelPath_; }
    // The classes of the model in use (polyp when none is loaded).
    std::vector<ml::ClassInfo> classes() const;

    bool run();                   // the current slice
    bool runAll();                // every slice
    // Ctrl+R from a view of `plane`: the current slice on the axial view; on a coronal or sagittal
    // view every axial slice, since the model reads axial slices and that plane crosses them all.
    bool runFrom(core::Plane plane);
    bool hasPreview(int z) const { return previews_.count(z) > 0; }
    bool hasPreview() const;                  // on the current slice
    const core::LabelMap& preview(int z) const;
    const core::LabelMap& current() const;    // the current slice's (empty when none)
    int count() const { return static_cast<int>(previews_.size()); }
    std::vector<int> waitingSlices() const; // the slices with a result waiting, in order
    std::size_t bytes() const;              // what the waiting results hold, packed or not
    bool accept(int onlyLabel = 0);   // the current slice; only `onlyLabel` when > 0
    // One undoable command per slice; beyond kAcceptAtOnce results, in steps of about kAcceptStep
    // paced by a job (progress and Cancel in the status bar) unless another job runs.
    bool acceptAll();
    static constexpr std::size_t kAcceptAtOnce = 50;
    static constexpr std::chrono::milliseconds kAcceptStep{100};
    void reject();
    void clear();
    // A result made elsewhere (propagation) as slice z's preview, replacing what waited there.
    void show(int z, core::LabelMap labels);
    // Takes one class out of slice z's preview (AI Assist decided it); the rest keeps waiting.
    void dropLabel(int z, int label);
    // The current slice's preview as outlines (tinted by confidence when that preference is on).
    QImage image(const std::vector<QRgb>& colours) const;
    // The results waiting on the slices that cross coronal or sagittal plane `index`, resliced
    // (empty when none crosses it), and as outlines. Accept and reject stay per axial slice.
    core::LabelMap planeLabels(core::Plane plane, int index) const;
    QImage planeImage(core::Plane plane, int index, const std::vector<QRgb>& colours) const;
    // The waiting results per axial slice (null: none), for resampling them with a plane's labels
    // (MultiplanarController::layers); empty while none waits. Valid until the results change.
    std::function<const core::LabelMap*(int)> planeSource() const;
    static QImage planeImage(const core::LabelMap& resliced, const std::vector<QRgb>& colours);

Q_SIGNALS:
    void modelChanged();
    void previewChanged();

private:
    struct SlicePreview {
        core::LabelMap labels;                 // empty while packed
        std::vector<std::uint8_t> confidence;  // max class probability per pixel, 0..255
        std::vector<std::uint8_t> packedLabels, packedConfidence; // also while unpacked, until changed
        int width = 0, height = 0;
        bool hasConfidence = false;
    };
    // Packs a result (off the GUI thread); confidences to 16 levels and only inside the result, where
    // they shade it.
    static SlicePreview packed(ml::Prediction&& result);
    static void pack(SlicePreview& preview); // its maps deflated (unless still packed), then freed
    static core::LabelMap labelsOf(const SlicePreview& preview); // a copy, inflated if packed
    bool merge(int z, const core::LabelMap& result, int onlyLabel); // one undoable command on slice z; false: nothing changed
    // z's preview unpacked (the oldest unpacked ones are packed again); null when z has none.
    SlicePreview* find(int z) const;
    void store(int z, SlicePreview&& preview);
    void planeStale(int z); // slice z's result changed: planeImage reads it again
    void forget(int z);     // slice z's result is gone (taken, rejected or emptied)
    // Accepts the results still waiting of slices[from…] until `until` (at least one); returns
    // where it stopped and adds the number accepted to *accepted.
    std::size_t acceptSlices(const std::vector<int>& slices, std::size_t from,
                             std::chrono::steady_clock::time_point until, int* accepted);
    void receive(const QString& file, unsigned run, std::vector<std::pair<int, SlicePreview>>& batch);
    bool canRun();

    DocumentController& document_;
    EditingController& editing_;
    ReviewController& review_;
    JobRunner& jobs_;
    Notices& notices_;
    Preferences& prefs_;
    std::shared_ptr<ml::Segmenter> model_;
    QString modelPath_;
    QString unfit_; // the kind of image no model fits ("" when one does)
    mutable std::map<int, SlicePreview> previews_; // unpacked on demand (a cache)
    // The results as the coronal and sagittal views read them, per slice, and which are current.
    mutable std::vector<core::LabelMap> planeSlices_;
    mutable std::vector<bool> planeFresh_;
    mutable std::vector<int> unpacked_;            // oldest first
    unsigned run_ = 0;                             // results of an earlier run after clear() are dropped
    core::LabelMap none_;
};

} // namespace delineo::vm
