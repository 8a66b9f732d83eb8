// File → Open from PACS in the real window against a real Orthanc: the node typed in, a connection
// test, a study search, its series, Retrieve into the open workspace (de-identified, then opened),
// and the error a PACS that is down gives; the same over DICOMweb, and the saved PACS list.
#include "MainWindowTestSupport.h"
#include "OrthancServer.h"
#include "PostgresServer.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Pacs.h"
#include "delineo/core/Workspace.h"
#include "delineo/ui/PacsDialog.h"
#include "delineo/viewmodels/JobRunner.h"
#include "delineo/viewmodels/Workbench.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStatusBar>
#include <QTableWidget>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <filesystem>

using namespace delineo;
using namespace delineo::test;
namespace fs = std::filesystem;

namespace {

// The 28-slice CT series of ../shared/data sent to the PACS; returns how many it took.
int storeCtSeries(const std::string& series, const std::string& pacs)
{
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(series))
        if (e.is_regular_file())
            files.push_back(e.path().string());
    return core::PacsClient(core::PacsNode::parse(pacs)).store(files);
}

ui::PacsDialog* openPacsDialog(ui::MainWindow& w)
{
    QAction* open = menuAction(w, QStringLiteral("Open from &PACS…"));
    if (open)
        open->trigger();
    return w.findChild<ui::PacsDialog*>();
}

void typeDicomNode(ui::PacsDialog* dialog, const OrthancServer& orthanc)
{
    dialog->protocol()->setCurrentIndex(0);
    dialog->aeTitle()->setText(QString::fromLatin1(OrthancServer::kAeTitle));
    dialog->host()->setText(QStringLiteral("127.0.0.1"));
    dialog->port()->setText(QString::number(orthanc.dicomPort()));
}

// Search, the one study, its one 28-image series chosen, as a user clicks them.
void searchAndChooseTheSeries(ui::PacsDialog* dialog, vm::JobRunner& jobs)
{
    ASSERT_TRUE(dialog->search());
    ASSERT_TRUE(jobs.waitForFinished(20000));
    ASSERT_EQ(dialog->studies()->rowCount(), 1);
    EXPECT_EQ(dialog->studies()->item(0, 3)->text(), QStringLiteral("CT"));
    dialog->studies()->selectRow(0);
    ASSERT_TRUE(jobs.waitForFinished(20000));
    ASSERT_EQ(dialog->series()->rowCount(), 1);
    EXPECT_EQ(dialog->series()->item(0, 2)->text(), QStringLiteral("28"));
    dialog->series()->selectRow(0);
}

} // namespace

