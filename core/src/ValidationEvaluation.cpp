#include "delineo/core/ValidationEvaluation.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/SliceContext.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Segmenter.h"

#include <filesystem>
#include <set>

namespace delineo::core {

namespace {

struct SliceResult {
    Image image;
    LabelMap truth, prediction;
};

SliceResult measureSlice(const Workspace& ws, const ml::Segmenter& model, const Volume& volume, const ReviewedSlice& r)
{
    const auto mask = ws.latestMask(r.imageId, r.slice);
    if (!mask)
        throw ImageError(ErrorCode::NotFound, "the mask of image " + std::to_string(r.imageId) + " vanished");
    if (r.slice >= volume.depth())
        throw ImageError(ErrorCode::WrongSize, "image " + std::to_string(r.imageId) + " has no slice " + std::to_string(r.slice));
    SliceResult out;
    out.image = volume.slice(r.slice);
    out.truth = mask->labels;
    out.prediction = toLabelMap(predictSlice(model, volume, r.slice));
    if (out.truth.width != out.image.width || out.truth.height != out.image.height)
        throw ImageError(ErrorCode::WrongSize, "a stored mask of image " + std::to_string(r.imageId) + " does not match its size");
    return out;
}

std::string sliceName(const std::string& path, const Volume& volume, int slice)
{
    const std::string file = std::filesystem::path(path).filename().string();
    return volume.depth() > 1 ? file + " slice " + std::to_string(slice + 1) : file;
}

} // namespace

ValidationEvaluation evaluateValidationSplit(Workspace& ws, const ml::Segmenter& model, const std::string& modelName,
                                             int worst, const std::function<void(std::size_t, std::size_t)>& progress,
                                             const std::atomic<bool>* cancel)
{
    ValidationEvaluation out;
    // Mask files dropped into WS/masks/ count as corrections here as they do for a fine-tune.
    adoptMaskFiles(ws, model.config().numForeground());
    out.validationImages = frozenValidation(ws);
    const std::set<std::int64_t> val(out.validationImages.begin(), out.validationImages.end());
    std::vector<ReviewedSlice> slices;
    for (const auto& r : ws.reviewedSlices())
        if (val.count(r.imageId))
            slices.push_back(r);
    if (slices.empty())
        throw ImageError(ErrorCode::NotFound, "the validation split has no corrected or approved slice to measure on "
                                              "(correct or approve masks of at least four images first)");
    const ml::ModelConfig& config = model.config();
    MetricsTally tally(config.numForeground());
    std::vector<std::string> names;
    std::string loadedPath;
    Volume volume;
    auto load = [&](const ReviewedSlice& r) -> const Volume& {
        const auto entry = ws.image(r.imageId);
        if (!entry)
            throw ImageError(ErrorCode::NotFound, "workspace image " + std::to_string(r.imageId) + " vanished");
        if (entry->path != loadedPath) {
            volume = loadVolume(entry->path);
            loadedPath = entry->path;
        }
        return volume;
    };
    std::set<std::int64_t> images;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        const Volume& v = load(slices[i]);
        const SliceResult s = measureSlice(ws, model, v, slices[i]);
        tally.add(s.prediction, s.truth, s.image);
        names.push_back(sliceName(loadedPath, v, slices[i].slice));
        images.insert(slices[i].imageId);
        if (progress)
            progress(i + 1, slices.size());
    }
    out.slices = slices.size();
    out.images = images.size();
    out.report.modelPath = modelName;
    out.report.config = config;
    out.report.dataDescription = "the frozen validation split of workspace " +
                                 std::filesystem::path(ws.folder()).filename().string() + ": " +
                                 std::to_string(out.slices) + " corrected or approved slices of " +
                                 std::to_string(out.images) + " images";
    tally.fill(out.report);
    for (std::size_t i : tally.worst(static_cast<std::size_t>(std::max(0, worst)))) {
        SliceResult s = measureSlice(ws, model, load(slices[i]), slices[i]);
        out.report.worst.push_back({names[i], tally.imageDice(i), tally.imageHd95(i), std::move(s.image),
                                    std::move(s.truth), std::move(s.prediction)});
    }
    return out;
}

} // namespace delineo::core
