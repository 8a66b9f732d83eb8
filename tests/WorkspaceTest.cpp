#include "PostgresServer.h"
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/PackedBytes.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/core/Exporter.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/DicomSeg.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/UwMadison.h"

#include <opencv2/imgcodecs.hpp>

#include <csignal>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace delineo;
using delineo::test::TempDir;

TEST(Workspace, LabelCodecRoundTripAndCorruptBlobs)
{
    core::LabelMap m(300, 7);
    std::mt19937 rng(3);
    for (auto& v : m.labels)
        v = rng() % 7 < 5 ? 0 : static_cast<std::uint8_t>(rng() % 5);
    const auto blob = core::encodeLabelRuns(m);
    EXPECT_EQ(core::decodeLabelRuns(blob.data(), blob.size(), 300, 7), m);
    EXPECT_THROW(core::decodeLabelRuns(blob.data(), blob.size() / 2, 300, 7), core::ImageError);
    EXPECT_THROW(core::decodeLabelRuns(blob.data(), blob.size(), 300, 6), core::ImageError);
    // A damaged store's size: refused before anything is allocated (found by the workspace fuzzer:
    // a negative size asked std::vector for more than it can hold, an untyped exception).
    EXPECT_THROW(core::decodeLabelRuns(blob.data(), blob.size(), -300, 7), core::ImageError);
    // One run of 2^40 zeros claims a terabyte: the image limit, not an allocation, answers.
    const std::vector<std::uint8_t> huge{0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20};
    try {
        core::decodeLabelRuns(huge.data(), huge.size(), 1 << 20, 1 << 20);
        FAIL() << "a terabyte mask";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::TooLarge);
    }
}

TEST(Workspace, SecondOpenIsRefusedAndGarbageIsATypedError)
{
    TempDir dir;
    auto ws = core::Workspace::open(dir.file("ws"));
    try {
        core::Workspace::open(dir.file("ws"));
        ADD_FAILURE() << "a second open must be refused";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Busy);
    }
    std::filesystem::create_directories(dir.file("bad"));
    std::ofstream(dir.file("bad/workspace.sqlite")) << "this is not a database, just text that is long enough";
    EXPECT_THROW(core::Workspace::open(dir.file("bad")), core::ImageError);
}

// A child commits edits and is killed with SIGKILL at random moments, 200 times. Every time the
// workspace must reopen, pass integrity_check and hold at least the last edit reported committed.
TEST(Workspace, SurvivesSigkillAtRandomMoments)
{
    TempDir dir;
    const std::string ws = dir.file("ws");
    std::mt19937 rng(7);
    int lastSeen = -1;
    for (int round = 0; round < 200; ++round) {
        const test::Child child = test::spawnReading(DELINEO_CRASH_HELPER, {ws});
        ASSERT_GE(child.pid, 0);
        const pid_t pid = child.pid;
        FILE* in = child.out;
        // Let it commit a random number of edits (0..6), then kill it mid-flight.
        const int wanted = static_cast<int>(rng() % 7);
        int committed = lastSeen, seen = 0;
        char line[64];
        while (seen < wanted && std::fgets(line, sizeof line, in)) {
            std::sscanf(line, "committed %d", &committed);
            ++seen;
        }
        if (rng() % 2)
            usleep(rng() % 3000);
        kill(pid, SIGKILL);
        while (std::fgets(line, sizeof line, in)) // commits reported before the kill landed
            std::sscanf(line, "committed %d", &committed);
        std::fclose(in);
        int status = 0;
        waitpid(pid, &status, 0);
        auto w = core::Workspace::open(ws);
        ASSERT_TRUE(w->integrityOk()) << "round " << round;
        if (committed >= 0) {
            const auto img = w->imageId("frame.png");
            ASSERT_TRUE(img) << "round " << round;
            const auto m = w->latestMask(*img, 0);
            ASSERT_TRUE(m) << "round " << round;
            const int stored = m->labels.labels[0] + 256 * m->labels.labels[1];
            ASSERT_GE(stored, committed) << "round " << round << ": a reported commit was lost";
            lastSeen = stored;
        }
    }
    EXPECT_GT(lastSeen, 100); // the rounds did commit work
}

