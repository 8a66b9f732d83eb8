// The editing tools, mask overlays, per-slice AI results and review states through the real main window.
// Drives the real main window with QTest on the offscreen platform.
#include "MainWindowTestSupport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include "TestSupport.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/ResourcePaths.h"

#include "delineo/core/DicomImport.h"
#include "delineo/core/Workspace.h"

#include "delineo/core/MaskIO.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Trainer.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/EditToolBar.h"
#include "delineo/ui/ImageView.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/ShortcutsDialog.h"
#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/StructuresPanel.h"
#include "delineo/ui/TrainingPanel.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/ExportDialog.h"
#include "delineo/core/Exporter.h"

#include <nlohmann/json.hpp>
#include <QCheckBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QStatusBar>
#include <QToolButton>
#include <QUrl>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QHeaderView>
#include <fstream>
#include <functional>

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
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
#include <opencv2/videoio.hpp>
#include <QWheelEvent>

#include <algorithm>
#include <fstream>
#include <functional>

using namespace delineo;
using delineo::test::TempDir;
using namespace delineo::test;

// The registered tools through the real widgets: lasso fill, flood fill (and its undo), and a
// square threshold brush that paints only the bright half, each compared pixel for pixel.
TEST(MainWindow, LassoFloodFillAndThresholdBrush)
{
    TempDir dir;
    cv::Mat img(30, 40, CV_8UC1, cv::Scalar(50));
    img(cv::Rect(20, 0, 20, 30)).setTo(200);
    cv::imwrite(dir.file("half.png"), img);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    ASSERT_TRUE(w.document().openFile(q(dir.file("half.png"))));

    QTest::keyClick(&w, Qt::Key_L);
    ASSERT_EQ(w.editing().activeTool(), "lasso");
    ui::ImageView* v = w.view();
    const QPointF corners[] = {{5, 5}, {15, 5}, {15, 12}, {5, 12}};
    QTest::mousePress(v, Qt::LeftButton, {}, v->imageToWidget(corners[0]).toPoint());
    for (const QPointF& c : corners)
        QTest::mouseMove(v, v->imageToWidget(c).toPoint());
    QTest::mouseRelease(v, Qt::LeftButton, {}, v->imageToWidget(corners[3]).toPoint());
    const core::LabelMap lasso = w.document().labels();
    int filled = 0;
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 40; ++x) {
            // The pixels inside and those the outline runs through (corners on pixel edges).
            const bool inside = x >= 5 && x <= 15 && y >= 5 && y <= 12;
            EXPECT_EQ(lasso.at(x, y), inside ? 1 : 0) << x << "," << y;
            filled += lasso.at(x, y);
        }
    EXPECT_EQ(filled, 88);
    EXPECT_EQ(w.document().editor().history().undoText(), "Polygon fill");

    QTest::keyClick(&w, Qt::Key_G);
    ASSERT_EQ(w.editing().activeTool(), "flood-fill");
    QTest::mouseClick(v, Qt::LeftButton, {}, v->imageToWidget({30.5, 20.5}).toPoint());
    for (std::uint8_t x : w.document().labels().labels)
        ASSERT_EQ(x, 1); // the background around the lasso region was one connected region
    // The History panel lists both edits; clicking "Opened" undoes everything, the fill entry redoes.
    QListWidget* history = w.historyPanel()->list();
    ASSERT_EQ(history->count(), 3);
    EXPECT_EQ(history->item(1)->text(), "Polygon fill");
    EXPECT_EQ(history->item(2)->text(), "Flood fill");
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualItemRect(history->item(0)).center());
    EXPECT_EQ(w.document().labels(), core::LabelMap(40, 30));
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualItemRect(history->item(1)).center());
    EXPECT_EQ(w.document().labels(), lasso);
    EXPECT_EQ(history->currentRow(), 1);

    QTest::keyClick(&w, Qt::Key_T);
    ASSERT_EQ(w.editing().activeTool(), "threshold-brush");
    w.toolOptions()->findChild<QComboBox*>("brushShape")->setCurrentIndex(1);
    w.toolOptions()->findChild<QDoubleSpinBox*>("thresholdLow")->setValue(150);
    w.toolOptions()->findChild<QDoubleSpinBox*>("thresholdHigh")->setValue(255);
    w.editing().setBrushRadius(60);
    QTest::mouseClick(v, Qt::LeftButton, {}, v->imageToWidget({10.5, 15.5}).toPoint());
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 40; ++x)
            ASSERT_EQ(w.document().labels().at(x, y), x >= 20 ? 1 : lasso.at(x, y)) << x << "," << y;
}

