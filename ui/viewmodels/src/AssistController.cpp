#include "delineo/viewmodels/AssistController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/ModelLibrary.h"
#include "delineo/core/Propagation.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/Rendering.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/InteractiveSegmenter.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace delineo::vm {

AssistController::AssistController(DocumentController& document, EditingController& editing, PreviewController& preview,
                                   JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent)
    : QObject(parent), document_(document), editing_(editing), preview_(preview), jobs_(jobs), notices_(notices),
      prefs_(prefs)
{
    // Prompts belong to one slice, one class and the tool: anything else drops them.
    connect(&document_, &DocumentController::documentChanged, this, &AssistController::clearPrompts);
    connect(&document_, &DocumentController::sliceChanged, this, [this] {
        if (plane_ == core::Plane::Axial)
            clearPrompts();
    });
    connect(&editing_, &EditingController::activeLabelChanged, this, &AssistController::clearPrompts);
    connect(&editing_, &EditingController::toolChanged, this, [this] {
        if (editing_.activeTool() != QLatin1String("assist"))
            clearPrompts();
    });
    connect(&editing_, &EditingController::promptGiven, this, &AssistController::addPrompt);
}

AssistController::~AssistController() = default;

bool AssistController::loadModel(const QString& weightsPath)
{
    clearPrompts();
    try {
        model_ = std::shared_ptr<ml::InteractiveSegmenter>(ml::InteractiveSegmenter::load(ss(weightsPath)));
        reason_.clear();
    } catch (const std::exception& e) { // ModelError, and anything LibTorch lets through
        model_.reset();
        reason_ = tr("The interactive model %1 cannot be used: %2")
                      .arg(QFileInfo(weightsPath).fileName(), Translations::errorText(e));
        modelPath_ = weightsPath;
        notices_.fail(tr("AI Assist is not available"), reason_);
        Q_EMIT modelChanged();
        return false;
    }
    modelPath_ = weightsPath;
    pixelsIndex_ = -1;
    Q_EMIT modelChanged();
    return true;
}

void AssistController::chooseModelFor(int channels)
{
    const int wanted = channels == 3 ? 3 : 1;
    if (model_ && model_->config().inChannels == wanted)
        return;
    std::vector<core::ModelEntry> candidates;
    for (auto& entry : core::shippedModels())
        if (entry.config.interactive())
            candidates.push_back(std::move(entry));
    // The same kind of image first; a model for the other kind still beats none.
    std::stable_partition(candidates.begin(), candidates.end(),
                          [wanted](const core::ModelEntry& e) { return e.config.inChannels == wanted; });
    if (candidates.empty()) {
        model_.reset();
        reason_ = tr("No interactive model is installed (resources/models has none).");
        Q_EMIT modelChanged();
        return;
    }
    const QString path = qs(candidates.front().path);
    if (model_ && path == modelPath_)
        return;
    if (!model_ && path == modelPath_ && !reason_.isEmpty())
        return; // already reported as unusable
    loadModel(path);
}

const ml::PromptSet& AssistController::prompts() const
{
    static const ml::PromptSet none;
    return steps_.empty() ? none : steps_.back().prompts;
}

const std::vector<std::uint8_t>& AssistController::mask() const
{
    static const std::vector<std::uint8_t> none;
    return steps_.empty() ? none : steps_.back().mask;
}

std::vector<std::uint8_t> AssistController::startMask() const
{
    // The class as the user sees it: drawn, and in the automatic draft waiting there.
    const bool axial = plane_ == core::Plane::Axial;
    const core::LabelMap drawn = axial ? document_.document().labels(index_)
                                       : document_.reslicer().labels(document_.document(), plane_, index_);
    const core::LabelMap draft = axial ? preview_.current() : preview_.planeLabels(plane_, index_);
    std::vector<std::uint8_t> m(drawn.labels.size());
    for (std::size_t i = 0; i < m.size(); ++i)
        m[i] = drawn.labels[i] == label_ || (!draft.labels.empty() && draft.labels[i] == label_);
    return m;
}

std::vector<std::uint8_t> AssistController::modelImageOf(const core::Image& img) const
{
    return core::modelInput8(img, model_->config().inChannels);
}

