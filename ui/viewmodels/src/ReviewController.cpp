#include "delineo/viewmodels/ReviewController.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/Errors.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <set>

namespace delineo::vm {

namespace {
bool sameClass(const core::WorkspaceClass& a, const core::WorkspaceClass& b)
{
    return a.label == b.label && a.name == b.name && a.r == b.r && a.g == b.g && a.b == b.b;
}
} // namespace

ReviewController::ReviewController(DocumentController& document, JobRunner& jobs, Notices& notices, QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), notices_(notices)
{
    connect(&document_, &DocumentController::documentChanged, this, &ReviewController::openSession);
    connect(&document_, &DocumentController::workspaceChanged, this, &ReviewController::reviewChanged);
    connect(&sync_, &QTimer::timeout, this, &ReviewController::syncTeam);
}

bool ReviewController::save()
{
    if (document_.empty() || !writes_)
        return false;
    const int slices = document_.document().modifiedSlices();
    if (!ensureSession()) {
        notices_.fail(tr("Cannot save mask"), tr("The workspace store cannot be opened in %1: %2")
                                                  .arg(QDir::toNativeSeparators(document_.workspace()), storeError_));
        return false;
    }
    if (!commit(true, true))
        return false;
    document_.document().markSaved();
    notices_.inform(slices ? tr("Saved %n slice(s) to the workspace store in %1", "", slices)
                                 .arg(QDir::toNativeSeparators(document_.workspace()))
                           : tr("Nothing to save: no changes."),
                    5000);
    Q_EMIT saved();
    Q_EMIT reviewChanged();
    return true;
}

bool ReviewController::saveIfModified()
{
    // Switching images or closing never drops edits: they reach the store first.
    if (!document_.empty() && document_.document().modified() && writes_)
        return save();
    return true;
}

void ReviewController::openSession()
{
    const core::AnnotationDocument& doc = document_.document();
    // Only an existing store is opened here; a new one is created on the first thing to keep, so
    // merely viewing a folder (a CD, a shared dataset) never writes into it.
    const QString ws = document_.workspace();
    if (!ws.isEmpty() && writes_ &&
        (WorkspaceSession::isTeam(ws) || QFileInfo::exists(QDir(ws).filePath(core::Workspace::kDatabaseName))))
        ensureSession();
    else
        session_.close();
    base_.assign(std::size_t(doc.depth()), {});
    if (session_.isOpen())
        loadStoredMasks();
    stamp_ = session_.isOpen() ? session_.changeStamp() : std::string();
    if (session_.isOpen() && WorkspaceSession::isTeam(session_.folder()) && !doc.empty())
        sync_.start(kSyncMs);
    else
        sync_.stop();
    claimLease();
    dbChanges_.assign(std::size_t(doc.depth()), 0);
    for (int z : doc.maskedSlices()) // a slice without a label map has had no change
        dbChanges_[std::size_t(z)] = doc.findEditor(z)->changeCount();
    sliceStatus_ = session_.isOpen() ? session_.sliceStatuses(document_.storeKey(), doc.depth())
                                     : std::vector<core::ReviewStatus>(std::size_t(doc.depth()), core::ReviewStatus::NotStarted);
    review_ = session_.isOpen() ? session_.review(document_.storeKey(), nullptr) : core::ReviewStatus::NotStarted;
    Q_EMIT reviewChanged();
    readClasses();
}

void ReviewController::readClasses()
{
    auto now = session_.isOpen() ? session_.classes() : std::vector<core::WorkspaceClass>{};
    const bool same = std::equal(now.begin(), now.end(), stored_.begin(), stored_.end(), sameClass);
    stored_ = std::move(now);
    if (!same)
        Q_EMIT classesChanged();
}

bool ReviewController::setClass(int label, const QString& name, QColor colour)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || label < 1 || label > 255) {
        notices_.inform(tr("A class needs a name, and labels go from 1 to 255."), 8000);
        return false;
    }
    if (!ensureSession()) {
        notices_.inform(tr("Classes are kept in a workspace: open a folder as a workspace (Ctrl+Shift+O) first."), 10000);
        return false;
    }
    nameClasses(); // the labels shown keep their names beside the new one
    session_.setClass({label, trimmed.toStdString(), static_cast<std::uint8_t>(colour.red()),
                       static_cast<std::uint8_t>(colour.green()), static_cast<std::uint8_t>(colour.blue())});
    session_.flush();
    if (const QString error = session_.takeError(); !error.isEmpty()) {
        notices_.fail(tr("Workspace database"), error);
        return false;
    }
    readClasses();
    return true;
}

