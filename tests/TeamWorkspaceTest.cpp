// A team workspace in the real window: File → Open Team Workspace takes a PostgreSQL URL; the file
// list is the store's images; an edit, a save and an approval land in the store under the case the
// images were imported into, where another member's connection reads them at once.
#include "MainWindowTestSupport.h"
#include "PostgresServer.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/ui/AgreementDialog.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QDir>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QStatusBar>
#include <QTest>

#include <filesystem>

using namespace delineo;
using namespace delineo::test;

TEST(TeamWorkspace, TheWindowWorksOnAPostgresWorkspaceAnotherMemberReads)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    const std::string url = server->newDatabase();
    // A coordinator imports two frames with masks (as `delineo-cli workspace import URL FRAMES` does).
    std::filesystem::create_directories(dir.file("study/masks"));
    for (int i = 0; i < 2; ++i) {
        const std::string name = "frame" + std::to_string(i) + ".png";
        writeDiscImage(dir.file("study/" + name), 64, 48, 20 + 10 * i, 24, 8);
        core::saveMask(dir.file("study/masks/" + name), discMask(64, 48, 20 + 10 * i, 24, 8), 1);
    }
    auto coordinator = core::Workspace::open(url);
    coordinator->setUser("coordinator");
    ASSERT_EQ(core::importFrames(*coordinator, dir.file("study"), 1, dir.file("study/masks")).masks, 2);
    const std::size_t casesBefore = coordinator->cases().size();
    // The coordinator is looking at the first frame's case: the window is told so.
    const auto caseOf = [&](const std::string& frame) {
        return coordinator->addCase(*coordinator->caseOfImage(std::filesystem::absolute(dir.file("study/" + frame)).string()));
    };
    ASSERT_FALSE(coordinator->claimCase(caseOf("frame0.png"), 600));

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    core::Workspace::setDefaultUser("dr.reviewer"); // as Preferences → Your name sets it
    ASSERT_TRUE(w.document().openWorkspace(q(url)));
    EXPECT_EQ(w.document().workspace(), q(url));
    ASSERT_EQ(w.fileList()->count(), 2);
    ASSERT_FALSE(w.document().empty());
    EXPECT_TRUE(w.document().currentFile().endsWith(QStringLiteral("frame0.png")));
    EXPECT_EQ(w.review().leaseHolder(), QStringLiteral("coordinator"));
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("coordinator is editing this case")))
        << w.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(countLabel(w.document().labels(), 1), countLabel(discMask(64, 48, 20, 24, 8), 1))
        << "the stored mask is loaded from the server";

    // An edit and an approval from the window.
    core::LabelMap edited = w.document().labels();
    edited.at(60, 40) = 1;
    ASSERT_TRUE(w.editing().applyMaskEdit(0, edited, "corner"));
    ASSERT_TRUE(w.review().save());
    w.review().setReview(core::ReviewStatus::Approved);
    w.review().commit(true, true);
    // The History panel lists the slice's saved revisions with who made each.
    const QStringList saved = w.historyPanel()->revisions();
    ASSERT_GE(saved.size(), 2);
    EXPECT_TRUE(saved.front().contains(QStringLiteral("by dr.reviewer"))) << saved.front().toStdString();
    EXPECT_TRUE(saved.back().contains(QStringLiteral("by coordinator"))) << saved.back().toStdString();
    const QListWidget* list = w.historyPanel()->list();
    EXPECT_EQ(list->item(list->count() - 1)->text(), saved.back()) << "listed below the undo steps";

    auto other = core::Workspace::openExisting(url);
    const auto image = other->imageId(QFileInfo(w.document().currentFile()).absoluteFilePath().toStdString());
    ASSERT_TRUE(image);
    const auto latest = other->latestMask(*image, 0);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->labels.at(60, 40), 1);
    EXPECT_EQ(latest->kind, core::MaskKind::Corrected);
    EXPECT_EQ(latest->author, "dr.reviewer");
    EXPECT_EQ(other->cases().size(), casesBefore) << "the window writes into the imported case, never a new one";
    const auto caseName = other->caseOfImage(QFileInfo(w.document().currentFile()).absoluteFilePath().toStdString());
    ASSERT_TRUE(caseName);
    bool approved = false;
    for (const auto& c : other->cases())
        approved |= c.name == *caseName && c.status == core::ReviewStatus::Approved && c.reviewer == "dr.reviewer";
    EXPECT_TRUE(approved);
    // Once the coordinator lets the case go, the window takes it (on opening its next frame), and
    // gives it back when it closes.
    coordinator->releaseCase(caseOf("frame0.png"));
    ASSERT_TRUE(w.document().openFile(q(dir.file("study/frame1.png"))));
    EXPECT_TRUE(w.review().leaseHolder().isEmpty());
    ASSERT_TRUE(coordinator->caseLease(caseOf("frame1.png")));
    EXPECT_EQ(coordinator->caseLease(caseOf("frame1.png"))->holder, "dr.reviewer");
    w.review().close();
    EXPECT_FALSE(coordinator->caseLease(caseOf("frame1.png")));
    // Nothing was written beside the images: mask files go to this member's own folder.
    EXPECT_FALSE(std::filesystem::exists(dir.file("study/workspace.sqlite")));
    core::Workspace::setDefaultUser({});
}

