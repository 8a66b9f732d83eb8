#include "delineo/viewmodels/DocumentController.h"
#include "delineo/core/VideoReader.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include "delineo/core/DicomImport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/HugePages.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Reader.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/Workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>

namespace delineo::vm {

DocumentController::DocumentController(JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent)
    : QObject(parent), jobs_(jobs), notices_(notices), prefs_(prefs)
{
}

QString DocumentController::prepareDemoWorkspace()
{
    const QString src = QDir(qs(core::resourceDir())).filePath("demo");
    const QString dst = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("demo-workspace");
    QDir().mkpath(dst);
    for (const QFileInfo& file : QDir(src).entryInfoList(QDir::Files)) {
        const QString target = QDir(dst).filePath(file.fileName());
        if (!QFileInfo::exists(target) && !file.fileName().startsWith(QStringLiteral("workspace.")))
            QFile::copy(file.absoluteFilePath(), target);
    }
    return dst;
}

QString DocumentController::openDialogFilter()
{
    QStringList all, each;
    for (const auto& r : core::readers()) {
        QStringList patterns;
        for (const auto& p : r->patterns())
            patterns << qs(p);
        if (patterns.isEmpty())
            continue;
        all << patterns;
        each << QStringLiteral("%1 (%2)").arg(Translations::term(qs(r->title())), patterns.join(QLatin1Char(' ')));
    }
    return tr("Everything Delineo opens (%1)").arg(all.join(QLatin1Char(' '))) + QStringLiteral(";;") +
           each.join(QStringLiteral(";;")) + QStringLiteral(";;") + tr("All files (*)");
}

QStringList DocumentController::workspaceFiles() const
{
    QStringList out;
    if (workspace_.isEmpty())
        return out;
    if (core::Workspace::isServerUrl(ss(workspace_)))
        return storedFiles ? storedFiles() : out;
    for (const QFileInfo& fi : QDir(workspace_).entryInfoList(QDir::Files, QDir::Name))
        if (core::matchesReaderPattern(ss(fi.fileName())))
            out << fi.absoluteFilePath();
    // The series imported or retrieved from the PACS into it, a folder each.
    for (const QFileInfo& fi : QDir(QDir(workspace_).filePath(QStringLiteral("dicom")))
                                   .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out << fi.absoluteFilePath();
    // What was worked on deeper inside it (a study's series in a subfolder, opened from there): its
    // store keeps those masks, so the list offers them again rather than only the top's pictures.
    const QString top = QFileInfo(workspace_).absoluteFilePath() + QLatin1Char('/');
    const QSet<QString> listed(out.begin(), out.end()); // a lookup per stored image, not a scan of the list
    QStringList deeper;
    for (const QString& file : storedFiles ? storedFiles() : QStringList())
        if (file.startsWith(top) && !listed.contains(file) && QFileInfo::exists(file))
            deeper << file;
    deeper.sort();
    return out + deeper;
}

bool DocumentController::refuseWhileBusy()
{
    if (!jobs_.busy())
        return false;
    notices_.busy(tr("Busy"), jobs_.title());
    return true;
}

QString DocumentController::maskBaseFor(const QString& file, const QString& folder) const
{
    return QDir(folder).filePath(QStringLiteral("masks/") + QFileInfo(file).completeBaseName());
}

QString DocumentController::workspaceOf(const QString& path, QString* files) const
{
    const bool team = core::Workspace::isServerUrl(ss(workspace_));
    const QString own = team ? qs(core::Workspace::localFolderFor(ss(workspace_))) : workspace_;
    const bool inside = !workspace_.isEmpty() &&
                        (path.startsWith(own + QLatin1Char('/')) || (team && storedFiles && storedFiles().contains(path)));
    *files = inside ? own : QFileInfo(path).absolutePath();
    return inside ? workspace_ : *files;
}

namespace {

// A Delineo workspace, even one whose images are all series imported into it (dicom/), or one
// not yet given its database.
bool looksLikeWorkspace(const QString& folder)
{
    const QDir d(folder);
    return d.exists(QLatin1String(core::Workspace::kDatabaseName)) || d.exists(QStringLiteral("dicom")) ||
           d.exists(QStringLiteral("masks")) || d.exists(QStringLiteral("delineo-workspace.json"));
}

// Whether a DICOM file lies in the folder's subfolders (the first few hundred files there looked at).
bool dicomBelow(const QString& folder)
{
    int looked = 0;
    const QString top = QFileInfo(folder).absoluteFilePath();
    QDirIterator it(top, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext() && looked < 400) {
        const QString path = it.next();
        if (it.fileInfo().absolutePath() == top)
            continue; // the folder's own files were counted already
        ++looked;
        if (core::looksLikeDicom(ss(path)))
            return true;
    }
    return false;
}

} // namespace

bool DocumentController::openWorkspace(const QString& folder)
{
    // A team workspace is a server's database: its images come from the store, not a folder.
    const bool team = core::Workspace::isServerUrl(ss(folder));
    const QString root = team ? folder : QFileInfo(folder).absoluteFilePath();
    if (!team) {
        if (!QFileInfo(folder).isDir()) {
            notices_.fail(tr("Cannot open workspace"), tr("%1 is not a folder.").arg(folder));
            return false;
        }
        // A folder of DICOM slices is a series, not a list of unrelated images.
        int images = 0, dicoms = 0;
        for (const QFileInfo& fi : QDir(folder).entryInfoList(QDir::Files, QDir::Name)) {
            images += core::matchesReaderPattern(ss(fi.fileName()));
            dicoms += core::looksLikeDicom(ss(fi.absoluteFilePath()));
        }
        if (dicoms > 1 && dicoms >= images)
            return openSeries(folder);
        // A study as a disc or a scanner exports it: no images of its own, its series in
        // subfolders. Opened as a workspace it would be an empty list; its series are offered instead.
        if (images == 0 && dicoms == 0 && !looksLikeWorkspace(folder) && dicomBelow(folder))
            return openSeries(folder);
        // The same with pictures of its own beside the series (a report's screen captures): which to
        // open is asked, the series first; the pictures open as a workspace.
        if (images > 0 && dicoms == 0 && chooseSeries && !looksLikeWorkspace(folder) && dicomBelow(folder)) {
            if (refuseWhileBusy())
                return false;
            bool pictures = false;
            try {
                if (openScanned(folder, core::scanDicomFolder(ss(folder)), {},
                                tr("The %n picture(s) in this folder, as a workspace", "", images), &pictures))
                    return true;
            } catch (const core::ImageError&) {
                pictures = true; // its series cannot be read: its pictures can
            }
            if (!pictures)
                return false;
        }
        // A UW-Madison case-day (…/caseN_dayM or its scans/) is one volume.
        if (core::uw::isCaseDay(ss(root))) {
            const std::string p = ss(root);
            return loadInBackground(tr("Loading case"), root, QDir(root).filePath(QStringLiteral("masks/") + QFileInfo(root).fileName()),
                                    root, [p](const std::atomic<bool>*, const core::LoadProgress&) { return core::loadVolume(p); });
        }
    }
    if (leaving && !leaving())
        return false;
    workspace_ = root;
    prefs_.lastWorkspace = workspace_;
    prefs_.save();
    Q_EMIT workspaceChanged();
    const QStringList files = workspaceFiles();
    if (!files.isEmpty())
        return openFile(files.first());
    Q_EMIT documentChanged();
    return true;
}

bool DocumentController::openFile(const QString& path)
{
    if (refuseWhileBusy())
        return false;
    if (core::isDicomDir(ss(path)))
        return openSeries(QFileInfo(path).absolutePath());
    const QString file = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(file) && fetchMissing && fetchMissing(file))
        return true;
    // An image of the open team workspace stays in it (its mask files go to this client's own
    // folder for it); another image's workspace is the folder it is in, unless that is open already.
    QString folder;
    const QString workspace = workspaceOf(file, &folder);
    const core::Reader* reader = core::readerFor(ss(file));
    // An enhanced file holding several stacks (the echoes of a multi-echo MR) opens one of them.
    if (reader && reader->id() == "dicom" && QFileInfo::exists(path))
        try {
            if (core::DicomScan scan = core::scanDicomFolder(ss(file), 1); scan.series.size() > 1)
                return openScanned(file, std::move(scan), {});
        } catch (const core::ImageError&) {
            // opened below as it is, where the reader says what is wrong with it
        }
    if (reader && reader->slow() && QFileInfo::exists(path)) {
        // Videos, DICOM, NIfTI/NRRD can be large: decode in the background, with progress and Cancel.
        const std::string p = ss(file);
        return loadInBackground(tr("Loading %1").arg(QFileInfo(path).fileName()), file, maskBaseFor(file, folder), workspace,
                                [p](const std::atomic<bool>* cancel, const core::LoadProgress& progress) {
                                    return core::loadVolume(p, cancel, progress);
                                });
    }
    core::Volume volume;
    try {
        volume = core::loadVolume(ss(path));
    } catch (const core::ImageError& e) {
        notices_.fail(tr("Cannot open image"), Translations::errorText(e));
        return false;
    }
    setDocument(std::move(volume), file, maskBaseFor(file, folder), workspace);
    return !doc_.empty();
}

bool DocumentController::loadInBackground(
    const QString& title, const QString& file, const QString& maskBase, const QString& workspace,
    std::function<core::Volume(const std::atomic<bool>*, const core::LoadProgress&)> load, const QString& storeKey)
{
    auto volume = std::make_shared<core::Volume>();
    auto work = [volume, load = std::move(load)](JobRunner::Context& ctx) {
        *volume = load(ctx.cancel, [&](int done, int total) {
            ctx.progress(double(done) / total, QObject::tr("Loading %1 of %2").arg(done).arg(total));
        });
        // Its true coronal and sagittal planes read a slanted line from every slice at each move.
        if (core::Reslicer::oblique(*volume))
            core::collapseIntoHugePages(*volume);
    };
    return jobs_.start(title, work, [this, volume, file, maskBase, workspace, storeKey] {
        if (volume->empty())
            return;
        setDocument(std::move(*volume), file, maskBase, workspace, storeKey);
    });
}

bool DocumentController::openSeries(const QString& folder, const std::function<int(const QStringList&)>& choose)
{
    if (refuseWhileBusy())
        return false;
    core::DicomScan scan;
    try {
        scan = core::scanDicomFolder(ss(folder));
    } catch (const core::ImageError& e) {
        notices_.fail(tr("Cannot open series"), Translations::errorText(e));
        return false;
    }
    return openScanned(folder, std::move(scan), choose);
}

bool DocumentController::openScanned(const QString& folder, core::DicomScan scan,
                                     const std::function<int(const QStringList&)>& choose, const QString& orElse,
                                     bool* orElseChosen)
{
    if (scan.series.empty() && !orElse.isEmpty()) {
        *orElseChosen = true;
        return false;
    }
    if (scan.series.empty()) {
        notices_.fail(tr("Cannot open series"), tr("No DICOM images found in %1.").arg(folder));
        return false;
    }
    int chosen = 0;
    if ((scan.series.size() > 1 || !orElse.isEmpty()) && (choose || chooseSeries)) {
        // Listed by series number, as a PACS lists a study; the largest series stays offered first.
        std::vector<std::size_t> order(scan.series.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin() + 1, order.end(), [&scan](std::size_t a, std::size_t b) {
            return unsigned(scan.series[a].number) < unsigned(scan.series[b].number); // -1: last
        });
        QStringList items;
        for (const std::size_t i : order) {
            const core::DicomSeriesInfo& s = scan.series[i];
            QString name = qs(s.description.empty() ? s.uid : s.description);
            if (!s.stackParts.empty())
                name += QStringLiteral(" (%1)").arg(Translations::stackText(s.stackParts));
            items << (s.number >= 0 ? QStringLiteral("%1: ").arg(s.number) : QString()) +
                         tr("%1 %2 — %n image(s), %3 x %4", "", s.frames).arg(qs(s.modality), name).arg(s.columns).arg(s.rows);
        }
        if (!orElse.isEmpty())
            items << orElse;
        const int line = choose ? choose(items) : chooseSeries(items);
        if (!orElse.isEmpty() && line == items.size() - 1) {
            *orElseChosen = true;
            return false;
        }
        if (line < 0 || line >= items.size())
            return false;
        chosen = int(order[std::size_t(line)]);
    }
    const core::DicomSeriesInfo info = scan.series[std::size_t(chosen)];
    const QString root = QFileInfo(folder).absoluteFilePath();
    // Each series, and each stack of a series (an echo, a phase), keeps masks of its own.
    const QString name = qs(info.name);
    // A series inside the open workspace (imported, or retrieved from the PACS) stays in it.
    QString files;
    const QString workspace = workspaceOf(root, &files);
    const QString maskRoot = workspace == workspace_ ? files : QFileInfo(root).isDir() ? root : QFileInfo(root).absolutePath();
    return loadInBackground(tr("Loading series"), root, QDir(maskRoot).filePath(QStringLiteral("masks/") + name), workspace,
                            [info](const std::atomic<bool>* cancel, const core::LoadProgress& progress) {
                                return core::loadDicomSeries(info, 0, cancel, progress);
                            },
                            scan.series.size() > 1 ? root + QLatin1String(core::kSeriesKey) + name : QString());
}

QString DocumentController::copiesFolder(const QString& workspace)
{
    // A team workspace's copies go to this client's folder for it (its images are referenced by path).
    return core::Workspace::isServerUrl(ss(workspace)) ? qs(core::Workspace::localFolderFor(ss(workspace))) : workspace;
}

bool DocumentController::deidentifiesImports(const QString& workspace)
{
    try {
        return core::deidentifyOnImport(ss(copiesFolder(workspace)));
    } catch (const core::ImageError&) {
        return true; // unreadable settings: the safe choice
    }
}

bool DocumentController::importDicom(const QString& source, const QString& chosen, bool deidentify)
{
    if (refuseWhileBusy())
        return false;
    const QString workspace = copiesFolder(chosen);
    core::Pseudonyms pseudonyms;
    try {
        if (deidentify != core::deidentifyOnImport(ss(workspace)))
            core::setDeidentifyOnImport(ss(workspace), deidentify);
        if (deidentify)
            pseudonyms = core::workspacePseudonyms(ss(workspace));
    } catch (const core::ImageError& e) {
        notices_.fail(tr("Cannot import"), Translations::errorText(e));
        return false;
    }
    auto report = std::make_shared<core::DicomImportReport>();
    const std::vector<std::string> sources{ss(source)};
    const std::string destination = ss(QDir(workspace).filePath(QStringLiteral("dicom")));
    auto work = [=](JobRunner::Context& ctx) {
        *report = core::importDicom(sources, destination, deidentify, pseudonyms, ctx.cancel, [&](int done, int total) {
            ctx.progress(double(done) / total, QObject::tr("Importing file %1 of %2").arg(done).arg(total));
        });
    };
    return jobs_.start(tr("Importing DICOM"), work, [this, report] {
        QString text = report->deidentified ? tr("De-identified %n DICOM file(s) into %1.", "", report->written)
                                            : tr("Copied %n DICOM file(s) into %1.", "", report->written);
        text = text.arg(qs(report->destination)) + burnedInTextWarning(report->burnedInText);
        if (!report->failed.empty())
            text += tr(" %1 failed: %2").arg(report->failed.size()).arg(qs(report->failed.front()));
        notices_.inform(text, 30000);
        // Where the copy went: a folder name that named the patient has a pseudonym now.
        if (report->written > 0 && !report->roots.empty())
            QTimer::singleShot(0, this, [this, imported = qs(report->roots.front())] { openSeries(imported); });
    });
}

void DocumentController::setDocument(core::Volume volume, const QString& file, const QString& maskBase,
                                     const QString& workspace, const QString& storeKey)
{
    // The edits of the image being left reach its own workspace's store before the workspace changes.
    if (leaving && !leaving())
        return;
    workspace_ = workspace;
    const int classes = prepareFor && !volume.empty() ? prepareFor(volume.slice(0)) : 1;
    doc_.open(std::move(volume), ss(maskBase), std::max(1, classes));
    currentFile_ = file;
    storeKey_ = storeKey.isEmpty() ? file : storeKey;
    QStringList warnings;
    for (const auto& w : doc_.warnings())
        warnings << Translations::warningText(w);
    slice_ = doc_.depth() / 2;
    window_ = automatic_ = core::volumeWindow(doc_.volume(), slice_);
    reslicer_ = core::Reslicer(doc_.volume(), prefs_.alongPatientAxes);
    prefs_.lastFolder = QFileInfo(file).absolutePath();
    prefs_.save();
    Q_EMIT documentChanged();
    if (!warnings.isEmpty())
        Q_EMIT noted(warnings);
}

void DocumentController::showSlice(int z)
{
    if (doc_.empty())
        return;
    if (editorView().inStroke())
        editor().endStroke();
    slice_ = std::clamp(z, 0, doc_.depth() - 1);
    // A streamed video decodes the frame now; one it cannot decode shows black, and says why.
    if (doc_.volume().streamed() && !image().bytes.empty()) {
        if (const std::string error = doc_.volume().frameError(slice_); !error.empty())
            notices_.inform(tr("Frame %1 cannot be decoded: %2").arg(slice_ + 1).arg(qs(error)), 10000);
    }
    Q_EMIT sliceChanged(slice_);
}

void DocumentController::setWindow(const core::Window& w)
{
    window_ = w;
    Q_EMIT windowChanged();
}

void DocumentController::resetWindow()
{
    if (!doc_.empty())
        setWindow(automatic_.name == core::kAutomaticWindow ? automatic_ : core::volumeWindow(doc_.volume(), slice_));
}

void DocumentController::dragWindow(double dx, double dy)
{
    if (doc_.empty())
        return;
    double lo = 0, hi = 0;
    image().range(lo, hi);
    const double k = std::max(1.0, hi - lo) / 400.0;
    window_.width = std::max(1.0, window_.width + dx * k);
    window_.center += dy * k;
    Q_EMIT windowChanged();
}

std::vector<core::Window> DocumentController::windowPresets() const
{
    if (doc_.empty())
        return {};
    // The window the volume opened in, among the others: a way back after trying them (R too).
    std::vector<core::Window> presets = core::windowPresets(image());
    if (automatic_.name == core::kAutomaticWindow)
        presets.push_back(automatic_);
    return presets;
}

QImage renderImage(const core::Image& image, const core::Window& window)
{
    // 32-bit pixels: the view draws them as they are, where RGB888 is converted at every paint.
    QImage base(image.width, image.height, QImage::Format_RGB32);
    if (!base.isNull())
        core::renderArgb32(image, window, reinterpret_cast<std::uint32_t*>(base.bits()));
    return base;
}

QImage DocumentController::renderSlice() const { return doc_.empty() ? QImage() : renderImage(image(), window_); }

bool DocumentController::isVideo() const { return core::VideoReader::isVideoPath(currentFile_.toStdString()); }

QString DocumentController::infoTopLeft() const
{
    if (doc_.empty())
        return {};
    // Name; size, modality and spacing; then where in the stack, which a narrow view must not cut.
    QString top = QFileInfo(currentFile_).fileName() + QStringLiteral("\n%1 x %2").arg(image().width).arg(image().height);
    if (!image().modality.empty())
        top += QStringLiteral("  ") + qs(image().modality);
    if (image().spacingKnown)
        top += tr("  %1 x %2 mm/px").arg(image().spacingX, 0, 'g', 4).arg(image().spacingY, 0, 'g', 4);
    QString where;
    if (doc_.depth() > 1)
        where += (isVideo() ? tr("  frame %1/%2") : tr("  slice %1/%2")).arg(slice_ + 1).arg(doc_.depth());
    // The slice's place along its normal, as a reading workstation prints it for a report.
    if (image().hasPosition && image().hasOrientation)
        where += tr("  loc %1 mm").arg(image().location(), 0, 'f', 1);
    if (!where.isEmpty())
        top += QStringLiteral("\n") + where.trimmed();
    return top;
}

QString DocumentController::infoBottomLeft() const
{
    if (doc_.empty() || (image().type == core::PixelType::U8 && image().channels == 3))
        return {};
    return tr("W %1  L %2").arg(window_.width, 0, 'f', 0).arg(window_.center, 0, 'f', 0);
}

void DocumentController::setAlongPatientAxes(bool on)
{
    prefs_.alongPatientAxes = on;
    prefs_.save();
    const bool was = reslicer_.alongPatient();
    reslicer_ = core::Reslicer(doc_.volume(), on); // an empty or straight volume: its voxel planes
    if (was != reslicer_.alongPatient())
        Q_EMIT reslicingChanged();
}

QString DocumentController::voxelText(int x, int y, int z) const
{
    // A video's frames are decoded one at a time: only the one shown is read.
    const core::Image& img = z == slice_ || isVideo() ? image() : doc_.slice(z);
    if (x < 0 || y < 0 || x >= img.width || y >= img.height)
        return QString();
    QString value = QString::number(img.value(x, y, 0), 'g', 6);
    if (img.channels == 3)
        value = QStringLiteral("%1, %2, %3").arg(img.value(x, y, 0)).arg(img.value(x, y, 1)).arg(img.value(x, y, 2));
    else
        value += unitSuffix(core::valueUnit(img));
    // Column and row from 0, the slice from 1, as the window, the Structures panel and
    // delineo-cli stats count them.
    QString text = doc_.depth() > 1 && !isVideo() ? tr("x %1  y %2  slice %3").arg(x).arg(y).arg(z + 1) : tr("x %1  y %2").arg(x).arg(y);
    std::array<double, 3> p{};
    if (!isVideo() && core::patientPoint(doc_.volume(), x, y, z, p)) {
        // DICOM's patient axes (LPS) named by the side each value lies on, as a reading station does.
        const auto side = [](double v, const char* negative, const char* positive) {
            return QStringLiteral("%1 %2").arg(QLatin1String(v < 0 ? negative : positive)).arg(std::abs(v), 0, 'f', 1);
        };
        text += QStringLiteral("   %1  %2  %3 mm").arg(side(p[0], "R", "L"), side(p[1], "A", "P"), side(p[2], "I", "S"));
    } else if (img.spacingKnown) {
        text += tr(" (%1, %2 mm)").arg(x * img.spacingX, 0, 'f', 1).arg(y * img.spacingY, 0, 'f', 1);
    }
    return text + tr("   value %1").arg(value);
}

} // namespace delineo::vm
