#include "delineo/viewmodels/LabelImportController.h"
#include "delineo/core/MaskOps.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/Translations.h"

#include <QColor>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>

namespace delineo::vm {

LabelImportController::LabelImportController(DocumentController& document, EditingController& editing,
                                             ReviewController& review, JobRunner& jobs, Notices& notices, QObject* parent)
    : QObject(parent), document_(document), editing_(editing), review_(review), jobs_(jobs), notices_(notices)
{
}

QString LabelImportController::dialogFilter()
{
    return tr("Segmentations (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;All files (*)");
}

std::vector<core::WorkspaceClass> LabelImportController::knownClasses() const
{
    // The workspace's, then the model's for labels it does not name.
    return core::mergedClasses(review_.storedClasses(),
                               review_.shownClasses ? review_.shownClasses() : std::vector<core::WorkspaceClass>{});
}

bool LabelImportController::open(const QString& path, Mode mode)
{
    if (document_.empty()) {
        notices_.fail(tr("Cannot open segmentation"), tr("Open the image it belongs to first."));
        return false;
    }
    const std::vector<core::WorkspaceClass> known = knownClasses();
    // Read and placed in the background (a 300-slice map takes a second or two) against the
    // volume's headers: the window may open another image meanwhile.
    auto onto = std::make_shared<const core::Volume>(core::withoutPixels(document_.document().volume()));
    auto file = std::make_shared<core::LabelFile>();
    auto failure = std::make_shared<std::exception_ptr>();
    const QString image = document_.currentFile(), name = QFileInfo(path).fileName();
    const int slice = document_.slice();
    const QString reading = tr("Reading %1…").arg(name);
    auto work = [=](JobRunner::Context& ctx) {
        ctx.progress(-1, reading);
        try {
            *file = core::readLabelFile(ss(path), *onto, known, slice);
        } catch (const core::ImageError&) {
            *failure = std::current_exception();
        }
    };
    auto done = [this, file, failure, image, path, known, mode] {
        if (notices_.failedWith(*failure, tr("Cannot open segmentation")))
            return;
        if (image != document_.currentFile())
            notices_.inform(tr("%1 was not applied: another image is open now.").arg(QFileInfo(path).fileName()), 10000);
        else
            apply(*file, path, known, mode);
    };
    if (!jobs_.start(tr("Reading segmentation"), work, done)) {
        notices_.busy(tr("Cannot open segmentation"), jobs_.title());
        return false;
    }
    return true;
}

QString LabelImportController::saveDialogFilter()
{
    return tr("NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG of the slice shown (*.png)");
}

bool LabelImportController::save(const QString& path)
{
    if (document_.empty()) {
        notices_.fail(tr("Cannot save segmentation"), tr("Open an image first."));
        return false;
    }
    const core::AnnotationDocument& doc = document_.document();
    // A picture holds the slice shown; a volume file every slice (a video's frames are not a volume).
    const bool picture = core::hasImageExtension(ss(path)) && !core::isItkVolumePath(ss(path));
    if (!picture && doc.volume().streamed()) {
        notices_.fail(tr("Cannot save segmentation"), tr("A video's masks are saved frame by frame: choose PNG, or use File → Export…"));
        return false;
    }
    auto slices = std::make_shared<std::vector<core::LabelMap>>(std::size_t(doc.depth()));
    for (int z = 0; z < doc.depth(); ++z)
        if (!picture || z == document_.slice())
            (*slices)[std::size_t(z)] = doc.labels(z);
    auto image = std::make_shared<const core::Volume>(core::withoutPixels(doc.volume()));
    const auto classes = knownClasses();
    auto failure = std::make_shared<std::exception_ptr>();
    const int slice = document_.slice();
    const QString writing = tr("Writing %1…").arg(QFileInfo(path).fileName());
    auto work = [=](JobRunner::Context& ctx) {
        ctx.progress(-1, writing);
        try {
            core::writeLabelFile(ss(path), *image, *slices, classes, slice);
        } catch (const core::ImageError&) {
            *failure = std::current_exception();
        }
    };
    auto done = [this, failure, path] {
        if (notices_.failedWith(*failure, tr("Cannot save segmentation")))
            return;
        notices_.inform(tr("Segmentation saved to %1.").arg(path), 10000);
    };
    if (!jobs_.start(tr("Saving segmentation"), work, done)) {
        notices_.busy(tr("Cannot save segmentation"), jobs_.title());
        return false;
    }
    return true;
}

void LabelImportController::apply(const core::LabelFile& file, const QString& path,
                                  const std::vector<core::WorkspaceClass>& known, Mode mode)
{
    const core::AnnotationDocument& doc = document_.document();
    // Replace: the file's word on every slice it covers (a slice it leaves blank is cleared where
    // labels were). Add: its labelled voxels over the slice's own labels.
    std::map<int, core::LabelMap> next;
    for (std::size_t i = 0; i < file.slices.size(); ++i) {
        const int z = file.first + static_cast<int>(i);
        const core::LabelMap& m = file.slices[i];
        const bool any = core::anyForeground(m.labels);
        if (mode == Mode::Replace && (any || doc.anyLabel(z))) {
            next.emplace(z, m);
        } else if (mode == Mode::Add && any) {
            core::LabelMap merged = doc.labels(z);
            for (std::size_t v = 0; v < merged.labels.size() && v < m.labels.size(); ++v)
                if (m.labels[v] != 0)
                    merged.labels[v] = m.labels[v];
            next.emplace(z, std::move(merged));
        }
    }
    const QString name = QFileInfo(path).fileName();
    const int changed = editing_.applySliceEdits(
        next, mode == Mode::Add ? tr("Add segmentation %1").arg(name) : tr("Open segmentation %1").arg(name));

    // Names: the file's (or its description's), "label N" for labels nobody names. The reader has
    // already put named labels on the workspace's classes of that name or on free numbers.
    const std::vector<core::WorkspaceClass> offered = core::withUnnamedLabels(file.slices, file.classes, known);
    QStringList added;
    bool kept = true;
    for (const core::WorkspaceClass& c : offered) {
        // A class the window only calls "label N" takes the file's name; other names stay.
        const auto have = std::find_if(known.begin(), known.end(), [&](const core::WorkspaceClass& k) { return k.label == c.label; });
        if (have != known.end() && (!core::isUnnamed(*have) || core::isUnnamed(c)))
            continue;
        if (kept) {
            kept = review_.setClass(c.label, qs(c.name), QColor(c.r, c.g, c.b));
            if (kept)
                added << qs(c.name);
        }
    }
    QStringList lines;
    lines << (mode == Mode::Add ? tr("%1 added over the labels; slices changed: %2 (Ctrl+Z undoes).")
                                : tr("%1 opened; slices changed: %2 (Ctrl+Z undoes)."))
                 .arg(name)
                 .arg(changed);
    if (!added.isEmpty())
        lines << tr("Classes added: %1.").arg(added.join(QStringLiteral(", ")));
    if (!kept)
        lines << tr("Its class names are not kept: open the image's folder as a workspace (Ctrl+Shift+O) to keep them.");
    for (const core::LoadWarning& n : file.notes)
        lines << Translations::sentence(Translations::warningText(n));
    notices_.inform(lines.join(QLatin1Char(' ')), 20000);
}

} // namespace delineo::vm
