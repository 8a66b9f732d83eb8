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
#include "delineo/core/PackedBytes.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Segmenter.h"

#include <QFileInfo>
#include <QSignalBlocker>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>

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
    auto out = model_ ? model_->config().classes : std::vector<ml::ClassInfo>{{"polyp", {255, 64, 64}}};
    // No model made for this image: its labels are numbered, not named after another anatomy (a
    // head CT's label 1 is no polyp); as many as the model's, the count masks beside it are read with.
    if (!unfit_.isEmpty())
        for (std::size_t k = 0; k < out.size(); ++k)
            out[k].name = core::numberedClassName(int(k) + 1);
    // The workspace's names win for the labels it names, and add the classes it has beyond the model's.
    for (const auto& c : review_.storedClasses()) {
        if (c.label < 1 || c.label > 255)
            continue;
        for (int k = static_cast<int>(out.size()) + 1; k < c.label; ++k) // a label the list skips
            out.push_back({core::numberedClassName(k), {128, 128, 128}});
        if (c.label > static_cast<int>(out.size()))
            out.push_back({});
        out[std::size_t(c.label - 1)] = {c.name, {c.r, c.g, c.b}};
    }
    return out;
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
    unfit_.clear(); // the user's own choice
    Q_EMIT modelChanged();
    return true;
}

void PreviewController::chooseModelFor(int channels, const QString& modality)
{
    const bool wasUnfit = !unfit_.isEmpty();
    unfit_.clear();
    if (model_ && model_->config().fits(channels, ss(modality))) {
        if (wasUnfit)
            Q_EMIT modelChanged(); // the window stops saying it does not fit
        return;
    }
    for (const auto& entry : core::shippedModelsFor(channels, ss(modality))) {
        if (loadModel(qs(entry.path))) {
            notices_.inform(tr("Using the %1 model for this image.").arg(QFileInfo(qs(entry.path)).completeBaseName()));
            return;
        }
    }
    // Nothing made for this kind of image: its classes would be another anatomy's.
    unfit_ = modality.isEmpty() ? (channels == 3 ? tr("colour") : tr("grey")) : modality;
    notices_.inform(tr("No model is made for this %1 image: Run Model is off (Model → Load Model… picks one).").arg(unfit_),
                    0);
    if (model_)
        Q_EMIT modelChanged();
}

// Results unpacked at once: the current slice's, and a few that were looked at just before.
constexpr std::size_t kUnpackedPreviews = 8;

void PreviewController::pack(SlicePreview& p)
{
    // Packed bytes still there belong to these maps unchanged (dropLabel clears them): kept.
    if (p.packedLabels.empty()) {
        p.width = p.labels.width;
        p.height = p.labels.height;
        p.packedLabels = core::packBytes(p.labels.labels);
        p.hasConfidence = !p.confidence.empty();
        p.packedConfidence = p.hasConfidence ? core::packBytes(p.confidence) : std::vector<std::uint8_t>{};
    }
    // Assigned a new vector, not `= {}`: an empty initializer list keeps the old buffer.
    p.labels = core::LabelMap();
    p.confidence = std::vector<std::uint8_t>();
}

PreviewController::SlicePreview PreviewController::packed(ml::Prediction&& result)
{
    // Confidence shades only the inside of a result (previewImage): none is kept outside it.
    for (std::size_t i = 0; i < result.confidence.size(); ++i)
        result.confidence[i] = result.labels[i] ? std::uint8_t((result.confidence[i] & 0xF0) | 0x08) : 0;
    SlicePreview p;
    p.labels = core::LabelMap(result.width, result.height);
    p.labels.labels = std::move(result.labels);
    p.confidence = std::move(result.confidence);
    pack(p);
    return p;
}

core::LabelMap PreviewController::labelsOf(const SlicePreview& p)
{
    if (!p.labels.empty())
        return p.labels;
    core::LabelMap m(p.width, p.height);
    m.labels = core::unpackBytes(p.packedLabels, m.labels.size());
    return m;
}