// Outline mode draws only a two-pixel band at each class border; fill mode paints the whole class.
TEST(MainWindow, OverlayOutlineModeShowsOnlyBorders)
{
    TempDir dir;
    ui::MainWindow w;
    ASSERT_TRUE(openFirstFrame(w, dir));
    core::LabelMap square(200, 150);
    for (int y = 40; y < 80; ++y)
        for (int x = 40; x < 80; ++x)
            square.at(x, y) = 1;
    ASSERT_TRUE(w.editing().applyMaskEdit(w.document().slice(), square, "square"));
    auto alpha = [&](int x, int y) { return qAlpha(w.view()->overlay().pixel(x, y)); };
    const bool wasOutline = w.outlineOnly();
    if (wasOutline)
        QTest::keyClick(&w, Qt::Key_O, Qt::ShiftModifier);
    EXPECT_GT(alpha(60, 60), 0);
    QTest::keyClick(&w, Qt::Key_O, Qt::ShiftModifier);
    ASSERT_TRUE(w.outlineOnly());
    EXPECT_EQ(alpha(60, 60), 0) << "the inside is clear";
    EXPECT_GT(alpha(40, 60), 0);
    EXPECT_GT(alpha(41, 60), 0);
    EXPECT_EQ(alpha(42, 60), 0);
    EXPECT_EQ(alpha(30, 60), 0);
    QTest::keyClick(&w, Qt::Key_O, Qt::ShiftModifier);
    EXPECT_GT(alpha(60, 60), 0);
}

// For a video the Structures panel reads the frame shown (its area in pixels and its pieces), not a
// volume over every annotated frame, and follows the playhead.
TEST(MainWindow, TheStructuresPanelReadsAVideosFrameShown)
{
    TempDir dir;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("clip.avi"), 8, 96, 64, [](int i) { return std::array{30 * i, 60, 90}; }));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    core::AnnotationDocument& doc = w.document().document();
    auto paint = [&](int z, std::vector<cv::Rect> boxes) {
        core::LabelMap m = doc.labels(z);
        for (const cv::Rect& r : boxes)
            for (int y = r.y; y < r.y + r.height; ++y)
                for (int x = r.x; x < r.x + r.width; ++x)
                    m.at(x, y) = 1;
        w.editing().applyMaskEdit(z, m, QStringLiteral("boxes"));
    };
    paint(2, {{5, 5, 10, 10}, {50, 30, 4, 5}}); // two pieces, 120 pixels
    paint(5, {{20, 20, 6, 6}});                 // one piece, 36 pixels
    w.document().showSlice(2);
    ui::StructuresPanel* panel = w.structuresPanel();
    panel->show();
    panel->refresh();
    QTableWidget* t = panel->table();
    EXPECT_EQ(t->horizontalHeaderItem(1)->text(), QStringLiteral("Area (pixels)"));
    EXPECT_TRUE(t->isColumnHidden(2)) << "no slice range for a video";
    EXPECT_EQ(t->item(0, 1)->text(), QStringLiteral("120"));
    EXPECT_EQ(t->item(0, 3)->text(), QStringLiteral("2"));
    w.document().showSlice(5); // the panel follows a moment later
    QTest::qWait(600);
    EXPECT_EQ(t->item(0, 1)->text(), QStringLiteral("36"));
    EXPECT_EQ(t->item(0, 3)->text(), QStringLiteral("1"));
    w.document().showSlice(0);
    panel->refresh();
    EXPECT_EQ(t->item(0, 1)->text(), QStringLiteral("—"));
    EXPECT_EQ(t->item(0, 3)->text(), QStringLiteral("0"));
}

// Accept All over a procedure's results goes in steps paced by a job (progress and Cancel in the
// status bar, the window answering in between): every frame gets its result as its own undo step;
// cancelled, the frames taken so far keep theirs and the rest still wait.
TEST(MainWindow, AcceptAllOnAProcedureGoesInStepsAndCanBeCancelled)
{
    TempDir dir;
    const int frames = 130;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("clip.avi"), frames, 48, 32, [](int i) { return std::array{i, i, i}; }));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    auto results = [&] {
        for (int z = 0; z < frames; ++z) {
            core::LabelMap m(48, 32);
            m.at(z % 48, 10) = 1;
            w.preview().show(z, m);
        }
    };
    auto labelled = [&] {
        int n = 0;
        for (int z = 0; z < frames; ++z)
            n += w.document().document().labels(z).at(z % 48, 10) == 1;
        return n;
    };
    results();
    ASSERT_GT(std::size_t(frames), vm::PreviewController::kAcceptAtOnce);
    ASSERT_TRUE(w.preview().acceptAll());
    EXPECT_TRUE(w.workbench().jobs().busy()) << "in steps, not at once";
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(w.preview().count(), 0);
    EXPECT_EQ(labelled(), frames);
    w.document().showSlice(77);
    EXPECT_EQ(w.document().editor().history().undoText(), "AI segmentation");
    w.editing().undo();
    EXPECT_EQ(labelled(), frames - 1) << "each frame's acceptance is its own undo step";

    // Again, cancelled before the first step: every result still waits, none is lost.
    for (int z = 0; z < frames; ++z)
        w.editing().applyMaskEdit(z, core::LabelMap(48, 32), QStringLiteral("clear"));
    results();
    ASSERT_TRUE(w.preview().acceptAll());
    w.workbench().jobs().cancel();
    ASSERT_TRUE(w.waitForJob(60000));
    QTest::qWait(100); // a step asked for before the cancel takes nothing either
    EXPECT_EQ(labelled(), 0);
    EXPECT_EQ(w.preview().count(), frames);
    EXPECT_TRUE(w.statusBar()->currentMessage().contains("0 of 130")) << w.statusBar()->currentMessage().toStdString();
}

