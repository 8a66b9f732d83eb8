// Videos in the real window: opened in the background as frames, a long one streamed to its last
// frame, played and stepped between the frames that carry a mask or an AI draft.
#include "MainWindowTestSupport.h"
#include "TestSupport.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/TimelineSlider.h"
#include "delineo/viewmodels/PlaybackController.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <array>

using namespace delineo;
using namespace delineo::test;

TEST(MainWindow, VideoOpensInTheBackgroundAsFrames)
{
    TempDir dir;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("clip.avi"), 8, 96, 64, [](int i) { return std::array{20 * i, 40, 90}; }));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 8);
    EXPECT_EQ(w.document().document().slice(0).channels, 3);
    QTest::keyClick(&w, Qt::Key_End);
    EXPECT_EQ(w.document().slice(), 7);
    w.editing().setBrushRadius(2);
    drag(w.view(), {10, 10}, {20, 10});
    const core::LabelMap painted = w.document().labels();
    ASSERT_TRUE(w.review().save());
    EXPECT_EQ(storedMask(w, dir.file("clip.avi"), 7), painted) << "a mask per frame, in the store";
}

// A video too long to decode whole (3,000 frames, 690 MB decoded) is streamed: it opens at once with
// every frame reachable, the last frame shows its own picture, and only the frame painted on gets a
// label map and a stored mask.
TEST(MainWindow, ALongVideoStreamsAndReachesItsLastFrame)
{
    TempDir dir;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("long.avi"), 3000, 320, 240, [](int i) {
        const int grey = i * 80 / 2999 * 3;
        return std::array{grey, grey, grey};
    }));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openFile(q(dir.file("long.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 3000) << "every frame, none dropped";
    EXPECT_TRUE(w.document().document().volume().streamed());
    EXPECT_TRUE(w.document().document().warnings().empty());
    for (int z : {10, 11, 12, 2500, 40}) // looking at frames gives them no label map
        w.document().showSlice(z);
    QTest::keyClick(&w, Qt::Key_End);
    EXPECT_EQ(w.document().slice(), 2999);
    EXPECT_NEAR(w.document().image().value(5, 5), 240, 3) << "the last frame's own picture";
    w.editing().setBrushRadius(3);
    drag(w.view(), {40, 40}, {80, 40});
    const core::LabelMap painted = w.document().labels();
    EXPECT_GT(countLabel(painted, 1), 0);
    EXPECT_EQ(w.document().document().maskedSlices(), std::vector<int>{2999});
    ASSERT_TRUE(w.review().save());
    EXPECT_EQ(storedMask(w, dir.file("long.avi"), 2999), painted);
    QTest::keyClick(&w, Qt::Key_Home);
    EXPECT_EQ(w.document().slice(), 0);
    EXPECT_NEAR(w.document().image().value(5, 5), 0, 3);
}

// A tap on Space plays the video at its frame rate and another stops it; Ctrl+PgDown/PgUp jump
// between frames that carry a mask, Ctrl+Shift+PgDown to the next AI draft nobody reviewed.
TEST(MainWindow, PlaybackAndJumpsToAnnotatedFrames)
{
    TempDir dir;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("clip.avi"), 120, 96, 64, [](int i) { return std::array{2 * i, 2 * i, 2 * i}; }));
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    auto& play = w.workbench().playback();
    EXPECT_DOUBLE_EQ(play.framesPerSecond(), 25.0);
    w.document().showSlice(0);
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(w.view(), Qt::Key_Space);
    EXPECT_TRUE(play.playing());
    QTest::qWait(400); // about 10 frames at 25 per second
    QTest::keyClick(w.view(), Qt::Key_Space);
    const qint64 elapsed = clock.elapsed();
    EXPECT_FALSE(play.playing());
    const int reached = w.document().slice();
    EXPECT_GE(reached, 2);
    EXPECT_LE(reached, elapsed / 40 + 1) << "never faster than the video's own rate";
    EXPECT_GE(reached, (elapsed - 200) / 40) << "nor slower: frames that cannot be shown in time are skipped";
    QTest::qWait(100);
    EXPECT_EQ(w.document().slice(), reached) << "stopped means stopped";
    // Going back while it plays plays on from there, not from where the clock had got to.
    play.play();
    QTest::qWait(400);
    w.document().showSlice(0);
    QTest::qWait(120);
    EXPECT_LE(w.document().slice(), 6);
    play.stop();

    w.editing().setBrushRadius(2);
    for (int z : {30, 90}) {
        w.document().showSlice(z);
        drag(w.view(), {10, 10}, {20, 10});
    }
    w.document().showSlice(50);
    w.document().editor(); // an empty label map on frame 50 is no annotation
    w.document().showSlice(0);
    QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
    EXPECT_EQ(w.document().slice(), 30);
    QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
    EXPECT_EQ(w.document().slice(), 90);
    EXPECT_FALSE(play.nextAnnotated(1)) << "none after the last";
    EXPECT_EQ(w.document().slice(), 90);
    QTest::keyClick(&w, Qt::Key_PageUp, Qt::ControlModifier);
    EXPECT_EQ(w.document().slice(), 30);
    w.review().recordAiDraft(70, w.document().document().labels(30));
    QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(w.document().slice(), 70);

    // The timeline under the view marks what carries a mask and how far its review has got.
    ASSERT_TRUE(w.review().save());
    using Mark = vm::PlaybackController::Mark;
    const auto marks = play.marks();
    ASSERT_EQ(marks.size(), 120u);
    EXPECT_EQ(marks[30], Mark::Corrected);
    EXPECT_EQ(marks[70], Mark::AiDraft);
    EXPECT_EQ(marks[50], Mark::None) << "an empty label map marks nothing";
    EXPECT_EQ(std::count(marks.begin(), marks.end(), Mark::None), 117);
    auto* timeline = w.findChild<ui::TimelineSlider*>("sliceSlider");
    ASSERT_TRUE(timeline);
    EXPECT_EQ(timeline->marks(), marks);
}
