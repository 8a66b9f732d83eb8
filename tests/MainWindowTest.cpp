// Drives the real main window with QTest on the offscreen platform.
#include "MainWindowTestSupport.h"
#include "TestSupport.h"
#include "TestSettings.h"
#include "delineo/core/ModelTrust.h"

#include "delineo/core/DicomImport.h"
#include "delineo/core/Workspace.h"

#include "delineo/core/MaskIO.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Trainer.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ui/ClassLegend.h"
#include <QColorDialog>
#include <QInputDialog>
#include "delineo/ui/ImageView.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/Notices.h"
#include "delineo/viewmodels/Translations.h"
#include "delineo/ui/ShortcutsDialog.h"
#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/TrainingPanel.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/ui/HistoryPanel.h"

#include <functional>

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTimer>
#include <QLabel>
#include <QMenuBar>
#include <QTreeWidget>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <QWheelEvent>

#include <algorithm>
#include <fstream>

using namespace delineo;
using delineo::test::TempDir;
using namespace delineo::test;


TEST(MainWindow, OpenPaintUndoRedoSaveReload)
{
    TempDir dir;
    makeWorkspace(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    EXPECT_TRUE(w.document().currentFile().endsWith("frame0.png"));
    ASSERT_EQ(w.document().labels().width, 200);
    EXPECT_EQ(countLabel(w.document().labels(), 1), 0);
    EXPECT_TRUE(w.view()->edgeLabels().isEmpty()) << "a picture has no place in the patient to name";

    w.editing().setBrushRadius(5);
    drag(w.view(), {40, 40}, {120, 40});
    const core::LabelMap painted = w.document().labels();
    EXPECT_EQ(painted.at(40, 40), 1);
    EXPECT_EQ(painted.at(80, 40), 1);
    EXPECT_EQ(painted.at(120, 40), 1);
    EXPECT_EQ(painted.at(80, 50), 0);
    EXPECT_EQ(painted.at(80, 30), 0);
    // Expected: a 5-px-radius capsule from x=40 to x=120 (view rounding may shift ±1 px).
    EXPECT_NEAR(countLabel(painted, 1), 81 * 11 + 80, 200);

    // The legend hides and shows a class in the overlay; the mask itself is untouched.
    EXPECT_NE(qAlpha(w.view()->overlay().pixel(80, 40)), 0);
    w.legend()->setClassVisible(1, false);
    EXPECT_EQ(qAlpha(w.view()->overlay().pixel(80, 40)), 0);
    EXPECT_EQ(w.document().labels(), painted);
    w.legend()->setClassVisible(1, true);
    EXPECT_NE(qAlpha(w.view()->overlay().pixel(80, 40)), 0);

    // Shift+drag erases.
    drag(w.view(), {80, 30}, {80, 50}, Qt::ShiftModifier);
    EXPECT_EQ(w.document().labels().at(80, 40), 0);
    EXPECT_EQ(w.document().labels().at(60, 40), 1);

    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(w.document().labels(), painted);
    w.editing().undo();
    EXPECT_EQ(countLabel(w.document().labels(), 1), 0);
    w.editing().redo();
    EXPECT_EQ(w.document().labels(), painted);

    ASSERT_TRUE(w.review().save());
    EXPECT_FALSE(w.document().document().modified());
    EXPECT_EQ(storedMask(w, dir.file("frame0.png")), painted) << "the workspace store holds the saved mask";
    EXPECT_FALSE(std::filesystem::exists(dir.file("masks"))) << "PNG files are exports, not a second store";

    // Switch away and back: the saved mask comes back.
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame1.png"))));
    EXPECT_EQ(countLabel(w.document().labels(), 1), 0);
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame0.png"))));
    EXPECT_EQ(w.document().labels(), painted);
}

TEST(MainWindow, SwitchingImagesNeverLosesEdits)
{
    TempDir dir;
    ui::MainWindow w;
    ASSERT_TRUE(openWithUnsavedStroke(w, dir, 30));
    const core::LabelMap edited = w.document().labels();
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame2.png")))); // no explicit save
    EXPECT_EQ(storedMask(w, dir.file("frame0.png")), edited);
}

TEST(MainWindow, BadInputIsAnErrorNotACrash)
{
    TempDir dir;
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    EXPECT_FALSE(w.document().openFile(q(dir.file("missing.png"))));
    EXPECT_TRUE(w.lastError().contains("not found"));
    std::ofstream(dir.file("bad.jpg")) << "nope";
    EXPECT_FALSE(w.document().openFile(q(dir.file("bad.jpg"))));
    std::ofstream(dir.file("bad.pt")) << "nope";
    EXPECT_FALSE(w.preview().loadModel(q(dir.file("bad.pt"))));
    EXPECT_FALSE(w.preview().run());
}

TEST(MainWindow, RunModelIsUndoableAndFineTuneSwapsModel)
{
    TempDir dir;
    makeWorkspace(dir);
    trainTinyModel(dir, 2);

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.preview().loadModel(q(dir.file("tiny.pt"))));
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    // A deterministic model for the preview: the PyTorch export in tests/data labels red > 0.5.
    const std::string ts = core::importModel(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.pt",
                                                 std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json", dir.file("ts"));
    ASSERT_TRUE(w.preview().loadModel(q(ts)));
    w.editing().setBrushRadius(1);
    drag(w.view(), {1, 1}, {3, 1});
    const core::LabelMap before = w.document().labels();
    ASSERT_EQ(before.at(2, 1), 1);
    ASSERT_TRUE(w.preview().run());
    ASSERT_TRUE(w.waitForJob(120000));
    EXPECT_TRUE(w.lastError().isEmpty()) << w.lastError().toStdString();
    // The result waits as a preview; the mask is untouched until accepted.
    ASSERT_TRUE(w.preview().hasPreview());
    EXPECT_EQ(w.document().labels(), before);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("ai-preview.png"));
    QTest::keyClick(&w, Qt::Key_Escape);
    EXPECT_FALSE(w.preview().hasPreview());
    EXPECT_EQ(w.document().labels(), before);
    ASSERT_TRUE(w.preview().run());
    ASSERT_TRUE(w.waitForJob(120000));
    const core::LabelMap preview = w.preview().current();
    ASSERT_TRUE(w.preview().accept());
    EXPECT_EQ(w.document().editor().history().undoText(), "AI segmentation");
    for (std::size_t i = 0; i < preview.labels.size(); ++i)
        ASSERT_EQ(w.document().labels().labels[i], before.labels[i] ? before.labels[i] : preview.labels[i]) << i;
    w.editing().undo();
    EXPECT_EQ(w.document().labels(), before);
    ASSERT_TRUE(w.preview().loadModel(q(dir.file("tiny.pt"))));

    const QString oldModel = w.preview().modelPath();
    ASSERT_TRUE(w.startFineTune(1));
    ASSERT_TRUE(w.training().waitForFinished(300000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(w.lastError().isEmpty()) << w.lastError().toStdString();
    EXPECT_EQ(w.preview().modelPath(), oldModel) << "a new version is used only once promoted";
    EXPECT_GE(w.trainingPanel()->lossPoints(), 1);
    const std::int64_t tuned = w.modelsPanel()->selectedVersion();
    ASSERT_EQ(tuned, 2) << "the model in use became v1, the fine-tune v2";
    EXPECT_EQ(w.modelsPanel()->table()->rowCount(), 2);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
        w.resize(1500, 900);
        QCoreApplication::processEvents();
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("training.png"));
    }
    QDialog* compare = w.compareModels(tuned);
    ASSERT_TRUE(compare) << w.lastError().toStdString();
    int pictures = 0;
    for (auto* label : compare->findChildren<QLabel*>())
        pictures += !label->pixmap().isNull();
    EXPECT_EQ(pictures, 3); // ground truth, active, selected
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        compare->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("compare.png"));
    delete compare;
    ASSERT_TRUE(w.training().promote(tuned));
    EXPECT_TRUE(w.preview().modelPath().contains("/models/v2-"));
    EXPECT_TRUE(QFileInfo::exists(oldModel)); // the previous model is never overwritten
    ASSERT_TRUE(w.training().rollback());
    // v1 is the workspace's own copy of the model that was in use, stored by a relative path.
    EXPECT_EQ(QFileInfo(w.preview().modelPath()).absoluteFilePath(), QFileInfo(q(dir.file("models/tiny.pt"))).absoluteFilePath());
    EXPECT_EQ(test::fileBytes(w.preview().modelPath().toStdString()), test::fileBytes(oldModel.toStdString()));
    w.close();
    auto ws = core::Workspace::open(dir.path().string());
    EXPECT_EQ(ws->modelCount(), 2);
    for (const auto& v : ws->models())
        EXPECT_TRUE(std::filesystem::path(v.path).is_relative()) << v.path;
    ASSERT_EQ(ws->trainingRunCount(), 1);
    EXPECT_EQ(ws->trainingRuns()[0].status, core::RunStatus::Finished);
    EXPECT_EQ(ws->activeModel()->id, 1);
}