// Run on all frames in the background: every frame gets its own preview (red discs, as the
// fixture model labels red), confidence shading draws, Ctrl+Enter accepts every frame, each
// frame's acceptance is its own undo step.
TEST(MainWindow, RunModelOnAllSlicesThenAcceptAll)
{
    TempDir dir;
    {
        cv::VideoWriter writer(dir.file("clip.avi"), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(96, 64));
        ASSERT_TRUE(writer.isOpened());
        for (int i = 0; i < 4; ++i) {
            cv::Mat frame(64, 96, CV_8UC3, cv::Scalar(40, 40, 40));
            cv::circle(frame, cv::Point(20 + 15 * i, 32), 10, cv::Scalar(0, 0, 255), cv::FILLED); // BGR red
            writer.write(frame);
        }
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    const std::string ts = core::importModel(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.pt",
                                                 std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json", dir.file("ts"));
    ASSERT_TRUE(w.preview().loadModel(q(ts)));
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_TRUE(w.preview().loadModel(q(ts)));
    ASSERT_TRUE(w.preview().runAll());
    ASSERT_TRUE(w.waitForJob(120000));
    ASSERT_EQ(w.preview().count(), 4);
    for (int z = 0; z < 4; ++z) {
        w.document().showSlice(z);
        ASSERT_TRUE(w.preview().hasPreview());
        EXPECT_EQ(w.preview().current().at(20 + 15 * z, 32), 1) << "frame " << z;
        EXPECT_EQ(w.preview().current().at(90, 5), 0);
    }
    QTest::keyClick(&w, Qt::Key_C, Qt::ShiftModifier); // confidence shading toggles
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        w.view()->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("preview-confidence.png"));
    QTest::keyClick(&w, Qt::Key_C, Qt::ShiftModifier); // and back
    w.document().showSlice(1);
    QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(w.preview().count(), 0);
    EXPECT_EQ(w.document().slice(), 1) << "the view stays on its slice";
    for (int z = 0; z < 4; ++z) {
        w.document().showSlice(z);
        EXPECT_EQ(w.document().labels().at(20 + 15 * z, 32), 1) << "frame " << z;
        EXPECT_EQ(w.document().editor().history().undoText(), "AI segmentation");
    }
    w.editing().undo();
    EXPECT_EQ(w.document().labels().at(65, 32), 0) << "undo on frame 3 leaves the others";
    w.document().showSlice(0);
    EXPECT_EQ(w.document().labels().at(20, 32), 1);
}

// Each slice has its own status from its latest revision (drawn: corrected; Shift+A: approved),
// kept in the workspace; the file list filters by review state.
// A folder holding one series of two echoes: each echo opens as its own series, and what is
// drawn on one is stored, and comes back, for that echo alone.
TEST(MainWindow, TwoStacksOfOneFolderKeepTheirOwnRevisions)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "ws" / "dicom" / "series");
    for (int i = 0; i < 3; ++i)
        for (const char* echo : {"1", "2"}) {
            const std::string path = dir.file("ws/dicom/series/e" + std::string(echo) + "-" + std::to_string(i) + ".dcm");
            test::writeDicomSlice(path, "1.2.3.98", 2 * i + (echo[0] - '0'), 0, 0, 2.0 * i, 100);
            DcmFileFormat file;
            ASSERT_TRUE(file.loadFile(path.c_str()).good());
            file.getDataset()->putAndInsertString(DCM_EchoNumbers, echo);
            ASSERT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
        }
    const auto echo = [](const char* which) {
        return [which](const QStringList& items) {
            for (int i = 0; i < items.size(); ++i)
                if (items[i].contains(QStringLiteral("(echo %1)").arg(QLatin1String(which))))
                    return i;
            return -1;
        };
    };
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("ws"))));
    ASSERT_TRUE(w.waitForJob(60000)); // the workspace opens its first image, the series
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("2")));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 3) << "one echo, not both interleaved";
    EXPECT_TRUE(w.document().storeKey().endsWith(QStringLiteral("#series=series-1.2.3.98-echo-2")))
        << w.document().storeKey().toStdString();
    w.document().showSlice(1);
    w.editing().setBrushRadius(1);
    drag(w.view(), {1, 1}, {4, 1});
    w.review().commit(true, true);
    const int drawn = test::countLabel(w.document().labels(), 1);
    ASSERT_GT(drawn, 0);

    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("1")));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), 1), 0) << "echo 2's strokes are not echo 1's";
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("2")));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), 1), drawn);
    EXPECT_EQ(w.review().sliceStatus(1), core::ReviewStatus::Corrected);

    // The file list shows the folder with the state of its series.
    w.review().setReview(core::ReviewStatus::Approved);
    w.review().commit(true, true);
    bool listed = false;
    for (const auto& f : w.review().files(-1))
        if (f.name == QStringLiteral("series")) {
            listed = true;
            EXPECT_EQ(f.status, core::ReviewStatus::Approved);
        }
    EXPECT_TRUE(listed);

    // Masks stored before the series of one folder were kept apart sit under the folder's own
    // path: a slice a series has stored nothing for still shows them, and an edit keeps them with it.
    core::LabelMap before(8, 6); // slice 2 of the 8x6x3 image, as the earlier store kept it
    before.at(0, 2) = 1;
    before.at(1, 2) = 1;
    w.review().session().commitMask(q(dir.file("ws/dicom/series")), 8, 6, 3, 2, before, core::MaskKind::Corrected, false);
    w.review().session().flush();
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("1")));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(test::countLabel(w.document().document().labels(2), 1), 2) << "the earlier mask stays in sight";
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), 1), 0);
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("before its series were kept apart")))
        << w.statusBar()->currentMessage().toStdString();
    w.document().showSlice(2);
    drag(w.view(), {0, 0}, {1, 0});
    w.review().commit(true, true);
    const int edited = test::countLabel(w.document().document().labels(2), 1);
    ASSERT_GT(edited, 2);
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("2")));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(test::countLabel(w.document().document().labels(1), 1), drawn) << "echo 2's own slice wins";
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/dicom/series")), echo("1")));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(test::countLabel(w.document().document().labels(2), 1), edited) << "the edit was kept with echo 1";

    // The CLI's figures read each series as the window does.
    w.close();
    std::string out;
    ASSERT_EQ(test::runCommand(std::string(DELINEO_CLI) + " stats --json --workspace " + dir.file("ws"), &out), 0) << out;
    const auto stats = nlohmann::json::parse(out);
    std::map<std::string, int> voxels;
    for (const auto& image : stats["images"])
        voxels[image["image"].get<std::string>().substr(image["image"].get<std::string>().find('#') + 1)] =
            image["structures"][0]["voxels"].get<int>();
    EXPECT_EQ(voxels["series=series-1.2.3.98-echo-2"], drawn) << out;
    EXPECT_EQ(voxels["series=series-1.2.3.98-echo-1"], edited) << out;
}