PreviewController::SlicePreview* PreviewController::find(int z) const
{
    const auto it = previews_.find(z);
    if (it == previews_.end())
        return nullptr;
    SlicePreview& p = it->second;
    unpacked_.erase(std::remove(unpacked_.begin(), unpacked_.end(), z), unpacked_.end());
    if (p.labels.empty()) {
        // Inflated for the coronal and sagittal views already: copied (a tenth of inflating it).
        const bool planes = std::size_t(z) < planeFresh_.size() && planeFresh_[std::size_t(z)] &&
                            !planeSlices_[std::size_t(z)].empty();
        p.labels = planes ? planeSlices_[std::size_t(z)] : labelsOf(p);
        if (p.hasConfidence)
            p.confidence = core::unpackBytes(p.packedConfidence, p.labels.labels.size());
        // The packed bytes stay: scrolling on, an unchanged result is let go, not deflated again.
    }
    unpacked_.push_back(z);
    while (unpacked_.size() > kUnpackedPreviews) {
        const auto old = previews_.find(unpacked_.front());
        unpacked_.erase(unpacked_.begin());
        if (old != previews_.end() && !old->second.labels.empty())
            pack(old->second);
    }
    return &p;
}

const core::LabelMap& PreviewController::preview(int z) const
{
    const SlicePreview* p = find(z);
    return p ? p->labels : none_;
}

std::size_t PreviewController::bytes() const
{
    std::size_t n = 0;
    for (const auto& [z, p] : previews_)
        n += p.labels.labels.capacity() + p.confidence.capacity() + p.packedLabels.capacity() + p.packedConfidence.capacity();
    return n;
}

std::vector<int> PreviewController::waitingSlices() const
{
    std::vector<int> out;
    out.reserve(previews_.size());
    for (const auto& entry : previews_)
        out.push_back(entry.first);
    return out;
}

bool PreviewController::hasPreview() const { return hasPreview(document_.slice()); }
const core::LabelMap& PreviewController::current() const { return preview(document_.slice()); }

bool PreviewController::canRun()
{
    if (!unfit_.isEmpty()) {
        notices_.fail(tr("Cannot run model"), tr("No model is made for this %1 image. Load one with Model → Load Model….").arg(unfit_));
        return false;
    }
    if (model_ && !document_.empty())
        return true;
    notices_.fail(tr("Cannot run model"), model_ ? tr("Open an image first.") : tr("No model is loaded."));
    return false;
}

void PreviewController::store(int z, SlicePreview&& preview)
{
    unpacked_.erase(std::remove(unpacked_.begin(), unpacked_.end(), z), unpacked_.end());
    const bool open = !preview.labels.empty();
    previews_[z] = std::move(preview);
    planeStale(z);
    if (open)
        find(z); // counted among the unpacked ones
}

void PreviewController::receive(const QString& file, unsigned run, std::vector<std::pair<int, SlicePreview>>& batch)
{
    if (run != run_ || file != document_.currentFile())
        return;
    for (auto& [z, p] : batch)
        if (z < document_.depth())
            store(z, std::move(p));
    Q_EMIT previewChanged();
}

bool PreviewController::run()
{
    if (!canRun())
        return false;
    auto model = model_;
    const QString file = document_.currentFile();
    const int z = document_.slice();
    auto input = std::make_shared<core::Image>(core::modelInputImage(document_.document().volume(), z, model->config()));
    auto result = std::make_shared<ml::Prediction>();
    ml::PredictOptions options;
    options.flipTta = prefs_.flipTta;
    auto work = [model, input, result, options](JobRunner::Context& ctx) {
        ctx.progress(-1, QObject::tr("Running the model…"));
        *result = model->predict(core::viewOf(*input), options);
        ctx.progress(1.0, QObject::tr("Segmentation done"));
    };
    return jobs_.start(tr("Segmenting"), work, [this, result, file, z] {
        if (file != document_.currentFile() || z >= document_.depth() || result->labels.empty())
            return;
        SlicePreview p;
        p.labels = core::LabelMap(result->width, result->height);
        p.labels.labels = std::move(result->labels);
        p.confidence = std::move(result->confidence);
        const bool found = core::anyForeground(p.labels.labels);
        store(z, std::move(p));
        Q_EMIT previewChanged();
        if (!found) // no outlines to look for: said plainly
            notices_.inform(tr("The model found none of its classes on this slice."), 15000);
        else
            notices_.inform(tr("AI result shown as outlines: Enter accepts, Shift+Enter accepts the active class only, "
                               "Esc rejects. Your own labels are kept."), 15000);
    });
}

