// MainWindow: the Training menu, the Training and Models panels, promote and roll back, and
// ranking files for review by model uncertainty.
#include "delineo/ui/MainWindow.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/TrainingPanel.h"
#include "QtText.h"

#include <QAction>
#include <QCheckBox>
#include <QSpinBox>
#include <QDir>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>

#include <filesystem>

namespace delineo::ui {

void MainWindow::createTrainingMenu()
{
    training_ = new TrainingPanel(this);
    models_ = new ModelsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, training_);
    addDockWidget(Qt::RightDockWidgetArea, models_);
    tabifyDockWidget(training_, models_);
    training_->hide();
    models_->hide();
    connect(training_, &TrainingPanel::finished, this, [this](qint64 id, const QString& message) {
        statusBar()->showMessage(message, 15000);
        if (id == 0 && message.startsWith(tr("Training failed")))
            fail(tr("Training failed"), message);
        refreshModels();
        if (id) {
            models_->show();
            models_->raise();
            models_->selectVersion(id);
        }
        updateTitleAndActions();
    });
    connect(models_, &ModelsPanel::promoteRequested, this, [this](qint64 id) { promoteModel(id); });
    connect(models_, &ModelsPanel::rollbackRequested, this, [this] { rollBackModel(); });

    auto* menu = menuBar()->addMenu(tr("&Training"));
    fineTuneAct_ = menu->addAction(tr("&Fine-tune Current Model…"), QKeySequence(tr("Ctrl+T")), this,
                                   [this] { startFineTune(10, false, true); });
    menu->addAction(tr("Train from &Scratch…"), this, [this] { startFineTune(30, true, true); });
    menu->addAction(tr("&Cancel Training"), this, [this] { training_->cancel(); });
    menu->addSeparator();
    menu->addAction(training_->toggleViewAction());
    QAction* showModels = models_->toggleViewAction();
    showModels->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    menu->addAction(showModels);
    connect(showModels, &QAction::toggled, this, [this](bool on) {
        if (on)
            refreshModels();
    });
}

std::unique_ptr<core::Workspace> MainWindow::trainingConnection()
{
    if (!ensureSession())
        return nullptr;
    commitToWorkspace(false, true);
    try {
        return session_.connect();
    } catch (const core::ImageError& e) {
        fail(tr("Workspace"), qs(e.what()));
        return nullptr;
    }
}

void MainWindow::refreshModels()
{
    if (auto ws = trainingConnection())
        models_->refresh(*ws);
}

bool MainWindow::startFineTune(int epochs, bool fromScratch, bool ask)
{
    if (training_->busy()) {
        fail(tr("Cannot train"), tr("A training run is going already; cancel it first."));
        return false;
    }
    auto ws = trainingConnection();
    if (!ws) {
        fail(tr("Cannot train"), tr("Open a workspace folder first: training uses its corrected masks."));
        return false;
    }
    try {
        // Saved mask files the database has not seen yet count as corrections (first revision).
        if (model_) {
            const int fg = model_->config().numForeground();
            for (const auto& pair : core::SegmentationDataset::folderPairs(ss(workspace_), ss(QDir(workspace_).filePath("masks")))) {
                const auto id = ws->imageId(QFileInfo(qs(pair.image)).absoluteFilePath().toStdString());
                if (id && ws->latestMask(*id, 0))
                    continue;
                const core::LabelMap mask = core::loadMask(pair.mask, fg);
                const std::string name = QDir(workspace_).relativeFilePath(qs(pair.image)).toStdString();
                const auto image = ws->addImage(ws->addCase(name), QFileInfo(qs(pair.image)).absoluteFilePath().toStdString(),
                                                mask.width, mask.height);
                ws->commitMask(image, 0, mask, core::MaskKind::Corrected);
            }
        }
        // The model in use becomes the first version of a workspace that has none.
        if (!ws->activeModel()) {
            if (!model_) {
                fail(tr("Cannot train"), tr("Load a model first."));
                return false;
            }
            core::ModelVersion v;
            v.path = QFileInfo(modelPath_).absoluteFilePath().toStdString();
            v.name = QFileInfo(modelPath_).completeBaseName().toStdString();
            v.sidecar = model_->config().toJson();
            ws->addModelVersion(v);
        }
        core::FineTuneSettings settings;
        settings.epochs = epochs;
        settings.fromScratch = fromScratch;
        settings.maxSeconds = 0;
        core::FineTunePlan plan = core::planFineTune(*ws, settings);
        if (ask && dialogs_) {
            FineTuneDialog dialog(*ws, plan, this);
            dialog.scratchBox()->setChecked(fromScratch);
            dialog.epochsBox()->setValue(epochs);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            settings = dialog.settings();
            if (dialog.validationChanged()) {
                ws->setValidationImages(dialog.validationImages());
                plan = core::planFineTune(*ws, settings);
            }
        }
        if (!training_->start(std::move(ws), plan, settings))
            return false;
    } catch (const std::exception& e) {
        fail(tr("Cannot train"), qs(e.what()));
        return false;
    }
    training_->show();
    training_->raise();
    statusBar()->showMessage(tr("Training in the background; keep working. The active model stays in use."), 8000);
    updateTitleAndActions();
    return true;
}