// An enhanced file holding both echoes of a multi-echo MR, opened as a file: the window asks which
// echo, and that echo alone opens, placed, with masks of its own in the store.
TEST(MainWindow, AnEnhancedFileOfTwoEchoesOpensTheEchoChosen)
{
    TempDir dir;
    const std::string path = dir.file("enhanced.dcm");
    ASSERT_TRUE(test::enhancedMr({4, 4, 0, 0, 2, 2}, 2)->saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    QStringList offered;
    w.document().chooseSeries = [&offered](const QStringList& items) {
        offered = items;
        return int(items.indexOf(QRegularExpression(QStringLiteral(".*\\(echo 2\\).*"))));
    };
    QSignalSpy noted(&w.document(), &vm::DocumentController::noted);
    ASSERT_TRUE(w.openPath(q(path)));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(offered.size(), 2) << offered.join(QLatin1Char('|')).toStdString();
    ASSERT_EQ(w.document().depth(), 3) << "one echo, not both interleaved";
    EXPECT_EQ(noted.count(), 0) << "no frames share a place in one echo";
    EXPECT_DOUBLE_EQ(w.document().document().volume().slice(0).value(1, 1), 2 * (100 + 0 + 50) - 10);
    EXPECT_TRUE(w.document().storeKey().endsWith(QStringLiteral("#series=enhanced-2.1125.9-echo-2")))
        << w.document().storeKey().toStdString();
}

// A study folder's series are offered by series number, as a PACS lists them, the largest first
// (what opens without asking); the line chosen opens its own series.
TEST(MainWindow, SeriesAreOfferedBySeriesNumber)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "study");
    const std::pair<const char*, int> series[] = {{"1.2.3.5", 3}, {"1.2.3.2", 1}, {"1.2.3.9", 2}}; // UID, slices
    for (const auto& [uid, slices] : series)
        for (int i = 0; i < slices; ++i) {
            const std::string path = dir.file("study/" + std::string(uid) + "-" + std::to_string(i) + ".dcm");
            test::writeDicomSlice(path, uid, i + 1, 0, 0, 2.0 * i, 10);
            DcmFileFormat file;
            ASSERT_TRUE(file.loadFile(path.c_str()).good());
            file.getDataset()->putAndInsertString(DCM_SeriesNumber, std::string(uid).substr(6).c_str());
            ASSERT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
        }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    QStringList offered;
    w.document().chooseSeries = [&offered](const QStringList& items) {
        offered = items;
        return 2;
    };
    ASSERT_TRUE(w.openPath(q(dir.file("study"))));
    ASSERT_TRUE(w.waitForJob());
    ASSERT_EQ(offered.size(), 3);
    EXPECT_TRUE(offered[0].startsWith(QStringLiteral("5: "))) << offered.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(offered[1].startsWith(QStringLiteral("2: ")));
    EXPECT_TRUE(offered[2].startsWith(QStringLiteral("9: ")));
    EXPECT_EQ(w.document().depth(), 2) << "series 9 has two slices";
}

