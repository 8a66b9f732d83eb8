#include "delineo/viewmodels/WorkspaceSession.h"

#include <utility>
#include "delineo/viewmodels/Translations.h"
#include "delineo/core/Errors.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Checkpoint.h"

#include <fstream>
#include <sstream>

#include <QDir>
#include <QFileInfo>

namespace delineo::vm {

WorkspaceSession::WorkspaceSession() : worker_([this] { run(); }) {}

WorkspaceSession::~WorkspaceSession()
{
    close();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

bool WorkspaceSession::isTeam(const QString& location) { return core::Workspace::isServerUrl(location.toStdString()); }

bool WorkspaceSession::isOpenOn(const QString& location) const
{
    return ws_ && folder_ == (isTeam(location) ? location : QFileInfo(location).absoluteFilePath());
}

bool WorkspaceSession::open(const QString& folder, QString* error)
{
    const QString path = isTeam(folder) ? folder : QFileInfo(folder).absoluteFilePath();
    if (ws_ && path == folder_)
        return true;
    close();
    try {
        ws_ = core::Workspace::open(path.toStdString());
        folder_ = path;
        return true;
    } catch (const core::ImageError& e) {
        if (error)
            *error = Translations::errorText(e);
        return false;
    }
}

void WorkspaceSession::close()
{
    flush();
    ws_.reset();
    folder_.clear();
}

std::function<std::string(const core::Workspace*)> WorkspaceSession::caseOf(const QString& file) const
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    if (!isTeam(folder_)) {
        const std::string name = QDir(folder_).relativeFilePath(absolute).toStdString();
        return [name](const core::Workspace*) { return name; };
    }
    // Images of a team workspace are imported into their cases: a commit must not start another.
    const std::string path = absolute.toStdString(), name = QFileInfo(file).fileName().toStdString();
    return [path, name](const core::Workspace* ws) { return ws->caseOfImage(path).value_or(name); };
}

std::string WorkspaceSession::caseName(const QString& file)
{
    const auto name = caseOf(file);
    return isTeam(folder_) ? read<std::string>(QFileInfo(file).fileName().toStdString(), [&] { return name(ws_.get()); })
                           : name(nullptr);
}

QStringList WorkspaceSession::imagePaths()
{
    return read<QStringList>({}, [&] {
        QStringList out;
        for (const std::string& p : ws_->imagePaths())
            out << QString::fromStdString(p);
        return out;
    });
}

void WorkspaceSession::postToImage(const QString& file, int width, int height, int slices,
                                   std::function<void(core::Workspace&, std::int64_t)> job)
{
    const auto name = caseOf(file);
    const std::string path = pathOf(file);
    post([=, job = std::move(job)](core::Workspace& ws) {
        job(ws, ws.addImage(ws.addCase(name(&ws)), path, width, height, slices));
    });
}

void WorkspaceSession::post(std::function<void(core::Workspace&)> job)
{
    if (!ws_)
        return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void WorkspaceSession::run()
{
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty() && stop_)
            return;
        auto job = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        lock.unlock();
        try {
            job(*ws_);
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> relock(mutex_);
            error_ = Translations::errorText(e);
        }
        lock.lock();
        busy_ = false;
        idle_.notify_all();
    }
}