// One mask store: mask files left in WS/masks/ are adopted by the same core function whichever
// front end fine-tunes, so the GUI and delineo-cli train on the same slices of the same folder.
TEST(MainWindow, GuiAndCliFineTunesSeeTheSameTrainingSet)
{
    TempDir dir;
    makeWorkspace(dir);
    trainTinyModel(dir, 1); // leaves masks/frame0..2.png that no database has seen
    std::string out;
    TempDir cliDir;
    const std::string copy = cliDir.path().string();
    ASSERT_EQ(test::runCommand("cp -r " + dir.file(".") + "/. " + copy, &out), 0) << out;
    ASSERT_EQ(test::runCommand(std::string(DELINEO_CLI) + " workspace create " + copy, &out), 0) << out;
    ASSERT_EQ(test::runCommand(std::string(DELINEO_CLI) + " models add " + copy + "/tiny.pt --workspace " + copy, &out), 0)
        << out;
    ASSERT_EQ(test::runCommand(std::string(DELINEO_CLI) + " finetune --epochs 1 --workspace " + copy, &out), 0) << out;
    EXPECT_NE(out.find("adopted 3 mask files"), std::string::npos) << out;

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.preview().loadModel(q(dir.file("tiny.pt"))));
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(w.startFineTune(1)) << w.lastError().toStdString();
    ASSERT_TRUE(w.training().waitForFinished(300000));
    const auto& plan = w.training().plan();
    auto store = w.review().connection();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->revisionCount(), 3) << "the three mask files joined the store";
    const std::string counts = std::to_string(plan.train.size()) + " corrected/approved slices train, " +
                               std::to_string(plan.val.size()) + " validate";
    EXPECT_NE(out.find(counts), std::string::npos) << "GUI: " << counts << "\nCLI: " << out;
    EXPECT_EQ(plan.train.size() + plan.val.size(), 3u);
}