TEST(MainWindow, SliceStatusesPersistAndTheFileListFilters)
{
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "ws");
    for (int i = 0; i < 2; ++i)
        test::writeDiscImage(dir.file("ws/frame" + std::to_string(i) + ".png"), 60, 40, 20, 20, 8);
    std::filesystem::create_directories(dir.path() / "ws" / "series");
    for (int i = 0; i < 4; ++i)
        test::writeDicomSlice(dir.file("ws/series/s" + std::to_string(i) + ".dcm"), "1.2.3.99", i + 1, 0, 0, 2.0 * i, 100);
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
        // Pictures beside a series in a subfolder: asked which, the pictures (the last line) open.
        w.document().chooseSeries = [](const QStringList& items) { return int(items.size()) - 1; };
        ASSERT_TRUE(w.document().openWorkspace(q(dir.file("ws"))));
        ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/series"))));
        ASSERT_TRUE(w.waitForJob(60000));
        w.document().showSlice(1);
        w.editing().setBrushRadius(1);
        drag(w.view(), {1, 1}, {4, 1});
        w.review().commit(false, true);
        EXPECT_EQ(w.review().sliceStatus(1), core::ReviewStatus::Corrected);
        EXPECT_EQ(w.review().sliceStatus(0), core::ReviewStatus::NotStarted);
        w.document().showSlice(2);
        QTest::keyClick(&w, Qt::Key_A, Qt::ShiftModifier);
        EXPECT_EQ(w.review().sliceStatus(2), core::ReviewStatus::Approved);
        w.document().showSlice(3);
        QTest::keyClick(&w, Qt::Key_X, Qt::ShiftModifier);
        EXPECT_EQ(w.review().sliceStatus(3), core::ReviewStatus::Rejected);
        // N walks the slices still needing review, then moves on to the next file.
        w.document().showSlice(0);
        QTest::keyClick(&w, Qt::Key_N);
        EXPECT_EQ(w.document().slice(), 1) << "slice 1 is corrected, not yet approved";
        QTest::keyClick(&w, Qt::Key_N);
        EXPECT_NE(QFileInfo(w.document().currentFile()).fileName(), QStringLiteral("series")) << "2 approved, 3 rejected: next file";
        w.review().commit(true, true);
        w.close();
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("ws"))));
    ASSERT_TRUE(w.document().openSeries(q(dir.file("ws/series"))));
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_EQ(w.review().sliceStatus(1), core::ReviewStatus::Corrected);
    EXPECT_EQ(w.review().sliceStatus(2), core::ReviewStatus::Approved);
    EXPECT_EQ(w.review().sliceStatus(3), core::ReviewStatus::Rejected);
    EXPECT_EQ(w.review().sliceStatus(0), core::ReviewStatus::NotStarted);

    ASSERT_TRUE(w.document().openFile(q(dir.file("ws/frame0.png"))));
    w.review().setReview(core::ReviewStatus::Approved);
    // The series worked on in its subfolder is listed after the workspace's own pictures.
    const int all = w.fileList()->count();
    ASSERT_EQ(all, 3);
    EXPECT_TRUE(w.fileList()->item(2)->text().contains(QStringLiteral("series"))) << w.fileList()->item(2)->text().toStdString();
    w.fileFilter()->setCurrentIndex(w.fileFilter()->findData(int(core::ReviewStatus::Approved)));
    ASSERT_EQ(w.fileList()->count(), 1);
    EXPECT_TRUE(w.fileList()->item(0)->text().contains("frame0.png"));
    w.fileFilter()->setCurrentIndex(w.fileFilter()->findData(-2)); // needing review: the series' slice 0 too
    ASSERT_EQ(w.fileList()->count(), 2);
    EXPECT_TRUE(w.fileList()->item(0)->text().contains("frame1.png"));
    EXPECT_TRUE(w.fileList()->item(1)->text().contains("series"));
}

