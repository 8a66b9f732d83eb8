// AI Assist through the real main window: prompts given with the mouse, the preview the interactive
// model answers, Backspace, Esc, Enter as one undo step, and a damaged model that disables the tool.
#include "MainWindowTestSupport.h"
#include "TestSupport.h"

#include "delineo/core/Rendering.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/ModelsPanel.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "delineo/viewmodels/AssistController.h"

#include <nlohmann/json.hpp>

#include <QAbstractSpinBox>
#include <QAction>
#include <QMenu>
#include <QTableWidget>
#include <QMenuBar>
#include <QAbstractSpinBox>
#include <QTest>

#include <fstream>
#include <functional>
#include <map>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace delineo;
using namespace delineo::test;

namespace {

// The frames of makeWorkspace (discs of radius 25 at x = 60, 90, 120; y = 70) and their model.
void trainAssist(const TempDir& dir) { trainTinyAssistModel(dir, 3, 200, 150, 60, 30, 70, 25, 30); }

void click(ui::ImageView* view, QPointF image, Qt::MouseButton button = Qt::LeftButton, Qt::KeyboardModifiers mods = {})
{
    QTest::mouseClick(view, button, mods, view->imageToWidget(image).toPoint());
}

QAction* toolAction(ui::MainWindow& w, const QString& id)
{
    for (QAction* a : w.findChildren<QAction*>())
        if (a->data().toString() == id)
            return a;
    return nullptr;
}

// What the model itself says for these prompts, on the frame as the window feeds it.
std::vector<std::uint8_t> modelAnswer(const std::string& modelPath, ui::MainWindow& w, const ml::PromptSet& prompts,
                                      const std::vector<std::uint8_t>& previous)
{
    const auto model = ml::InteractiveSegmenter::load(modelPath);
    const std::vector<std::uint8_t> pixels = core::modelInput8(w.document().image());
    const core::Image& img = w.document().image();
    return model->predict({pixels.data(), img.width, img.height, img.channels}, prompts, previous.data()).mask;
}

} // namespace

