#pragma once
#include "delineo/core/EvaluationReport.h"
#include "delineo/core/Workspace.h"

#include <atomic>
#include <functional>
#include <string>

namespace delineo::ml {
class Segmenter;
}

namespace delineo::core {

// A model measured on a workspace's frozen validation split: the figures of the HTML report, plus
// what was measured.
struct ValidationEvaluation {
    EvaluationReport report;        // per-class means, the mean over present classes, the worst slices
    std::size_t slices = 0, images = 0;
    std::vector<std::int64_t> validationImages;
    bool cancelled = false;         // stopped early: no figures
};

// Every corrected or approved slice of the validation images (the split is chosen now if the
// workspace has none), predicted at its own size as the app runs the model (2.5D models read their
// neighbours), measured with the six metrics; the `worst` lowest-Dice slices are kept for the
// report. `progress(done, total)` after each slice; cancel stops early (`cancelled`). Throws ImageError(NotFound) when the split
// holds no reviewed slice, ModelError for a model that does not fit the workspace's images.
ValidationEvaluation evaluateValidationSplit(Workspace& ws, const ml::Segmenter& model, const std::string& modelName,
                                             int worst = 8,
                                             const std::function<void(std::size_t, std::size_t)>& progress = nullptr,
                                             const std::atomic<bool>* cancel = nullptr);

} // namespace delineo::core
