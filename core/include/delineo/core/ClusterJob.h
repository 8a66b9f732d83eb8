#pragma once
#include "delineo/core/FineTune.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace delineo::core {

// A fine-tune handed to a cluster: the folder holds what delineo-ml-train needs (config.json,
// train.pack, val.pack: the frozen validation split, init.pt: the base weights) and what brings the
// result back (job.json: the workspace, base version, settings, split and data hash; run.sh: the
// launch command, one rank under torchrun's variables; README.txt).
struct ClusterJob {
    std::string folder;
    std::string command;   // the launch command, one process (run.sh)
    std::string addBack;   // delineo-cli models add … for the result
    std::size_t trainSamples = 0, valSamples = 0;
};

// Writes the job for `plan` trained with `settings` into `folder` (created; it must be empty or not
// exist yet). Throws ImageError (WriteFailed, NotFound), ml::ModelError / TrainingError (a model the
// packed format cannot hold: an AI Assist model, more than 3 input channels). `progress` gets a
// fraction and what is being written. Cancel removes what was written.
ClusterJob exportClusterJob(Workspace& ws, const FineTunePlan& plan, const FineTuneSettings& settings,
                            const std::string& folder,
                            const std::function<void(double, const std::string&)>& progress = nullptr,
                            const std::atomic<bool>* cancel = nullptr);

// Trains the job in `folder` in this process, as its run.sh does with delineo-ml-train: under
// torchrun's variables one rank of a data-parallel job (only rank 0 writes out/model.pt). Throws
// ImageError when job.json is missing or not a job's, ml::TrainingError for unreadable packed data
// (as delineo-ml-train) and from the trainer.
ml::TrainResult trainClusterJob(const std::string& folder, const ml::ProgressCallback& progress = nullptr,
                                const std::atomic<bool>* cancel = nullptr);

// The workspace's location as a job file or a printed command may show it: a folder absolute (the
// command works from anywhere), a server URL without its password (job folders travel, logs are read).
std::string publicLocation(const Workspace& ws);

// The job.json that `path` belongs to: `path` itself, a job folder, or a model inside the job folder
// or its out/ folder. "" when it is not a job's.
std::string clusterJobOf(const std::string& path);

struct ClusterResult {
    std::int64_t modelId = 0, runId = 0, baseId = 0;   // baseId 0: the job's base is not in this workspace
    bool hasValidation = false;
    ml::ImageMetrics base, tuned;                      // on the workspace's frozen validation split
    std::size_t valSlices = 0;
    bool splitChanged = false;                         // the workspace's split is not the one the job had
};

// Adds the model the job trained (`model`, or the job's out/model.pt) as a new version, as a run
// from the menu records one: fine-tuned from the job's base version, with its data hash and
// training time, the base and the new weights measured on the workspace's frozen validation split,
// the run in the training history. The version is not active. Throws ImageError (NotFound,
// UnsupportedFormat: not a job, another model's classes), ml::ModelError (unreadable weights).
// `runId`: the run recorded as running when the job started here (startClusterRun); 0 records it now.
ClusterResult addClusterJobResult(Workspace& ws, const std::string& jobJson, const std::string& model = {},
                                  const std::string& name = {}, const std::atomic<bool>* cancel = nullptr,
                                  std::int64_t runId = 0);

// A job trained while its workspace is open (a fine-tune over several ranks): its run in the
// training history as running, until addClusterJobResult finishes it (or the caller records it as
// cancelled or failed).
std::int64_t startClusterRun(Workspace& ws, const std::string& jobJson, std::int64_t baseId);

} // namespace delineo::core
