#pragma once
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/ModelConfig.h"
#include "delineo/ui/JobRunner.h"

#include <QString>

#include <memory>
#include <vector>

namespace delineo::ui {

// The background work of "Fine-tune on corrected masks": trains a copy of the current model on
// the saved masks, validating on the split frozen in `splitFile`, and, unless cancelled, reports
// the new weights' path through `newPath`.
class FineTuneJob {
public:
    static JobRunner::Work make(const ml::ModelConfig& config, std::vector<core::SamplePair> pairs,
                                const std::string& initWeights, const std::string& outputPath, int epochs,
                                std::shared_ptr<QString> newPath, const std::string& splitFile);
};

} // namespace delineo::ui
