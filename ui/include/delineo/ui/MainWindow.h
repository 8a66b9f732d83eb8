#pragma once
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Image.h"
#include "delineo/ui/JobRunner.h"
#include "delineo/ui/WorkspaceSession.h"

#include <QMainWindow>
#include <QFileInfo>
#include <QHash>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QAction;
class QDialog;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QToolBar;
class QProgressBar;
class QSlider;
class QSpinBox;
class QToolButton;

namespace delineo::ml {
class Segmenter;
struct Prediction;
}

namespace delineo::ui {

class ClassLegend;
class ImageView;
class TrainingPanel;
class Tool;
class ToolOptionsPanel;
class HistoryPanel;
class ModelsPanel;

// The annotation window: one image at a time, a workspace file list, model run and fine-tune.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false and shows a dialog (unless dialogs are suppressed) on failure.
    bool openFile(const QString& path);
    bool openWorkspace(const QString& folder);
    // The bundled demo frames and slices, copied to a writable folder so corrections can be saved.
    QString prepareDemoWorkspace() const;
    bool openDemoWorkspace();
    // Scans a folder for DICOM series (asks which one when there are several) and loads it in
    // the background with progress and cancel.
    bool openSeries(const QString& folder);
    // Copies DICOM into WORKSPACE/dicom/ (de-identified unless the workspace keeps identities), then opens it.
    bool importDicom(const QString& source, const QString& workspace, bool deidentify);
    bool loadModel(const QString& weightsPath);
    bool saveMask();
    bool runModel();                   // starts a background job; the result waits as a preview
    // AI results wait per slice in a preview layer; these concern the current slice.
    bool hasPreview() const { return previews_.count(slice_) > 0; }
    const core::LabelMap& preview() const { return hasPreview() ? previews_.at(slice_).labels : noPreview_; }
    int previewCount() const { return static_cast<int>(previews_.size()); }
    // Runs the model on every slice in the background (progress, Cancel keeps what is done).
    bool runModelOnAllSlices();
    bool acceptAllPreviews();                  // one undoable command per slice
    // Merges the preview into the mask as one undoable command (only `onlyLabel` when > 0); labels
    // already drawn are kept unless "AI may overwrite my labels" is on.
    bool acceptPreview(int onlyLabel = 0);
    void rejectPreview();
    // Training → Fine-tune: trains the workspace's active model (the current model is added as
    // the first version when the workspace has none) on its corrected/approved masks in the
    // Training panel; the result is a new version, used only once promoted.
    bool startFineTune(int epochs, bool fromScratch = false, bool ask = false);
    bool promoteModel(std::int64_t version);   // makes it active and loads it
    bool rollBackModel();                      // back to the previously active version
    // Ground truth, the active version's and `version`'s masks side by side on a validation image
    // (the current one when it is in the validation split), each with its Dice. Returns the dialog.
    QDialog* compareModels(std::int64_t version);
    // Help → User Guide: docs/USER_GUIDE.md with its screenshots (installed beside the models).
    QDialog* showUserGuide();
    TrainingPanel* trainingPanel() const { return training_; }
    ModelsPanel* modelsPanel() const { return models_; }
    bool waitForJob(int timeoutMs = 600000);
    // Commits changed slices to the workspace database (the 3-second autosave does the same);
    // `endRevision` closes the revisions, as Save does. Waits for the commits when `wait`.
    void commitToWorkspace(bool endRevision = false, bool wait = false);
    void setReview(core::ReviewStatus status); // for the current file
    bool openNextForReview();                  // N: the next file neither approved nor rejected
    // Per slice/frame: not started, AI draft, corrected or approved (from its latest revision).
    core::ReviewStatus sliceStatus(int z) const;
    bool approveSlice();                       // Shift+A: the slice's mask as an approved revision
    bool rejectSlice();                        // Shift+X
    // Active learning: scores the files not yet corrected, approved or rejected by the model's
    // uncertainty (background job); Shift+N then opens the most uncertain one.
    bool rankByUncertainty();
    bool openMostUncertain();
    double uncertainty(const QString& file) const { return uncertainty_.value(QFileInfo(file).absoluteFilePath(), -1); }
    WorkspaceSession& session() { return session_; }

    // Tests and --screenshot: errors go to lastError() instead of modal dialogs.
    void setDialogsEnabled(bool enabled) { dialogs_ = enabled; }
    // Previews (--screenshot): nothing is written, no workspace database, no mask files.
    void setWritesEnabled(bool enabled) { writes_ = enabled; }
    QString lastError() const { return lastError_; }

