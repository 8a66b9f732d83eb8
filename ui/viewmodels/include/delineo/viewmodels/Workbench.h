#pragma once
#include "delineo/viewmodels/AssistController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/EvaluationController.h"
#include "delineo/viewmodels/ExportController.h"
#include "delineo/viewmodels/FastSeekController.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/LabelImportController.h"
#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/PacsController.h"
#include "delineo/viewmodels/PatientAxesCopy.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/PlaybackController.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/ReviewController.h"
#include "delineo/viewmodels/TrainingController.h"

#include <QObject>

namespace delineo::vm {

// Everything behind the main window, without a widget: the preferences, one background job runner,
// and one controller per concern, wired to each other. The window displays their state and
// forwards the user's actions; tests drive the same objects directly.
class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(QObject* parent = nullptr);
    ~Workbench() override;

    Preferences& preferences() { return prefs_; }
    const Preferences& preferences() const { return prefs_; }
    Notices& notices() { return notices_; }
    const Notices& notices() const { return notices_; }
    JobRunner& jobs() { return *jobs_; }
    DocumentController& document() { return document_; }
    EditingController& editing() { return editing_; }
    ReviewController& review() { return review_; }
    PreviewController& preview() { return preview_; }
    AssistController& assist() { return assist_; }
    TrainingController& training() { return training_; }
    ExportController& exports() { return exports_; }
    EvaluationController& evaluation() { return evaluation_; }
    PlaybackController& playback() { return playback_; }
    FastSeekController& fastSeek() { return fastSeek_; }
    MultiplanarController& planes() { return planes_; }
    PacsController& pacs() { return pacs_; }
    LabelImportController& labelFiles() { return labelFiles_; }
    PatientAxesCopy& patientAxesCopy() { return patientAxesCopy_; }
    MeasurementController& measurements() { return measurements_; }

    // Enter and Esc: they answer AI Assist while it has prompts, the automatic result otherwise.
    void acceptAi();
    void rejectAi();

    // Edit → Undo and Redo: the masks' history or the measurements', whichever made the newest
    // change (undo) or holds the oldest undone one (redo), so one Ctrl+Z takes back what was done
    // last, a ruler or a stroke. The names say what the next step is ("Draw Ruler"; empty: none).
    void undo() { step(true); }
    void redo() { step(false); }
    QString undoName() const { return stepName(true); }
    QString redoName() const { return stepName(false); }

    // Waits (processing events) until the running background job has finished.
    bool waitForJob(int timeoutMs = 600000);
    // A path named on the command line or dropped on the view: a folder opens as a workspace (or a
    // series), a DICOM SEG over the open image as its labels (one undo step), anything else as an image.
    bool openPath(const QString& path);
    // Before the window closes: cancels a running job, saves and commits everything.
    bool shutDown();

private:
    bool measurementStep(bool back) const; // the measurements' history steps next
    void step(bool back);
    QString stepName(bool back) const;

    Preferences prefs_;
    Notices notices_;
    JobRunner* jobs_;
    DocumentController document_;
    EditingController editing_;
    ReviewController review_;
    PreviewController preview_;
    AssistController assist_;
    TrainingController training_;
    ExportController exports_;
    EvaluationController evaluation_;
    PlaybackController playback_;
    FastSeekController fastSeek_;
    MultiplanarController planes_;
    PacsController pacs_;
    LabelImportController labelFiles_;
    PatientAxesCopy patientAxesCopy_;
    MeasurementController measurements_;
};

} // namespace delineo::vm