void ReviewController::loadStoredMasks()
{
    core::AnnotationDocument& doc = document_.document();
    // Each slice's pixels as stored, kept packed until the slice is read: a procedure's thousands
    // of stored frames open in a blink, not decoded and packed again one by one.
    auto heads = session_.latestRevisions(document_.storeKey());
    // One series of a folder holding several was stored under the folder's own path before the
    // series were kept apart: a slice this series has stored nothing for shows what the folder
    // holds for it (what was shown then), so that no earlier work goes out of sight.
    const std::size_t own = heads.size();
    const QString folder = document_.currentFile();
    // Only where the folder's image had this series' slices: another series' slice numbers would
    // put its masks on other anatomy.
    if (const auto before = folder != document_.storeKey() ? session_.image(folder) : std::nullopt;
        before && before->slices == doc.depth()) {
        std::set<int> stored;
        for (const auto& h : heads)
            stored.insert(h.first);
        for (auto& h : session_.latestRevisions(folder))
            if (!stored.count(h.first))
                heads.push_back(std::move(h));
    }
    int earlier = 0;
    for (std::size_t i = 0; i < heads.size(); ++i) {
        const auto& [z, head] = heads[i];
        if (z < 0 || z >= doc.depth())
            continue;
        auto stored = session_.revisionRuns(head.id);
        if (!stored || stored->width != doc.volume().width() || stored->height != doc.volume().height())
            continue;
        try {
            doc.adoptRuns(z, std::move(stored->runs)); // the store has the newest word on every slice it holds
            base_[std::size_t(z)] = core::refOf(head);
            earlier += i >= own;
        } catch (const core::ImageError& e) {
            notices_.inform(tr("A stored mask of slice %1 is damaged and was not loaded: %2").arg(z + 1).arg(qs(e.what())), 15000);
        }
    }
    if (earlier > 0)
        notices_.inform(tr("%n slice(s) show masks stored for this folder before its series were kept apart: check "
                           "that they belong to this series; an edit keeps them with it.",
                           "", earlier),
                        20000);
}

bool ReviewController::ensureSession()
{
    const QString ws = document_.workspace();
    if (ws.isEmpty() || !writes_)
        return false;
    if (session_.isOpenOn(ws))
        return true;
    if (!session_.open(ws, &storeError_)) {
        notices_.inform(tr("No workspace store: %1").arg(storeError_), 15000);
        return false;
    }
    // Mask files dropped into WS/masks/ join the store once, when it opens.
    session_.adoptMaskFiles(std::max(1, document_.document().classes()));
    return true;
}

void ReviewController::claimLease()
{
    const QString file = document_.storeKey();
    if (!leaseFile_.isEmpty() && leaseFile_ != file && session_.isOpen())
        session_.release(leaseFile_);
    leaseFile_.clear();
    const QString before = leaseHolder_;
    leaseHolder_.clear();
    if (!session_.isOpen() || !WorkspaceSession::isTeam(session_.folder()) || document_.empty())
        return;
    const auto other = session_.claim(file);
    leaseFile_ = file;
    leaseAt_ = QDateTime::currentSecsSinceEpoch();
    if (!other)
        return;
    leaseHolder_ = qs(other->holder);
    if (leaseHolder_ != before)
        notices_.inform(tr("%1 is editing this case (for %n more minute(s)): your edits are kept as your own revisions "
                           "beside theirs.", "", int((other->secondsLeft + 59) / 60))
                            .arg(leaseHolder_),
                        20000);
}

QStringList ReviewController::storedRevisions()
{
    QStringList out;
    if (!session_.isOpenOn(document_.workspace()) || document_.empty())
        return out;
    static const char* kinds[] = {QT_TR_NOOP("AI draft"), QT_TR_NOOP("corrected"), QT_TR_NOOP("approved")};
    const auto revisions = session_.history(document_.storeKey(), document_.slice());
    for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
        QString line = tr("%1  %2  by %3")
                           .arg(QString::fromStdString(it->created).left(19).replace(QLatin1Char('T'), QLatin1Char(' ')),
                                tr(kinds[int(it->kind)]),
                                it->author.empty() ? tr("(not recorded)") : QString::fromStdString(it->author));
        if (!it->note.empty())
            line += QStringLiteral("  (%1)").arg(qs(it->note));
        if (it->refusedOver) {
            const auto over = std::find_if(revisions.begin(), revisions.end(),
                                           [&](const core::MaskRevision& r) { return r.id == it->refusedOver; });
            line += tr("  (kept, not current: %1 had saved a newer one)")
                        .arg(over != revisions.end() ? qs(over->author) : tr("another member"));
        }
        out << line;
    }
    return out;
}

