#pragma once
#include <QObject>
#include <QString>

namespace delineo::vm {

class DocumentController;
class EditingController;
class Notices;
class ReviewController;

// File → Open Segmentation…: a label map made elsewhere (ITK-SNAP or 3D Slicer NIfTI/NRRD, a DICOM
// SEG, a mask picture for the slice shown) over the open image, placed by its geometry
// (core::readLabelFile). It replaces the image's labels as one undo step, and the classes it names
// join the workspace's list (the workspace's own names win where both name a label).
class LabelImportController : public QObject {
    Q_OBJECT
public:
    LabelImportController(DocumentController& document, EditingController& editing, ReviewController& review,
                          Notices& notices, QObject* parent = nullptr);

    // The file dialog's filter for what open() reads.
    static QString dialogFilter();
    // False (and a message saying why) when nothing is open or the file cannot be placed on it.
    bool open(const QString& path);

private:
    DocumentController& document_;
    EditingController& editing_;
    ReviewController& review_;
    Notices& notices_;
};

} // namespace delineo::vm