// NIfTI and UW-Madison CSV exports read back to the same labels (and the NIfTI to the image's spacing).
// Imports and exports, on both backends (see WorkspaceStoreTest.cpp).
class WorkspaceFiles : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkspaceFiles, NiftiAndUwCsvExportsRoundTrip)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    const std::string scans = dir.file("case7/case7_day3/scans");
    std::filesystem::create_directories(scans);
    const std::string slicePath = scans + "/slice_0042_40_30_1.50_1.50.png";
    cv::imwrite(slicePath, cv::Mat(30, 40, CV_16UC1, cv::Scalar(500)));
    core::LabelMap m(40, 30);
    for (int x = 5; x < 15; ++x) {
        m.at(x, 5) = 1;  // stomach
        m.at(x, 10) = 2; // large bowel
        m.at(x, 15) = 3; // small bowel
    }
    {
        auto ws = core::Workspace::open(location);
        const auto image = ws->addImage(ws->addCase("case7_day3"), slicePath, 40, 30);
        ws->commitMask(image, 0, m, core::MaskKind::Corrected);
        const auto csv = core::exporter("uw-csv").run(*ws, {dir.file("train.csv")});
        EXPECT_EQ(csv.masks, 1);
        const auto nifti = core::exporter("nifti").run(*ws, {dir.file("nifti")});
        EXPECT_EQ(nifti.images, 1);
        EXPECT_TRUE(nifti.failed.empty()) << nifti.failed.front();
    }
    const auto rows = core::uw::readCsv(dir.file("train.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].id, "case7_day3_slice_0042");
    EXPECT_EQ(core::uw::labelsFor(rows, "case7_day3_slice_0042", 40, 30), m);
    core::Geometry g;
    const auto back = core::readItkLabels(dir.file("nifti/case7_day3/slice_0042_40_30_1.50_1.50.nii.gz"), &g);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0], m);
    EXPECT_DOUBLE_EQ(g.spacing[0], 1.5); // from the UW slice name
}

// Volumes become cases: a NIfTI image with its label map, a DICOM series (de-identified copy), and
// a UW-Madison case-day with its train.csv masks.
TEST_P(WorkspaceFiles, ImportVolumesWithTheirLabels)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    std::vector<core::LabelMap> labels;
    for (int z = 0; z < 4; ++z) {
        core::LabelMap m(24, 16);
        for (int x = 2; x < 2 + 4 * z; ++x)
            m.at(x, 8) = static_cast<std::uint8_t>(1 + z % 2);
        labels.push_back(m);
    }
    core::Geometry g;
    g.spacing = {0.8, 0.8, 2.5};
    core::writeItkLabels(dir.file("ct.nii.gz"), labels, g);       // stands in for the image
    core::writeItkLabels(dir.file("ct-labels.nii.gz"), labels, g);
    std::filesystem::create_directories(dir.file("series"));
    for (int i = 0; i < 3; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.808", i + 1,
                              0, 0, 2.0 * i, 7);
    auto ws = core::Workspace::open(location);
    const auto nifti = core::importVolume(*ws, dir.file("ct.nii.gz"), dir.file("ct-labels.nii.gz"));
    EXPECT_EQ(nifti.masks, 3); // slice 0 is empty
    const auto image = ws->imageId(dir.file("ct.nii.gz"));
    ASSERT_TRUE(image);
    EXPECT_EQ(ws->latestMask(*image, 3)->labels, labels[3]);
    EXPECT_THROW(core::importVolume(*ws, dir.file("ct.nii.gz"), dir.file("series/s0.dcm")), core::ImageError);

    const auto dicom = core::importVolume(*ws, dir.file("series"));
    EXPECT_EQ(dicom.images, 1);
    const auto copy = ws->imageId(ws->folder() + "/dicom/series");
    ASSERT_TRUE(copy) << "the case points at the workspace's de-identified copy";
    std::ifstream in(ws->folder() + "/dicom/series/s0.dcm", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("1.2.826.0.1.3680043.2.1125.808"), std::string::npos);

    const std::string uw = test::sharedData("uw-madison-gi");
    SKIP_WITHOUT_SHARED(uw);
    const auto day = core::importVolume(*ws, uw + "/train/case33/case33_day0", uw + "/train.csv");
    EXPECT_EQ(day.images, 1);
    EXPECT_GT(day.masks, 0);
    // The case's labels come named: the GI-tract classes, as the shipped model colours them.
    const auto classes = ws->classes();
    ASSERT_EQ(classes.size(), 4u);
    EXPECT_EQ(classes[0].name, "stomach");
    EXPECT_EQ(classes[1].name, "large_bowel");
    EXPECT_EQ(classes[2].name, "small_bowel");
    EXPECT_EQ(classes[3].name, "tumour");
    EXPECT_EQ(classes[3].label, 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkspaceFiles, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// DICOM SEG: the export passes dciodvfy (dicom3tools) without errors, reads back to the same labels
// by SOP Instance UID, and imports onto the original (not de-identified) series by position.
// A workspace named by a relative path keeps absolute paths: its DICOM copy opens from anywhere.
TEST(Workspace, ARelativeFolderKeepsPathsThatOpenFromAnywhere)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("series"));
    for (int i = 0; i < 2; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.814", i + 1,
                              0, 0, 1.0 * i, 7);
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    std::vector<std::string> kept;
    std::string folder;
    {
        auto ws = core::Workspace::open("ws");
        core::importVolume(*ws, "series");
        kept = ws->imagePaths();
        folder = ws->folder();
    }
    std::filesystem::current_path(before);
    EXPECT_EQ(folder, dir.file("ws"));
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_TRUE(std::filesystem::path(kept[0]).is_absolute()) << kept[0];
    EXPECT_EQ(core::loadVolume(kept[0]).depth(), 2);
}

