// The controllers behind the main window, driven without a single widget: this executable links
// Qt Core and Gui only. Each test uses real files in a temporary folder and the real SQLite store.
#include "TestSupport.h"
#include "TestSettings.h"
#include "delineo/core/ModelTrust.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"
#include "delineo/viewmodels/Workbench.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardPaths>

#include <filesystem>
#include <fstream>

using namespace delineo;
using test::TempDir;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// Three 64x48 frames with a disc each, in a workspace folder.
void writeFrames(const TempDir& dir)
{
    for (int i = 0; i < 3; ++i)
        test::writeDiscImage(dir.file("frame" + std::to_string(i) + ".png"), 64, 48, 16 + 12 * i, 24, 8);
}

std::string tinyModel(const TempDir& dir)
{
    return core::importModel(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.pt",
                                 std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json", dir.file("ts"));
}

// One brush dab at (10, 10) on the first frame of the workspace, committed to the store.
void paintFirstFrame(vm::Workbench& bench, const TempDir& dir)
{
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    bench.editing().press({10.5, 10.5}, false);
    bench.editing().release();
    bench.review().commit(true, true);
}

// Four 2 mm CT slices in `folder` (created), each of one value: 0, step, 2 step, 3 step.
void writeSeries(const TempDir& dir, const std::string& folder, const std::string& uid, int step)
{
    std::filesystem::create_directories(dir.path() / folder);
    for (int i = 0; i < 4; ++i)
        test::writeDicomSlice(dir.file(folder + "/f" + std::to_string(i) + ".dcm"), uid, i + 1, 0, 0, 2.0 * i,
                              static_cast<unsigned short>(step * i));
}

int count(const core::LabelMap& m, int label) { return int(std::count(m.labels.begin(), m.labels.end(), label)); }

} // namespace

TEST(Controllers, DocumentOpensAWorkspaceNavigatesAndWindows)
{
    TempDir dir;
    writeFrames(dir);
    vm::Workbench bench;
    QSignalSpy changed(&bench.document(), &vm::DocumentController::documentChanged);
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(bench.document().currentFile().endsWith("frame0.png"));
    EXPECT_EQ(bench.document().workspaceFiles().size(), 3);
    EXPECT_EQ(bench.document().renderSlice().size(), QSize(64, 48));
    for (const core::Window& w : bench.document().windowPresets())
        EXPECT_NE(w.name, core::kAutomaticWindow) << "8-bit pictures show their values as they are";
    const double width = bench.document().window().width;
    bench.document().dragWindow(40, 0);
    EXPECT_GT(bench.document().window().width, width);
    bench.document().resetWindow();
    EXPECT_EQ(bench.document().window().width, width);
    EXPECT_FALSE(bench.document().openFile(q(dir.file("missing.png"))));
    EXPECT_FALSE(bench.notices().lastError().isEmpty());
    EXPECT_TRUE(vm::DocumentController::openDialogFilter().contains("*.nii.gz"));
    EXPECT_FALSE(std::filesystem::exists(dir.file("workspace.sqlite"))) << "viewing writes nothing";
}

// A study as a disc or a scanner exports it: a note beside a folder of a folder of slices. It opens
// as its series, not as an empty workspace; an empty folder still opens as a new workspace.
TEST(Controllers, AStudyFolderWithItsSeriesInSubfoldersOpensTheSeries)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "fresh");
    writeSeries(dir, "study/In/CT", "1.2.3.78", 10);
    { std::ofstream(dir.file("study/README.txt")) << "exported study\n"; }
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("study"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    ASSERT_EQ(bench.document().document().depth(), 4);
    EXPECT_EQ(bench.document().document().slice(3).value(0, 0), 30);
    EXPECT_TRUE(bench.document().workspaceFiles().isEmpty()) << "the study did not become a workspace";
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("fresh"))));
    EXPECT_EQ(QFileInfo(bench.document().workspace()).absoluteFilePath(), QFileInfo(q(dir.file("fresh"))).absoluteFilePath());
    // A workspace whose images are all series imported into it (dicom/) stays a workspace.
    std::filesystem::create_directories(dir.path() / "ws" / "dicom");
    std::filesystem::rename(dir.path() / "study" / "In" / "CT", dir.path() / "ws" / "dicom" / "CT");
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("ws"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    EXPECT_EQ(QFileInfo(bench.document().workspace()).absoluteFilePath(), QFileInfo(q(dir.file("ws"))).absoluteFilePath());
    EXPECT_EQ(bench.document().workspaceFiles().size(), 1);
}

