#include "delineo/viewmodels/PatientAxesCopy.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/LabelImportController.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/QtText.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/Reslicer.h"
#include "delineo/core/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace delineo::vm {

PatientAxesCopy::PatientAxesCopy(DocumentController& document, LabelImportController& labels, JobRunner& jobs,
                                 Notices& notices, QObject* parent)
    : QObject(parent), document_(document), labels_(labels), jobs_(jobs), notices_(notices)
{
}

bool PatientAxesCopy::available() const
{
    if (document_.empty())
        return false;
    const core::Volume& v = document_.document().volume();
    return v.depth() > 1 && !v.streamed() && v.slice(0).channels == 1 && core::Reslicer::oblique(v);
}

QString PatientAxesCopy::suggestedPath() const
{
    const core::Volume& v = document_.document().volume();
    QString name = qs(v.description);
    if (name.isEmpty())
        name = QFileInfo(document_.currentFile().section(QLatin1Char('#'), 0, 0)).fileName().section(QLatin1Char('.'), 0, 0);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    name = name.left(60);
    if (name.isEmpty())
        name = QStringLiteral("series");
    const QString ws = document_.workspace();
    const QString folder = core::Workspace::isServerUrl(ss(ws)) ? qs(core::Workspace::localFolderFor(ss(ws)))
                           : QFileInfo::exists(ws + QStringLiteral("/workspace.sqlite")) ? ws
                                                                                         : QDir::homePath();
    return QDir(folder).filePath(name + QStringLiteral("-patient-axes.nii.gz"));
}

bool PatientAxesCopy::write(const QString& path)
{
    const QString title = tr("Cannot make a copy on the patient's axes");
    if (!available()) {
        notices_.fail(title, tr("Open an oblique series first: one that lies along the patient's axes needs no copy."));
        return false;
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(document_.currentFile()).absoluteFilePath()) {
        notices_.fail(title, tr("Choose another name: the copy would replace the series it is made from."));
        return false;
    }
    const core::AnnotationDocument& doc = document_.document();
    // The pixels and the labels as they are now (edits not yet saved included), for the job.
    auto volume = std::make_shared<const core::Volume>(doc.volume());
    auto masks = std::make_shared<std::vector<core::LabelMap>>(std::size_t(doc.depth()));
    bool anyLabel = false;
    for (int z = 0; z < doc.depth(); ++z)
        if (doc.anyLabel(z)) {
            (*masks)[std::size_t(z)] = doc.labels(z);
            anyLabel = true;
        }
    const QString image = QFileInfo(path).absoluteFilePath();
    // The labels travel through a temporary file (removed once read), not into the copy's folder,
    // whose file list would show them as an image.
    auto transit = std::make_shared<QTemporaryDir>();
    QString stem = QFileInfo(image).fileName();
    stem.chop(stem.endsWith(QStringLiteral(".nii.gz"), Qt::CaseInsensitive) ? 7 : stem.endsWith(QStringLiteral(".nii")) ? 4 : 0);
    const QString labelsPath = anyLabel && transit->isValid() ? transit->filePath(stem + QStringLiteral("-labels.nii.gz")) : QString();
    const auto classes = labels_.knownClasses();
    auto failure = std::make_shared<std::exception_ptr>();
    auto work = [=](JobRunner::Context& ctx) {
        try {
            ctx.progress(-1, tr("Resampling on the patient's axes…"));
            const core::Reslicer reslicer(*volume, true);
            const core::Volume copy = reslicer.resampledVolume(*volume);
            ctx.progress(-1, tr("Writing %1…").arg(QFileInfo(image).fileName()));
            core::writeItkImage(ss(image), copy);
            if (!labelsPath.isEmpty()) {
                const auto labels = reslicer.resampledLabels([&](int z) {
                    const core::LabelMap& m = (*masks)[std::size_t(z)];
                    return m.empty() ? nullptr : &m;
                });
                core::writeLabelFile(ss(labelsPath), core::withoutPixels(copy), labels, classes, 0);
            }
        } catch (const core::ImageError&) {
            *failure = std::current_exception();
        }
    };
    const core::Window window = document_.window();
    auto done = [this, failure, image, labelsPath, title, transit, window] {
        if (notices_.failedWith(*failure, title))
            return;
        // Once the copy is open it shows in the window the series was being read with (the file
        // keeps only the series' first preset), and its labels join it as one undo step.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&document_, &DocumentController::documentChanged, this,
                        [this, once, image, labelsPath, transit, window] {
                            disconnect(*once);
                            if (QFileInfo(document_.currentFile()).absoluteFilePath() != image)
                                return;
                            document_.setWindow(window);
                            if (labelsPath.isEmpty() || !labels_.open(labelsPath))
                                return;
                            auto read = std::make_shared<QMetaObject::Connection>();
                            *read = connect(&jobs_, &JobRunner::finished, this, [read, transit] { disconnect(*read); });
                        });
        if (!document_.openFile(image))
            notices_.fail(title, tr("The copy was written to %1 but could not be opened.").arg(image));
        notices_.inform(tr("A copy on the patient's axes: %1 (the original is unchanged).").arg(image), 15000);
    };
    if (!jobs_.start(tr("Copy on the patient's axes"), work, done)) {
        notices_.busy(title, jobs_.title());
        return false;
    }
    return true;
}

} // namespace delineo::vm
