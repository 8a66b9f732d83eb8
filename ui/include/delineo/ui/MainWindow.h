#pragma once
#include "delineo/viewmodels/Workbench.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QListWidget;
class QMenu;
class QToolBar;

namespace delineo::ui {

class TimelineSlider;
class ClassLegend;
class EditToolBar;
class FileListPanel;
class HistoryPanel;
class ImageView;
class AssistView;
class ModelsPanel;
class PlaneViews;
class StructuresPanel;
class MeasurementsPanel;
class ToolOptionsPanel;
class TrainingPanel;

// The annotation window. It owns the Workbench (the controllers of the open document, editing,
// the AI preview, review, training and export), shows their state in its widgets and wires its
// menus and the widgets' input to them. Domain rules live in the controllers, not here.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    vm::Workbench& workbench() { return bench_; }
    vm::DocumentController& document() { return bench_.document(); }
    vm::EditingController& editing() { return bench_.editing(); }
    vm::PreviewController& preview() { return bench_.preview(); }
    vm::AssistController& assist() { return bench_.assist(); }
    vm::ReviewController& review() { return bench_.review(); }
    vm::TrainingController& training() { return bench_.training(); }

    // A file or a folder (command line, drops); a DICOM folder with several series asks which.
    bool openPath(const QString& path);
    bool openDemoWorkspace();
    // Training → Fine-tune (with its dialog when `ask`): the workspace's active model on its
    // corrected masks, in the background; the result is a new version, used only once promoted.
    bool startFineTune(int epochs, bool fromScratch = false, bool ask = false,
                       core::ModelKind kind = core::ModelKind::Automatic);
    // Ground truth, the active version's and `version`'s masks side by side on a validation image.
    QDialog* compareModels(std::int64_t version);
    QDialog* showUserGuide();
    QDialog* showExport();                       // File → Export…
    bool waitForJob(int timeoutMs = 600000) { return bench_.waitForJob(timeoutMs); }

    // Tests and --screenshot: errors go to lastError() instead of modal dialogs.
    void setDialogsEnabled(bool enabled) { dialogs_ = enabled; }
    // Previews (--screenshot): nothing is written, no workspace database, no mask files.
    void setWritesEnabled(bool enabled) { bench_.review().setWritesEnabled(enabled); }
    QString lastError() const { return bench_.notices().lastError(); }

    ImageView* view() const { return view_; }
    PlaneViews* planeViews() const { return planes_; }
    StructuresPanel* structuresPanel() const { return structures_; }
    MeasurementsPanel* measurementsPanel() const { return measurementsPanel_; }
    ClassLegend* legend() const { return legend_; }
    QListWidget* fileList() const;
    QComboBox* fileFilter() const;
    HistoryPanel* historyPanel() const { return history_; }
    ToolOptionsPanel* toolOptions() const { return toolOptions_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    ModelsPanel* modelsPanel() const { return models_; }
    bool outlineOnly() const { return bench_.preferences().outlines; }

protected:
    void closeEvent(QCloseEvent*) override;

private:
    // MainWindow.cpp: docks, status bar and the controllers' signals.
    void buildDocks();
    void buildStatusBar();
    void connectControllers();
    void fail(const QString& title, const QString& message);
    // MainWindowMenus.cpp
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildModelMenu();
    void buildReviewMenu();
    void buildTrainingMenu();
    void buildToolBars();
    // MainWindowView.cpp: what the widgets show.
    void connectView();
    void showDocument();
    void showSlice();
    void rerender();
    void repaintMask(int slice, const core::Rect& area);
    void repaintMaskAll();
    void showPreview();
    void showClasses();
    void showModel();
    void showReview();
    void showSliceState();
    void showTool();
    void updateTitleAndActions();
    void rebuildWindowPresets();
    void openChosen(const QString& title, bool folder, const std::function<void(const QString&)>& open);

    vm::Workbench bench_;
    bool dialogs_ = true;
    ImageView* view_ = nullptr;
    PlaneViews* planes_ = nullptr;
    StructuresPanel* structures_ = nullptr;
    MeasurementsPanel* measurementsPanel_ = nullptr;
    AssistView* assistView_ = nullptr;
    QWidget* welcome_ = nullptr;   // shown on the empty view: offers the demo workspace
    ClassLegend* legend_ = nullptr;
    FileListPanel* files_ = nullptr;
    ToolOptionsPanel* toolOptions_ = nullptr;
    HistoryPanel* history_ = nullptr;
    TrainingPanel* trainingPanel_ = nullptr;
    ModelsPanel* models_ = nullptr;
    EditToolBar* tools_ = nullptr;
    TimelineSlider* sliceSlider_ = nullptr;
    QLabel *sliceLabel_ = nullptr, *reviewLabel_ = nullptr, *cursorLabel_ = nullptr, *modelLabel_ = nullptr;
    QToolBar* slicesBar_ = nullptr;
    QMenu* presetsMenu_ = nullptr;
    std::vector<QAction*> toolActs_;
    QAction *undoAct_ = nullptr, *redoAct_ = nullptr, *saveAct_ = nullptr, *runAct_ = nullptr,
            *fineTuneAct_ = nullptr;
};

} // namespace delineo::ui