TEST(PacsWindow, SearchRetrieveIntoTheWorkspaceAndOpenTheSeries)
{
    const std::string series = sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(series);
    TempDir dir;
    ORTHANC_OR_SKIP(orthanc, dir);
    ASSERT_EQ(storeCtSeries(series, orthanc.node()), 28);
    fs::create_directories(dir.file("ws"));
    writeDiscImage(dir.file("ws/frame.png"), 64, 48, 20, 24, 8);

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("ws"))));
    auto* dialog = openPacsDialog(w);
    ASSERT_TRUE(dialog);
    vm::JobRunner& jobs = w.workbench().jobs();

    // A PACS that is down: said in the dialog, nothing else happens.
    typeDicomNode(dialog, orthanc);
    dialog->port()->setText(QString::number(OrthancServer::freePort()));
    EXPECT_FALSE(dialog->testConnection());
    EXPECT_TRUE(dialog->status()->text().contains(QStringLiteral("cannot be reached"))) << dialog->status()->text().toStdString();

    typeDicomNode(dialog, orthanc);
    ASSERT_TRUE(dialog->testConnection()) << dialog->status()->text().toStdString();
    dialog->modality()->setCurrentIndex(dialog->modality()->findData(QStringLiteral("CT")));
    searchAndChooseTheSeries(dialog, jobs);
    ASSERT_FALSE(HasFatalFailure());
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        dialog->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("pacs.png"));
    ASSERT_TRUE(dialog->retrieve());
    ASSERT_TRUE(jobs.waitForFinished(60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.document().depth() == 28; }, 20000)) << "the retrieved series is opened";
    EXPECT_TRUE(w.document().currentFile().contains(QStringLiteral("pacs-001")));
    EXPECT_EQ(w.document().workspace(), q(dir.file("ws"))) << "the series stays in the open workspace";
    ASSERT_EQ(w.fileList()->count(), 2) << "the frame and the series";
    EXPECT_TRUE(w.fileList()->item(1)->text().endsWith(QStringLiteral("pacs-001"))) << w.fileList()->item(1)->text().toStdString();
    int copies = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.file("ws/dicom/pacs-001")))
        if (e.is_regular_file()) {
            ++copies;
            DcmFileFormat ff;
            ASSERT_TRUE(ff.loadFile(e.path().c_str()).good());
            OFString value;
            ff.getDataset()->findAndGetOFString(DCM_PatientIdentityRemoved, value);
            EXPECT_EQ(std::string(value.c_str()), "YES") << e.path();
        }
    EXPECT_EQ(copies, 28);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("pacs-opened.png"));
    for (const auto& e : fs::directory_iterator(dir.file("ws")))
        EXPECT_EQ(e.path().filename().string().rfind(".pacs-incoming", 0), std::string::npos)
            << "the raw images do not stay: " << e.path();
}

TEST(PacsWindow, ADicomWebPacsIsSearchedRetrievedAndKeptBesideADicomNode)
{
    const std::string series = sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(series);
    TempDir dir;
    ORTHANC_WEB_OR_SKIP(orthanc, dir);
    ASSERT_EQ(storeCtSeries(series, orthanc.webUrl()), 28);
    fs::create_directories(dir.file("ws"));
    writeDiscImage(dir.file("ws/frame.png"), 64, 48, 20, 24, 8);

    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.show();
    ASSERT_TRUE(w.document().openWorkspace(q(dir.file("ws"))));
    auto* dialog = openPacsDialog(w);
    ASSERT_TRUE(dialog);
    vm::JobRunner& jobs = w.workbench().jobs();

    // First the DICOM node, so that both end up in the saved list.
    typeDicomNode(dialog, orthanc);
    ASSERT_TRUE(dialog->testConnection()) << dialog->status()->text().toStdString();
    EXPECT_TRUE(dialog->url()->isHidden());

    dialog->protocol()->setCurrentIndex(1);
    EXPECT_TRUE(dialog->host()->isHidden()) << "DICOMweb asks for a URL only";
    dialog->url()->setText(QString::fromStdString(orthanc.webUrl()) + QStringLiteral("/nothing-here"));
    EXPECT_FALSE(dialog->testConnection());
    EXPECT_TRUE(dialog->status()->text().contains(QStringLiteral("404"))) << dialog->status()->text().toStdString();
    dialog->url()->setText(QString::fromStdString(orthanc.webUrl()));
    ASSERT_TRUE(dialog->testConnection()) << dialog->status()->text().toStdString();
    searchAndChooseTheSeries(dialog, jobs);
    ASSERT_FALSE(HasFatalFailure());
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        dialog->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("pacs-dicomweb.png"));
    ASSERT_TRUE(dialog->retrieve());
    ASSERT_TRUE(jobs.waitForFinished(60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.document().depth() == 28; }, 20000)) << "the retrieved series is opened";
    EXPECT_TRUE(w.document().currentFile().contains(QStringLiteral("dicom/pacs-")));

    // Both PACS are kept, the one used last first; choosing the other fills its fields.
    QComboBox* saved = dialog->savedNodes();
    ASSERT_GE(saved->count(), 2);
    EXPECT_EQ(saved->itemData(0).toString(), QString::fromStdString(orthanc.webUrl()));
    const int dimse = saved->findData(QString::fromStdString(orthanc.node()));
    ASSERT_GE(dimse, 0);
    saved->setCurrentIndex(dimse);
    Q_EMIT saved->activated(dimse);
    EXPECT_EQ(dialog->protocol()->currentIndex(), 0);
    EXPECT_EQ(dialog->port()->text(), QString::number(orthanc.dicomPort()));
    ASSERT_TRUE(dialog->testConnection());
    EXPECT_EQ(saved->itemData(0).toString(), QString::fromStdString(orthanc.node()));
}