QStringList ReviewController::storedFiles()
{
    const QString ws = document_.workspace();
    QStringList paths;
    if (session_.isOpenOn(ws)) {
        paths = session_.imagePaths();
    } else if (WorkspaceSession::isTeam(ws)) {
        if (!session_.open(ws, &storeError_)) {
            notices_.fail(tr("Cannot open the team workspace"), storeError_);
            return {};
        }
        paths = session_.imagePaths();
    } else {
        // A folder's store before any image of it is open: looked at through a connection of its
        // own, which takes in no mask files (the session does that, for the image it opens with).
        if (!writes_ || !QDir(ws).exists(QLatin1String(core::Workspace::kDatabaseName)))
            return {};
        try {
            for (const std::string& p : core::Workspace::openExisting(ss(ws))->imagePaths())
                paths << qs(p);
        } catch (const std::exception&) {
            return {}; // in use elsewhere, or damaged: opening one of its files says why
        }
    }
    // A series of a folder holding several is stored as FOLDER#series=NAME: the list shows the folder.
    QStringList files;
    QSet<QString> seen;
    for (const QString& p : paths)
        if (const QString file = p.left(p.indexOf(QLatin1String(core::kSeriesKey))); !seen.contains(file)) {
            seen.insert(file);
            files << file;
        }
    return files;
}

std::unique_ptr<core::Workspace> ReviewController::connection()
{
    if (!ensureSession())
        return nullptr;
    commit(false, true);
    return session_.connect();
}

void ReviewController::syncTeam()
{
    core::AnnotationDocument& doc = document_.document();
    if (doc.empty() || !session_.isOpen() || !WorkspaceSession::isTeam(session_.folder()) ||
        base_.size() != std::size_t(doc.depth()) || doc.editor(document_.slice()).inStroke())
        return;
    commit(false, true);
    readClasses(); // a class another member named
    const QString file = document_.storeKey();
    const std::vector<SliceConflict> conflicts = session_.takeConflicts();
    const std::string stamp = session_.changeStamp();
    if (stamp == stamp_ && conflicts.empty())
        return;
    stamp_ = stamp;
    int shown = 0;
    const QStringList authors = showStoredChanges(false, tr("Newer revision by %1"), &shown);
    QStringList refused, whose;
    for (const SliceConflict& c : conflicts)
        if (c.file == file && !refused.contains(QString::number(c.slice + 1))) {
            refused << QString::number(c.slice + 1);
            if (!whose.contains(qs(c.newer.author)))
                whose << qs(c.newer.author);
        }
    if (!refused.isEmpty())
        notices_.inform(tr("%1 saved slice %2 after you began editing it: your edit is kept as its own revision "
                           "(History panel) and theirs is shown. Ctrl+Z brings yours back.")
                            .arg(whose.join(QStringLiteral(", ")), refused.join(QStringLiteral(", "))),
                        30000);
    else if (shown)
        notices_.inform(tr("%1 saved a newer mask of %n slice(s); it is shown (Ctrl+Z undoes).", "", shown)
                            .arg(authors.join(QStringLiteral(", "))),
                        10000);
    sliceStatus_ = session_.sliceStatuses(file, doc.depth());
    review_ = session_.review(file, nullptr);
    Q_EMIT reviewChanged();
    Q_EMIT teamChanged();
}