    ImageView* view() const { return view_; }
    ClassLegend* legend() const { return legend_; }
    JobRunner* jobs() const { return jobs_; }
    // With no document open these are empty stand-ins, never out of range.
    const core::LabelMap& labels() const { return doc_.empty() ? noEditor_.labels() : doc_.labels(slice_); }
    core::MaskEditor& editor() { return doc_.empty() ? noEditor_ : doc_.editor(slice_); }
    const core::AnnotationDocument& document() const { return doc_; }
    int slice() const { return slice_; }
    int activeLabel() const { return activeLabel_; }
    bool overwriteOthers() const { return brush_.overwriteOthers; }
    // The one apply path for whole-slice edits: an undoable command on slice z, overlay refreshed.
    bool applyMaskEdit(int z, const core::LabelMap& next, const QString& description);
    void showSlice(int z);
    QString currentFile() const { return currentFile_; }
    QString maskPathFor(const QString& imagePath, const QString& workspace = {}) const;
    QString modelPath() const { return modelPath_; }
    void setBrushRadius(int r);
    void setEraser(bool erase);                // the eraser or the brush tool
    // Tools by id: brush, eraser, threshold-brush, lasso, flood-fill. False if unknown.
    bool selectTool(const QString& id);
    QString activeTool() const;
    ToolOptionsPanel* toolOptions() const { return toolOptions_; }
    QComboBox* fileFilter() const { return fileFilter_; }
    QListWidget* fileList() const { return files_; }
    HistoryPanel* historyPanel() const { return history_; }
    bool outlineOnly() const { return outlineOnly_; }
    void setActiveLabel(int label);
    void undo();
    void redo();

protected:
    void closeEvent(QCloseEvent*) override;

private:
    void buildActions();
    void buildHelpMenu();
    void buildUi();
    void refreshOverlay(const core::Rect& rect);
    void refreshOverlayAll();
    void rerenderBase();
    void updateTitleAndActions();
    void refreshFileList();
    // "Not started", "AI draft", … in the interface language (file list and its filter).
    static QString statusText(core::ReviewStatus status);
    void refreshClassCombo();
    void fail(const QString& title, const QString& message);
    bool autosaveIfModified();
    void onStrokeStarted(QPointF p, bool erase);
    void onStrokeMoved(QPointF p);
    void onStrokeFinished();
    void onWindowLevel(double dx, double dy);
    void onCursor(QPoint pixel, bool inside);
    void onJobFinished(bool ok, bool cancelled, const QString& error);
    void chooseOpenFile();
    void chooseWorkspace();
    void chooseModel();
    void chooseSeries();
    void setDocument(core::Volume volume, const QString& file, const QString& maskBase);
    bool loadInBackground(const QString& title, const QString& file, const QString& maskBase, const QString& workspace,
                          std::function<core::Volume(JobRunner::Context&)> load);
    void chooseImportDicom();
    void openSession();
    bool ensureSession();
    void showReview();
    void showPreview();
    void rebuildWindowPresets();
    void chooseModelFor(int channels);
    const core::Image& image() const { return doc_.empty() ? noImage_ : doc_.slice(slice_); }
    void createTrainingMenu();
    void createTools(QMenu* edit);
    void syncToolOptions();
    std::unique_ptr<core::Workspace> trainingConnection();
    void refreshModels();

    ImageView* view_ = nullptr;
    JobRunner* jobs_ = nullptr;
    TrainingPanel* training_ = nullptr;
    ModelsPanel* models_ = nullptr;
    QListWidget* files_ = nullptr;
    QComboBox* classCombo_ = nullptr;
    QComboBox* fileFilter_ = nullptr;
    ClassLegend* legend_ = nullptr;
    QSpinBox* brushSize_ = nullptr;
    QSlider* opacity_ = nullptr;
    QSlider* sliceSlider_ = nullptr;
    QLabel* sliceLabel_ = nullptr;
    QLabel* reviewLabel_ = nullptr;
    QMenu* presetsMenu_ = nullptr;
    QToolBar* slicesBar_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancelButton_ = nullptr;
    QAction *undoAct_ = nullptr, *redoAct_ = nullptr, *saveAct_ = nullptr, *runAct_ = nullptr,
            *fineTuneAct_ = nullptr, *overlayAct_ = nullptr;

    core::AnnotationDocument doc_;
    int slice_ = 0;
    core::MaskEditor noEditor_;
    core::Image noImage_;
    core::Window window_;
    core::BrushSettings brush_;
    std::vector<std::unique_ptr<Tool>> tools_;
    std::vector<QAction*> toolActs_;
    std::size_t tool_ = 0;
    ToolOptionsPanel* toolOptions_ = nullptr;
    HistoryPanel* history_ = nullptr;
    bool outlineOnly_ = false;
    QWidget* welcome_ = nullptr;   // shown on the empty view: offers the demo workspace
    std::vector<core::ReviewStatus> sliceStatus_;
    void markSlice(int z, core::ReviewStatus status, bool store);
    int activeLabel_ = 1;
    QString currentFile_, workspace_, modelPath_;
    std::shared_ptr<ml::Segmenter> model_;
    std::function<void()> onJobDone_;
    bool dialogs_ = true;
    bool writes_ = true;
    WorkspaceSession session_;
    std::vector<std::uint64_t> dbChanges_;   // per slice: editor change count last committed
    core::ReviewStatus review_ = core::ReviewStatus::NotStarted;
    struct SlicePreview {
        core::LabelMap labels;
        std::vector<std::uint8_t> confidence;  // max class probability per pixel, 0..255
    };
    std::map<int, SlicePreview> previews_;
    void storePreview(int z, ml::Prediction&& result);
    core::LabelMap noPreview_;
    QString lastError_;
    QHash<QString, double> uncertainty_;   // absolute path -> mean pixel entropy
};

} // namespace delineo::ui
