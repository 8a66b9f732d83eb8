// A team workspace in the real window: File → Open Team Workspace takes a PostgreSQL URL; the file
// list is the store's images; an edit, a save and an approval land in the store under the case the
// images were imported into, where another member's connection reads them at once.
#include "MainWindowTestSupport.h"
#include "PostgresServer.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/ui/HistoryPanel.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/ReviewController.h"

#include <QListWidget>
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