// The Class box fits the longest class name of the class set shown, not only of the first one.
TEST(MainWindow, TheClassBoxFitsItsLongestClassName)
{
    ui::MainWindow w;
    w.show();
    auto* bar = w.findChild<ui::EditToolBar*>();
    auto* box = w.findChild<QComboBox*>("classCombo");
    ASSERT_TRUE(bar && box);
    bar->setClasses({{"polyp", {255, 64, 64}}});
    QCoreApplication::processEvents();
    bar->setClasses({{"stomach", {255, 64, 64}}, {"large_bowel", {64, 200, 255}}, {"small_bowel", {255, 210, 0}}});
    QCoreApplication::processEvents();
    for (int i = 0; i < box->count(); ++i)
        EXPECT_GT(box->sizeHint().width(), box->fontMetrics().horizontalAdvance(box->itemText(i)) + box->iconSize().width())
            << box->itemText(i).toStdString();
}

// The Edit menu names what Undo undoes; the tool bar's Undo button keeps its one short name, the
// edit's in its tooltip, so that a long name neither widens nor cuts it.
TEST(MainWindow, TheToolBarsUndoButtonKeepsItsNameAndTheMenuNamesTheEdit)
{
    TempDir dir;
    ui::MainWindow w;
    ASSERT_TRUE(openFirstFrame(w, dir));
    auto* bar = w.findChild<ui::EditToolBar*>();
    auto* undo = w.findChild<QAction*>("Undo");
    ASSERT_TRUE(bar && undo);
    auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(undo));
    ASSERT_TRUE(button);
    const int width = button->sizeHint().width();
    core::LabelMap square(200, 150);
    square.at(50, 50) = 1;
    ASSERT_TRUE(w.editing().applyMaskEdit(w.document().slice(), square, "a rather long edit name"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(undo->text().contains("a rather long edit name")) << undo->text().toStdString();
    EXPECT_EQ(button->text(), QStringLiteral("Undo"));
    EXPECT_EQ(button->sizeHint().width(), width);
    EXPECT_TRUE(button->toolTip().contains("a rather long edit name")) << button->toolTip().toStdString();
}

// First run: the empty window offers the demo workspace; one click opens it with its frames.
TEST(MainWindow, WelcomeOffersTheDemoWorkspace)
{
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    auto* demo = w.findChild<QPushButton*>("openDemo");
    ASSERT_TRUE(demo);
    EXPECT_TRUE(demo->isVisible());
    QTest::mouseClick(demo, Qt::LeftButton);
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_GE(w.fileList()->count(), 7);
    EXPECT_FALSE(w.document().empty()) << "the first demo file is open";
    // The workspace's list, its first picture open (not its two MR slices read as one volume).
    EXPECT_EQ(w.fileList()->currentRow(), 0);
    EXPECT_TRUE(w.fileList()->item(0)->text().endsWith(QFileInfo(w.document().currentFile()).fileName()))
        << w.document().currentFile().toStdString();
    EXPECT_EQ(w.document().depth(), 1);
    EXPECT_FALSE(demo->isVisible());
}

// A preview writes nothing: `delineo --screenshot --segment FILE` leaves the file's folder as it was.
TEST(MainWindow, ScreenshotPreviewWritesNothingBesideTheFile)
{
    TempDir viewed, out;
    const std::string frame = viewed.file("cju34ymm8d6700799uop0cw33.jpg");
    std::filesystem::copy_file(std::string(DELINEO_RESOURCES) + "/demo/cju34ymm8d6700799uop0cw33.jpg", frame);
    std::string log;
    ASSERT_EQ(test::runCommand("QT_QPA_PLATFORM=offscreen " + std::string(DELINEO_GUI) + " --model " +
                                   DELINEO_RESOURCES + "/models/polyp-unet.pt --screenshot " + out.file("shot.png") +
                                   " --segment " + frame,
                               &log),
              0)
        << log;
    EXPECT_TRUE(std::filesystem::exists(out.file("shot.png")));
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::directory_iterator(viewed.path()))
        left.push_back(e.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"cju34ymm8d6700799uop0cw33.jpg"});
}