// A volume without a window of its own opens in one computed from its values: that window stays
// among the presets (after the modality's), so that trying Brain or Bone has a way back besides R.
TEST(Controllers, TheWindowAVolumeOpenedInIsAmongThePresets)
{
    TempDir dir;
    writeSeries(dir, "series", "1.2.3.79", 100);
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openSeries(q(dir.file("series"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    const core::Window opened = bench.document().window();
    EXPECT_EQ(opened.name, core::kAutomaticWindow);
    const auto presets = bench.document().windowPresets();
    ASSERT_GE(presets.size(), 3u);
    EXPECT_EQ(presets.front().name, "Brain") << "the CT presets keep their keys";
    EXPECT_EQ(presets.back().name, core::kAutomaticWindow);
    EXPECT_DOUBLE_EQ(presets.back().center, opened.center);
    EXPECT_DOUBLE_EQ(presets.back().width, opened.width);
    bench.document().setWindow(presets.front());
    EXPECT_NE(bench.document().window().width, opened.width);
    bench.document().showSlice(0); // R on another slice: the same window, the volume's
    bench.document().resetWindow();
    EXPECT_DOUBLE_EQ(bench.document().window().center, opened.center);
    EXPECT_DOUBLE_EQ(bench.document().window().width, opened.width);
}

// A study folder with pictures of its own beside the series in its subfolders: the series are
// offered first and the pictures last; either opens. Without anyone to ask, the pictures open.
TEST(Controllers, AStudyFolderWithPicturesAndSeriesAsksWhichToOpen)
{
    TempDir dir;
    writeFrames(dir); // frame0..2.png beside the study folder, not in it
    writeSeries(dir, "study/MR", "1.2.3.79", 10);
    for (int i = 0; i < 2; ++i)
        std::filesystem::copy_file(dir.file("frame" + std::to_string(i) + ".png"),
                                   dir.file("study/capture" + std::to_string(i) + ".png"));
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("study"))));
    EXPECT_EQ(bench.document().workspaceFiles().size(), 2) << "nobody asked: the pictures, as before";

    QStringList offered;
    int answer = 0;
    bench.document().chooseSeries = [&](const QStringList& items) {
        offered = items;
        return answer;
    };
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("study"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    ASSERT_EQ(offered.size(), 2) << offered.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(offered[0].contains(QStringLiteral("4 image"))) << offered[0].toStdString();
    EXPECT_TRUE(offered[1].contains(QStringLiteral("2 picture"))) << offered[1].toStdString();
    ASSERT_EQ(bench.document().document().depth(), 4) << "the series opened";
    EXPECT_EQ(bench.document().document().slice(3).value(0, 0), 30);

    answer = 1;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("study"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    EXPECT_EQ(QFileInfo(bench.document().workspace()).absoluteFilePath(), QFileInfo(q(dir.file("study"))).absoluteFilePath());
    EXPECT_EQ(bench.document().workspaceFiles().size(), 2);
    EXPECT_TRUE(bench.document().currentFile().endsWith(QStringLiteral("capture0.png")));

    answer = -1; // Cancel: the open document stays
    EXPECT_FALSE(bench.document().openWorkspace(q(dir.file("study"))));
    EXPECT_TRUE(bench.document().currentFile().endsWith(QStringLiteral("capture0.png")));

    // A series opened from the study is one item of the folder above, the study's own workspace
    // (the pictures) aside: once worked on, that folder's list holds it, so the masks are found again.
    answer = 0;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.file("study"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    ASSERT_EQ(bench.document().document().depth(), 4);
    EXPECT_EQ(QFileInfo(bench.document().workspace()).absoluteFilePath(), QFileInfo(q(dir.path().string())).absoluteFilePath());
    core::LabelMap marked = bench.document().document().labels(1);
    marked.at(2, 2) = 1;
    ASSERT_TRUE(bench.editing().applyMaskEdit(1, marked, "mark"));
    bench.review().commit(true, true);
    const QStringList files = bench.document().workspaceFiles();
    ASSERT_EQ(files.size(), 4) << files.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(QFileInfo(files[3]).absoluteFilePath(), QFileInfo(q(dir.file("study"))).absoluteFilePath());
    ASSERT_TRUE(bench.document().openFile(files[0]));
    ASSERT_TRUE(bench.document().openFile(files[3])); // the series again (answer 0)
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    EXPECT_EQ(count(bench.document().document().labels(1), 1), 1) << "the mark, kept";
    // The series' own folder opened as a series of this workspace: listed by its path in it.
    ASSERT_TRUE(bench.document().openSeries(q(dir.file("study/MR"))));
    ASSERT_TRUE(bench.jobs().waitForFinished(60000));
    ASSERT_TRUE(bench.editing().applyMaskEdit(2, marked, "mark"));
    bench.review().commit(true, true);
    QStringList names;
    for (const auto& f : bench.review().files(-1))
        names << f.name;
    EXPECT_TRUE(names.contains(QStringLiteral("study/MR"))) << names.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(names.contains(QStringLiteral("frame0.png"))) << names.join(QLatin1Char('|')).toStdString();
}

TEST(Controllers, ToolsEditThroughOneUndoableCommandEach)
{
    TempDir dir;
    writeFrames(dir);
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    vm::EditingController& edit = bench.editing();
    QSignalSpy repaint(&edit, &vm::EditingController::maskChanged);
    edit.setBrushRadius(2);
    edit.press({5.5, 5.5}, false);
    edit.move({30.5, 5.5});
    edit.release();
    EXPECT_GT(repaint.count(), 0);
    EXPECT_EQ(bench.document().labels().at(18, 5), 1);
    EXPECT_EQ(bench.document().editor().history().size(), 1u) << "a stroke is one command";
    ASSERT_TRUE(edit.selectTool("lasso"));
    edit.press({40, 30}, false);
    for (QPointF p : {QPointF(60, 30), QPointF(60, 45), QPointF(40, 45)})
        edit.move(p);
    edit.release();
    EXPECT_EQ(bench.document().labels().at(50, 38), 1);
    EXPECT_EQ(bench.document().editor().history().size(), 2u);
    // Overwrite off: the eraser clears only the active class.
    edit.setActiveLabel(2);
    edit.setOverwriteOthers(false);
    ASSERT_TRUE(edit.selectTool("eraser"));
    edit.press({50, 38}, false);
    edit.release();
    EXPECT_EQ(bench.document().labels().at(50, 38), 1);
    EXPECT_EQ(bench.document().editor().history().size(), 2u) << "an edit that changes nothing is no command";
    edit.undo();
    EXPECT_EQ(bench.document().labels().at(50, 38), 0) << "the lasso fill is undone";
    EXPECT_EQ(bench.document().labels().at(18, 5), 1) << "the stroke is kept";
    EXPECT_FALSE(edit.selectTool("no-such-tool"));
    // Ctrl+click with the threshold brush takes the range around the value under the cursor.
    EXPECT_FALSE(edit.sample({16, 24})) << "the eraser does not sample";
    ASSERT_TRUE(edit.selectTool("threshold-brush"));
    ASSERT_TRUE(edit.sample({16, 24}));
    const double v = bench.document().image().value(16, 24, 0);
    EXPECT_LT(edit.thresholdLow(), v);
    EXPECT_GT(edit.thresholdHigh(), v);
}

TEST(Controllers, MaskOperationsAndAcceptedPreviewsAreUndoableAndRecorded)
{
    TempDir dir;
    writeFrames(dir);
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(bench.preview().loadModel(q(tinyModel(dir))));
    ASSERT_TRUE(bench.preview().run());
    ASSERT_TRUE(bench.waitForJob(120000));
    ASSERT_TRUE(bench.preview().hasPreview());
    EXPECT_EQ(count(bench.document().labels(), 1), 0) << "a preview changes nothing until accepted";
    ASSERT_TRUE(bench.preview().accept());
    EXPECT_GT(count(bench.document().labels(), 1), 0);
    EXPECT_FALSE(bench.preview().hasPreview());
    EXPECT_EQ(bench.document().editor().history().undoText(), "AI segmentation");
    EXPECT_EQ(bench.review().sliceStatus(0), core::ReviewStatus::AiDraft) << "recorded as an AI draft";
    // The same result again changes nothing: no empty step in the history, and the status bar says so.
    QStringList said;
    QObject::connect(&bench.notices(), &vm::Notices::message, [&](const QString& text, int) { said << text; });
    const std::size_t steps = bench.document().editor().history().size();
    ASSERT_TRUE(bench.preview().run());
    ASSERT_TRUE(bench.waitForJob(120000));
    ASSERT_TRUE(bench.preview().accept());
    EXPECT_EQ(bench.document().editor().history().size(), steps);
    ASSERT_FALSE(said.isEmpty());
    EXPECT_TRUE(said.last().contains(QStringLiteral("changed nothing"))) << said.last().toStdString();
    // Smooth outline (registered third): one more undoable command on the active class.
    const auto ops = bench.editing().maskOperations();
    ASSERT_GE(ops.size(), 3u);
    const core::LabelMap accepted = bench.document().labels();
    core::LabelMap notched = accepted;
    for (int x = 0; x < notched.width; ++x)
        notched.at(x, 24) = 0;   // a one-pixel cut that smoothing closes
    ASSERT_TRUE(bench.editing().applyMaskEdit(0, notched, "cut"));
    bench.editing().runMaskOperation(2);
    EXPECT_FALSE(bench.document().labels() == notched) << "smoothing closes the cut";
    EXPECT_EQ(bench.document().editor().history().undoText(), "Smooth");
    bench.editing().undo();
    EXPECT_EQ(bench.document().labels(), notched);
    bench.editing().undo();
    EXPECT_EQ(bench.document().labels(), accepted);
}

TEST(Controllers, ReviewKeepsEditsAndStatesInTheStoreAndPicksTheNextFile)
{
    TempDir dir;
    writeFrames(dir);
    {
        vm::Workbench bench;
        paintFirstFrame(bench, dir);
        ASSERT_TRUE(bench.review().session().isOpen()) << "the first edit creates the store";
        bench.review().setReview(core::ReviewStatus::Approved);
        const auto files = bench.review().files(-2);   // needing review
        ASSERT_EQ(files.size(), 2u);
        EXPECT_EQ(files[0].name, "frame1.png");
        ASSERT_TRUE(bench.review().openNextForReview());
        EXPECT_TRUE(bench.document().currentFile().endsWith("frame1.png"));
        bench.shutDown();
    }
    auto ws = core::Workspace::open(dir.path().string());
    const auto image = ws->imageId(dir.file("frame0.png"));
    ASSERT_TRUE(image);
    const auto mask = ws->latestMask(*image, 0);
    ASSERT_TRUE(mask);
    EXPECT_EQ(mask->labels.at(10, 10), 1);
    EXPECT_EQ(ws->cases()[0].status, core::ReviewStatus::Approved);
}

// The store is the one place masks live: opening a file shows its newest stored mask, over a
// stale mask file, and mask files the store has not seen join it when it opens.
TEST(Controllers, OpeningShowsTheStoredMaskAndAdoptsNewMaskFiles)
{
    TempDir dir;
    writeFrames(dir);
    const core::LabelMap stored = test::discMask(64, 48, 16, 24, 8), stale = test::discMask(64, 48, 40, 24, 4);
    {
        auto ws = core::Workspace::open(dir.path().string());
        ws->commitMask(ws->addImage(ws->addCase("frame0.png"), dir.file("frame0.png"), 64, 48), 0, stored,
                       core::MaskKind::Corrected);
    }
    std::filesystem::create_directories(dir.path() / "masks");
    core::saveMask(dir.file("masks/frame0.png"), stale, 1);
    core::saveMask(dir.file("masks/frame2.png"), stale, 1);
    vm::Workbench bench;
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    EXPECT_EQ(bench.document().labels(), stored) << "the store's word over a stale file";
    EXPECT_FALSE(bench.document().document().modified());
    ASSERT_TRUE(bench.document().openFile(q(dir.file("frame2.png"))));
    EXPECT_EQ(bench.document().labels(), stale);
    auto ws = bench.review().connection();
    const auto image = ws->imageId(dir.file("frame2.png"));
    ASSERT_TRUE(image) << "frame2's mask file joined the store";
    EXPECT_EQ(ws->latestMask(*image, 0)->labels, stale);
}

TEST(Controllers, ExportWritesEveryMaskInTheBackgroundAndReports)
{
    TempDir dir;
    writeFrames(dir);
    vm::Workbench bench;
    paintFirstFrame(bench, dir);
    QSignalSpy done(&bench.exports(), &vm::ExportController::finished);
    ASSERT_TRUE(bench.exports().start("png", q(dir.file("out")), false));
    ASSERT_TRUE(bench.waitForJob(60000));
    ASSERT_EQ(done.count(), 1);
    EXPECT_TRUE(done.at(0).at(1).toBool());
    EXPECT_TRUE(bench.exports().lastReport().contains("wrote 1 mask")) << bench.exports().lastReport().toStdString();
    EXPECT_EQ(core::loadMask(dir.file("out/frame0.png/frame0.png"), 1), bench.document().labels());
    EXPECT_FALSE(bench.exports().start("jpeg2000", q(dir.file("x")), false));
}

TEST(Controllers, TrainingAddsAVersionThenPromoteAndRollBack)
{
    TempDir dir;
    writeFrames(dir);
    test::trainTinyModel(dir, 3, 64, 48, 16, 12, 24, 8, 32, 1);

    vm::Workbench bench;
    ASSERT_TRUE(bench.preview().loadModel(q(dir.file("tiny.pt"))));
    ASSERT_TRUE(bench.document().openWorkspace(q(dir.path().string())));
    auto request = bench.training().prepare(1, false);
    ASSERT_TRUE(request) << bench.notices().lastError().toStdString();
    EXPECT_EQ(request->plan.train.size() + request->plan.val.size(), 3u) << "the three mask files were adopted";
    QSignalSpy finished(&bench.training(), &vm::TrainingController::finished);
    QSignalSpy epochs(&bench.training(), &vm::TrainingController::epochDone);
    ASSERT_TRUE(bench.training().start(std::move(request)));
    ASSERT_TRUE(bench.training().waitForFinished(300000));
    QCoreApplication::processEvents();
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toLongLong(), 2);
    EXPECT_GE(epochs.count(), 1);
    ASSERT_TRUE(bench.training().promote(2));
    EXPECT_TRUE(bench.preview().modelPath().contains("/models/v2-"));
    ASSERT_TRUE(bench.training().rollback());
    EXPECT_TRUE(bench.preview().modelPath().endsWith("models/tiny.pt"));
    EXPECT_TRUE(bench.training().compare(2, bench.document().currentFile()) || !bench.notices().lastError().isEmpty());
}

// A model file is a program: an imported TorchScript model runs only while its file matches the
// SHA-256 recorded at import, and the failure names the file; the controller keeps the model it had.
TEST(Controllers, AnImportedModelThatChangedIsRefused)
{
    TempDir dir;
    const std::string ts = tinyModel(dir);
    EXPECT_EQ(ml::readSidecar(ts).sha256, core::sha256File(ts));
    vm::Workbench bench;
    ASSERT_TRUE(bench.preview().loadModel(q(ts)));
    std::ofstream(ts, std::ios::app | std::ios::binary) << "appended";
    EXPECT_FALSE(bench.preview().loadModel(q(ts)));
    EXPECT_TRUE(bench.notices().lastError().contains("changed since it was imported")) << bench.notices().lastError().toStdString();
    EXPECT_EQ(bench.preview().modelPath(), q(ts)) << "the model loaded before stays";
    ml::ModelConfig unhashed = ml::readSidecar(ts);
    unhashed.sha256.clear();
    std::ofstream(ml::sidecarPath(ts)) << unhashed.toJson();
    EXPECT_THROW(core::loadModel(ts), ml::ModelError);
}

TEST(Controllers, EachJobRunsItsOwnContinuationAndNoneOnCancel)
{
    vm::JobRunner jobs;
    int first = 0, second = 0;
    ASSERT_TRUE(jobs.start("one", [](vm::JobRunner::Context&) {}, [&] { ++first; }));
    EXPECT_FALSE(jobs.start("refused while busy", [](vm::JobRunner::Context&) {}, [&] { ++second; }));
    ASSERT_TRUE(jobs.waitForFinished(10000));
    ASSERT_TRUE(jobs.start("two", [](vm::JobRunner::Context& ctx) {
        while (!ctx.cancel->load())
            QThread::msleep(5);
    }, [&] { ++second; }));
    jobs.cancel();
    ASSERT_TRUE(jobs.waitForFinished(10000));
    EXPECT_EQ(first, 1);
    EXPECT_EQ(second, 0) << "a cancelled job's continuation does not run";
}

// A long job's progress says how long is left, from its rate so far; a job with its own estimate
// (training) keeps its text.
TEST(Controllers, ProgressOfALongJobSaysTheTimeLeft)
{
    vm::JobRunner jobs;
    QStringList texts;
    QObject::connect(&jobs, &vm::JobRunner::progress, [&](double, const QString& text) { texts << text; });
    auto work = [](bool estimate) {
        return [estimate](vm::JobRunner::Context& ctx) {
            ctx.estimateTimeLeft = estimate;
            QThread::msleep(2200);
            ctx.progress(0.25, QStringLiteral("slice 25 of 100"));
        };
    };
    ASSERT_TRUE(jobs.start("estimated", work(true)));
    ASSERT_TRUE(jobs.waitForFinished(20000));
    ASSERT_EQ(texts.size(), 1);
    // At least 2.2 s for a quarter: at least 6.6 s for the rest (more on a busy machine).
    EXPECT_TRUE(texts[0].startsWith(QStringLiteral("slice 25 of 100 · about "))) << texts[0].toStdString();
    const QRegularExpressionMatch left = QRegularExpression(QStringLiteral("about (\\d+) s left$")).match(texts[0]);
    ASSERT_TRUE(left.hasMatch()) << texts[0].toStdString();
    EXPECT_GE(left.captured(1).toInt(), 7);
    EXPECT_LE(left.captured(1).toInt(), 30);
    texts.clear();
    ASSERT_TRUE(jobs.start("its own", work(false)));
    ASSERT_TRUE(jobs.waitForFinished(20000));
    ASSERT_EQ(texts.size(), 1);
    EXPECT_EQ(texts[0], QStringLiteral("slice 25 of 100"));
    EXPECT_EQ(vm::JobRunner::duration(42), QObject::tr("%1 s").arg(42));
    EXPECT_EQ(vm::JobRunner::duration(150), QObject::tr("%1 min").arg(3));
}

TEST(Controllers, PreferencesAreOneTypedObjectThatPersists)
{
    vm::Preferences p = vm::Preferences::load();
    p.brushRadius = 37;
    p.flipTta = true;
    p.outlines = true;
    p.save();
    const vm::Preferences back = vm::Preferences::load();
    EXPECT_EQ(back.brushRadius, 37);
    EXPECT_TRUE(back.flipTta);
    EXPECT_TRUE(back.outlines);
    vm::Workbench bench;
    EXPECT_EQ(bench.editing().brush().radius, 37) << "the controllers start from the preferences";
    bench.editing().setBrushRadius(5);
    EXPECT_EQ(vm::Preferences::load().brushRadius, 5);
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    test::keepSettingsApart();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName("DelineoControllerTest");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
