#include "delineo/viewmodels/Workbench.h"
#include "delineo/core/DicomSeg.h"
#include "delineo/core/VideoStream.h"
#include "delineo/core/Workspace.h"

#include <QFileInfo>

namespace delineo::vm {

Workbench::Workbench(QObject* parent)
    : QObject(parent), prefs_(Preferences::load()), jobs_(new JobRunner(this)), document_(*jobs_, notices_, prefs_),
      editing_(document_, notices_, prefs_), review_(document_, *jobs_, notices_),
      preview_(document_, editing_, review_, *jobs_, notices_, prefs_),
      assist_(document_, editing_, preview_, *jobs_, notices_, prefs_), training_(preview_, review_, notices_),
      exports_(review_, *jobs_, notices_), evaluation_(review_, preview_, *jobs_, notices_), playback_(document_, review_, preview_, notices_),
      fastSeek_(document_, notices_, prefs_),
      planes_(document_, editing_, prefs_), pacs_(document_, *jobs_, notices_, prefs_),
      labelFiles_(document_, editing_, review_, *jobs_, notices_), patientAxesCopy_(document_, labelFiles_, *jobs_, notices_),
      measurements_(document_, review_, planes_, notices_)
{
    core::VideoStream::setDefaultCacheBytes(std::size_t(prefs_.videoCacheMb) << 20);
    core::Workspace::setDefaultUser(prefs_.userName.toStdString());
    // Another document replaces this one only once its edits are kept.
    document_.storedFiles = [this] { return review_.storedFiles(); };
    document_.fetchMissing = [this](const QString& file) { return pacs_.fetchForTeam(file); };
    QObject::connect(&review_, &ReviewController::remoteMasks, &editing_,
                     [this](const std::map<int, core::LabelMap>& masks, const QString& what) {
                         editing_.applySliceEdits(masks, what);
                     });
    document_.leaving = [this] {
        if (!review_.saveIfModified())
            return false;
        review_.commit(true);
        return true;
    };
    review_.shownClasses = [this] {
        std::vector<core::WorkspaceClass> out;
        int label = 1;
        for (const auto& c : preview_.classes())
            out.push_back({label++, c.name, c.colour[0], c.colour[1], c.colour[2]});
        return out;
    };
    training_.interactiveModelPath = [this] { return assist_.available() ? assist_.modelPath() : QString(); };
    training_.loadInteractiveModel = [this](const QString& path) { return assist_.loadModel(path); };
    // The models follow the kind of image (colour frames, grey slices, the modality); masks read with
    // its classes.
    document_.prepareFor = [this](const core::Image& first) {
        preview_.chooseModelFor(first.channels, QString::fromStdString(first.modality));
        assist_.chooseModelFor(first.channels);
        return static_cast<int>(preview_.classes().size());
    };
    // Prompts on a coronal or sagittal plane belong to it: moving to another plane drops them.
    auto dropPlanePrompts = [this] {
        if (assist_.hasPrompts() && assist_.plane() != core::Plane::Axial &&
            (planes_.layout() == MultiplanarController::Layout::Single || planes_.index(assist_.plane()) != assist_.planeIndex()))
            assist_.clearPrompts();
    };
    connect(&planes_, &MultiplanarController::crosshairChanged, this, dropPlanePrompts);
    connect(&planes_, &MultiplanarController::layoutChanged, this, dropPlanePrompts);
}

Workbench::~Workbench()
{
    if (jobs_->busy()) {
        jobs_->cancel();
        jobs_->waitForFinished(60000);
    }
}

void Workbench::acceptAi()
{
    if (assist_.hasPrompts())
        assist_.accept();
    else
        preview_.accept(0);
}

void Workbench::rejectAi()
{
    if (assist_.hasPrompts())
        assist_.clearPrompts();
    else
        preview_.reject();
}

bool Workbench::measurementStep(bool back) const
{
    const std::uint64_t measured = measurements_.nextSerial(back);
    const core::EditCommand* masked = back ? editing_.nextUndo() : editing_.nextRedo();
    if (!measured || !masked)
        return measured != 0;
    return back ? measured > masked->serial : measured < masked->serial;
}

void Workbench::step(bool back)
{
    if (measurementStep(back))
        back ? measurements_.undo() : measurements_.redo();
    else
        back ? editing_.undo() : editing_.redo();
}

QString Workbench::stepName(bool back) const
{
    if (measurementStep(back))
        return measurements_.nextName(back);
    const core::EditCommand* c = back ? editing_.nextUndo() : editing_.nextRedo();
    return c ? QString::fromStdString(c->description) : QString();
}

bool Workbench::waitForJob(int timeoutMs) { return jobs_->waitForFinished(timeoutMs); }

bool Workbench::openPath(const QString& path)
{
    if (QFileInfo(path).isDir())
        return document_.openWorkspace(path);
    if (!document_.empty() && core::isDicomSeg(path.toStdString()))
        return labelFiles_.open(path);
    return document_.openFile(path);
}

bool Workbench::shutDown()
{
    const bool saved = review_.saveIfModified();
    if (jobs_->busy()) {
        jobs_->cancel();
        jobs_->waitForFinished(60000);
    }
    review_.close();
    return saved;
}

} // namespace delineo::vm