QStringList ReviewController::showStoredChanges(bool own, const QString& what, int* slices)
{
    core::AnnotationDocument& doc = document_.document();
    std::map<int, core::LabelMap> changed;
    QStringList authors;
    *slices = 0;
    if (base_.size() != std::size_t(doc.depth()))
        return authors;
    for (const auto& [z, head] : session_.latestRevisions(document_.storeKey())) {
        if (z < 0 || z >= doc.depth() || core::refOf(head) == base_[std::size_t(z)] || (!own && head.author == session_.user()))
            continue;
        const auto rev = session_.revision(head.id);
        if (!rev || rev->labels.width != doc.volume().width() || rev->labels.height != doc.volume().height())
            continue;
        base_[std::size_t(z)] = core::refOf(*rev);
        if (rev->labels == doc.labels(z))
            continue;
        changed[z] = rev->labels;
        if (!authors.contains(qs(head.author)))
            authors << qs(head.author);
    }
    if (!changed.empty()) {
        Q_EMIT remoteMasks(changed, what.arg(authors.join(QStringLiteral(", "))));
        for (const auto& entry : changed)
            dbChanges_[std::size_t(entry.first)] = doc.editor(entry.first).changeCount(); // stored already
    }
    *slices = int(changed.size());
    return authors;
}

std::vector<core::PairAgreement> ReviewController::agreement()
{
    if (document_.empty() || !session_.isOpenOn(document_.workspace()))
        return {};
    commit(false, true);
    const auto& v = document_.document().volume();
    return session_.agreement(document_.storeKey(), v.geometry.spacingKnown ? v.geometry.spacing[0] : 1.0,
                              v.geometry.spacingKnown ? v.geometry.spacing[1] : 1.0);
}

QString ReviewController::agreementUnit() const
{
    return !document_.empty() && document_.document().volume().geometry.spacingKnown ? tr("mm") : tr("px");
}

QString ReviewController::className(int label)
{
    for (const auto& c : session_.classes())
        if (c.label == label)
            return qs(c.name);
    return tr("Class %1").arg(label);
}

int ReviewController::makeConsensus(core::ConsensusMethod method)
{
    if (document_.empty() || !ensureSession() || !commit(true, true))
        return -1;
    const core::ConsensusResult r = session_.consensus(document_.storeKey(), method);
    if (const QString error = session_.takeError(); !error.isEmpty()) {
        notices_.fail(tr("Consensus"), error);
        return -1;
    }
    int shown = 0;
    showStoredChanges(true, tr("Consensus (%1)").arg(QString::fromLatin1(core::consensusName(method))), &shown);
    stamp_ = session_.changeStamp();
    sliceStatus_ = session_.sliceStatuses(document_.storeKey(), document_.document().depth());
    notices_.inform(r.slices ? tr("Consensus (%1) of %2 stored for %n slice(s); each member's own mask stays in the "
                                  "history.", "", r.slices)
                                   .arg(QString::fromLatin1(core::consensusName(method)),
                                        qs(std::accumulate(r.annotators.begin(), r.annotators.end(), std::string(),
                                                           [](std::string a, const std::string& b) {
                                                               return a.empty() ? b : a + ", " + b;
                                                           })))
                          : tr("No slice of this file was corrected by two members: no consensus to make."),
                    10000);
    Q_EMIT reviewChanged();
    return r.slices;
}

void ReviewController::close()
{
    sync_.stop();
    commit(true, true);
    if (!leaseFile_.isEmpty() && session_.isOpen())
        session_.release(leaseFile_); // the others may take the case at once
    leaseFile_.clear();
    session_.close();
}

core::ReviewStatus ReviewController::sliceStatus(int z) const
{
    return std::size_t(z) < sliceStatus_.size() ? sliceStatus_[std::size_t(z)] : core::ReviewStatus::NotStarted;
}

void ReviewController::markSlice(int z, core::ReviewStatus status, bool store)
{
    if (std::size_t(z) < sliceStatus_.size())
        sliceStatus_[std::size_t(z)] = status;
    const core::Image& img = document_.image();
    if (store && ensureSession())
        session_.setSliceStatus(document_.storeKey(), img.width, img.height, document_.depth(), z, status);
}

void ReviewController::nameClasses()
{
    if (!shownClasses || !session_.isOpen())
        return;
    const auto shown = shownClasses();
    auto merged = core::mergedClasses(stored_, shown); // what the store does with them
    if (merged.size() == stored_.size())
        return; // the store names every label shown
    session_.nameClasses(shown);
    stored_ = std::move(merged);
}