// A window on a workspace with the tiny model in use; drive() hands the Fine-tune dialog, once, to a
// function while the window runs it modally. Any other modal window (an error box would block the
// test) is noted in `others` and closed.
struct FineTuneWindow {
    TempDir dir;
    ui::MainWindow w;
    QTimer poll;
    bool sawDialog = false;
    QString others;

    FineTuneWindow()
    {
        makeWorkspace(dir);
        trainTinyModel(dir, 1);
        w.show();
        EXPECT_TRUE(w.preview().loadModel(q(dir.file("tiny.pt"))));
        EXPECT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    }

    void drive(std::function<void(ui::FineTuneDialog*)> onDialog)
    {
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, [this, onDialog] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            auto* d = qobject_cast<ui::FineTuneDialog*>(modal);
            if (!d || sawDialog) {
                others += modal->windowTitle() + QStringLiteral(": ") + w.lastError() + QStringLiteral("\n");
                modal->close();
                return;
            }
            sawDialog = true;
            onDialog(d);
        });
        poll.start();
    }
};

// The dialog (driven like a user: set epochs, press Start Training), then Cancel in the panel:
// the run is recorded as cancelled and the model in use stays.
TEST(MainWindow, FineTuneDialogAndCancelKeepCurrentModel)
{
    FineTuneWindow fx;
    ui::MainWindow& w = fx.w;
    const TempDir& dir = fx.dir;
    fx.drive([&](ui::FineTuneDialog* d) {
        // The architecture is open only from scratch: the seeds' six.
        EXPECT_FALSE(d->architectureBox()->isEnabled());
        EXPECT_EQ(d->architectureBox()->count(), 6);
        EXPECT_EQ(d->architectureBox()->currentText(), QStringLiteral("unet"));
        EXPECT_FALSE(d->contextBox()->isEnabled());
        EXPECT_EQ(d->contextBox()->currentData().toInt(), 1);
        EXPECT_EQ(d->newClassesBox(), nullptr) << "the workspace adds no class to the model's";
        d->scratchBox()->setChecked(true);
        EXPECT_TRUE(d->architectureBox()->isEnabled());
        EXPECT_TRUE(d->contextBox()->isEnabled()); // 2.5D from scratch
        d->contextBox()->setCurrentIndex(d->contextBox()->findData(3));
        EXPECT_EQ(d->settings().contextSlices, 3);
        d->scratchBox()->setChecked(false);
        EXPECT_EQ(d->settings().contextSlices, 0); // fine-tuning keeps the base's input
        d->epochsBox()->setValue(200);
        QTest::mouseClick(d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    ASSERT_TRUE(w.startFineTune(10, false, true)) << fx.others.toStdString();
    EXPECT_TRUE(fx.sawDialog);
    ASSERT_TRUE(w.training().busy());
    QPushButton* cancel = nullptr;
    for (auto* b : w.trainingPanel()->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Cancel Training"))
            cancel = b;
    ASSERT_TRUE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(w.training().waitForFinished(120000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(fx.others.isEmpty()) << fx.others.toStdString();
    EXPECT_EQ(w.preview().modelPath(), q(dir.file("tiny.pt")));
    fx.poll.stop();
    w.close();
    auto ws = core::Workspace::open(dir.path().string());
    EXPECT_EQ(ws->models().size(), 1u);
    ASSERT_EQ(ws->trainingRuns().size(), 1u);
    EXPECT_EQ(ws->trainingRuns()[0].status, core::RunStatus::Cancelled);
}

// Training → Fine-tune → Export Job for a Cluster: the dialog's settings go into a job folder in
// the background (nothing trains here, nothing is recorded yet), and the panel keeps the commands
// that run it and bring the model back.
TEST(MainWindow, FineTuneDialogExportsAJobForACluster)
{
    FineTuneWindow fx;
    ui::MainWindow& w = fx.w;
    const TempDir& dir = fx.dir;
    const QString folder = q(dir.file("cluster-job"));
    // A class the workspace adds after the model's one: the job learns it too.
    ASSERT_TRUE(w.review().setClass(2, QStringLiteral("bleeding"), QColor(0, 0, 255)));
    fx.drive([&](ui::FineTuneDialog* d) {
        ASSERT_TRUE(d->newClassesBox());
        EXPECT_TRUE(d->newClassesBox()->isChecked());
        EXPECT_TRUE(d->newClassesBox()->text().contains(QStringLiteral("bleeding")));
        EXPECT_TRUE(d->settings().learnNewClasses);
        d->epochsBox()->setValue(3);
        if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
            d->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("finetune-dialog.png"));
        d->setExportFolder(folder);
        QPushButton* exportJob = nullptr;
        for (auto* b : d->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Export Job for a Cluster…"))
                exportJob = b;
        ASSERT_TRUE(exportJob);
        QTest::mouseClick(exportJob, Qt::LeftButton);
    });
    ASSERT_TRUE(w.startFineTune(10, false, true)) << fx.others.toStdString();
    EXPECT_TRUE(fx.sawDialog);
    ASSERT_TRUE(w.training().waitForFinished(120000));
    QCoreApplication::processEvents();
    fx.poll.stop();
    EXPECT_TRUE(fx.others.isEmpty()) << fx.others.toStdString();
    ASSERT_TRUE(w.training().lastJob());
    for (const char* name : {"job.json", "run.sh", "train.pack", "val.pack", "init.pt"})
        EXPECT_TRUE(QFileInfo::exists(folder + QStringLiteral("/") + QString::fromLatin1(name))) << name;
    EXPECT_NE(test::fileBytes(dir.file("cluster-job/run.sh")).find("--epochs 3"), std::string::npos);
    QString status;
    for (auto* label : w.trainingPanel()->findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral("models add --workspace")))
            status = label->text();
    EXPECT_TRUE(status.contains(folder)) << status.toStdString();
    {
        auto store = w.training().connection();
        EXPECT_EQ(store->models().size(), 1u) << "the version comes when the job's model is added back";
        EXPECT_TRUE(store->trainingRuns().empty());
    }

    // The job runs elsewhere; Models → Add from Job… brings its model back as v2, a child of v1.
    std::string out;
    ASSERT_EQ(test::runCommand("OMP_NUM_THREADS=1 DELINEO_ML_TRAIN=" + std::string(DELINEO_ML_TRAIN) + " sh " +
                                   dir.file("cluster-job/run.sh"), &out), 0) << out;
    QSignalSpy finished(&w.training(), &vm::TrainingController::finished);
    Q_EMIT w.modelsPanel()->addRequested(folder);
    ASSERT_TRUE(w.training().waitForFinished(120000));
    QCoreApplication::processEvents();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished[0][0].toLongLong(), 2) << finished[0][2].toString().toStdString();
    EXPECT_TRUE(finished[0][2].toString().contains(QStringLiteral("validation Dice"))) << finished[0][2].toString().toStdString();
    EXPECT_EQ(w.modelsPanel()->selectedVersion(), 2);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("cluster-job-added.png"));
    EXPECT_EQ(w.preview().modelPath(), q(dir.file("tiny.pt"))) << "the active model stays until promoted";
    w.close();
    auto ws = core::Workspace::open(dir.path().string());
    ASSERT_EQ(ws->models().size(), 2u);
    EXPECT_EQ(ws->models()[1].parentId, 1);
    const auto learnt = ml::ModelConfig::fromJson(ws->models()[1].sidecar);
    ASSERT_EQ(learnt.numForeground(), 2) << "the model the job trained has the workspace's new class";
    EXPECT_EQ(learnt.classes[1].name, "bleeding");
    EXPECT_EQ(ws->trainingRuns().size(), 1u);
}

// Active learning: the model scores the unreviewed files, the list shows the scores, and Shift+N
// opens the most uncertain one.
TEST(MainWindow, RankByUncertaintyThenOpenTheMostUncertain)
{
    TempDir dir;
    makeWorkspace(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    const std::string ts = core::importModel(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.pt",
                                                 std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json", dir.file("ts"));
    ASSERT_TRUE(w.preview().loadModel(q(ts)));
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(w.review().rankByUncertainty(w.preview().model()));
    ASSERT_TRUE(w.waitForJob(120000));
    QString best;
    double top = -1;
    for (int i = 0; i < 3; ++i) {
        const QString f = q(dir.file("frame" + std::to_string(i) + ".png"));
        const double u = w.review().uncertainty(f);
        EXPECT_GE(u, 0.0);
        EXPECT_LE(u, 1.0);
        if (u > top && QFileInfo(f).absoluteFilePath() != QFileInfo(w.document().currentFile()).absoluteFilePath()) {
            top = u;
            best = f;
        }
    }
    ASSERT_TRUE(w.review().openMostUncertain());
    EXPECT_EQ(QFileInfo(w.document().currentFile()).absoluteFilePath(), QFileInfo(best).absoluteFilePath());
}

TEST(MainWindow, DicomSeriesFolderOpensAsAStackWithSliceNavigation)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "series");
    const int order[] = {3, 0, 4, 1, 2};
    for (int i = 0; i < 5; ++i)
        test::writeDicomSlice(dir.file("series/f" + std::to_string(i) + ".dcm"), "1.2.3.77", i + 1, 0, 0,
                              2.5 * order[i], static_cast<unsigned short>(100 * order[i]));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("series"))));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 5);
    EXPECT_EQ(w.document().slice(), 2); // opens in the middle of the stack
    EXPECT_EQ(w.document().image().value(0, 0), 200);
    QTest::keyClick(&w, Qt::Key_PageDown);
    EXPECT_EQ(w.document().slice(), 3);
    EXPECT_EQ(w.document().document().slice(3).value(0, 0), 300);
    // The wheel scrolls slices on a stack (Ctrl+wheel zooms).
    QWheelEvent wheel(QPointF(50, 50), w.view()->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w.view(), &wheel);
    EXPECT_EQ(w.document().slice(), 2);

    w.editing().setBrushRadius(1);
    drag(w.view(), {2, 2}, {5, 2});
    EXPECT_EQ(w.document().labels().at(3, 2), 1);
    w.document().showSlice(4);
    EXPECT_EQ(w.document().labels().at(3, 2), 0); // each slice has its own mask
    drag(w.view(), {2, 4}, {5, 4});
    ASSERT_TRUE(w.review().save());
    EXPECT_EQ(storedMask(w, dir.file("series"), 2).at(3, 2), 1);
    EXPECT_EQ(storedMask(w, dir.file("series"), 4).at(3, 4), 1);
    EXPECT_TRUE(storedMask(w, dir.file("series"), 3).empty()) << "only the two edited slices are stored";
    EXPECT_EQ(w.review().connection()->revisionCount(), 2);
    QTest::keyClick(&w, Qt::Key_Home);
    EXPECT_EQ(w.document().slice(), 0);
}