TEST(Workspace, DicomSegExportIsValidAndRoundTrips)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("series"));
    for (int i = 0; i < 4; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.809", i + 1,
                              -20, -30, 2.0 * i, 7);
    auto ws = core::Workspace::open(dir.file("ws"));
    ws->setClasses({{1, "stomach", 255, 0, 0}, {2, "large bowel", 0, 255, 0}, {3, "small bowel", 0, 0, 255},
                    {4, "tumour", 255, 255, 0}});
    core::importVolume(*ws, dir.file("series"));
    const auto image = ws->imageId(dir.file("ws/dicom/series"));
    ASSERT_TRUE(image);
    std::vector<core::LabelMap> expected(4, core::LabelMap(8, 6));
    for (int x = 1; x < 5; ++x) {
        expected[1].at(x, 2) = 1;
        expected[2].at(x, 3) = 3;
        expected[2].at(x + 2, 4) = 4;
    }
    ws->commitMask(*image, 1, expected[1], core::MaskKind::Corrected);
    ws->commitMask(*image, 2, expected[2], core::MaskKind::Approved);

    const auto report = core::exporter("dicom-seg").run(*ws, {dir.file("out")});
    EXPECT_TRUE(report.failed.empty()) << (report.failed.empty() ? "" : report.failed.front());
    EXPECT_EQ(report.images, 1);
    EXPECT_EQ(report.masks, 2);
    const std::string seg = dir.file("out/series/series-seg.dcm");
    ASSERT_TRUE(core::isDicomSeg(seg));

    std::string out;
    const int rc = test::runCommand("dciodvfy -new " + seg, &out);
    ASSERT_NE(rc, 127) << "dciodvfy missing: install dicom3tools (scripts/setup.sh does)";
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;
    EXPECT_NE(out.find("Segmentation"), std::string::npos) << out; // it recognised the IOD

    const auto back = core::readDicomSeg(seg, core::loadVolume(dir.file("ws/dicom/series")), ws->classes());
    EXPECT_EQ(back, expected);
    // As Mask → Open Segmentation… reads it: against the series' headers only.
    const core::LabelFile opened =
        core::readLabelFile(seg, core::withoutPixels(core::loadVolume(dir.file("ws/dicom/series"))), ws->classes());
    EXPECT_EQ(opened.slices, expected);
    ASSERT_FALSE(opened.classes.empty()) << "one segment per class drawn";
    for (const auto& c : opened.classes)
        EXPECT_EQ(c.name, ws->classes()[std::size_t(c.label - 1)].name) << c.label;

    auto ws2 = core::Workspace::open(dir.file("ws2"));
    ws2->setClasses(ws->classes());
    const auto imported = core::importVolume(*ws2, dir.file("series"), seg);
    EXPECT_EQ(imported.masks, 2);
    const auto image2 = ws2->imageId(dir.file("ws2/dicom/series"));
    ASSERT_TRUE(image2);
    EXPECT_EQ(ws2->latestMask(*image2, 2)->labels, expected[2]);
    EXPECT_FALSE(ws2->latestMask(*image2, 0).has_value());
    EXPECT_EQ(ws2->classes().size(), 4u) << "a list already there stays as it is";

    // Into a workspace with no class list: the segments name the classes, in their display colours.
    auto ws5 = core::Workspace::open(dir.file("ws5"));
    ASSERT_EQ(core::importVolume(*ws5, dir.file("series"), seg).masks, 2);
    const auto named = ws5->classes();
    ASSERT_EQ(named.size(), 3u); // the classes present: stomach, small bowel and tumour
    const auto near = [](const core::WorkspaceClass& c, int r, int g, int b) {
        return std::abs(c.r - r) <= 2 && std::abs(c.g - g) <= 2 && std::abs(c.b - b) <= 2;
    };
    EXPECT_EQ(named[0].name, "stomach");
    EXPECT_TRUE(near(named[0], 255, 0, 0)) << int(named[0].r) << "," << int(named[0].g) << "," << int(named[0].b);
    EXPECT_EQ(named[1].name, "small bowel");
    EXPECT_TRUE(near(named[1], 0, 0, 255));
    EXPECT_EQ(named[2].name, "tumour");
    EXPECT_TRUE(near(named[2], 255, 255, 0));
    const auto image5 = ws5->imageId(dir.file("ws5/dicom/series"));
    ASSERT_TRUE(image5);
    const core::LabelMap slice2 = ws5->latestMask(*image5, 2)->labels;
    EXPECT_EQ(slice2.at(1, 3), named[1].label) << "small bowel under the label its name has here";
    EXPECT_EQ(slice2.at(3, 4), named[2].label);

    // De-identified on export: UIDs remapped, still valid, still read back (by position).
    ASSERT_EQ(core::exporter("dicom-seg").run(*ws, {dir.file("out4"), true}).images, 1);
    const std::string anon = dir.file("out4/series/series-seg.dcm");
    EXPECT_EQ(test::runCommand("dciodvfy -new " + anon, &out), 0) << out;
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;
    EXPECT_EQ(core::readDicomSeg(anon, core::loadVolume(dir.file("ws/dicom/series")), ws->classes()), expected);

    // A frames-only image is listed as failed, never half-written.
    test::writeDiscImage(dir.file("frame.png"), 16, 12, 8, 6, 3);
    const auto frameCase = core::importVolume(*ws, dir.file("frame.png"));
    EXPECT_EQ(frameCase.images, 1);
    const auto frameId = ws->imageId(dir.file("frame.png"));
    ASSERT_TRUE(frameId);
    ws->commitMask(*frameId, 0, test::discMask(16, 12, 8, 6, 3), core::MaskKind::Corrected);
    const auto mixed = core::exporter("dicom-seg").run(*ws, {dir.file("out2")});
    EXPECT_EQ(mixed.images, 1);
    EXPECT_EQ(mixed.failed.size(), 1u);

    // A real 28-slice head CT (tilted gantry): AI-drafted segments, still valid.
    const std::string ct = test::sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(ct);
    auto ws3 = core::Workspace::open(dir.file("ws3"));
    core::importVolume(*ws3, ct);
    const auto ctImage = ws3->imageId(dir.file("ws3/dicom/In"));
    ASSERT_TRUE(ctImage);
    core::LabelMap blob(512, 512);
    for (int y = 200; y < 260; ++y)
        for (int x = 220; x < 300; ++x)
            blob.at(x, y) = 1;
    ws3->commitMask(*ctImage, 10, blob, core::MaskKind::AiDraft, 0);
    ws3->commitMask(*ctImage, 11, blob, core::MaskKind::Corrected);
    const auto real = core::exporter("dicom-seg").run(*ws3, {dir.file("out3")});
    ASSERT_EQ(real.images, 1) << (real.failed.empty() ? "" : real.failed.front());
    ASSERT_EQ(test::runCommand("dciodvfy -new " + dir.file("out3/In/In-seg.dcm"), &out), 0);
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;
}