void ReviewController::recordAiDraft(int z, const core::LabelMap& labels)
{
    if (std::size_t(z) >= dbChanges_.size() || !ensureSession())
        return;
    nameClasses();
    session_.commitMask(document_.storeKey(), labels.width, labels.height, document_.depth(), z, labels,
                        core::MaskKind::AiDraft, false);
    dbChanges_[std::size_t(z)] = document_.document().editor(z).changeCount();
    markSlice(z, core::ReviewStatus::AiDraft, true);
    if (review_ == core::ReviewStatus::NotStarted) {
        review_ = core::ReviewStatus::AiDraft;
        session_.setReview(document_.storeKey(), review_, QString());
    }
    Q_EMIT reviewChanged();
}

bool ReviewController::approveSlice()
{
    if (document_.empty() || !ensureSession())
        return false;
    commit(true);
    const int z = document_.slice();
    const core::Image& img = document_.image();
    nameClasses();
    // Approving what this member sees: refused (and kept) if another member saved the slice since.
    session_.commitEdit(document_.storeKey(), img.width, img.height, document_.depth(), z, document_.labels(),
                        std::size_t(z) < base_.size() ? base_[std::size_t(z)] : core::RevisionRef{}, core::MaskKind::Approved);
    session_.closeRevision(document_.storeKey(), z);
    markSlice(z, core::ReviewStatus::Approved, true);
    notices_.inform(tr("Slice %1 approved.").arg(z + 1), 5000);
    Q_EMIT reviewChanged();
    return true;
}

bool ReviewController::rejectSlice()
{
    if (document_.empty() || !ensureSession())
        return false;
    commit(true);
    markSlice(document_.slice(), core::ReviewStatus::Rejected, true);
    notices_.inform(tr("Slice %1 rejected.").arg(document_.slice() + 1), 5000);
    Q_EMIT reviewChanged();
    return true;
}

core::ReviewStatus ReviewController::review(QString* comment)
{
    if (session_.isOpen())
        review_ = session_.review(document_.storeKey(), comment);
    return review_;
}

void ReviewController::setReview(core::ReviewStatus status)
{
    if (document_.empty() || !ensureSession())
        return;
    commit(true);
    QString comment;
    session_.review(document_.storeKey(), &comment);
    review_ = status;
    session_.setReview(document_.storeKey(), status, comment);
    Q_EMIT reviewChanged();
}

void ReviewController::setComment(const QString& comment)
{
    if (document_.empty() || !ensureSession())
        return;
    session_.setReview(document_.storeKey(), review(nullptr), comment);
    Q_EMIT reviewChanged();
}

bool ReviewController::commit(bool endRevision, bool wait)
{
    core::AnnotationDocument& doc = document_.document();
    if (doc.empty() || dbChanges_.size() != std::size_t(doc.depth()))
        return true;
    // Only slices with a label map can have changed (a long video has few).
    const std::vector<int> masked = doc.maskedSlices();
    bool pending = false;
    for (int z : masked)
        pending = pending || doc.findEditor(z)->changeCount() != dbChanges_[std::size_t(z)];
    if (!(pending ? ensureSession() : session_.isOpen()))
        return !pending;
    bool edited = false;
    const core::Image& img = document_.image();
    if (pending)
        nameClasses();
    for (int z : masked) {
        const std::uint64_t now = doc.findEditor(z)->changeCount();
        if (now != dbChanges_[std::size_t(z)]) {
            session_.commitEdit(document_.storeKey(), img.width, img.height, doc.depth(), z, doc.labels(z),
                                base_.size() == dbChanges_.size() ? base_[std::size_t(z)] : core::RevisionRef{});
            dbChanges_[std::size_t(z)] = now;
            markSlice(z, core::ReviewStatus::Corrected, true);
            edited = true;
        }
        if (endRevision)
            session_.closeRevision(document_.storeKey(), z);
    }
    if (edited && (review_ == core::ReviewStatus::NotStarted || review_ == core::ReviewStatus::AiDraft)) {
        review_ = core::ReviewStatus::Corrected;
        session_.setReview(document_.storeKey(), review_, QString());
    }
    if (edited)
        Q_EMIT reviewChanged();
    if (edited && QDateTime::currentSecsSinceEpoch() - leaseAt_ > 60)
        claimLease(); // renewed while working
    if (wait)
        session_.flush();
    if (const QString error = session_.takeError(); !error.isEmpty()) {
        // Save and switching files say so in a dialog; the 3-second autosave in the status bar.
        if (wait)
            notices_.fail(tr("Workspace database"), error);
        else
            notices_.inform(tr("Workspace database: %1").arg(error), 15000);
        return false;
    }
    return true;
}

} // namespace delineo::vm
