#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Prompts.h"
#include "delineo/ml/ModelConfig.h"

#include <string>
#include <vector>

namespace delineo::core {

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

// Per-image metrics gathered as delineo-cli evaluate and Model → Evaluate report them: each image at
// its own size (HD95 in mm where the spacing is known), per-class means over images, and the mean
// over the classes the ground truth contains: a class nobody drew (the MRI tumour class on
// UW-Madison data) would otherwise add a perfect empty-vs-empty score.
class MetricsTally {
public:
    explicit MetricsTally(int classes);
    // The image's metrics, also added to the tally.
    ml::ImageMetrics add(const LabelMap& prediction, const LabelMap& truth, const Image& image);
    std::size_t count() const { return imageDice_.size(); }
    double imageDice(std::size_t i) const { return imageDice_[i]; }
    double imageHd95(std::size_t i) const { return imageHd_[i]; }
    std::uint64_t truthPixels(int classIndex) const { return truthPixels_[static_cast<std::size_t>(classIndex)]; }
    // Dice over all pixels of all images together (NaN for a class neither side has): unlike the
    // mean over images, an image without the class does not count as a perfect 1.
    double pooledDice(int classIndex) const;
    // The indices of the `n` images with the lowest mean Dice, worst first.
    std::vector<std::size_t> worst(std::size_t n) const;
    // Fills the report's class means, presence, mean, HD95 unit and image count.
    void fill(EvaluationReport& report) const;

private:
    int classes_;
    std::vector<std::vector<ml::SegmentationMetrics>> perClass_;
    std::vector<double> imageDice_, imageHd_;
    std::vector<std::uint64_t> truthPixels_, predictedPixels_, overlapPixels_;
    bool allMm_ = true;
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

} // namespace delineo::core