bool AssistController::placeAt(core::Plane plane, int index)
{
    const core::AnnotationDocument& doc = document_.document();
    const core::PlaneSize size = document_.reslicer().size(doc.volume(), plane);
    if (index < 0 || index >= size.count || (plane != core::Plane::Axial && doc.volume().streamed()))
        return false;
    plane_ = plane;
    index_ = index;
    width_ = size.width;
    height_ = size.height;
    modelWidth_ = width_;
    modelHeight_ = height_;
    if (plane != core::Plane::Axial) {
        // Slices 3 mm apart under 0.8 mm pixels: the plane is stretched to square pixels (at most 8x).
        const core::PlaneAxes axes = document_.reslicer().axes(doc.volume(), plane);
        const double across = std::hypot(axes.u[0], axes.u[1], axes.u[2]), down = std::hypot(axes.v[0], axes.v[1], axes.v[2]);
        const double ratio = std::clamp(down / std::max(across, 1e-9), 0.125, 8.0);
        (ratio >= 1 ? modelHeight_ : modelWidth_) = int(std::lround((ratio >= 1 ? height_ * ratio : width_ / ratio)));
    }
    return true;
}

const std::vector<std::uint8_t>& AssistController::modelImage()
{
    const int c = model_->config().inChannels;
    const std::size_t want = std::size_t(modelWidth_) * modelHeight_ * c;
    if (pixelsFile_ != document_.currentFile() || pixelsPlane_ != plane_ || pixelsIndex_ != index_ || pixels_.size() != want) {
        const core::AnnotationDocument& doc = document_.document();
        const std::vector<std::uint8_t> plane =
            modelImageOf(plane_ == core::Plane::Axial ? doc.slice(index_) : document_.reslicer().image(doc.volume(), plane_, index_));
        pixels_ = core::resizeU8(plane, width_, height_, c, modelWidth_, modelHeight_, false);
        pixelsFile_ = document_.currentFile();
        pixelsPlane_ = plane_;
        pixelsIndex_ = index_;
    }
    return pixels_;
}

ml::PromptSet AssistController::toModel(const ml::PromptSet& prompts) const
{
    if (modelWidth_ == width_ && modelHeight_ == height_)
        return prompts;
    const double sx = double(modelWidth_) / width_, sy = double(modelHeight_) / height_;
    auto point = [&](ml::Click c) {
        c.x = std::min(modelWidth_ - 1, int((c.x + 0.5) * sx));
        c.y = std::min(modelHeight_ - 1, int((c.y + 0.5) * sy));
        return c;
    };
    ml::PromptSet out = prompts;
    for (ml::Click& c : out.clicks)
        c = point(c);
    for (ml::Scribble& s : out.scribbles)
        for (ml::Click& c : s.points)
            c = point(c);
    if (out.box) {
        ml::Box& b = *out.box;
        b = {int(std::lround(b.x0 * sx)), int(std::lround(b.y0 * sy)), int(std::lround(b.x1 * sx)), int(std::lround(b.y1 * sy))};
    }
    return out;
}

bool AssistController::addPrompt(const PromptGesture& gesture)
{
    if (document_.empty() || gesture.points.isEmpty())
        return false;
    if (!model_) {
        notices_.fail(tr("AI Assist is not available"), reason_.isEmpty() ? tr("No interactive model is loaded.") : reason_);
        return false;
    }
    const int index = gesture.planeIndex >= 0 ? gesture.planeIndex : document_.slice();
    if (!steps_.empty() && (gesture.plane != plane_ || index != index_))
        clearPrompts(); // prompts on another plane start anew
    if (steps_.empty() && !placeAt(gesture.plane, index))
        return false;
    const int w = width_, h = height_;
    auto pixel = [&](QPointF p, bool positive) {
        return ml::Click{std::clamp(int(std::floor(p.x())), 0, w - 1), std::clamp(int(std::floor(p.y())), 0, h - 1), positive};
    };
    const QPointF first = gesture.points.front();
    if (gesture.kind == PromptGesture::Kind::Point && (first.x() < 0 || first.y() < 0 || first.x() >= w || first.y() >= h))
        return false; // a click beside the image
    if (steps_.empty()) {
        label_ = editing_.activeLabel();
        start_ = startMask();
    }
    ml::PromptSet next = prompts();
    switch (gesture.kind) {
    case PromptGesture::Kind::Point:
        next.clicks.push_back(pixel(first, gesture.positive));
        break;
    case PromptGesture::Kind::Box: {
        const ml::Click a = pixel(first, true), b = pixel(gesture.points.back(), true);
        const ml::Box box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x) + 1, std::max(a.y, b.y) + 1};
        if (box.width() < 2 || box.height() < 2)
            return false;
        next.box = box; // one box: a new one replaces it
        break;
    }
    case PromptGesture::Kind::Scribble: {
        ml::Scribble s;
        for (const QPointF& p : gesture.points)
            s.points.push_back(pixel(p, gesture.positive));
        next.scribbles.push_back(std::move(s));
        break;
    }
    }
    QElapsedTimer timer;
    timer.start();
    try {
        const auto& pixels = modelImage();
        const int mw = modelWidth_, mh = modelHeight_;
        const ml::ImageU8View view{pixels.data(), mw, mh, model_->config().inChannels};
        const std::vector<std::uint8_t> previous =
            core::resizeU8(steps_.empty() ? start_ : steps_.back().mask, w, h, 1, mw, mh, true);
        ml::InteractiveResult r = model_->predict(view, toModel(next), previous.data());
        if (mw != w || mh != h) { // back to the plane's pixels: the probability averaged over each
            r.mask = core::resizeU8(r.probability, mw, mh, 1, w, h, false);
            for (std::uint8_t& v : r.mask)
                v = v >= 128;
        }
        steps_.push_back({std::move(next), std::move(r.mask)});
    } catch (const std::exception& e) {
        notices_.fail(tr("AI Assist failed"), Translations::errorText(e));
        return false;
    }
    lastMs_ = double(timer.nsecsElapsed()) / 1e6;
    Q_EMIT changed();
    return true;
}