TEST(MainWindow, PicksTheShippedModelThatFitsTheImage)
{
    TempDir dir;
    makeWorkspace(dir);
    trainTinyModel(dir, 1); // 3 channels, class "polyp"
    std::filesystem::create_directories(dir.path() / "res" / "models");
    std::filesystem::copy_file(dir.file("tiny.pt"), dir.file("res/models/colour.pt"));
    std::filesystem::copy_file(dir.file("tiny.json"), dir.file("res/models/colour.json"));
    // A grey 4-class model, trained on grey copies of the frames.
    ml::ModelConfig grey;
    grey.inChannels = 1;
    grey.baseWidth = 4;
    grey.depth = 2;
    grey.inputSize = 64;
    grey.classes = {{"stomach", {255, 64, 64}}, {"large_bowel", {64, 200, 255}}, {"small_bowel", {255, 210, 0}},
                    {"tumour", {60, 220, 90}}};
    grey.demo = true;
    ml::TrainOptions opt;
    opt.epochs = 1;
    opt.batchSize = 3;
    opt.outputPath = dir.file("res/models/grey.pt");
    core::SegmentationDataset data(core::SegmentationDataset::folderPairs(dir.path().string(), dir.file("masks")), grey);
    ml::train(grey, opt, data, nullptr, nullptr, nullptr);
    cv::Mat slice(40, 50, CV_16UC1, cv::Scalar(900));
    std::filesystem::create_directories(dir.path() / "mr");
    cv::imwrite(dir.file("mr/slice.png"), slice);

    qputenv("DELINEO_RESOURCES", QByteArray::fromStdString(dir.file("res")));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.preview().loadModel(q(dir.file("res/models/colour.pt"))));
    ASSERT_TRUE(w.document().openFile(q(dir.file("mr/slice.png"))));
    EXPECT_TRUE(w.preview().modelPath().endsWith("grey.pt")) << w.preview().modelPath().toStdString();
    auto* modelLabel = w.findChild<QLabel*>("modelLabel");
    ASSERT_TRUE(modelLabel);
    EXPECT_TRUE(modelLabel->text().contains("demo model, not for clinical use")) << modelLabel->text().toStdString();
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame0.png"))));
    EXPECT_TRUE(w.preview().modelPath().endsWith("colour.pt")) << w.preview().modelPath().toStdString();
    EXPECT_FALSE(modelLabel->text().contains("demo")) << modelLabel->text().toStdString();
    qunsetenv("DELINEO_RESOURCES");
}