// A read-only workspace folder: opening is a typed write error (in a child that file permissions
// apply to), and everything committed before is still there afterwards.
TEST(Workspace, ReadOnlyFolderIsATypedErrorAndLosesNothing)
{
    TempDir dir;
    const std::string folder = dir.file("ws");
    const core::LabelMap m = test::discMask(32, 24, 12, 12, 5);
    {
        auto ws = core::Workspace::open(folder);
        const auto c = ws->addCase("case");
        const auto img = ws->addImage(c, "a.png", 32, 24);
        ws->commitMask(img, 0, m, core::MaskKind::Corrected);
    }
    ::chmod(dir.path().c_str(), 0755);
    for (const auto& e : std::filesystem::directory_iterator(folder))
        ::chmod(e.path().c_str(), 0444);
    ::chmod(folder.c_str(), 0555);
    const int rc = test::runUnprivileged([&] {
        try {
            auto ws = core::Workspace::open(folder);
            return 1;
        } catch (const core::ImageError& e) {
            return e.code() == core::ErrorCode::WriteFailed ? 0 : 2;
        }
    });
    EXPECT_EQ(rc, 0) << "1: opened for writing, 2: another error code";
    ::chmod(folder.c_str(), 0755);
    for (const auto& e : std::filesystem::directory_iterator(folder))
        ::chmod(e.path().c_str(), 0644);
    auto ws = core::Workspace::open(folder);
    EXPECT_TRUE(ws->integrityOk());
    const auto img = ws->imageId("a.png");
    ASSERT_TRUE(img);
    EXPECT_EQ(ws->latestMask(*img, 0)->labels, m);
}