// A team workspace: the series one member retrieves is listed in the store; another member's window
// retrieves it from the PACS on opening and shows the first member's masks on it.
TEST(PacsWindow, ASeriesRetrievedIntoATeamWorkspaceReachesAnotherMemberWithItsMasks)
{
    const std::string series = sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(series);
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    ORTHANC_OR_SKIP(orthanc, dir);
    ASSERT_EQ(storeCtSeries(series, orthanc.node()), 28);
    const std::string url = server->newDatabase();
    core::Workspace::open(url); // created by a coordinator, empty
    core::LabelMap drawn;
    std::vector<std::string> copies; // each member's copy of the series
    ::setenv("XDG_DATA_HOME", dir.file("alice").c_str(), 1);
    core::Workspace::setDefaultUser("alice");
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        ASSERT_TRUE(w.document().openWorkspace(q(url)));
        auto* dialog = openPacsDialog(w);
        ASSERT_TRUE(dialog);
        vm::JobRunner& jobs = w.workbench().jobs();
        typeDicomNode(dialog, orthanc);
        searchAndChooseTheSeries(dialog, jobs);
        ASSERT_FALSE(HasFatalFailure());
        ASSERT_TRUE(dialog->retrieve());
        ASSERT_TRUE(jobs.waitForFinished(60000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return w.document().depth() == 28; }, 20000));
        EXPECT_EQ(w.document().workspace(), q(url)) << "the series is the team workspace's";
        EXPECT_TRUE(w.document().currentFile().startsWith(q(dir.file("alice")))) << w.document().currentFile().toStdString();
        EXPECT_TRUE(w.fileList()->count() == 1) << "listed in the store";
        copies.push_back(w.document().currentFile().toStdString());
        w.document().showSlice(12);
        drawn = w.document().labels();
        for (int y = 200; y < 260; ++y)
            for (int x = 220; x < 300; ++x)
                drawn.at(x, y) = 1;
        ASSERT_TRUE(w.editing().applyMaskEdit(12, drawn, "box"));
        ASSERT_TRUE(w.review().save());
        w.review().close();
    }
    ::setenv("XDG_DATA_HOME", dir.file("bob").c_str(), 1);
    core::Workspace::setDefaultUser("bob");
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        ASSERT_TRUE(w.document().openWorkspace(q(url)));
        ASSERT_TRUE(w.workbench().jobs().waitForFinished(60000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return w.document().depth() == 28; }, 20000)) << "retrieved from the PACS on opening";
        EXPECT_TRUE(w.document().currentFile().startsWith(q(dir.file("bob")))) << w.document().currentFile().toStdString();
        EXPECT_EQ(w.document().workspace(), q(url));
        w.document().showSlice(12);
        EXPECT_EQ(w.document().labels(), drawn) << "alice's mask on bob's copy";
        copies.push_back(w.document().currentFile().toStdString());
        w.review().close();
    }
    // De-identified by each member with the team's key: one series UID in both copies.
    ASSERT_EQ(copies.size(), 2u);
    const auto seriesUid = [](const std::string& folder) {
        const auto scan = core::scanDicomFolder(folder);
        return scan.series.empty() ? std::string() : scan.series.front().uid;
    };
    EXPECT_FALSE(seriesUid(copies[0]).empty());
    EXPECT_EQ(seriesUid(copies[0]), seriesUid(copies[1]));
    core::Workspace::setDefaultUser({});
}