bool PreviewController::runAll()
{
    if (!canRun())
        return false;
    auto model = model_;
    const core::Volume& volume = document_.document().volume();
    const bool streamed = volume.streamed();
    const int depth = document_.depth(), first = streamed ? document_.slice() : 0;
    // The slices as the model sees them, prepared here (the document stays on the GUI thread); a
    // streamed video's frames are decoded in the job instead, by a decoder of its own (the viewer
    // keeps its own), from the current frame to the end and then from the start.
    auto inputs = std::make_shared<std::vector<core::Image>>();
    for (int z = 0; !streamed && z < depth; ++z)
        inputs->push_back(core::modelInputImage(volume, z, model->config()));
    auto frames = std::make_shared<core::Volume>(streamed ? volume : core::Volume());
    const QString file = document_.currentFile();
    const unsigned run = ++run_;
    auto found = std::make_shared<std::atomic<int>>(0);
    ml::PredictOptions options;
    options.flipTta = prefs_.flipTta;
    // Results reach the GUI in batches while the job runs, packed here, off the GUI thread.
    auto post = [this, file, run](std::vector<std::pair<int, SlicePreview>>& batch) {
        auto moved = std::make_shared<std::vector<std::pair<int, SlicePreview>>>(std::move(batch));
        batch.clear();
        QMetaObject::invokeMethod(this, [this, file, run, moved] { receive(file, run, *moved); }, Qt::QueuedConnection);
    };
    auto work = [model, inputs, frames, first, depth, options, post, found](JobRunner::Context& ctx) {
        if (frames->streamed())
            *frames = core::withOwnStream(*frames);
        std::vector<std::pair<int, SlicePreview>> batch;
        auto posted = std::chrono::steady_clock::now();
        for (int i = 0; i < depth && !ctx.cancel->load(); ++i) {
            const int z = (first + i) % depth;
            ctx.progress(double(i) / depth, frames->streamed()
                                                ? QObject::tr("Running the model on frame %1 (%2 of %3)…").arg(z + 1).arg(i + 1).arg(depth)
                                                : QObject::tr("Running the model on slice %1 of %2…").arg(i + 1).arg(depth));
            const core::Image input = frames->streamed() ? core::modelInputImage(*frames, z, model->config())
                                                         : std::move((*inputs)[std::size_t(z)]);
            ml::Prediction p = model->predict(core::viewOf(input), options);
            // On a video streamed from disk only frames with a finding wait: the rest would mark
            // every frame of the timeline.
            const bool any = core::anyForeground(p.labels);
            *found += any;
            if (!p.labels.empty() && (any || !frames->streamed()))
                batch.emplace_back(z, packed(std::move(p)));
            if (!batch.empty() && std::chrono::steady_clock::now() - posted > std::chrono::milliseconds(500)) {
                post(batch);
                posted = std::chrono::steady_clock::now();
            }
        }
        if (!batch.empty())
            post(batch);
    };
    return jobs_.start(tr("Segmenting all slices"), work, [this, file, streamed, depth, found] {
        if (file != document_.currentFile())
            return;
        notices_.inform(streamed ? tr("The model ran on all %1 frames and found something on %2: they wait as outlines "
                                      "and marks on the timeline (Ctrl+Shift+PgDown goes to the next one).")
                                       .arg(depth).arg(found->load())
                                 : tr("AI results on %n slice(s) wait as outlines: Ctrl+Enter accepts all, Enter this "
                                      "slice, Esc rejects this slice.", "", int(previews_.size())),
                        15000);
    });
}

bool PreviewController::runFrom(core::Plane plane)
{
    if (plane == core::Plane::Axial || document_.depth() < 2)
        return run();
    if (!runAll())
        return false;
    notices_.inform(plane == core::Plane::Coronal
                        ? tr("The model reads axial slices: it runs on all %1 of them to fill the coronal view.").arg(document_.depth())
                        : tr("The model reads axial slices: it runs on all %1 of them to fill the sagittal view.").arg(document_.depth()),
                    15000);
    return true;
}