bool AssistController::removeLastPrompt()
{
    if (steps_.empty())
        return false;
    steps_.pop_back();
    Q_EMIT changed();
    return true;
}

void AssistController::clearPrompts()
{
    if (steps_.empty())
        return;
    steps_.clear();
    start_.clear();
    Q_EMIT changed();
}

bool AssistController::accept()
{
    if (steps_.empty() || document_.empty() || (plane_ == core::Plane::Axial && index_ != document_.slice()))
        return false;
    const std::vector<std::uint8_t> object = steps_.back().mask;
    const int z = index_, label = label_;
    const bool axial = plane_ == core::Plane::Axial;
    core::LabelMap merged = axial ? document_.document().labels(z) : document_.reslicer().labels(document_.document(), plane_, z);
    const bool overwrite = prefs_.aiMayOverwrite;
    for (std::size_t i = 0; i < merged.labels.size(); ++i) {
        std::uint8_t& v = merged.labels[i];
        if (object[i]) {
            if (v == 0 || v == label || overwrite)
                v = std::uint8_t(label);
        } else if (v == label) {
            v = 0; // the prompts took it out of this class
        }
    }
    const auto classes = preview_.classes();
    const QString name = label <= int(classes.size()) ? Translations::term(qs(classes[std::size_t(label - 1)].name))
                                                      : QString::number(label);
    steps_.clear();
    start_.clear();
    if (!axial) {
        // One undo step over the slices the plane crosses; the results waiting on them stay.
        const QString what = tr("AI Assist (%1, %2 plane %3)")
                                 .arg(name, plane_ == core::Plane::Coronal ? tr("coronal") : tr("sagittal"))
                                 .arg(z + 1);
        const bool applied = editing_.applySliceEdits(document_.reslicer().write(document_.document(), plane_, z, merged), what) > 0;
        Q_EMIT changed();
        if (applied)
            notices_.inform(tr("AI Assist result accepted. Undo (Ctrl+Z) restores the previous mask."));
        return applied;
    }
    const bool applied = editing_.applyMaskEdit(z, merged, tr("AI Assist (%1)").arg(name));
    // The draft's version of this class is decided now; its other classes keep waiting.
    preview_.dropLabel(z, label);
    Q_EMIT changed();
    if (applied)
        notices_.inform(tr("AI Assist result accepted. Undo (Ctrl+Z) restores the previous mask."));
    return applied;
}