TEST(MainWindow, ImportDicomDeidentifiesThenOpensTheCopy)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "Patient_CT"); // named as the patient is: renamed in the copy
    for (int i = 0; i < 3; ++i)
        test::writeDicomSlice(dir.file("Patient_CT/f" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.31337",
                              i + 1, 0, 0, 3.0 * i, static_cast<unsigned short>(10 * i));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    QSignalSpy said(&w.workbench().notices(), &vm::Notices::message);
    ASSERT_TRUE(w.document().importDicom(q(dir.file("Patient_CT")), q(dir.file("ws")), true));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_GE(said.size(), 1);
    EXPECT_TRUE(said.first().first().toString().startsWith("De-identified 3 DICOM files into"))
        << said.first().first().toString().toStdString();
    QTest::qWait(50); // the copy opens right after the import
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 3);
    EXPECT_EQ(w.document().document().slice(2).value(0, 0), 20);
    const std::string copy = dir.file("ws/dicom/" + core::Deidentifier(core::workspacePseudonyms(dir.file("ws"))).mapName("Patient_CT"));
    EXPECT_TRUE(w.document().currentFile().startsWith(q(copy))) << w.document().currentFile().toStdString();
    std::ifstream in(copy + "/f0.dcm", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("1.2.826.0.1.3680043.2.1125.31337"), std::string::npos);
    EXPECT_TRUE(core::deidentifyOnImport(dir.file("ws")));
}

