// MainWindow: the Training menu, the Training and Models panels, promote and roll back, compare, and
// ranking files for review by model uncertainty.
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/Translations.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/TrainingPanel.h"
#include "QtText.h"

#include <QAction>
#include <QDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QCheckBox>
#include <QSpinBox>
#include <QDir>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>

#include <filesystem>

namespace delineo::ui {

namespace {

// Files whose masks still wait for a person: not started, or only an AI draft.
bool awaitsCorrection(const QListWidgetItem* item)
{
    const auto st = core::ReviewStatus(item->data(Qt::UserRole + 1).toInt());
    return st == core::ReviewStatus::NotStarted || st == core::ReviewStatus::AiDraft;
}

} // namespace

void MainWindow::createTrainingMenu()
{
    training_ = new TrainingPanel(this);
    models_ = new ModelsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, training_);
    addDockWidget(Qt::RightDockWidgetArea, models_);
    tabifyDockWidget(training_, models_);
    training_->hide();
    models_->hide();
    connect(training_, &TrainingPanel::finished, this, [this](qint64 id, bool failed, const QString& message) {
        statusBar()->showMessage(message, 15000);
        if (failed)
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
    connect(models_, &ModelsPanel::compareRequested, this, [this](qint64 id) {
        if (QDialog* d = compareModels(id)) {
            d->setAttribute(Qt::WA_DeleteOnClose);
            d->show();
        }
    });

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
        fail(tr("Workspace"), Translations::errorText(e));
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
        // The model in use becomes the first version of a workspace that has none (copied into it).
        if (!ws->activeModel()) {
            if (!model_) {
                fail(tr("Cannot train"), tr("Load a model first."));
                return false;
            }
            core::addModelFile(*ws, modelPath_.toStdString());
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
        fail(tr("Cannot train"), Translations::errorText(e));
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
        fail(tr("Cannot promote"), Translations::errorText(e));
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
        fail(tr("Cannot roll back"), Translations::errorText(e));
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
    for (int i = 0; i < files_->count(); ++i)
        if (awaitsCorrection(files_->item(i)))
            todo << files_->item(i)->data(Qt::UserRole).toString();
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
        const double score = uncertainty_.value(path, -1);
        if (awaitsCorrection(files_->item(i)) && score > top && path != QFileInfo(currentFile_).absoluteFilePath()) {
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

QDialog* MainWindow::compareModels(std::int64_t version)
{
    auto ws = trainingConnection();
    if (!ws)
        return nullptr;
    try {
        const auto active = ws->activeModel();
        const auto other = ws->model(version);
        if (!active || !other)
            throw core::ImageError(core::ErrorCode::NotFound, "no such model version");
        // The validation image: the current file if it is one, else the first of the split.
        const auto val = ws->validationImages();
        if (val.empty())
            throw core::ImageError(core::ErrorCode::NotFound, "the workspace has no validation images yet");
        std::int64_t imageId = val.front();
        if (const auto cur = ws->imageId(QFileInfo(currentFile_).absoluteFilePath().toStdString()))
            if (std::find(val.begin(), val.end(), *cur) != val.end())
                imageId = *cur;
        const auto entry = ws->image(imageId);
        const core::Volume volume = core::loadVolume(entry->path);
        int z = volume.depth() / 2;
        for (const auto& r : ws->reviewedSlices())
            if (r.imageId == imageId) {
                z = r.slice;
                break;
            }
        const core::Image& img = volume.slice(z);
        const auto truth = ws->latestMask(imageId, z);
        const auto input = core::modelInput8(img);
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        struct Panel {
            QString title;
            core::LabelMap labels;
        };
        std::vector<Panel> panels;
        panels.push_back({tr("Ground truth (stored mask)"), truth ? truth->labels : core::LabelMap(img.width, img.height)});
        ml::ModelConfig cfg;
        for (const auto& v : {*active, *other}) {
            const auto model = ml::Segmenter::load(core::modelFile(*ws, v));
            cfg = model->config();
            auto p = model->predict({input.data(), img.width, img.height, img.channels});
            core::LabelMap m(img.width, img.height);
            m.labels = std::move(p.labels);
            const auto metrics = ml::evaluateLabels(m.labels.data(), panels.front().labels.labels.data(), img.width,
                                                    img.height, cfg.numForeground());
            panels.push_back({tr("v%1%2: Dice %3").arg(v.id).arg(v.active ? tr(" (active)") : QString())
                                  .arg(metrics.mean.dice, 0, 'f', 3),
                              std::move(m)});
        }
        QGuiApplication::restoreOverrideCursor();
        std::vector<core::Rgb> colours;
        for (const auto& c : cfg.classes)
            colours.push_back({c.colour[0], c.colour[1], c.colour[2]});
        auto* dialog = new QDialog(this);
        dialog->setWindowTitle(tr("Compare v%1 with the active model on %2").arg(version).arg(QFileInfo(qs(entry->path)).fileName()));
        auto* row = new QHBoxLayout(dialog);
        for (const auto& p : panels) {
            auto rgb = core::renderRgb(img, img.defaultWindow());
            core::blendLabels(rgb.data(), p.labels, colours, std::vector<bool>(colours.size(), true), 0.45);
            const QImage q(rgb.data(), img.width, img.height, img.width * 3, QImage::Format_RGB888);
            auto* column = new QVBoxLayout();
            auto* picture = new QLabel(dialog);
            picture->setPixmap(QPixmap::fromImage(q.scaled(360, 360, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            column->addWidget(new QLabel(p.title, dialog));
            column->addWidget(picture);
            row->addLayout(column);
        }
        return dialog;
    } catch (const std::exception& e) {
        QGuiApplication::restoreOverrideCursor();
        fail(tr("Cannot compare"), Translations::errorText(e));
        return nullptr;
    }
}

} // namespace delineo::ui