TEST(AssistTool, PromptsPreviewBackspaceAcceptAndUndoPixelForPixel)
{
    TempDir dir;
    makeWorkspace(dir);
    trainAssist(dir);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame0.png"))));
    ASSERT_TRUE(w.assist().loadModel(q(dir.file("assist.pt"))));
    // A drawn label of the class elsewhere, and one of another class inside the object: kept.
    core::LabelMap before(200, 150);
    for (int y = 5; y < 15; ++y)
        for (int x = 170; x < 190; ++x)
            before.at(x, y) = 1;
    before.at(60, 70) = 2;
    ASSERT_TRUE(w.editing().applyMaskEdit(0, before, "drawn"));

    QTest::keyClick(&w, Qt::Key_P);
    ASSERT_EQ(w.editing().activeTool(), "assist");
    click(w.view(), {60.5, 70.5});
    ASSERT_TRUE(w.assist().hasPrompts());
    ASSERT_EQ(w.assist().prompts().clicks.size(), 1u);
    EXPECT_TRUE(w.assist().prompts().clicks[0].positive);
    EXPECT_EQ(w.assist().prompts().clicks[0].x, 60);
    EXPECT_EQ(w.assist().prompts().clicks[0].y, 70);
    EXPECT_EQ(w.document().labels().labels, before.labels) << "a prompt never edits the mask";
    // The first answer starts from the class as drawn.
    std::vector<std::uint8_t> start(before.labels.size());
    for (std::size_t i = 0; i < start.size(); ++i)
        start[i] = before.labels[i] == 1;
    const std::vector<std::uint8_t> first = modelAnswer(dir.file("assist.pt"), w, w.assist().prompts(), start);
    ASSERT_EQ(w.assist().mask(), first);
    const std::vector<std::uint8_t> afterFirst = w.assist().mask();

    // Right click: a negative point; Backspace takes it back to the first answer exactly.
    click(w.view(), {100.5, 30.5}, Qt::RightButton);
    ASSERT_EQ(w.assist().prompts().clicks.size(), 2u);
    EXPECT_FALSE(w.assist().prompts().clicks[1].positive);
    EXPECT_EQ(w.assist().mask(), modelAnswer(dir.file("assist.pt"), w, w.assist().prompts(), afterFirst));
    QTest::keyClick(&w, Qt::Key_Backspace);
    ASSERT_EQ(w.assist().prompts().clicks.size(), 1u);
    EXPECT_EQ(w.assist().mask(), afterFirst);
    // Shift+click is negative too; a drag is a box; Alt+drag a scribble.
    click(w.view(), {10.5, 140.5}, Qt::LeftButton, Qt::ShiftModifier);
    EXPECT_FALSE(w.assist().prompts().clicks.back().positive);
    drag(w.view(), {30, 40}, {92, 100});
    ASSERT_TRUE(w.assist().prompts().box.has_value());
    EXPECT_NEAR(w.assist().prompts().box->x0, 30, 1);
    EXPECT_NEAR(w.assist().prompts().box->y1, 101, 1);
    drag(w.view(), {50, 65}, {70, 75}, Qt::AltModifier);
    ASSERT_EQ(w.assist().prompts().scribbles.size(), 1u);
    EXPECT_TRUE(w.assist().prompts().scribbles[0].points.front().positive);
    // Esc drops every prompt and leaves the mask alone, also from a number field (a spin box has
    // nothing of its own to cancel, unlike a name being typed).
    auto* number = w.toolOptions()->findChild<QAbstractSpinBox*>();
    ASSERT_TRUE(number);
    number->setFocus();
    QTest::keyClick(number, Qt::Key_Escape);
    EXPECT_FALSE(w.assist().hasPrompts());
    EXPECT_EQ(w.document().labels().labels, before.labels);

    // Enter accepts as one undo step: the object in the class, the other class kept.
    click(w.view(), {60.5, 70.5});
    const std::vector<std::uint8_t> object = w.assist().mask();
    ASSERT_EQ(object, first);
    const std::size_t undoBefore = w.document().editor().history().position();
    QTest::keyClick(&w, Qt::Key_Return);
    EXPECT_FALSE(w.assist().hasPrompts());
    EXPECT_EQ(w.document().editor().history().position(), undoBefore + 1);
    EXPECT_EQ(w.document().editor().history().undoText(), "AI Assist (polyp)");
    const core::LabelMap& after = w.document().labels();
    int objectPixels = 0;
    for (std::size_t i = 0; i < object.size(); ++i) {
        const int expected = before.labels[i] == 2 ? 2 : object[i] ? 1 : 0;
        ASSERT_EQ(after.labels[i], expected) << "pixel " << i;
        objectPixels += object[i];
    }
    EXPECT_GT(objectPixels, 0);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(w.document().labels().labels, before.labels) << "undo restores the mask before the accept";
}

