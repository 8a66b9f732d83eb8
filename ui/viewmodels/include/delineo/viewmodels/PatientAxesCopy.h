#pragma once
#include <QObject>
#include <QString>

namespace delineo::vm {

class DocumentController;
class JobRunner;
class LabelImportController;
class Notices;

// View → Open a Copy on the Patient's Axes…: an oblique series resampled on the patient's axes
// (core::Reslicer::resampledVolume, as 3D Slicer's Resample Scalar Volume makes it), written as
// NIfTI in its own pixel type and opened, its labels (the edits not yet saved included) applied as
// one undo step. A double-oblique series, whose stored
// slices are no axial plane, thus gets a true axial view, and every tool works on the copy in all
// three. The original and its masks stay as they are.
class PatientAxesCopy : public QObject {
    Q_OBJECT
public:
    PatientAxesCopy(DocumentController& document, LabelImportController& labels, JobRunner& jobs, Notices& notices,
                    QObject* parent = nullptr);

    // An oblique or tilted series of several grey slices, held in memory.
    bool available() const;
    // NAME-patient-axes.nii.gz in the open workspace's folder, else in the home folder (never next
    // to an image that was only opened).
    QString suggestedPath() const;
    // Resamples and writes in the background, then opens the copy; false (and why) when it cannot
    // start. A failure to write is a notice; nothing is half written (temporary file, renamed).
    bool write(const QString& path);

private:
    DocumentController& document_;
    LabelImportController& labels_;
    JobRunner& jobs_;
    Notices& notices_;
};

} // namespace delineo::vm