// Two members on one slice: what one saves reaches the other's window within two seconds (its
// poll), and an edit begun before the other's newer revision is refused by the store, kept as its
// own revision, and one Ctrl+Z away.
TEST(TeamWorkspace, AnotherMembersRevisionShowsWithinTwoSecondsAndAnOverwriteIsRefused)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    const std::string url = server->newDatabase();
    std::filesystem::create_directories(dir.file("study/masks"));
    writeDiscImage(dir.file("study/frame.png"), 64, 48, 20, 24, 8);
    core::saveMask(dir.file("study/masks/frame.png"), discMask(64, 48, 20, 24, 8), 1);
    auto alice = core::Workspace::open(url);
    alice->setUser("alice");
    ASSERT_EQ(core::importFrames(*alice, dir.file("study"), 1, dir.file("study/masks")).masks, 1);
    const auto image = *alice->imageId(std::filesystem::absolute(dir.file("study/frame.png")).string());

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    core::Workspace::setDefaultUser("bob");
    ASSERT_TRUE(w.document().openWorkspace(q(url)));
    ASSERT_FALSE(w.document().empty());

    // Alice saves a correction: bob's window shows it within 2 s, without him doing anything.
    core::LabelMap hers = alice->latestMask(image, 0)->labels;
    for (int x = 0; x < 10; ++x)
        hers.at(x, 2) = 1;
    ASSERT_FALSE(alice->commitEdit(image, 0, hers, core::refOf(*alice->latestMask(image, 0))).newer);
    QElapsedTimer shown;
    shown.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.document().labels() == hers; }, 2000))
        << "alice's revision reached bob's window in " << shown.elapsed() << " ms";
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("alice saved a newer mask")))
        << w.statusBar()->currentMessage().toStdString();

    // A class alice adds reaches bob's legend the same way.
    alice->setClasses(core::mergedClasses(alice->classes(), {{2, "bleeding", 0, 170, 255}}));
    auto* legend = w.findChild<ui::ClassLegend*>("classLegend");
    ASSERT_TRUE(legend);
    EXPECT_TRUE(QTest::qWaitFor([&] { return legend->count() == 2 && legend->item(1)->text().contains("bleeding"); }, 2000))
        << "alice's class did not reach bob's legend";

    // So does a ruler she keeps on the frame, and its removal.
    alice->addMeasurement(image, {"alices-ruler", false, {{2, 3, 0}, {40, 3, 0}}, {}, {}});
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.workbench().measurements().on(core::Plane::Axial).size() == 1; }, 2000))
        << "alice's ruler did not reach bob's view";
    alice->removeMeasurement("alices-ruler");
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.workbench().measurements().count() == 0; }, 2000))
        << "alice's removal did not reach bob's view";

    // Bob edits; before his autosave alice saves again: his commit is refused, kept, and hers shown.
    core::LabelMap his = w.document().labels();
    his.at(60, 40) = 1;
    ASSERT_TRUE(w.editing().applyMaskEdit(0, his, "corner"));
    hers.at(0, 40) = 1;
    ASSERT_FALSE(alice->commitEdit(image, 0, hers, core::refOf(*alice->latestMask(image, 0))).newer);
    w.review().syncTeam();
    EXPECT_EQ(w.document().labels(), hers);
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("alice saved slice 1 after you began")))
        << w.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(alice->latestMask(image, 0)->labels, hers) << "bob's edit did not overwrite hers";
    const auto history = alice->history(image, 0);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().author, "bob");
    EXPECT_EQ(history.back().refusedOver, alice->latestMask(image, 0)->id);
    EXPECT_EQ(alice->revision(history.back().id)->labels, his) << "bob's edit is kept whole";
    EXPECT_TRUE(w.historyPanel()->revisions().front().contains(QStringLiteral("kept, not current: alice")))
        << w.historyPanel()->revisions().front().toStdString();

    // Ctrl+Z brings his back; saved now (based on hers, knowingly) it becomes the slice's mask.
    w.editing().undo();
    EXPECT_EQ(w.document().labels(), his);
    ASSERT_TRUE(w.review().save());
    EXPECT_EQ(alice->latestMask(image, 0)->labels, his);
    EXPECT_EQ(alice->latestMask(image, 0)->author, "bob");
    w.review().close();
    core::Workspace::setDefaultUser({});
}