bool MainWindow::promoteModel(std::int64_t version)
{
    auto ws = trainingConnection();
    if (!ws)
        return false;
    try {
        const auto v = ws->model(version);
        if (!v)
            throw core::ImageError(core::ErrorCode::NotFound, "no model version " + std::to_string(version));
        if (!loadModel(qs(core::modelFile(*ws, *v))))
            return false;
        ws->promote(version);
    } catch (const std::exception& e) {
        fail(tr("Cannot promote"), qs(e.what()));
        return false;
    }
    models_->refresh(*ws);
    statusBar()->showMessage(tr("Model v%1 is now active.").arg(version), 8000);
    return true;
}

bool MainWindow::rollBackModel()
{
    auto ws = trainingConnection();
    if (!ws)
        return false;
    try {
        const std::int64_t id = ws->rollback();
        const auto v = ws->model(id);
        if (!v || !loadModel(qs(core::modelFile(*ws, *v)))) {
            fail(tr("Cannot roll back"), tr("The weights of v%1 cannot be loaded.").arg(id));
            return false;
        }
        models_->refresh(*ws);
        statusBar()->showMessage(tr("Rolled back: model v%1 is active again.").arg(id), 8000);
    } catch (const std::exception& e) {
        fail(tr("Cannot roll back"), qs(e.what()));
        return false;
    }
    return true;
}

bool MainWindow::rankByUncertainty()
{
    if (!model_ || workspace_.isEmpty()) {
        fail(tr("Cannot rank"), tr("Open a workspace folder and load a model first."));
        return false;
    }
    QStringList todo;
    for (int i = 0; i < files_->count(); ++i) {
        const auto st = core::ReviewStatus(files_->item(i)->data(Qt::UserRole + 1).toInt());
        if (st == core::ReviewStatus::NotStarted || st == core::ReviewStatus::AiDraft)
            todo << files_->item(i)->data(Qt::UserRole).toString();
    }
    auto model = model_;
    auto scores = std::make_shared<QHash<QString, double>>();
    onJobDone_ = [this, scores] {
        for (auto it = scores->begin(); it != scores->end(); ++it)
            uncertainty_[it.key()] = it.value();
        refreshFileList();
        statusBar()->showMessage(tr("Ranked %1 unreviewed files by model uncertainty; Shift+N opens the most uncertain.")
                                     .arg(scores->size()), 10000);
    };
    return jobs_->start(tr("Ranking by uncertainty"), [todo, model, scores](JobRunner::Context& ctx) {
        for (int i = 0; i < todo.size(); ++i) {
            if (ctx.cancel->load())
                return;
            ctx.progress(double(i) / todo.size(), QObject::tr("Scoring %1 of %2…").arg(i + 1).arg(todo.size()));
            try {
                (*scores)[todo[i]] = core::uncertaintyOf(*model, core::loadVolume(ss(todo[i])));
            } catch (const core::ImageError&) {
                // unreadable files are left unranked; opening one shows why
            }
        }
    });
}

bool MainWindow::openMostUncertain()
{
    QString best;
    double top = -1;
    for (int i = 0; i < files_->count(); ++i) {
        const QString path = files_->item(i)->data(Qt::UserRole).toString();
        const auto st = core::ReviewStatus(files_->item(i)->data(Qt::UserRole + 1).toInt());
        const double score = uncertainty_.value(path, -1);
        if ((st == core::ReviewStatus::NotStarted || st == core::ReviewStatus::AiDraft) && score > top &&
            path != QFileInfo(currentFile_).absoluteFilePath()) {
            top = score;
            best = path;
        }
    }
    if (best.isEmpty()) {
        statusBar()->showMessage(tr("No ranked file left to review: Review → Rank Unreviewed by Model Uncertainty."), 8000);
        return false;
    }
    return openFile(best);
}

} // namespace delineo::ui