// A full disk (here: a file-size limit on the writer): the failing commit is a typed write error,
// and everything committed before it is still there, intact.
TEST(Workspace, FullDiskIsATypedErrorAndLosesNothingCommitted)
{
    TempDir dir;
    const std::string ws = dir.file("ws");
    core::Workspace::open(ws); // created at full size first, as a workspace in use would be
    const std::string cmd = std::string(DELINEO_CRASH_HELPER) + " " + ws + " 300000";
    FILE* in = popen(cmd.c_str(), "r");
    ASSERT_TRUE(in);
    int committed = -1;
    std::string error;
    char line[128];
    while (std::fgets(line, sizeof line, in)) {
        std::sscanf(line, "committed %d", &committed);
        if (std::strncmp(line, "error ", 6) == 0)
            error = std::string(line + 6);
    }
    const int status = pclose(in);
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(error, "write-failed\n");
    ASSERT_GT(committed, 5);
    auto w = core::Workspace::open(ws);
    EXPECT_TRUE(w->integrityOk());
    const auto m = w->latestMask(*w->imageId("frame.png"), 0);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->labels.labels[0] + 256 * m->labels.labels[1], committed);
}

// Every member of a team de-identifies with the key kept in the team's database: two members'
// copies of one series, each made in that member's own folder, carry the same UIDs.
TEST(TeamWorkspaceStore, EveryMemberDeidentifiesWithTheTeamsKey)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    const std::string url = server->newDatabase();
    std::filesystem::create_directories(dir.file("in"));
    test::writeDicomSlice(dir.file("in/a.dcm"), "1.2.826.0.1.3680043.2.1125.931", 1, 0, 0, 0, 9);
    std::vector<std::string> folders, series;
    for (const char* member : {"alice", "bob"}) {
        ::setenv("XDG_DATA_HOME", dir.file(member).c_str(), 1);
        auto ws = core::Workspace::open(url);
        const std::string folder = ws->folder();
        ASSERT_EQ(core::workspacePseudonyms(folder).key, ws->teamPseudonymKey()) << member;
        ASSERT_EQ(core::importDicom({dir.file("in")}, folder + "/dicom", true, core::workspacePseudonyms(folder)).written, 1);
        const auto scan = core::scanDicomFolder(folder + "/dicom");
        ASSERT_EQ(scan.series.size(), 1u);
        folders.push_back(folder);
        series.push_back(scan.series[0].uid);
    }
    ::unsetenv("XDG_DATA_HOME");
    EXPECT_NE(folders[0], folders[1]) << "each member's own folder";
    EXPECT_NE(series[0], "1.2.826.0.1.3680043.2.1125.931") << "de-identified";
    EXPECT_EQ(series[0], series[1]) << "one series for the whole team";
}