TEST(AssistTool, ADamagedInteractiveModelDisablesTheToolWithAMessage)
{
    TempDir dir;
    makeWorkspace(dir);
    trainAssist(dir);
    // The weights cut in half; the sidecar intact.
    std::filesystem::copy_file(dir.file("assist.json"), dir.file("broken.json"));
    {
        const std::string bytes = fileBytes(dir.file("assist.pt"));
        std::ofstream(dir.file("broken.pt"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    ASSERT_TRUE(w.document().openFile(q(dir.file("frame0.png"))));
    EXPECT_FALSE(w.assist().loadModel(q(dir.file("broken.pt"))));
    EXPECT_FALSE(w.assist().available());
    EXPECT_TRUE(w.assist().unavailableReason().contains(QStringLiteral("broken.pt")))
        << w.assist().unavailableReason().toStdString();
    EXPECT_FALSE(w.lastError().isEmpty());
    QAction* tool = toolAction(w, QStringLiteral("assist"));
    ASSERT_TRUE(tool);
    EXPECT_FALSE(tool->isEnabled());
    EXPECT_EQ(tool->toolTip(), w.assist().unavailableReason());
    // The shortcut does nothing then, and a click on the image stays a brush stroke.
    QTest::keyClick(&w, Qt::Key_P);
    EXPECT_NE(w.editing().activeTool(), "assist");
    EXPECT_FALSE(w.assist().addPrompt({vm::PromptGesture::Kind::Point, true, QPolygonF{QPointF(60, 70)}}));
    EXPECT_FALSE(w.assist().hasPrompts());
    // A good model brings it back.
    ASSERT_TRUE(w.assist().loadModel(q(dir.file("assist.pt"))));
    EXPECT_TRUE(tool->isEnabled());
}

// Propagate Forward from the first frame of a clip: each later frame gets its own preview, Ctrl+Enter
// accepts them all, one undo step per frame; Propagate Backward from the last frame goes the other way.
TEST(AssistTool, PropagationGivesEachFrameItsPreviewAndOneUndoStep)
{
    TempDir dir;
    makeWorkspace(dir);
    trainAssist(dir);
    {
        cv::VideoWriter writer(dir.file("clip.avi"), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(200, 150));
        ASSERT_TRUE(writer.isOpened());
        for (int i = 0; i < 4; ++i) {
            cv::Mat frame(150, 200, CV_8UC3, cv::Scalar(40, 40, 40));
            cv::circle(frame, cv::Point(60 + 4 * i, 70), 25, cv::Scalar(230, 230, 230), cv::FILLED);
            writer.write(frame);
        }
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    ASSERT_TRUE(w.document().openFile(q(dir.file("clip.avi"))));
    ASSERT_TRUE(w.waitForJob(60000));
    ASSERT_EQ(w.document().depth(), 4);
    ASSERT_TRUE(w.assist().loadModel(q(dir.file("assist.pt"))));
    w.document().showSlice(0);
    EXPECT_FALSE(w.assist().propagate(+1)) << "nothing drawn on the frame: nothing to carry";
    ASSERT_TRUE(w.editing().applyMaskEdit(0, discMask(200, 150, 60, 70, 25), "drawn"));
    ASSERT_TRUE(w.assist().propagate(+1, 30, 0.0)) << w.lastError().toStdString();
    ASSERT_TRUE(w.waitForJob(120000));
    EXPECT_EQ(w.document().slice(), 0) << "the view stays where it was";
    EXPECT_FALSE(w.preview().hasPreview(0));
    for (int z = 1; z < 4; ++z)
        EXPECT_TRUE(w.preview().hasPreview(z)) << "frame " << z;
    QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(w.preview().count(), 0);
    for (int z = 1; z < 4; ++z) {
        w.document().showSlice(z);
        EXPECT_EQ(w.document().editor().history().position(), 1u) << "one undo step on frame " << z;
    }
    // Backward from the last frame, with the default stop: whatever it reaches is a preview, no more.
    w.document().showSlice(3);
    EXPECT_TRUE(w.assist().propagate(-1));
    ASSERT_TRUE(w.waitForJob(120000));
    EXPECT_FALSE(w.preview().hasPreview(3));

    // A video streamed from disk (3,000 frames, 270 MB decoded): the job reads its frames from the
    // stream and carries the mask exactly as over the same frames decoded whole.
    auto frameAt = [](int i) {
        cv::Mat frame(150, 200, CV_8UC3, cv::Scalar(40, 60, 150)); // as the model was trained on
        if (i >= 2000 && i < 2010)
            cv::circle(frame, cv::Point(60 + 4 * (i - 2000), 70), 25, cv::Scalar(200, 220, 250), cv::FILLED);
        return frame;
    };
    {
        cv::VideoWriter longer(dir.file("long.avi"), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(200, 150));
        cv::VideoWriter shorter(dir.file("short.avi"), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(200, 150));
        ASSERT_TRUE(longer.isOpened() && shorter.isOpened());
        for (int i = 0; i < 3000; ++i)
            longer.write(frameAt(i));
        for (int i = 2000; i < 2010; ++i)
            shorter.write(frameAt(i));
    }
    std::vector<core::LabelMap> whole;
    for (const char* name : {"short.avi", "long.avi"}) {
        ASSERT_TRUE(w.document().openFile(q(dir.file(name))));
        ASSERT_TRUE(w.waitForJob(60000));
        const bool streamed = std::string(name) == "long.avi";
        ASSERT_EQ(w.document().document().volume().streamed(), streamed);
        ASSERT_TRUE(w.assist().loadModel(q(dir.file("assist.pt"))));
        const int z0 = streamed ? 2000 : 0;
        w.document().showSlice(z0);
        ASSERT_TRUE(w.editing().applyMaskEdit(z0, discMask(200, 150, 60, 70, 25), "drawn"));
        ASSERT_TRUE(w.assist().propagate(+1, 3, 0.0)) << w.lastError().toStdString();
        ASSERT_TRUE(w.waitForJob(120000));
        EXPECT_EQ(w.preview().waitingSlices(), (std::vector<int>{z0 + 1, z0 + 2, z0 + 3}));
        for (int k = 1; k <= 3; ++k) {
            if (!streamed) {
                whole.push_back(w.preview().preview(k));
                if (k == 1) { // the tiny model's carried masks grow past the disc after that
                    EXPECT_EQ(whole.back().at(64, 70), 1) << "the disc carried along";
                    EXPECT_EQ(whole.back().at(180, 140), 0) << "and not the background";
                }
            }
            else
                EXPECT_EQ(w.preview().preview(z0 + k), whole[std::size_t(k - 1)]) << "frame " << z0 + k;
        }
    }
}

// Training → Fine-tune AI Assist Model: the interactive model in use becomes the first version of
// its own line, the run adds a version with the simulated annotator's clicks on the frozen split,
// and promoting or rolling it back swaps the AI Assist model, never the automatic one.
TEST(AssistTool, FineTuneFromTheMenuPromoteAndRollBackTheAssistLine)
{
    TempDir dir;
    makeWorkspace(dir);
    trainAssist(dir); // also leaves the frames' masks in dir/masks: corrections for the workspace
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.path().string())));
    ASSERT_TRUE(w.assist().loadModel(q(dir.file("assist.pt"))));
    const QString automatic = w.preview().modelPath();
    ASSERT_TRUE(w.startFineTune(1, false, false, core::ModelKind::Interactive)) << w.lastError().toStdString();
    ASSERT_TRUE(w.training().waitForFinished(300000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(w.lastError().isEmpty()) << w.lastError().toStdString();
    auto ws = w.training().connection();
    ASSERT_TRUE(ws);
    const auto versions = ws->models();
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].kind, core::ModelKind::Interactive);
    EXPECT_TRUE(versions[0].active);
    const auto metrics = nlohmann::json::parse(versions[1].metrics);
    ASSERT_TRUE(metrics.contains("clicks")) << versions[1].metrics;
    EXPECT_GT(metrics["clicks"]["objects"].get<int>(), 0);
    // The Models panel shows the clicks to Dice 0.90 of the new version.
    const std::int64_t tuned = w.modelsPanel()->selectedVersion();
    ASSERT_EQ(tuned, versions[1].id);
    bool shown = false;
    for (int c = 0; c < w.modelsPanel()->table()->columnCount(); ++c)
        if (w.modelsPanel()->table()->horizontalHeaderItem(c)->text() == "Clicks to 0.90")
            for (int r = 0; r < 2; ++r)
                shown = shown || w.modelsPanel()->table()->item(r, c)->text() ==
                                     QString::number(metrics["clicks"]["NoC@90"].get<double>(), 'f', 2);
    EXPECT_TRUE(shown);
    EXPECT_EQ(w.compareModels(tuned), nullptr) << "AI Assist versions compare by clicks, with a message";
    EXPECT_TRUE(w.lastError().contains("AI Assist")) << w.lastError().toStdString();

    ASSERT_TRUE(w.training().promote(tuned));
    EXPECT_TRUE(w.assist().modelPath().contains("/models/v2-")) << w.assist().modelPath().toStdString();
    EXPECT_EQ(w.preview().modelPath(), automatic) << "the automatic model stays";
    ASSERT_TRUE(w.training().rollback(core::ModelKind::Interactive));
    EXPECT_FALSE(w.assist().modelPath().contains("/models/v2-"));
    EXPECT_TRUE(w.assist().available());
    EXPECT_EQ(w.preview().modelPath(), automatic);
}

// Every menu shortcut is taken once: a key bound twice does nothing in Qt ("ambiguous").
TEST(AssistTool, NoTwoMenuActionsShareAShortcut)
{
    ui::MainWindow w;
    std::map<QString, QString> owner;
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* a : menu->actions()) {
            if (a->menu()) {
                walk(a->menu());
                continue;
            }
            for (const QKeySequence& k : a->shortcuts()) {
                const QString key = k.toString(QKeySequence::PortableText);
                const auto [it, fresh] = owner.emplace(key, a->text());
                EXPECT_TRUE(fresh) << key.toStdString() << ": " << it->second.toStdString() << " and "
                                   << a->text().toStdString();
            }
        }
    };
    for (QAction* top : w.menuBar()->actions())
        if (top->menu())
            walk(top->menu());
    EXPECT_GT(owner.size(), 40u);
    EXPECT_EQ(owner.at(QStringLiteral("P")).remove(QLatin1Char('&')).toStdString(), "AI Assist (Clicks, Box, Scribble)");
}
