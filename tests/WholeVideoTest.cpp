// The model over every frame of a video streamed from disk: results arrive while it runs, wait
// packed, mark the timeline, survive a cancel; propagation reads its frames from the stream.
#include "MainWindowTestSupport.h"
#include "TestSupport.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/VideoStream.h"
#include "delineo/ui/JobProgress.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/FastSeekController.h"
#include "delineo/viewmodels/JobRunner.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QDir>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <algorithm>
#include <filesystem>

using namespace delineo;
using namespace delineo::test;

namespace {

// Whether the fast-seeking copy's progress was shown, however briefly.
class ShowSpy : public QObject {
public:
    explicit ShowSpy(QStatusBar* bar)
    {
        auto* progress = bar->findChild<ui::JobProgress*>(QStringLiteral("fastSeekProgress"));
        EXPECT_TRUE(progress);
        if (progress)
            progress->installEventFilter(this);
    }
    bool shown = false;

protected:
    bool eventFilter(QObject*, QEvent* e) override
    {
        shown = shown || e->type() == QEvent::Show;
        return false;
    }
};

bool polypAt(int i) { return (i >= 100 && i < 110) || (i >= 2900 && i < 2905); }

// 3,000 frames of 320x240: 690 MB decoded, so it streams. A red disc on frames 100-109 and 2900-2904.
std::string writeProcedure(const TempDir& dir)
{
    const std::string path = dir.file("procedure.avi");
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(320, 240));
    EXPECT_TRUE(writer.isOpened());
    for (int i = 0; i < 3000; ++i) {
        cv::Mat frame(240, 320, CV_8UC3, cv::Scalar(40, 40, 40));
        if (polypAt(i))
            cv::circle(frame, cv::Point(160, 120), 30, cv::Scalar(0, 0, 255), cv::FILLED); // BGR red
        writer.write(frame);
    }
    return path;
}

} // namespace

TEST(MainWindow, TheModelRunsOnEveryFrameOfAStreamedVideo)
{
    TempDir dir;
    const std::string video = writeProcedure(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    const std::string ts = core::importModel(std::string(DELINEO_TESTDATA) + "/torchscript-tiny.pt",
                                             std::string(DELINEO_TESTDATA) + "/torchscript-tiny.json", dir.file("ts"));
    ASSERT_TRUE(w.document().openFile(q(video)));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_TRUE(w.document().document().volume().streamed());
    ASSERT_TRUE(w.preview().loadModel(q(ts)));

    // From frame 2890 on, the finding at 2900 arrives while the job still runs; cancelling keeps it.
    w.document().showSlice(2890);
    ASSERT_TRUE(w.preview().runAll());
    QTRY_VERIFY_WITH_TIMEOUT(w.preview().count() >= 5, 60000);
    w.workbench().jobs().cancel();
    ASSERT_TRUE(w.waitForJob(60000));
    EXPECT_GE(w.preview().count(), 5) << "results found before the cancel stay";

    // The whole video, starting mid-way: every frame is visited, only frames with a finding wait.
    // The job reads it with a decoder of its own: the viewer's stays where the viewer is.
    w.preview().clear();
    w.document().showSlice(2000);
    const auto& viewerStream = *w.document().document().volume().stream;
    const int viewerSeeks = viewerStream.decoderSeeks();
    ASSERT_TRUE(w.preview().runAll());
    ASSERT_TRUE(w.waitForJob(600000));
    EXPECT_EQ(viewerStream.decoderSeeks(), viewerSeeks) << "the job went through the viewer's decoder";
    std::vector<int> expected;
    for (int i = 0; i < 3000; ++i)
        if (polypAt(i))
            expected.push_back(i);
    EXPECT_EQ(w.preview().waitingSlices(), expected);
    EXPECT_TRUE(w.document().document().maskedSlices().empty()) << "nothing reaches the mask until accepted";
    for (int z : expected) // unpacked one after another, the oldest packed again
        EXPECT_EQ(w.preview().preview(z).at(160, 120), 1) << "frame " << z;
    EXPECT_EQ(w.preview().preview(105).at(10, 10), 0);
    EXPECT_TRUE(w.preview().preview(50).empty());
    // Held, not just in use: the eight kept unpacked (labels and confidence), the rest a few KB each.
    EXPECT_LT(w.preview().bytes(), 9u * 320 * 240 * 2) << "all but a few wait packed, their buffers freed";

    const auto marks = w.workbench().playback().marks();
    EXPECT_EQ(marks[105], vm::PlaybackController::Mark::AiResult);
    EXPECT_EQ(marks[50], vm::PlaybackController::Mark::None);
    w.document().showSlice(0);
    ASSERT_TRUE(w.workbench().playback().nextToReview(+1));
    EXPECT_EQ(w.document().slice(), 100);
    w.document().showSlice(200);
    ASSERT_TRUE(w.workbench().playback().nextToReview(+1));
    EXPECT_EQ(w.document().slice(), 2900);

    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("whole-video-results.png"));
    // Accepting one frame puts its result in that frame's mask alone.
    w.preview().accept();
    EXPECT_EQ(w.document().document().maskedSlices(), std::vector<int>{2900});
    EXPECT_EQ(w.document().labels().at(160, 120), 1);
    EXPECT_FALSE(w.preview().hasPreview(2900));
}