// File → Export…: every registered format, a destination that follows it, de-identification where
// the format carries patient data, and the report of what was written.
TEST(MainWindow, ExportDialogWritesTheChosenFormatAndReports)
{
    TempDir dir;
    makeWorkspace(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    w.editing().setBrushRadius(4);
    drag(w.view(), {20, 20}, {60, 20});
    auto* dialog = qobject_cast<ui::ExportDialog*>(w.showExport());
    ASSERT_TRUE(dialog) << w.lastError().toStdString();
    ASSERT_EQ(dialog->format()->count(), int(core::exporters().size()));
    dialog->format()->setCurrentIndex(dialog->format()->findData(QStringLiteral("dicom-seg")));
    EXPECT_TRUE(dialog->deidentify()->isEnabled());
    dialog->format()->setCurrentIndex(dialog->format()->findData(QStringLiteral("coco")));
    EXPECT_FALSE(dialog->deidentify()->isEnabled());
    EXPECT_TRUE(dialog->destination()->text().endsWith(".json"));
    dialog->destination()->setText(q(dir.file("out/coco.json")));
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(w.waitForJob(60000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(dialog->report()->text().contains("wrote 1 mask of 1 image to")) << dialog->report()->text().toStdString();
    std::ifstream in(dir.file("out/coco.json"));
    const auto json = nlohmann::json::parse(in);
    ASSERT_EQ(json["annotations"].size(), 1u);
    EXPECT_GT(json["annotations"][0]["area"].get<int>(), 100);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        dialog->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("export.png"));
    delete dialog;
}

// Drag and drop takes what the reader registry opens: frames, volumes, folders; not a text file.
TEST(MainWindow, DropsFollowTheReaderRegistry)
{
    TempDir dir;
    makeWorkspace(dir);
    std::ofstream(dir.file("notes.txt")) << "not an image";
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    auto accepted = [&](const std::string& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(q(path))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QApplication::sendEvent(w.view(), &enter);
        return enter.isAccepted();
    };
    EXPECT_TRUE(accepted(dir.file("frame0.png")));
    EXPECT_TRUE(accepted(dir.path().string()));
    EXPECT_TRUE(accepted(dir.file("scan.nii.gz")));
    EXPECT_FALSE(accepted(dir.file("notes.txt")));
}

// The window survives every input a fuzz target found: the open document, its unsaved edits and the
// workspace stay, and the failure is a typed error.
TEST(MainWindow, EveryFuzzRegressionInputLeavesTheWindowAndTheEditsIntact)
{
    TempDir dir, inputs;
    ui::MainWindow w;
    ASSERT_TRUE(openWithUnsavedStroke(w, dir, 40));
    const core::LabelMap edited = w.document().labels();
    const QString current = w.document().currentFile();
    const std::filesystem::path root = std::filesystem::path(DELINEO_TESTDATA) / "fuzz-regressions";
    int opened = 0;
    for (const char* target : {"dicom", "frame", "itk-volume", "video"}) {
        if (!std::filesystem::exists(root / target))
            continue;
        for (const auto& e : std::filesystem::directory_iterator(root / target)) {
            std::string bytes = test::fileBytes(e.path().string());
            std::string name = e.path().filename().string();
            if (std::string(target) == "itk-volume" || std::string(target) == "video") { // the first byte chose the container
                static const char* volumes[] = {".nii", ".nii.gz", ".nrrd"};
                static const char* videos[] = {".avi", ".mp4", ".mkv"};
                const int k = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % 3;
                name += std::string(target) == "video" ? videos[k] : volumes[k];
                bytes = bytes.empty() ? bytes : bytes.substr(1);
            }
            const std::string path = inputs.file(name);
            std::ofstream(path, std::ios::binary) << bytes;
            w.openPath(q(path));
            ASSERT_TRUE(w.waitForJob(60000));
            QCoreApplication::processEvents();
            ++opened;
            if (w.document().currentFile() == current) { // refused
                EXPECT_FALSE(w.lastError().isEmpty()) << name << " refused without a word";
                EXPECT_EQ(w.document().labels(), edited) << name << ": the unsaved edits stay";
                continue;
            }
            // A valid result: a damaged video opens the frames decoded before the damage, with a
            // warning; the edits of the image it replaced were stored first.
            EXPECT_EQ(std::string(target), "video") << name << " opened";
            EXPECT_FALSE(w.document().document().warnings().empty()) << name << " opened partly without a word";
            EXPECT_FALSE(std::filesystem::exists(inputs.path() / core::Workspace::kDatabaseName))
                << "the edits went into the store of the folder merely opened";
            ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
            EXPECT_EQ(storedMask(w, current.toStdString()), edited) << name << ": the edits were stored in their workspace";
            ASSERT_TRUE(w.document().openFile(current));
            ASSERT_TRUE(w.waitForJob(60000));
            QCoreApplication::processEvents();
            EXPECT_EQ(w.document().labels(), edited);
        }
    }
    EXPECT_GE(opened, 4);
}

// Model files a fuzz target found, loaded through Model → Load Model (a damaged checkpoint beside a
// valid sidecar, a damaged sidecar beside valid weights, a damaged TorchScript file whose recorded
// SHA-256 matches, so that it reaches LibTorch's compiler): the window, the model in use and the
// unsaved edits stay as they were.
TEST(MainWindow, EveryModelFileRegressionLeavesTheWindowTheModelAndTheEditsIntact)
{
    TempDir dir, inputs;
    ui::MainWindow w;
    ASSERT_TRUE(openWithUnsavedStroke(w, dir, 40));
    const core::LabelMap edited = w.document().labels();
    const QString current = w.document().currentFile();
    const QString model = w.preview().modelPath();
    const std::filesystem::path root = std::filesystem::path(DELINEO_TESTDATA) / "fuzz-regressions";
    const std::filesystem::path shipped = std::filesystem::path(core::resourceDir()) / "models";
    auto each = [&](const char* target, const std::function<void(const std::string& bytes, const std::string& name)>& f) {
        int n = 0;
        if (!std::filesystem::exists(root / target))
            return n;
        for (const auto& e : std::filesystem::directory_iterator(root / target)) {
            f(test::fileBytes(e.path().string()), e.path().filename().string());
            QCoreApplication::processEvents();
            EXPECT_EQ(w.document().currentFile(), current) << target << "/" << e.path().filename();
            EXPECT_EQ(w.document().labels(), edited) << target << "/" << e.path().filename() << ": the unsaved edits stay";
            ++n;
        }
        return n;
    };
    auto load = [&](const std::string& weights, const std::string& name, bool mustFail) {
        const bool loaded = w.preview().loadModel(q(weights));
        EXPECT_FALSE(mustFail && loaded) << name << " loaded";
        if (!loaded) {
            EXPECT_FALSE(w.lastError().isEmpty()) << name << " refused without a word";
            EXPECT_EQ(w.preview().modelPath(), model) << name << ": the model in use stays";
        }
    };
    int tried = each("checkpoint", [&](const std::string& bytes, const std::string& name) {
        const std::string weights = inputs.file("ck-" + name + ".pt");
        std::ofstream(weights, std::ios::binary) << bytes;
        std::filesystem::copy_file(shipped / "polyp-unet.json", ml::sidecarPath(weights));
        load(weights, name, true);
    });
    tried += each("sidecar", [&](const std::string& bytes, const std::string& name) {
        const std::string weights = inputs.file("sc-" + name + ".pt");
        std::filesystem::copy_file(shipped / "polyp-unet.pt", weights);
        std::ofstream(ml::sidecarPath(weights), std::ios::binary) << bytes;
        load(weights, name, false);
    });
    tried += each("torchscript", [&](const std::string& bytes, const std::string& name) {
        const std::string weights = inputs.file("ts-" + name + ".pt");
        std::ofstream(weights, std::ios::binary) << bytes;
        nlohmann::json sidecar = nlohmann::json::parse(test::fileBytes(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json"));
        sidecar["architecture"] = "torchscript";
        sidecar["sha256"] = core::sha256File(weights);
        std::ofstream(ml::sidecarPath(weights)) << sidecar.dump();
        load(weights, name, true);
    });
    EXPECT_GE(tried, 4);
}

// Mask → Open Segmentation… on a frame: a 0/255 PNG mask lands on the frame shown, saves back as
// the same picture, Ctrl+Z takes it back, and a mask of another size is refused with the reason.
TEST(MainWindow, AMaskPictureOpensOnTheFrameShown)
{
    TempDir dir, other;
    makeWorkspace(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    core::LabelMap m(200, 150);
    for (int y = 40; y < 60; ++y)
        for (int x = 30; x < 70; ++x)
            m.at(x, y) = 1;
    core::saveMask(other.file("polyp.png"), m, 1);
    ASSERT_TRUE(w.workbench().labelFiles().open(q(other.file("polyp.png"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_EQ(w.document().document().labels(0), m);
    // Saved again as a picture of the frame (Mask → Save Segmentation As…): the same mask.
    ASSERT_TRUE(w.workbench().labelFiles().save(q(other.file("saved.png"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_EQ(core::loadMask(other.file("saved.png"), 1), m);
    w.editing().undo();
    EXPECT_EQ(test::countLabel(w.document().document().labels(0), 1), 0);
    // A label no class names is drawn all the same.
    EXPECT_EQ(w.legend()->overlayColours()[7], qRgb(255, 120, 180)) << "the palette's seventh colour";
    core::saveMask(other.file("small.png"), core::LabelMap(100, 150), 1);
    ASSERT_TRUE(w.workbench().labelFiles().open(q(other.file("small.png"))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_TRUE(w.lastError().contains(QStringLiteral("100x150"))) << w.lastError().toStdString();
}
