#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Prompts.h"
#include "delineo/ml/ModelConfig.h"

#include <string>
#include <vector>

namespace delineo::cli {

// One worst case, with everything needed to draw image / ground truth / prediction side by side.
struct ReportCase {
    std::string name;
    double dice = 0, hd95 = 0;
    core::Image image;
    core::LabelMap truth, prediction;
};

// A self-contained HTML page (images inlined as PNG): the per-class table and the worst cases.
struct EvaluationReport {
    std::string modelPath, dataDescription, hdUnit;
    ml::ModelConfig config;
    std::vector<ml::SegmentationMetrics> classMeans;  // index 0 = class 1
    std::vector<bool> classPresent;
    ml::SegmentationMetrics mean;
    std::size_t images = 0;
    std::vector<ReportCase> worst;

    void write(const std::string& path) const; // atomic; throws ImageError(WriteFailed)
};

// evaluate --interactive: the simulated annotator's worst objects with the clicks it made.
struct InteractiveCase {
    std::string name;               // image and class
    int noc90 = 0;
    double finalDice = 0;
    core::Image image;
    core::LabelMap truth, result;   // one object: 0/1
    std::vector<ml::Click> clicks;
};
struct InteractiveReport {
    std::string modelPath, dataDescription, summaryHtml;   // summaryHtml: the figures as a table
    std::vector<InteractiveCase> worst;

    void write(const std::string& path) const; // atomic; throws ImageError(WriteFailed)
};

} // namespace delineo::cli
