#pragma once
#include "delineo/core/ClusterJob.h"
#include "delineo/core/FineTune.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace delineo::vm {

class JobRunner;
class Notices;
class PreviewController;
class ReviewController;

// A fine-tune about to start: its own connection to the workspace, what trains and validates, how.
struct FineTuneRequest {
    std::unique_ptr<core::Workspace> workspace;
    core::FineTunePlan plan;
    core::FineTuneSettings settings;
};

// Ground truth and two versions' masks on one validation image, for Compare.
struct Comparison {
    QString title;
    std::vector<std::pair<QString, QImage>> panels;
};

// Training from the menu: fine-tunes (or retrains) the workspace's model on its corrected and
// approved masks in the background on a second connection (painting and autosave go on), through
// core::planFineTune / runFineTune, the code delineo-cli finetune runs; model versions: promote,
// roll back, compare. The active model is never replaced by a run.
class TrainingController : public QObject {
    Q_OBJECT
public:
    TrainingController(PreviewController& preview, ReviewController& review, Notices& notices, QObject* parent = nullptr);
    ~TrainingController() override;

    // The workspace connection and plan (the model in use becomes v1 of a workspace without one).
    // nullptr after telling the user why not.
    // `kind` Interactive: the AI Assist model's line (the interactive model in use becomes its first
    // version).
    std::unique_ptr<FineTuneRequest> prepare(int epochs, bool fromScratch, core::ModelKind kind = core::ModelKind::Automatic);
    // After the user changed the validation images: stores them and plans again (false after
    // telling the user why not).
    bool replan(FineTuneRequest& request, const std::vector<std::int64_t>& validation);
    bool start(std::unique_ptr<FineTuneRequest> request);
    // Instead of training here: writes the request as a job for a cluster into `folder` in the
    // background (core::exportClusterJob); finished() then says how to run it and bring it back.
    bool exportJob(std::unique_ptr<FineTuneRequest> request, const QString& folder);
    // The last job written (its launch and add-back commands), or nullptr.
    const core::ClusterJob* lastJob() const { return job_.get(); }
    // A job's trained model (its folder, or a model in it) becomes a version of the open workspace,
    // measured with its base on the frozen split, in the background (core::addClusterJobResult);
    // finished() carries the new version.
    bool addJobResult(const QString& path);
    bool busy() const;
    void cancel();
    bool waitForFinished(int timeoutMs);
    const core::FineTunePlan& plan() const { return plan_; }   // of the last run started

    bool promote(std::int64_t version);   // makes it active and loads it (into AI Assist if interactive)
    bool rollback(core::ModelKind kind = core::ModelKind::Automatic);   // back to the version active before

    // AI Assist's side, wired by the Workbench: the interactive model in use, and loading one.
    std::function<QString()> interactiveModelPath;
    std::function<bool(const QString&)> loadInteractiveModel;
    std::unique_ptr<Comparison> compare(std::int64_t version, const QString& currentFile);
    std::unique_ptr<core::Workspace> connection();

Q_SIGNALS:
    void started(const core::FineTunePlan& plan, const core::FineTuneSettings& settings);
    void epochDone(int epoch, double loss, const std::vector<double>& dice);
    void progress(double fraction, const QString& text);
    // A new model version (0 when cancelled or failed), whether the run failed, and what to say.
    void finished(qint64 modelId, bool failed, const QString& message);
    void modelsChanged();

private:
    void onFinished(bool ok, bool cancelled, const QString& error);
    bool load(const core::Workspace& ws, const core::ModelVersion& v);

    PreviewController& preview_;
    ReviewController& review_;
    Notices& notices_;
    JobRunner* runner_ = nullptr;
    core::FineTunePlan plan_;
    std::shared_ptr<core::FineTuneOutcome> outcome_;
    std::shared_ptr<core::ClusterJob> job_;
    std::shared_ptr<core::ClusterResult> added_;
    enum class Work { Training, Export, AddBack } work_ = Work::Training;   // what the runner does now
    void onExportOrAddFinished(bool ok, bool cancelled, const QString& error);
};

} // namespace delineo::vm