bool AssistController::propagate(int direction, int maxFrames, double minConfidence)
{
    if (document_.empty() || !model_) {
        notices_.fail(tr("Cannot propagate"), !model_ ? (reason_.isEmpty() ? tr("No interactive model is loaded.") : reason_)
                                                      : tr("Open an image first."));
        return false;
    }
    const int z0 = document_.slice(), step = direction < 0 ? -1 : 1;
    const int last = std::clamp(z0 + step * maxFrames, 0, document_.depth() - 1);
    if (last == z0) {
        notices_.fail(tr("Cannot propagate"), tr("There is no further frame or slice in this direction."));
        return false;
    }
    // Slice by slice: the answer to prompts on this slice, or else the class as drawn here.
    const bool prompted = hasPrompts() && plane_ == core::Plane::Axial;
    const int label = prompted ? label_ : editing_.activeLabel();
    auto start = std::make_shared<std::vector<std::uint8_t>>(prompted ? mask() : std::vector<std::uint8_t>());
    if (start->empty())
        for (const std::uint8_t v : document_.labels().labels)
            start->push_back(v == label);
    if (std::none_of(start->begin(), start->end(), [](std::uint8_t v) { return v != 0; })) {
        notices_.fail(tr("Cannot propagate"), tr("The active class is empty on this slice: draw or prompt it first."));
        return false;
    }
    // The frames as the model reads them, prepared here (the document stays on the GUI thread); a
    // streamed video's are decoded in the job, by a decoder of its own (the viewer keeps its own).
    const int w = document_.image().width, h = document_.image().height, c = model_->config().inChannels;
    const int count = std::abs(last - z0) + 1;
    auto video = std::make_shared<core::Volume>(document_.document().volume().streamed() ? document_.document().volume()
                                                                                         : core::Volume());
    auto frames = std::make_shared<std::vector<std::vector<std::uint8_t>>>();
    for (int z = z0; !video->streamed() && z != last + step; z += step)
        frames->push_back(modelImageOf(document_.document().slice(z)));
    auto frameAt = [video, frames, z0, step, c](int k) {
        return video->streamed() ? core::modelInput8(video->slice(z0 + step * k), c) : std::move((*frames)[std::size_t(k)]);
    };
    struct Outcome {
        std::vector<std::vector<std::uint8_t>> masks;
        double stoppedAt = -1; // the confidence that stopped it
    };
    auto outcome = std::make_shared<Outcome>();
    auto model = model_;
    auto work = [model, video, frameAt, count, start, outcome, w, h, c, minConfidence](JobRunner::Context& ctx) {
        if (video->streamed())
            *video = core::withOwnStream(*video);
        std::vector<std::uint8_t> carried = *start, previous = frameAt(0);
        for (int k = 1; k < count; ++k) {
            if (ctx.cancel->load())
                return;
            ctx.progress(double(k) / count, QObject::tr("Propagating to frame %1 of %2…").arg(k).arg(count - 1));
            std::vector<std::uint8_t> frame = frameAt(k);
            const ml::ImageU8View from{previous.data(), w, h, c}, to{frame.data(), w, h, c};
            core::PropagatedMask next = core::propagateMask(*model, from, carried.data(), to);
            previous = std::move(frame);
            if (next.confidence < minConfidence || next.confidence == 0) {
                outcome->stoppedAt = next.confidence;
                return;
            }
            carried = next.mask;
            outcome->masks.push_back(std::move(next.mask));
        }
    };
    const QString file = document_.currentFile();
    return jobs_.start(tr("Propagating"), work, [this, outcome, file, z0, step, label, w, h] {
        if (file != document_.currentFile())
            return;
        int z = z0;
        for (const auto& m : outcome->masks) {
            z += step;
            core::LabelMap labels(w, h);
            for (std::size_t i = 0; i < m.size(); ++i)
                labels.labels[i] = m[i] ? std::uint8_t(label) : 0;
            preview_.show(z, std::move(labels));
        }
        const int n = int(outcome->masks.size());
        QString text = tr("Propagated to %n frame(s), each waiting as a preview: Ctrl+Enter accepts all (one undo step per "
                          "frame), Enter or Esc decides one.", nullptr, n);
        if (outcome->stoppedAt >= 0)
            text += QLatin1Char(' ') + tr("Stopped where the model's confidence fell to %1.").arg(outcome->stoppedAt, 0, 'f', 2);
        notices_.inform(text, 15000);
    });
}

QImage AssistController::image(QRgb colour) const
{
    if (steps_.empty() || document_.empty())
        return {};
    const std::vector<std::uint8_t>& m = steps_.back().mask;
    const int w = width_, h = height_;
    QImage out(w, h, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    const QRgb fill = qPremultiply(qRgba(qRed(colour), qGreen(colour), qBlue(colour), 80));
    const QRgb edge = qRgba(qRed(colour), qGreen(colour), qBlue(colour), 255);
    auto at = [&](int x, int y) { return x >= 0 && y >= 0 && x < w && y < h && m[std::size_t(y) * w + x]; };
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = m.data() + std::size_t(y) * w;
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            if (!row[x])
                continue;
            // Two pixels wide inside the border: visible on a zoomed-out 1080p frame.
            const bool border = !at(x - 1, y) || !at(x + 1, y) || !at(x, y - 1) || !at(x, y + 1) || !at(x - 2, y) ||
                                !at(x + 2, y) || !at(x, y - 2) || !at(x, y + 2);
            line[x] = border ? edge : fill;
        }
    }
    return out;
}

} // namespace delineo::vm