// Review → Agreement in the window (a folder workspace: agreement needs no server): the table gives
// the Dice the store's masks have, and a majority consensus becomes the slice's mask as one undo
// step, stored as a revision of its own.
TEST(TeamWorkspace, TheAgreementDialogMeasuresAndMakesAConsensus)
{
    TempDir dir;
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    std::filesystem::create_directories(dir.file("study"));
    writeDiscImage(dir.file("study/frame.png"), 64, 48, 20, 24, 8);
    core::LabelMap hers(64, 48), his(64, 48);
    for (int y = 10; y < 30; ++y)
        for (int x = 10; x < 30; ++x) {
            hers.at(x, y) = 1;
            his.at(x + 10, y) = 1; // half of each overlaps: Dice 0.5
        }
    {
        auto ws = core::Workspace::open(dir.file("study"));
        ws->setClasses({{1, "polyp", 255, 0, 0}});
        const auto image = ws->addImage(ws->addCase("frame.png"), std::filesystem::absolute(dir.file("study/frame.png")).string(), 64, 48);
        ws->setUser("alice");
        ws->commitMask(image, 0, hers, core::MaskKind::Corrected);
        ws->setUser("bob");
        ws->commitMask(image, 0, his, core::MaskKind::Corrected);
    }
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("study"))));
    ASSERT_EQ(w.document().labels(), his) << "bob's is the newest";
    QAction* open = menuAction(w, QStringLiteral("A&greement Between Annotators…"));
    ASSERT_TRUE(open);
    open->trigger();
    auto* dialog = w.findChild<ui::AgreementDialog*>();
    ASSERT_TRUE(dialog);
    QTableWidget* table = dialog->table();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("alice – bob"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("polyp"));
    EXPECT_EQ(table->item(0, 3)->text(), QStringLiteral("0.500"));
    EXPECT_EQ(table->item(0, 5)->text(), QStringLiteral("400 / 400"));

    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        dialog->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("agreement.png"));
    auto* majority = dialog->findChild<QPushButton*>(QStringLiteral("majorityButton"));
    ASSERT_TRUE(majority);
    QTest::mouseClick(majority, Qt::LeftButton);
    core::LabelMap both(64, 48);
    for (int y = 10; y < 30; ++y)
        for (int x = 20; x < 30; ++x)
            both.at(x, y) = 1; // two members: a tie is background, so where they agree
    EXPECT_EQ(w.document().labels(), both);
    EXPECT_EQ(table->rowCount(), 1) << "the consensus is nobody's annotation";
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("Consensus (majority) of alice, bob")))
        << w.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(w.historyPanel()->revisions().front().contains(QStringLiteral("consensus (majority) of alice, bob")))
        << w.historyPanel()->revisions().front().toStdString();
    w.editing().undo();
    EXPECT_EQ(w.document().labels(), his) << "one Ctrl+Z takes the consensus back";
    w.editing().redo();
    w.review().close();
    auto ws = core::Workspace::openExisting(dir.file("study"));
    const auto image = ws->imageId(std::filesystem::absolute(dir.file("study/frame.png")).string());
    ASSERT_TRUE(image);
    EXPECT_EQ(ws->latestMask(*image, 0)->labels, both);
    const auto history = ws->history(*image, 0);
    ASSERT_GE(history.size(), 3u);
    EXPECT_EQ(history[2].note, "consensus (majority) of alice, bob");
    EXPECT_EQ(history[0].author, "alice") << "each member's own mask stays";
}
