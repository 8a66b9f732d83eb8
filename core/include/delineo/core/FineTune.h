#pragma once
#include "delineo/core/Volume.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Trainer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace delineo::ml {
class Segmenter;
}

namespace delineo::core {
class SegmentationDataset;
}

namespace delineo::core {

// What a fine-tune (or a retrain from scratch) of a workspace model does. The CLI and the GUI
// both go through planFineTune + runFineTune, so the menu and scripts train the same way.
struct FineTuneSettings {
    std::int64_t baseModel = 0;  // 0: the active model of `kind`
    ModelKind kind = ModelKind::Automatic;  // with baseModel 0: which line (AI Assist: Interactive)
    bool fromScratch = false;    // same classes, random weights
    std::string architecture;    // from scratch: this architecture instead of the base's ("" = the base's)
    int contextSlices = 0;       // from scratch: slices read per prediction (1 = 2D, odd; 0 = the base's)
    bool learnNewClasses = true; // the workspace's classes after the model's own join it (automatic models)
    int epochs = 10;
    double learningRate = 0;     // 0: 3e-4 for fine-tuning, 1e-3 from scratch
    double maxSeconds = 0;       // time budget; 0 = none
    int batchSize = 8;
    std::string device;          // "" = CUDA when available, else CPU
    std::uint64_t seed = 42;
    double valFraction = 0.2;    // used once, when the workspace's validation split is chosen
    double effectiveRate() const { return learningRate > 0 ? learningRate : (fromScratch ? 1e-3 : 3e-4); }
};

struct FineTunePlan {
    ModelVersion base;
    ml::ModelConfig config;
    std::vector<ReviewedSlice> train, val;   // corrected/approved slices only, never AI drafts
    std::vector<std::int64_t> valImages;     // the frozen validation split
    bool splitChosenNow = false;             // the split was chosen by this plan (first fine-tune)
    std::string dataHash;                    // of the training slices and their mask revisions
    int adoptedMasks = 0;                    // mask files in WS/masks/ taken into the store by this plan
    std::vector<std::string> adoptionFailures;
    // The workspace's classes after the model's own (labels K+1, K+2… in its class list, none
    // skipped): what FineTuneSettings::learnNewClasses adds. Empty for an interactive model.
    std::vector<WorkspaceClass> newClasses;
};

struct FineTuneOutcome {
    std::int64_t runId = 0, modelId = 0;     // modelId 0 when cancelled
    RunStatus status = RunStatus::Finished;
    ml::TrainResult training;
    bool hasValidation = false;
    ml::ImageMetrics base, tuned;            // on the frozen validation split
    // Interactive models: a simulated annotator on every object of the validation split, from an
    // empty mask (as delineo-cli evaluate --interactive): base and new weights.
    struct ClickFigures {
        int objects = 0;
        double noc85 = 0, noc90 = 0, dice1 = 0;
    } baseClicks, tunedClicks;
};

// The model file of a version (relative paths are inside the workspace folder).
std::string modelFile(const Workspace& ws, const ModelVersion& version);

// Adopts mask files put into WS/masks/ (adoptMaskFiles), chooses the validation split on first use (stratified by the classes each image's masks contain,
// deterministic, at least one image once there are four), then lists what trains and what
// validates. Throws ImageError(NotFound) without a model or without reviewed masks to train on.
FineTunePlan planFineTune(Workspace& ws, const FineTuneSettings& settings);

// The workspace's frozen validation images, chosen now (and stored) if it has none yet.
std::vector<std::int64_t> frozenValidation(Workspace& ws, double fraction = 0.2);

// The pieces a run from the menu and an exported cluster job share, so both train and record alike.
// The new version's config: the base's, with the architecture and slice context chosen for a
// training from scratch, and the plan's new classes when `learnNewClasses` (the head grows, the
// base's classes keep their outputs).
ml::ModelConfig trainingConfig(const FineTunePlan& plan, const FineTuneSettings& settings, const Workspace& ws);
// ModelError when the settings do not fit the plan's model (architecture, slices read).
void checkSettings(const FineTunePlan& plan, const FineTuneSettings& settings);
// The batch a run trains with: the settings', never more than the training slices (at least 2).
int trainingBatch(const FineTunePlan& plan, const FineTuneSettings& settings);
// What the training history records of a run: its settings and its split (JSON).
std::string runSettingsJson(const FineTunePlan& plan, const FineTuneSettings& settings, const ml::ModelConfig& config);
std::string runSplitJson(const FineTunePlan& plan);
// The samples of `slices` as `config` reads them: image slices from disk (one volume cached per
// thread), masks from the workspace. nullptr for no slices.
std::unique_ptr<SegmentationDataset> trainingSamples(const Workspace& ws, const std::vector<ReviewedSlice>& slices,
                                                     const ml::ModelConfig& config, const std::atomic<bool>* cancel);
// `base` measured on the validation slices `val`, given as `samples` read for a model of `config`
// (read again for the base when its input differs: a 2.5D model against a 2D base); a version that
// has no figures on this workspace's split yet (one added from outside) keeps them.
ml::ImageMetrics measureBase(Workspace& ws, const ModelVersion& base, const std::vector<ReviewedSlice>& val,
                             const SegmentationDataset& samples, const ml::ModelConfig& config, const std::string& device,
                             int batchSize, const std::atomic<bool>* cancel);

// Records a running training run, trains on the plan's slices (validating on the frozen split),
// measures the base and the new weights on that split and adds the result as a new model version
// (not active: promote it). Cancel or failure records the run as cancelled/failed and adds no
// version; the active model is never touched. Throws on failure after recording it.
FineTuneOutcome runFineTune(Workspace& ws, const FineTunePlan& plan, const FineTuneSettings& settings,
                            const ml::ProgressCallback& progress = nullptr,
                            const std::atomic<bool>* cancel = nullptr);

// A model's uncertainty about a volume or frame: mean pixel entropy under flip TTA, averaged over slices.
double uncertaintyOf(const ml::Segmenter& model, const Volume& volume);

// Active learning: scores every image that has no corrected or approved mask yet (in cases
// neither approved nor rejected) by `model`'s mean pixel entropy under flip TTA (a volume: the
// mean over its slices), stores the scores with `modelId` and returns them, most uncertain first.
std::vector<std::pair<std::int64_t, double>> rankByUncertainty(Workspace& ws, const ml::Segmenter& model,
                                                               std::int64_t modelId,
                                                               const std::function<void(int, int)>& progress = nullptr,
                                                               const std::atomic<bool>* cancel = nullptr);

} // namespace delineo::core
