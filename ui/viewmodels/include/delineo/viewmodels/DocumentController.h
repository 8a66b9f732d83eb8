#pragma once
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Reslicer.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Image.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace delineo::vm {

class JobRunner;

// An image under a window, as 32-bit RGB.
QImage renderImage(const core::Image& image, const core::Window& window);
class Notices;
struct Preferences;

// The open document: what is open (a frame, a series, a video, a case-day) and from which
// workspace folder, its slices with their masks, the slice shown, and window/level. Opening goes
// through the core reader registry; large inputs load in the background with progress and Cancel.
class DocumentController : public QObject {
    Q_OBJECT
public:
    DocumentController(JobRunner& jobs, Notices& notices, Preferences& prefs, QObject* parent = nullptr);

    // Set by the Workbench. `leaving` runs before another document replaces this one (false keeps
    // it); `prepareFor` picks the model for the new image's first slice (its channels and modality)
    // and returns its class count.
    std::function<bool()> leaving;
    std::function<int(const core::Image& first)> prepareFor;
    // The images the workspace's store keeps: a team workspace's whole list (its images are not the
    // files of a folder); in a folder's, what was worked on deeper inside it.
    std::function<QStringList()> storedFiles;
    // A file this computer lacks that can be fetched (a team's PACS series): true when it will be
    // opened once here.
    std::function<bool(const QString& file)> fetchMissing;
    // Which of several series or stacks to open (the index of a line; -1: none).
    std::function<int(const QStringList& lines)> chooseSeries;

    bool openFile(const QString& path);
    // A folder: a DICOM series or UW-Madison case-day opens as a volume; otherwise the folder is a
    // workspace and its first file opens.
    bool openWorkspace(const QString& folder);   // a folder, or a team workspace's postgresql:// URL
    // Scans a folder for DICOM series; `choose` picks one of several (index, or -1 to cancel).
    // A folder of DICOM files, or one enhanced file holding several stacks; where it holds several
    // series or stacks, `choose` (else chooseSeries, else the first) picks one of their lines.
    bool openSeries(const QString& folder, const std::function<int(const QStringList&)>& choose = {});
    bool importDicom(const QString& source, const QString& workspace, bool deidentify);
    // Where a workspace's DICOM copies and settings live (a team's: this client's folder for it),
    // and whether it de-identifies what is imported.
    static QString copiesFolder(const QString& workspace);
    static bool deidentifiesImports(const QString& workspace);
    // The bundled demo frames and slices, copied to a writable folder so corrections can be kept.
    static QString prepareDemoWorkspace();
    // The files of the workspace folder that a reader opens, sorted by name; its imported series
    // (dicom/); then what its store keeps masks of deeper inside it (a series in a subfolder).
    QStringList workspaceFiles() const;
    // "Images (*.jpg …);;DICOM files (*.dcm …);;All files (*)" from the reader registry.
    static QString openDialogFilter();

    bool empty() const { return doc_.empty(); }
    core::AnnotationDocument& document() { return doc_; }
    const core::AnnotationDocument& document() const { return doc_; }
    int depth() const { return doc_.depth(); }
    int slice() const { return slice_; }
    const core::Image& image() const { return doc_.empty() ? noImage_ : doc_.slice(slice_); }
    core::MaskEditor& editor() { return doc_.empty() ? noEditor_ : doc_.editor(slice_); }
    // For reading (history, modified): looking at a slice does not give it a label map.
    const core::MaskEditor& editorView() const
    {
        const core::MaskEditor* e = doc_.empty() ? nullptr : doc_.findEditor(slice_);
        return e ? *e : noEditor_;
    }
    const core::LabelMap& labels() const { return doc_.empty() ? noEditor_.labels() : doc_.labels(slice_); }
    QString currentFile() const { return currentFile_; }
    // What the workspace store keeps the open image's revisions and reviews under: its file, or
    // for one series (or stack) of a folder holding several, FOLDER#series=NAME (NAME as its
    // masks are named), so that two series of one folder never share revisions.
    QString storeKey() const { return storeKey_; }
    bool isVideo() const;   // its slices are a video's frames (said "frame", not "slice")
    QString workspace() const { return workspace_; }

    void showSlice(int z);
    const core::Window& window() const { return window_; }
    void setWindow(const core::Window& w);
    void resetWindow();
    void dragWindow(double dx, double dy);     // right drag: width by x, level by y
    std::vector<core::Window> windowPresets() const;
    // The slice under the current window as RGB, and the corner annotations of a reading station.
    QImage renderSlice() const;
    QString infoTopLeft() const;
    QString infoBottomLeft() const;
    // The voxel under the pointer for the status bar: "x 12  y 30  slice 5   R 18.0  P 45.0  S 112.5
    // mm   value 812 HU" (slice z + 1), where the patient's place is known (else the mm from the
    // image's corner).
    QString voxelText(int x, int y, int z) const;
    QString pixelText(int x, int y) const { return voxelText(x, y, slice_); }

    // How the coronal and sagittal views cut the open volume: along the patient's axes for an
    // oblique or tilted series while the preference asks for it, else through its voxel planes.
    const core::Reslicer& reslicer() const { return reslicer_; }
    void setAlongPatientAxes(bool on);

Q_SIGNALS:
    void documentChanged();       // a new document (or none)
    void workspaceChanged();      // another workspace folder
    void noted(const QStringList& warnings);   // irregular spacing, tilt, masks that did not fit…
    void sliceChanged(int z);
    void windowChanged();
    void reslicingChanged();      // the coronal and sagittal planes are cut another way

private:
    void setDocument(core::Volume volume, const QString& file, const QString& maskBase, const QString& workspace,
                     const QString& storeKey = {});
    bool loadInBackground(const QString& title, const QString& file, const QString& maskBase, const QString& workspace,
                          std::function<core::Volume(const std::atomic<bool>*, const core::LoadProgress&)> load,
                          const QString& storeKey = {});
    bool refuseWhileBusy();
    // openSeries once the folder (or enhanced file) is scanned. With `orElse`, that line is offered
    // after the series even when there is one; chosen, nothing opens and *orElseChosen is set.
    bool openScanned(const QString& folder, core::DicomScan scan, const std::function<int(const QStringList&)>& choose,
                     const QString& orElse = {}, bool* orElseChosen = nullptr);
    QString maskBaseFor(const QString& file, const QString& folder) const;
    // The workspace a file or series opens in, and the folder for its files: the open workspace when
    // the path lies in it (a team's: listed by its store, or in this client's folder for it), else
    // the folder around the path.
    QString workspaceOf(const QString& path, QString* files) const;

    JobRunner& jobs_;
    Notices& notices_;
    Preferences& prefs_;
    core::AnnotationDocument doc_;
    int slice_ = 0;
    core::Window window_;
    core::Window automatic_; // from the volume's values at open (core::volumeWindow)
    QString currentFile_, storeKey_, workspace_;
    core::MaskEditor noEditor_;
    core::Image noImage_;
    core::Reslicer reslicer_;
};

} // namespace delineo::vm
