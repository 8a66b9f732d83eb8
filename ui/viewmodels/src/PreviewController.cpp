#include "delineo/viewmodels/PreviewController.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/OverlayRenderer.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/MaskOps.h"
#include "delineo/core/ModelLibrary.h"
#include "delineo/core/Rendering.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Segmenter.h"

#include <QFileInfo>

#include <algorithm>

namespace delineo::vm {

PreviewController::PreviewController(DocumentController& document, EditingController& editing, ReviewController& review,
                                     JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent)
    : QObject(parent), document_(document), editing_(editing), review_(review), jobs_(jobs), notices_(notices),
      prefs_(prefs)
{
    connect(&document_, &DocumentController::documentChanged, this, &PreviewController::clear);
}

PreviewController::~PreviewController() = default;

std::vector<ml::ClassInfo> PreviewController::classes() const
{
    return model_ ? model_->config().classes : std::vector<ml::ClassInfo>{{"polyp", {255, 64, 64}}};
}

bool PreviewController::loadModel(const QString& weightsPath)
{
    try {
        model_ = std::shared_ptr<ml::Segmenter>(core::loadModel(ss(weightsPath)));
    } catch (const ml::ModelError& e) {
        notices_.fail(tr("Cannot load model"), Translations::errorText(e));
        return false;
    }
    modelPath_ = weightsPath;
    Q_EMIT modelChanged();
    return true;
}

void PreviewController::chooseModelFor(int channels)
{
    const int wanted = channels == 3 ? 3 : 1;
    if (model_ && model_->config().inChannels == wanted)
        return;
    for (const auto& entry : core::shippedModels()) {
        if (!entry.config.interactive() && entry.config.inChannels == wanted && loadModel(qs(entry.path))) {
            notices_.inform(tr("Using the %1 model for this image.").arg(QFileInfo(qs(entry.path)).completeBaseName()));
            return;
        }
    }
}

const core::LabelMap& PreviewController::preview(int z) const
{
    const auto it = previews_.find(z);
    return it == previews_.end() ? none_ : it->second.labels;
}

bool PreviewController::hasPreview() const { return hasPreview(document_.slice()); }
const core::LabelMap& PreviewController::current() const { return preview(document_.slice()); }

bool PreviewController::canRun()
{
    if (model_ && !document_.empty())
        return true;
    notices_.fail(tr("Cannot run model"), model_ ? tr("Open an image first.") : tr("No model is loaded."));
    return false;
}

void PreviewController::store(int z, ml::Prediction&& result)
{
    SlicePreview& p = previews_[z];
    p.labels = core::LabelMap(result.width, result.height);
    p.labels.labels = std::move(result.labels);
    p.confidence = std::move(result.confidence);
}

bool PreviewController::run()
{
    if (!canRun())
        return false;
    auto model = model_;
    const core::Image& img = document_.image();
    auto input = std::make_shared<std::vector<std::uint8_t>>(core::modelInput8(img));
    const int w = img.width, h = img.height, c = img.channels;
    auto result = std::make_shared<ml::Prediction>();
    const QString file = document_.currentFile();
    const int z = document_.slice();
    ml::PredictOptions options;
    options.flipTta = prefs_.flipTta;
    auto work = [model, input, w, h, c, result, options](JobRunner::Context& ctx) {
        ctx.progress(-1, QObject::tr("Running the model…"));
        *result = model->predict(ml::ImageU8View{input->data(), w, h, c}, options);
        ctx.progress(1.0, QObject::tr("Segmentation done"));
    };
    return jobs_.start(tr("Segmenting"), work, [this, result, file, z] {
        if (file != document_.currentFile() || z >= document_.depth() || result->labels.empty())
            return;
        store(z, std::move(*result));
        Q_EMIT previewChanged();
        notices_.inform(tr("AI result shown as outlines: Enter accepts, Shift+Enter accepts the active class only, "
                           "Esc rejects. Your own labels are kept."), 15000);
    });
}

// Results wait in memory as outlines until accepted or rejected: a streamed video runs on this many
// frames from the current one at a time.
constexpr int kStreamedRunFrames = 250;

bool PreviewController::runAll()
{
    if (!canRun())
        return false;
    auto model = model_;
    const core::Volume& volume = document_.document().volume();
    const bool streamed = volume.streamed();
    const int first = streamed ? document_.slice() : 0;
    const int count = streamed ? std::min(kStreamedRunFrames, document_.depth() - first) : document_.depth();
    // The slices as the model sees them, prepared here (the document stays on the GUI thread); a
    // streamed video's frames are decoded in the job instead, from the shared stream.
    auto inputs = std::make_shared<std::vector<std::vector<std::uint8_t>>>();
    for (int z = 0; !streamed && z < count; ++z)
        inputs->push_back(core::modelInput8(document_.document().slice(z)));
    auto frames = std::make_shared<core::Volume>(streamed ? volume : core::Volume());
    const int w = document_.image().width, h = document_.image().height, c = document_.image().channels;
    auto results = std::make_shared<std::vector<ml::Prediction>>(std::size_t(count));
    const QString file = document_.currentFile();
    ml::PredictOptions options;
    options.flipTta = prefs_.flipTta;
    auto work = [model, inputs, frames, first, count, results, w, h, c, options](JobRunner::Context& ctx) {
        for (int i = 0; i < count; ++i) {
            if (ctx.cancel->load())
                return;
            ctx.progress(double(i) / count, QObject::tr("Running the model on slice %1 of %2…").arg(i + 1).arg(count));
            const auto input = frames->streamed() ? core::modelInput8(frames->slice(first + i)) : (*inputs)[std::size_t(i)];
            (*results)[std::size_t(i)] = model->predict(ml::ImageU8View{input.data(), w, h, c}, options);
        }
    };
    return jobs_.start(tr("Segmenting all slices"), work, [this, results, file, first, count, streamed] {
        if (file != document_.currentFile())
            return;
        for (int i = 0; i < count && first + i < document_.depth(); ++i)
            if (!(*results)[std::size_t(i)].labels.empty())
                store(first + i, std::move((*results)[std::size_t(i)]));
        Q_EMIT previewChanged();
        QString text = tr("AI results on %1 slices wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc "
                          "rejects this slice.").arg(previews_.size());
        if (streamed && first + count < document_.depth())
            text += " " + tr("This video streams: the model ran on frames %1 to %2; run it again from frame %3 for "
                             "the next ones.").arg(first + 1).arg(first + count).arg(first + count + 1);
        notices_.inform(text, 15000);
    });
}

bool PreviewController::accept(int onlyLabel)
{
    const int z = document_.slice();
    const auto it = previews_.find(z);
    if (it == previews_.end() || document_.empty())
        return false;
    const core::LabelMap merged =
        core::mergePreview(document_.document().labels(z), it->second.labels, onlyLabel, prefs_.aiMayOverwrite);
    const auto classList = classes();
    const QString name = onlyLabel > 0 && onlyLabel <= int(classList.size())
                             ? Translations::term(qs(classList[std::size_t(onlyLabel - 1)].name))
                             : QString::number(onlyLabel);
    if (editing_.applyMaskEdit(z, merged, onlyLabel ? tr("Accept AI result (%1)").arg(name) : tr("AI segmentation")))
        review_.recordAiDraft(z, merged);
    reject();
    notices_.inform(tr("AI result accepted. Undo (Ctrl+Z) restores the previous mask."));
    return true;
}

bool PreviewController::acceptAll()
{
    const int current = document_.slice();
    std::vector<int> slices;
    for (const auto& [z, p] : previews_)
        slices.push_back(z);
    int accepted = 0;
    for (int z : slices) {
        document_.showSlice(z);
        accepted += accept(0);
    }
    document_.showSlice(current);
    notices_.inform(tr("AI results accepted on %1 slices (each undoable on its slice).").arg(accepted));
    return accepted > 0;
}

void PreviewController::reject()
{
    previews_.erase(document_.slice());
    Q_EMIT previewChanged();
}

void PreviewController::show(int z, core::LabelMap labels)
{
    SlicePreview& p = previews_[z];
    p.confidence.clear();
    p.labels = std::move(labels);
    Q_EMIT previewChanged();
}

void PreviewController::dropLabel(int z, int label)
{
    const auto it = previews_.find(z);
    if (it == previews_.end())
        return;
    auto& labels = it->second.labels.labels;
    std::replace(labels.begin(), labels.end(), std::uint8_t(label), std::uint8_t(0));
    if (std::all_of(labels.begin(), labels.end(), [](std::uint8_t v) { return v == 0; }))
        previews_.erase(it);
    Q_EMIT previewChanged();
}

void PreviewController::clear()
{
    previews_.clear();
    Q_EMIT previewChanged();
}

QImage PreviewController::image(const std::vector<QRgb>& colours) const
{
    const auto it = previews_.find(document_.slice());
    if (it == previews_.end())
        return {};
    return previewImage(it->second.labels, prefs_.confidenceShading ? it->second.confidence : std::vector<std::uint8_t>{},
                        colours);
}

} // namespace delineo::vm
