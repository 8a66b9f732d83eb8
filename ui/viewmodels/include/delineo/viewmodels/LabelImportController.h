#pragma once
#include "delineo/core/LabelFiles.h"

#include <QObject>
#include <QString>

#include <exception>
#include <vector>

namespace delineo::vm {

class DocumentController;
class EditingController;
class JobRunner;
class Notices;
class ReviewController;

// Mask → Open Segmentation…: a label map made elsewhere (ITK-SNAP or 3D Slicer NIfTI/NRRD, a DICOM
// SEG, a mask picture for the slice shown) over the open image, placed by its geometry
// (core::readLabelFile). It replaces the image's labels as one undo step, and the classes it names
// join the workspace's list (the workspace's own names win where both name a label).
class LabelImportController : public QObject {
    Q_OBJECT
public:
    LabelImportController(DocumentController& document, EditingController& editing, ReviewController& review,
                          JobRunner& jobs, Notices& notices, QObject* parent = nullptr);

    // The file dialog's filter for what open() reads.
    static QString dialogFilter();
    // Open replaces the labels on every slice the file covers (a slice it leaves blank is cleared);
    // Add (Mask → Add Segmentation…) writes only the voxels the file labels, over what is there,
    // keeping the rest: a colleague's tumour over the organs already drawn.
    enum class Mode { Replace, Add };
    // Reads the file in the background (the status bar shows it) and applies it once read; false
    // (and a message saying why) when nothing is open or another job runs. A file that cannot be
    // placed on the image is refused with the reason when the job ends.
    bool open(const QString& path, Mode mode = Mode::Replace);
    // Mask → Save Segmentation As…: the open image's labels where ITK-SNAP, 3D Slicer or a PACS
    // read them (core::writeLabelFile: NIfTI/NRRD with a label description, DICOM SEG, or the slice
    // shown as PNG), written in the background; false (and why) when it cannot start.
    bool save(const QString& path);
    static QString saveDialogFilter();

    // The classes the window names and draws: the workspace's, then the model's.
    std::vector<core::WorkspaceClass> knownClasses() const;

private:
    void apply(const core::LabelFile& file, const QString& path, const std::vector<core::WorkspaceClass>& known, Mode mode);

    DocumentController& document_;
    EditingController& editing_;
    ReviewController& review_;
    JobRunner& jobs_;
    Notices& notices_;
};

} // namespace delineo::vm