// Edits reach the workspace database (one open revision per editing session, closed by Save),
// the review status follows the work and the reviewer's verdict, and all of it survives the window.
TEST(MainWindow, EditsAndReviewsPersistInTheWorkspaceDatabase)
{
    TempDir dir;
    test::writeDiscImage(dir.file("frame0.png"), 64, 48, 20, 20, 8);
    test::writeDiscImage(dir.file("frame1.png"), 64, 48, 30, 20, 8);
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&w)); // shortcuts need the active window
        ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
        EXPECT_FALSE(w.review().session().isOpen()); // viewing alone writes nothing into the folder
        EXPECT_FALSE(std::filesystem::exists(dir.file("workspace.sqlite")));
        w.editing().setBrushRadius(2);
        drag(w.view(), {5, 5}, {15, 5});
        w.review().commit(false, true);
        ASSERT_TRUE(w.review().session().isOpen());
        drag(w.view(), {5, 30}, {15, 30});
        w.review().commit(false, true); // same session: the open revision is updated
        ASSERT_TRUE(w.review().save());
        w.review().setReview(core::ReviewStatus::Approved);
        w.review().session().flush();
        EXPECT_NE(w.findChild<QLabel*>("reviewLabel")->text().indexOf("approved"), -1);
        QTest::keyClick(&w, Qt::Key_N); // next needing review
        EXPECT_TRUE(w.windowTitle().contains("frame1.png")) << w.windowTitle().toStdString() << " "
                                                           << w.lastError().toStdString();
        EXPECT_EQ(w.document().slice(), 0);
        w.review().setReview(core::ReviewStatus::Rejected);
        EXPECT_FALSE(w.review().openNextForReview()); // both reviewed now
    }
    auto ws = core::Workspace::open(dir.path().string());
    EXPECT_TRUE(ws->integrityOk());
    const auto image = ws->imageId(dir.file("frame0.png"));
    ASSERT_TRUE(image);
    const auto history = ws->history(*image, 0);
    ASSERT_EQ(history.size(), 1u);
    const auto latest = ws->latestMask(*image, 0);
    ASSERT_TRUE(latest);
    EXPECT_FALSE(std::filesystem::exists(dir.file("masks"))) << "the database is the one store";
    EXPECT_EQ(latest->labels.at(10, 5), 1);
    EXPECT_EQ(latest->labels.at(10, 30), 1);
    const auto cases = ws->cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].name, "frame0.png");
    EXPECT_EQ(cases[0].status, core::ReviewStatus::Approved);
    EXPECT_EQ(cases[1].name, "frame1.png");
    EXPECT_EQ(cases[1].status, core::ReviewStatus::Rejected);
    // The store names the class the masks were drawn with, so that exports and other members do.
    const auto classes = ws->classes();
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0].label, 1);
    EXPECT_EQ(classes[0].name, "polyp");

    // A store that names its labels keeps their names; labels it does not name yet are added.
    ws->setClasses({{1, "adenoma", 10, 20, 30}});
    ws.reset();
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
        w.review().shownClasses = [] {
            return std::vector<core::WorkspaceClass>{{1, "polyp", 255, 64, 64}, {2, "bleeding", 200, 0, 0}};
        };
        drag(w.view(), {40, 40}, {50, 40});
        ASSERT_TRUE(w.review().commit(false, true));
    }
    ws = core::Workspace::open(dir.path().string());
    const auto named = ws->classes();
    ASSERT_EQ(named.size(), 2u);
    EXPECT_EQ(named[0].name, "adenoma");
    EXPECT_EQ(named[0].r, 10);
    EXPECT_EQ(named[1].label, 2);
    EXPECT_EQ(named[1].name, "bleeding");
}