bool PreviewController::merge(int z, const core::LabelMap& result, int onlyLabel)
{
    const core::LabelMap merged =
        core::mergePreview(document_.document().labels(z), result, onlyLabel, prefs_.aiMayOverwrite);
    const auto classList = classes();
    const QString name = onlyLabel > 0 && onlyLabel <= int(classList.size())
                             ? Translations::term(qs(classList[std::size_t(onlyLabel - 1)].name))
                             : QString::number(onlyLabel);
    if (!editing_.applyMaskEdit(z, merged, onlyLabel ? tr("Accept AI result (%1)").arg(name) : tr("AI segmentation")))
        return false;
    review_.recordAiDraft(z, merged);
    return true;
}

bool PreviewController::accept(int onlyLabel)
{
    const int z = document_.slice();
    const SlicePreview* p = find(z);
    if (!p || document_.empty())
        return false;
    const bool changed = merge(z, p->labels, onlyLabel);
    reject();
    notices_.inform(changed ? tr("AI result accepted. Undo (Ctrl+Z) restores the previous mask.")
                            : tr("The AI result changed nothing on this slice."));
    return true;
}

bool PreviewController::acceptAll()
{
    if (previews_.empty() || document_.empty())
        return false;
    std::vector<int> slices = waitingSlices();
    if (slices.size() <= kAcceptAtOnce || jobs_.busy()) {
        int accepted = 0;
        acceptSlices(slices, 0, std::chrono::steady_clock::time_point::max(), &accepted);
        notices_.inform(tr("AI results accepted on %n slice(s) (each undoable on its slice).", "", accepted));
        return true;
    }
    // A procedure's results (about 10 ms a 1080p frame) are taken in steps on the GUI thread, paced
    // by a job: the window repaints between them and the status bar shows the progress with Cancel,
    // which keeps the results accepted so far and leaves the rest waiting.
    auto todo = std::make_shared<const std::vector<int>>(std::move(slices));
    auto accepted = std::make_shared<std::atomic<int>>(0);
    const QString file = document_.currentFile();
    // Set once the job stops: a step still queued then takes nothing, as none does once Cancel is
    // pressed.
    auto over = std::make_shared<std::atomic<bool>>(false);
    auto work = [this, todo, accepted, file, over](JobRunner::Context& ctx) {
        struct Over {
            std::atomic<bool>& flag;
            ~Over() { flag = true; }
        } stops{*over};
        for (std::size_t from = 0; from < todo->size() && !ctx.cancel->load();) {
            auto done = std::make_shared<std::promise<std::size_t>>();
            std::future<std::size_t> stepped = done->get_future();
            QMetaObject::invokeMethod(
                this,
                [this, todo, accepted, file, from, done, over] {
                    if (*over || jobs_.cancelRequested() || file != document_.currentFile()) {
                        done->set_value(todo->size()); // cancelled, or another document
                        return;
                    }
                    int taken = 0;
                    const std::size_t next = acceptSlices(*todo, from, std::chrono::steady_clock::now() + kAcceptStep, &taken);
                    *accepted += taken;
                    done->set_value(next);
                },
                Qt::QueuedConnection);
            while (stepped.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
                if (ctx.cancel->load())
                    return;
            try {
                from = stepped.get();
            } catch (const std::future_error&) {
                return; // the step was dropped with this controller: the window is closing
            }
            ctx.progress(double(from) / double(todo->size()),
                         QObject::tr("Accepting AI results: %1 of %2…").arg(from).arg(todo->size()));
        }
    };
    const auto total = static_cast<int>(todo->size());
    if (!jobs_.start(tr("Accepting AI results"), work, [this, accepted] {
            notices_.inform(tr("AI results accepted on %n slice(s) (each undoable on its slice).", "", accepted->load()));
        }))
        return false;
    // Cancelled: how far it got, after the status bar's "Cancelled.".
    connect(
        &jobs_, &JobRunner::finished, this,
        [this, accepted, total](bool, bool cancelled, const QString&) {
            if (cancelled)
                notices_.inform(tr("Accept All cancelled: AI results accepted on %1 of %n slice(s); the others still wait.",
                                   "", total)
                                    .arg(accepted->load()));
        },
        Qt::SingleShotConnection);
    return true;
}

std::size_t PreviewController::acceptSlices(const std::vector<int>& slices, std::size_t from,
                                            std::chrono::steady_clock::time_point until, int* accepted)
{
    // Each result goes into its own slice's label map where it lies, without showing each slice in
    // turn (a procedure's frames would each be decoded and painted for nothing), with one repaint,
    // one timeline and one history refresh for the lot.
    std::size_t next = from;
    {
        const QSignalBlocker quietEdits(&editing_), quietReview(&review_);
        for (; next < slices.size() && (next == from || std::chrono::steady_clock::now() < until); ++next) {
            const int z = slices[next];
            const auto it = previews_.find(z);
            if (it == previews_.end())
                continue; // rejected since
            merge(z, labelsOf(it->second), 0);
            forget(z);
            ++*accepted;
        }
    }
    const core::LabelMap& shown = document_.labels();
    Q_EMIT editing_.maskChanged(document_.slice(), {0, 0, shown.width, shown.height});
    Q_EMIT editing_.historyChanged();
    Q_EMIT review_.reviewChanged();
    Q_EMIT previewChanged();
    return next;
}

void PreviewController::reject()
{
    forget(document_.slice());
    Q_EMIT previewChanged();
}

void PreviewController::show(int z, core::LabelMap labels)
{
    SlicePreview p;
    p.labels = std::move(labels);
    store(z, std::move(p));
    Q_EMIT previewChanged();
}

void PreviewController::dropLabel(int z, int label)
{
    SlicePreview* p = find(z);
    if (!p)
        return;
    auto& labels = p->labels.labels;
    std::replace(labels.begin(), labels.end(), std::uint8_t(label), std::uint8_t(0));
    p->packedLabels = std::vector<std::uint8_t>(); // stale: packed again when it is let go
    planeStale(z);
    if (std::all_of(labels.begin(), labels.end(), [](std::uint8_t v) { return v == 0; }))
        forget(z);
    Q_EMIT previewChanged();
}

void PreviewController::clear()
{
    ++run_;
    previews_.clear();
    planeFresh_.clear();
    planeSlices_.clear();
    unpacked_.clear();
    Q_EMIT previewChanged();
}

void PreviewController::forget(int z)
{
    previews_.erase(z);
    unpacked_.erase(std::remove(unpacked_.begin(), unpacked_.end(), z), unpacked_.end());
    planeStale(z);
}

void PreviewController::planeStale(int z)
{
    if (z >= 0 && std::size_t(z) < planeFresh_.size())
        planeFresh_[std::size_t(z)] = false;
}

QImage PreviewController::planeImage(core::Plane plane, int index, const std::vector<QRgb>& colours) const
{
    return planeImage(planeLabels(plane, index), colours);
}

QImage PreviewController::planeImage(const core::LabelMap& resliced, const std::vector<QRgb>& colours)
{
    return resliced.empty() ? QImage() : previewImage(resliced, {}, colours);
}

std::function<const core::LabelMap*(int)> PreviewController::planeSource() const
{
    if (previews_.empty())
        return {};
    const int depth = document_.document().volume().depth();
    // A plane crosses every slice: each result is inflated once into planeSlices_ (not into the
    // packed cache, which would re-pack hundreds of slices per repaint), until it changes.
    if (planeFresh_.size() != std::size_t(depth)) {
        planeFresh_.assign(std::size_t(depth), false);
        planeSlices_.assign(std::size_t(depth), core::LabelMap());
    }
    for (int z = 0; z < depth; ++z) {
        if (planeFresh_[std::size_t(z)])
            continue;
        const auto it = previews_.find(z);
        planeSlices_[std::size_t(z)] = it == previews_.end() ? core::LabelMap() : labelsOf(it->second);
        planeFresh_[std::size_t(z)] = true;
    }
    return [this](int z) -> const core::LabelMap* {
        const core::LabelMap& m = planeSlices_[std::size_t(z)];
        return m.empty() ? nullptr : &m;
    };
}

core::LabelMap PreviewController::planeLabels(core::Plane plane, int index) const
{
    if (plane == core::Plane::Axial)
        return {};
    const auto sliceAt = planeSource();
    if (!sliceAt)
        return {};
    try {
        return document_.reslicer().labels(sliceAt, document_.document().volume(), plane, index);
    } catch (const std::exception&) { // an index outside the volume: nothing to show
        return {};
    }
}

QImage PreviewController::image(const std::vector<QRgb>& colours) const
{
    const SlicePreview* p = find(document_.slice());
    if (!p)
        return {};
    return previewImage(p->labels, prefs_.confidenceShading ? p->confidence : std::vector<std::uint8_t>{}, colours);
}

} // namespace delineo::vm