// XDG_CACHE_HOME (where the fast-seeking copies go) in a test's folder, as it was again after.
struct CacheHome {
    explicit CacheHome(const std::string& dir) : before(qgetenv("XDG_CACHE_HOME"))
    {
        qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(dir));
    }
    ~CacheHome() { before.isNull() ? qunsetenv("XDG_CACHE_HOME") : qputenv("XDG_CACHE_HOME", before); }
    QByteArray before;
};

// A procedure recorded with keyframes 42 frames apart: its fast-seeking copy is written in the
// background, beside (not instead of) the main job, and the open video decodes from it once it is
// written; opened again, it decodes from it at once. Switched off in Preferences, nothing is written.
TEST(MainWindow, AVideoWithFarApartKeyframesGetsAFastSeekingCopyInTheBackground)
{
    TempDir dir;
    const CacheHome cache(dir.file("cache"));
    const std::string video = dir.file("procedure.mp4");
    writeNumberedVideo(video, 300, 640, 480); // 276 MB decoded: streamed
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.workbench().preferences().videoCopies = true; // the default, whatever an earlier test kept
        w.show();
        const ShowSpy bars(w.statusBar());
        ASSERT_TRUE(w.document().openFile(q(video)));
        ASSERT_TRUE(w.waitForJob(60000));
        const auto stream = w.document().document().volume().stream;
        ASSERT_TRUE(stream);
        EXPECT_EQ(stream->decodingFrom(), video);
        auto& copies = w.workbench().fastSeek();
        QSignalSpy inUse(&copies, &vm::FastSeekController::copyInUse); // before it can be written
        ASSERT_TRUE(copies.jobs().busy()) << "started on opening";
        EXPECT_FALSE(w.workbench().jobs().busy()) << "the main job (a model run) stays free";
        if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS")) {
            QTest::qWait(300); // a progress report or two
            w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("fast-seeking-copy.png"));
        }
        EXPECT_TRUE(QTest::qWaitFor([&] { return bars.shown || !copies.jobs().busy(); }, 60000));
        EXPECT_TRUE(bars.shown) << "a copy being written shows its progress";
        ASSERT_TRUE(copies.waitForCopy(120000));
        ASSERT_EQ(inUse.count(), 1);
        const std::string copy = stream->decodingFrom();
        EXPECT_EQ(copy.rfind(dir.file("cache/Delineo/video-copies/procedure-"), 0), 0u) << copy;
        EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("Fast seeking ready")))
            << w.statusBar()->currentMessage().toStdString();
        for (int z : {287, 5, 150}) {
            w.document().showSlice(z);
            EXPECT_EQ(numberedFrameIndex(w.document().image()), z);
        }
    }
    {
        ui::MainWindow again;
        again.setDialogsEnabled(false);
        ASSERT_TRUE(again.document().openFile(q(video)));
        ASSERT_TRUE(again.waitForJob(60000));
        EXPECT_NE(again.document().document().volume().stream->decodingFrom(), video) << "the copy, from the start";
        EXPECT_FALSE(again.workbench().fastSeek().jobs().busy()) << "nothing to write";
    }
    std::filesystem::remove_all(dir.file("cache"));
    {
        ui::MainWindow off;
        off.setDialogsEnabled(false);
        off.workbench().preferences().videoCopies = false;
        off.workbench().fastSeek().applyPreferences();
        ASSERT_TRUE(off.document().openFile(q(video)));
        ASSERT_TRUE(off.waitForJob(60000));
        EXPECT_EQ(off.document().document().volume().stream->decodingFrom(), video);
        EXPECT_FALSE(off.workbench().fastSeek().jobs().busy());
        EXPECT_FALSE(std::filesystem::exists(dir.file("cache/Delineo/video-copies")));
        off.workbench().preferences().videoCopies = true; // kept on closing: later tests get the default
    }
}

// An MJPEG video needs no copy: the check runs and ends without a progress bar flashing by.
TEST(MainWindow, AnMjpegVideoIsCheckedForACopyWithoutAProgressBar)
{
    TempDir dir;
    const CacheHome cache(dir.file("cache"));
    const std::string video = dir.file("procedure.avi");
    writeNumberedVideo(video, 300, 640, 480); // streamed, every frame a keyframe
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.workbench().preferences().videoCopies = true;
    w.show();
    const ShowSpy bars(w.statusBar());
    ASSERT_TRUE(w.document().openFile(q(video)));
    ASSERT_TRUE(w.waitForJob(60000));
    auto& copies = w.workbench().fastSeek();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !copies.jobs().busy(); }, 20000));
    EXPECT_FALSE(bars.shown) << "a check that finds nothing to write shows no progress, however long it takes";
    EXPECT_EQ(w.document().document().volume().stream->decodingFrom(), video);
    EXPECT_FALSE(std::filesystem::exists(dir.file("cache/Delineo/video-copies/procedure.avi"))) << "nothing written";
}