// A class of one's own (a finding the model does not know, an image no model is made for) is kept
// in the workspace: the legend, the Class box and the store have it, masks drawn with it are stored
// under its label, and the workspace opened again shows it; a renamed model class keeps its label.
TEST(MainWindow, ClassesOfOnesOwnAreKeptInTheWorkspace)
{
    TempDir dir;
    test::writeDiscImage(dir.file("frame0.png"), 64, 48, 20, 20, 8);
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        auto* legend = w.findChild<ui::ClassLegend*>("classLegend");
        ASSERT_TRUE(legend);
        const int before = legend->count();
        EXPECT_FALSE(w.review().setClass(before + 1, "bleeding", QColor(0, 170, 255)))
            << "a class needs a workspace to be kept in";
        ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
        EXPECT_FALSE(w.review().setClass(before + 1, "  ", QColor(0, 170, 255))) << "a class needs a name";
        ASSERT_TRUE(w.review().setClass(before + 1, "bleeding", QColor(0, 170, 255)));
        ASSERT_EQ(legend->count(), before + 1);
        EXPECT_TRUE(legend->item(before)->text().contains("bleeding"));
        EXPECT_EQ(legend->overlayColours()[std::size_t(before + 1)], qPremultiply(qRgba(0, 170, 255, 255)));
        ASSERT_TRUE(w.review().setClass(1, "adenoma", QColor(200, 40, 40)));
        EXPECT_TRUE(legend->item(0)->text().contains("adenoma"));
        EXPECT_EQ(legend->count(), before + 1);
        // The legend's context menu, through its dialogs: a name, then the colour offered.
        QTimer::singleShot(0, [] {
            auto* name = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            ASSERT_TRUE(name);
            name->setTextValue("ulcer");
            name->accept();
            QTimer::singleShot(0, [] {
                auto* colour = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
                ASSERT_TRUE(colour);
                colour->accept();
            });
        });
        legend->actions().at(0)->trigger(); // Add Class…
        ASSERT_EQ(legend->count(), before + 2);
        EXPECT_TRUE(legend->item(before + 1)->text().contains("ulcer"));
        EXPECT_EQ(legend->overlayColours()[std::size_t(before + 2)], qPremultiply(qRgba(255, 64, 64, 255)))
            << "the first palette colour no class has (label 1 was recoloured)";
        EXPECT_EQ(w.editing().activeLabel(), before + 2) << "a class just added is the one to paint";
        w.editing().setActiveLabel(before + 1);
        w.editing().setBrushRadius(2);
        drag(w.view(), {5, 5}, {15, 5});
        ASSERT_TRUE(w.review().save());
    }
    {
        auto ws = core::Workspace::open(dir.path().string());
        const auto classes = ws->classes();
        ASSERT_EQ(int(classes.size()), 3); // the polyp model's one class, renamed, and the new ones
        EXPECT_EQ(classes[0].name, "adenoma");
        EXPECT_EQ(classes[1].label, 2);
        EXPECT_EQ(classes[1].name, "bleeding");
        const auto latest = ws->latestMask(*ws->imageId(dir.file("frame0.png")), 0);
        ASSERT_TRUE(latest);
        EXPECT_EQ(latest->labels.at(10, 5), 2);
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    auto* legend = w.findChild<ui::ClassLegend*>("classLegend");
    ASSERT_EQ(legend->count(), 3);
    EXPECT_TRUE(legend->item(2)->text().contains("ulcer"));
    EXPECT_TRUE(legend->item(0)->text().contains("adenoma"));
    EXPECT_TRUE(legend->item(1)->text().contains("bleeding"));
}

