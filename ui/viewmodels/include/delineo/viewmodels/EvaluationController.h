#pragma once
#include "delineo/core/ValidationEvaluation.h"

#include <QObject>
#include <QString>

#include <memory>

namespace delineo::vm {

class JobRunner;
class Notices;
class PreviewController;
class ReviewController;

// Model → Evaluate on Validation Split: a model version (or the model in use) measured on the open
// workspace's frozen validation split in the background, through core::evaluateValidationSplit
// (what delineo-cli workspace evaluate runs); the HTML report goes into the workspace's reports/.
class EvaluationController : public QObject {
    Q_OBJECT
public:
    EvaluationController(ReviewController& review, PreviewController& preview, JobRunner& jobs, Notices& notices,
                         QObject* parent = nullptr);

    // `version` 0: the workspace's active model, or the model in use when the workspace has none.
    bool start(std::int64_t version = 0);
    const core::ValidationEvaluation* result() const { return result_.get(); }
    QString reportPath() const { return reportPath_; }
    QString modelName() const { return modelName_; }

Q_SIGNALS:
    void finished();

private:
    ReviewController& review_;
    PreviewController& preview_;
    JobRunner& jobs_;
    Notices& notices_;
    std::shared_ptr<core::ValidationEvaluation> result_;
    QString reportPath_, modelName_;
};

} // namespace delineo::vm