void WorkspaceSession::flush()
{
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

std::unique_ptr<core::Workspace> WorkspaceSession::connect()
{
    flush();
    return ws_ ? ws_->secondConnection() : nullptr;
}

QString WorkspaceSession::takeError()
{
    std::lock_guard<std::mutex> lock(mutex_);
    QString e = error_;
    error_.clear();
    return e;
}

std::string WorkspaceSession::pathOf(const QString& file)
{
    return QFileInfo(file).absoluteFilePath().toStdString(); // images are stored by absolute path
}

std::optional<std::int64_t> WorkspaceSession::imageOf(const QString& file) const
{
    return ws_->imageId(pathOf(file));
}

void WorkspaceSession::commitMask(const QString& file, int width, int height, int slices, int slice,
                                  core::LabelMap labels, core::MaskKind kind, bool replaceOpen)
{
    postToImage(file, width, height, slices, [=, labels = std::move(labels)](core::Workspace& ws, std::int64_t image) {
        ws.commitMask(image, slice, labels, kind, 0, replaceOpen);
    });
}

void WorkspaceSession::commitEdit(const QString& file, int width, int height, int slices, int slice,
                                  core::LabelMap labels, core::RevisionRef basedOn, core::MaskKind kind)
{
    postToImage(file, width, height, slices, [=, labels = std::move(labels)](core::Workspace& ws, std::int64_t image) {
        const core::EditCommit done = ws.commitEdit(image, slice, labels, basedOn, kind == core::MaskKind::Corrected, kind);
        if (done.newer) {
            std::lock_guard<std::mutex> lock(mutex_);
            conflicts_.push_back({file, slice, done.id, *done.newer});
        }
    });
}

void WorkspaceSession::closeRevision(const QString& file, int slice)
{
    const std::string path = pathOf(file);
    post([=](core::Workspace& ws) {
        if (const auto image = ws.imageId(path))
            ws.closeRevision(*image, slice);
    });
}

void WorkspaceSession::setReview(const QString& file, core::ReviewStatus status, const QString& comment)
{
    const auto name = caseOf(file);
    const std::string text = comment.toStdString();
    post([=](core::Workspace& ws) { ws.setReview(ws.addCase(name(&ws)), status, text); });
}

std::vector<core::ReviewStatus> WorkspaceSession::sliceStatuses(const QString& file, int depth)
{
    std::vector<core::ReviewStatus> out(static_cast<std::size_t>(std::max(0, depth)), core::ReviewStatus::NotStarted);
    return read<std::vector<core::ReviewStatus>>(out, [&] {
        const auto image = imageOf(file);
        if (!image)
            return out;
        static const core::ReviewStatus fromKind[] = {core::ReviewStatus::AiDraft, core::ReviewStatus::Corrected,
                                                      core::ReviewStatus::Approved};
        for (const auto& [z, kind] : ws_->latestKinds(*image))
            if (z >= 0 && z < depth)
                out[static_cast<std::size_t>(z)] = fromKind[static_cast<int>(kind)];
        for (const auto& [z, status] : ws_->sliceStatuses(*image))
            if (z >= 0 && z < depth)
                out[static_cast<std::size_t>(z)] = status;
        return out;
    });
}

void WorkspaceSession::setSliceStatus(const QString& file, int width, int height, int slices, int slice,
                                      core::ReviewStatus status)
{
    postToImage(file, width, height, slices,
                [=](core::Workspace& ws, std::int64_t image) { ws.setSliceStatus(image, slice, status); });
}

void WorkspaceSession::addMeasurement(const QString& file, int width, int height, int slices, core::Measurement m)
{
    postToImage(file, width, height, slices,
                [m = std::move(m)](core::Workspace& ws, std::int64_t image) { ws.addMeasurement(image, m); });
}

void WorkspaceSession::removeMeasurement(const std::string& key)
{
    post([=](core::Workspace& ws) { ws.removeMeasurement(key); });
}

void WorkspaceSession::updateMeasurement(core::Measurement m)
{
    post([m = std::move(m)](core::Workspace& ws) { ws.updateMeasurement(m); });
}

std::vector<core::Measurement> WorkspaceSession::measurements(const QString& file)
{
    return read<std::vector<core::Measurement>>({}, [&] {
        const auto image = imageOf(file);
        return image ? ws_->measurements(*image) : std::vector<core::Measurement>();
    });
}

core::ReviewStatus WorkspaceSession::review(const QString& file, QString* comment)
{
    return read<core::ReviewStatus>(core::ReviewStatus::NotStarted, [&] {
        const std::string name = caseOf(file)(ws_.get());
        for (const auto& c : ws_->cases())
            if (c.name == name) {
                if (comment)
                    *comment = QString::fromStdString(c.comment);
                return c.status;
            }
        return core::ReviewStatus::NotStarted;
    });
}

std::vector<core::MaskRevision> WorkspaceSession::history(const QString& file, int slice)
{
    return read<std::vector<core::MaskRevision>>({}, [&] {
        const auto image = imageOf(file);
        return image ? ws_->history(*image, slice) : std::vector<core::MaskRevision>();
    });
}

std::optional<core::CaseLease> WorkspaceSession::claim(const QString& file)
{
    const auto name = caseOf(file);
    return read<std::optional<core::CaseLease>>(std::nullopt, [&] { return ws_->claimCase(ws_->addCase(name(ws_.get()))); });
}

void WorkspaceSession::release(const QString& file)
{
    const auto name = caseOf(file);
    post([=](core::Workspace& ws) { ws.releaseCase(ws.addCase(name(&ws))); });
}

void WorkspaceSession::nameClasses(const std::vector<core::WorkspaceClass>& shown)
{
    post([shown](core::Workspace& ws) {
        const auto had = ws.classes();
        const auto classes = core::mergedClasses(had, shown);
        if (classes.size() != had.size())
            ws.setClasses(classes);
    });
}

void WorkspaceSession::setClass(const core::WorkspaceClass& named)
{
    post([named](core::Workspace& ws) { ws.setClasses(core::mergedClasses(ws.classes(), {named}, true)); });
}

std::vector<core::WorkspaceClass> WorkspaceSession::classes()
{
    return read<std::vector<core::WorkspaceClass>>({}, [&] { return ws_->classes(); });
}

std::vector<core::CaseSummary> WorkspaceSession::cases()
{
    return read<std::vector<core::CaseSummary>>({}, [&] { return ws_->cases(); });
}

std::vector<std::pair<int, core::MaskRevision>> WorkspaceSession::latestRevisions(const QString& file)
{
    using Heads = std::vector<std::pair<int, core::MaskRevision>>;
    return read<Heads>({}, [&] {
        const auto image = imageOf(file);
        return image ? ws_->latestRevisions(*image) : Heads();
    });
}

std::optional<core::ImageEntry> WorkspaceSession::image(const QString& file)
{
    return read<std::optional<core::ImageEntry>>(std::nullopt, [&] {
        const auto image = imageOf(file);
        return image ? ws_->image(*image) : std::nullopt;
    });
}

std::optional<core::MaskRevision> WorkspaceSession::revision(std::int64_t id)
{
    return read<std::optional<core::MaskRevision>>(std::nullopt, [&] { return ws_->revision(id); });
}

std::optional<core::Workspace::StoredRuns> WorkspaceSession::revisionRuns(std::int64_t id)
{
    return read<std::optional<core::Workspace::StoredRuns>>(std::nullopt, [&] { return ws_->revisionRuns(id); });
}

std::string WorkspaceSession::changeStamp()
{
    return read<std::string>({}, [&] { return ws_->changeStamp(); });
}

std::vector<core::PairAgreement> WorkspaceSession::agreement(const QString& file, double spacingX, double spacingY)
{
    return read<std::vector<core::PairAgreement>>({}, [&] {
        const auto image = imageOf(file);
        return image ? core::annotatorAgreement(*ws_, *image, spacingX, spacingY) : std::vector<core::PairAgreement>();
    });
}

core::ConsensusResult WorkspaceSession::consensus(const QString& file, core::ConsensusMethod method)
{
    return read<core::ConsensusResult>({}, [&] {
        const auto image = imageOf(file);
        return image ? core::makeConsensus(*ws_, *image, method) : core::ConsensusResult();
    });
}

std::vector<SliceConflict> WorkspaceSession::takeConflicts()
{
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(conflicts_, {});
}

int WorkspaceSession::adoptMaskFiles(int numForeground)
{
    return read<int>(0, [&] { return core::adoptMaskFiles(*ws_, numForeground).masks; });
}

} // namespace delineo::vm