// On a 1280x800 screen the left dock column is full: the lists scroll, and the tool options keep
// the height their rows need (their spin boxes were squeezed until the text was cut), for any tool.
TEST(MainWindow, ToolOptionsKeepTheirHeightOnA1280By800Screen)
{
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.resize(1280, 800);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::processEvents();
    for (const char* name : {"optionsRadius", "brushShape", "smallestIsland", "smoothRadius"}) {
        auto* field = w.findChild<QWidget*>(QString::fromLatin1(name));
        ASSERT_TRUE(field) << name;
        EXPECT_GE(field->height(), field->sizeHint().height()) << name << " squeezed";
    }
    w.editing().selectTool(QStringLiteral("threshold")); // two rows more
    QApplication::processEvents();
    auto* low = w.findChild<QWidget*>(QStringLiteral("thresholdLow"));
    ASSERT_TRUE(low);
    EXPECT_GE(low->height(), low->sizeHint().height());
    auto* hint = w.findChild<QLabel*>(QStringLiteral("toolHint"));
    ASSERT_TRUE(hint);
    for (const auto& tool : w.editing().tools()) { // each hint whole, wrapped at the panel's width
        w.editing().selectTool(tool.id);
        QApplication::processEvents();
        EXPECT_GE(hint->height(), hint->heightForWidth(hint->width())) << tool.id.toStdString() << " hint cut";
    }
    EXPECT_LE(w.minimumSizeHint().height(), 720) << "still fits a 1366x768 laptop screen";
}

// Mask menu operations are one undoable command each and reach the label map pixel for pixel.
TEST(MainWindow, MaskOperationsFromTheKeyboardAreUndoable)
{
    TempDir dir;
    test::writeDiscImage(dir.file("frame0.png"), 64, 48, 20, 20, 8);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame0.png"))));
    core::LabelMap ring(64, 48);
    for (int y = 10; y < 30; ++y)
        for (int x = 10; x < 30; ++x)
            if (x < 13 || x > 26 || y < 13 || y > 26)
                ring.at(x, y) = 1;
    ASSERT_TRUE(w.editing().applyMaskEdit(0, ring, "ring"));
    QTest::keyClick(&w, Qt::Key_H); // fill holes
    EXPECT_EQ(w.document().labels().at(20, 20), 1);
    EXPECT_EQ(w.document().labels().at(40, 20), 0);
    w.editing().undo();
    EXPECT_EQ(w.document().labels(), ring);

    // The shortcuts dialog lists the actions from the menus themselves.
    ui::ShortcutsDialog shortcuts(w.menuBar(), &w);
    EXPECT_GT(shortcuts.rowCount(), 30);
    const auto* tree = shortcuts.findChild<QTreeWidget*>("shortcutsTree");
    ASSERT_TRUE(tree);
    EXPECT_FALSE(tree->findItems("Fill Holes", Qt::MatchContains | Qt::MatchRecursive).isEmpty());
    const QString shots = qEnvironmentVariable("DELINEO_SCREENSHOTS", q(dir.path().string()));
    EXPECT_TRUE(shortcuts.grab().save(QDir(shots).filePath("shortcuts.png")));

    // Help → User Guide renders docs/USER_GUIDE.md with its screenshots.
    QDialog* guide = w.showUserGuide();
    ASSERT_TRUE(guide) << w.lastError().toStdString();
    const auto* browser = guide->findChild<QTextBrowser*>("userGuide");
    ASSERT_TRUE(browser);
    EXPECT_TRUE(browser->toPlainText().contains("Fine-tuning (staff)"));
    EXPECT_TRUE(browser->toPlainText().contains("Correcting masks (annotators)"));
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        guide->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("user-guide.png"));
    delete guide;

    // A shortcut can be changed (not to one another action has), persists, and resets.
    QString error;
    EXPECT_FALSE(shortcuts.assign("Edit/Brush", QKeySequence("E"), &error));
    EXPECT_TRUE(error.contains("Edit/Eraser")) << error.toStdString();
    ASSERT_TRUE(shortcuts.assign("Edit/Brush", QKeySequence("Ctrl+Alt+B"), &error)) << error.toStdString();
    {
        ui::MainWindow other;
        other.setDialogsEnabled(false);
        other.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&other));
        QTest::keyClick(&other, Qt::Key_E);
        ASSERT_EQ(other.editing().activeTool(), "eraser");
        QTest::keyClick(&other, Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        EXPECT_EQ(other.editing().activeTool(), "brush") << "the saved shortcut applies in a new window";
    }
    ASSERT_TRUE(shortcuts.resetToDefault("Edit/Brush"));
    EXPECT_FALSE(QSettings().contains("shortcuts/Edit/Brush"));
}

int main(int argc, char** argv)
{
    // GUI tests always run headless, also during ctest's test discovery.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    test::keepSettingsApart();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("DelineoTest");
    vm::Translations::install(QStringLiteral("en")); // as the app starts in English: "1 slice", not "1 slice(s)"
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
