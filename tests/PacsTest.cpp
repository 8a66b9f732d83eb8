// PACS with a real Orthanc on localhost (tests/OrthancServer.h), over DICOM networking and over
// DICOMweb: store a real CT series into it (C-STORE / STOW-RS), test the connection, search studies
// and series (C-FIND / QIDO-RS), retrieve the series with progress and cancel (C-GET / WADO-RS), send
// a DICOM SEG made from it and read it back identically; a PACS that is down or refuses gives a clear
// error.
#include "OrthancServer.h"
#include "TestSupport.h"

#include "delineo/core/DicomSeg.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Pacs.h"
#include "../core/src/DicomWeb.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

using namespace delineo;
using delineo::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> filesIn(const std::string& folder)
{
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file())
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// SOP Instance UID -> pixel data bytes.
std::map<std::string, std::string> pixelsByInstance(const std::vector<std::string>& files)
{
    std::map<std::string, std::string> out;
    for (const auto& f : files) {
        DcmFileFormat ff;
        EXPECT_TRUE(ff.loadFile(f.c_str()).good()) << f;
        OFString uid;
        ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
        const Uint8* data = nullptr;
        unsigned long n = 0;
        ff.getDataset()->findAndGetUint8Array(DCM_PixelData, data, &n);
        out[uid.c_str()] = data ? std::string(reinterpret_cast<const char*>(data), n) : std::string();
    }
    return out;
}

// A node where nothing listens: NotFound, "cannot be reached", the node named.
void expectUnreachable(const std::string& text)
{
    core::PacsNode down = core::PacsNode::parse(text);
    down.timeoutSeconds = 3;
    try {
        core::PacsClient(down).echo();
        FAIL() << "nothing listens at " << text;
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("cannot be reached"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(down.text()), std::string::npos) << e.what();
    }
}

} // namespace

// Each test runs over DIMSE (false) and DICOMweb (true).
class PacsProtocol : public ::testing::TestWithParam<bool> {};
INSTANTIATE_TEST_SUITE_P(Pacs, PacsProtocol, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "DicomWeb" : "Dimse"; });

TEST_P(PacsProtocol, StoreFindRetrieveAndSendASegBackWithARealOrthanc)
{
    const std::string series = test::sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(series);
    TempDir dir;
    test::OrthancServer orthanc(dir, GetParam());
    if (!orthanc.running())
        GTEST_SKIP() << "no Orthanc for this test: " << orthanc.why();
    const core::PacsClient pacs(core::PacsNode::parse(GetParam() ? orthanc.webUrl() : orthanc.node()));
    ASSERT_EQ(pacs.node().web(), GetParam());
    pacs.echo();
    const std::vector<std::string> originals = filesIn(series);
    ASSERT_EQ(originals.size(), 28u);
    EXPECT_EQ(pacs.store(originals), 28);

    const auto studies = pacs.findStudies({});
    ASSERT_EQ(studies.size(), 1u);
    EXPECT_EQ(studies[0].series, 1);
    EXPECT_NE(studies[0].modalities.find("CT"), std::string::npos);
    core::PacsQuery ct;
    ct.modality = "CT";
    EXPECT_EQ(pacs.findStudies(ct).size(), 1u);
    core::PacsQuery mr;
    mr.modality = "MR";
    EXPECT_TRUE(pacs.findStudies(mr).empty());
    core::PacsQuery nobody;
    nobody.patientName = "NOBODY*";
    EXPECT_TRUE(pacs.findStudies(nobody).empty());
    const auto found = pacs.findSeries(studies[0].studyUid);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].modality, "CT");
    EXPECT_EQ(found[0].instances, 28);

    // The whole series back, every image as it was sent, with progress along the way.
    int calls = 0, lastTotal = 0;
    const auto got = pacs.retrieveSeries(studies[0].studyUid, found[0].seriesUid, dir.file("get"), [&](int done, int total) {
        ++calls;
        lastTotal = total;
        EXPECT_EQ(done, calls);
        return true;
    });
    ASSERT_EQ(got.size(), 28u);
    EXPECT_EQ(calls, 28);
    EXPECT_EQ(lastTotal, 28);
    EXPECT_EQ(pixelsByInstance(got), pixelsByInstance(originals));
    for (const auto& f : filesIn(dir.file("get")))
        EXPECT_EQ(fs::path(f).extension(), ".dcm") << "no partial files left: " << f;
    // Cancelled after five: what arrived is kept, nothing is thrown.
    const auto some = pacs.retrieveSeries(studies[0].studyUid, found[0].seriesUid, dir.file("cancel"),
                                          [](int done, int) { return done < 5; });
    EXPECT_GE(some.size(), 5u);
    EXPECT_LT(some.size(), 28u);

    // A SEG drawn on the retrieved series goes back to the PACS and returns identically.
    const core::Volume volume = core::loadVolume(dir.file("get"));
    ASSERT_EQ(volume.depth(), 28);
    std::vector<core::LabelMap> labels(28, core::LabelMap(volume.width(), volume.height()));
    for (int z = 10; z < 14; ++z)
        for (int y = 200; y < 260; ++y)
            for (int x = 220; x < 300; ++x)
                labels[std::size_t(z)].at(x, y) = 1;
    const std::vector<core::WorkspaceClass> classes{{1, "tumour", 255, 255, 0}};
    core::writeDicomSeg(dir.file("seg.dcm"), volume, labels, classes, false);
    EXPECT_EQ(pacs.store({dir.file("seg.dcm")}), 1);
    const auto after = pacs.findSeries(studies[0].studyUid);
    ASSERT_EQ(after.size(), 2u) << "the SEG is a series of the same study";
    const auto segSeries = std::find_if(after.begin(), after.end(), [](const core::PacsSeries& s) { return s.modality == "SEG"; });
    ASSERT_NE(segSeries, after.end());
    const auto segBack = pacs.retrieveSeries(studies[0].studyUid, segSeries->seriesUid, dir.file("seg-back"));
    ASSERT_EQ(segBack.size(), 1u);
    EXPECT_EQ(pixelsByInstance(segBack), pixelsByInstance({dir.file("seg.dcm")}));
    EXPECT_EQ(core::readDicomSeg(segBack[0], volume, classes), labels);
}

TEST(Pacs, ADownOrRefusingPacsGivesAClearError)
{
    expectUnreachable("ORTHANC@127.0.0.1:" + std::to_string(test::OrthancServer::freePort()));
    EXPECT_THROW(core::PacsNode::parse("pacs.example.org"), core::ImageError);
    EXPECT_THROW(core::PacsNode::parse("AE@host:70000"), core::ImageError);

    TempDir dir;
    ORTHANC_OR_SKIP(orthanc, dir);
    core::PacsNode wrong = core::PacsNode::parse(orthanc.node());
    wrong.aeTitle = "NOT_ORTHANC"; // Orthanc checks the called AE title
    try {
        core::PacsClient(wrong).findStudies({});
        FAIL() << "the association should be refused";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Unreadable);
        EXPECT_NE(std::string(e.what()).find("refused"), std::string::npos) << e.what();
    }
}

TEST(Pacs, ADownOrWrongDicomWebServiceGivesAClearError)
{
    const core::PacsNode secret = core::PacsNode::parse("https://alice:s3cret@pacs.example.org/dicom-web");
    EXPECT_TRUE(secret.web());
    EXPECT_EQ(secret.text(), "https://alice:***@pacs.example.org/dicom-web") << "no password in messages";
    EXPECT_THROW(core::PacsNode::parse("ftp://pacs.example.org"), core::ImageError);

    expectUnreachable("http://127.0.0.1:" + std::to_string(test::OrthancServer::freePort()) + "/dicom-web");

    TempDir dir;
    ORTHANC_WEB_OR_SKIP(orthanc, dir);
    const std::string web = orthanc.webUrl();
    const std::string root = web.substr(0, web.rfind('/'));
    try {
        core::PacsClient(core::PacsNode::parse(root + "/not-dicom-web")).echo();
        FAIL() << "no DICOMweb service there";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Unreadable);
        EXPECT_NE(std::string(e.what()).find("HTTP 404"), std::string::npos) << e.what();
    }
    const core::PacsClient pacs(core::PacsNode::parse(web));
    pacs.echo();
    EXPECT_TRUE(pacs.findStudies({}).empty());
    try {
        pacs.retrieveSeries("1.2.3", "1.2.3.4", dir.file("none"));
        FAIL() << "no such series";
    } catch (const core::ImageError& e) {
        EXPECT_NE(std::string(e.what()).find(pacs.node().text()), std::string::npos) << e.what();
    }
    std::ofstream(dir.file("not.dcm")) << "not DICOM";
    EXPECT_THROW(pacs.store({dir.file("not.dcm")}), core::ImageError);
}

TEST(Pacs, MultipartPartsArriveWholeHoweverTheStreamIsCut)
{
    EXPECT_EQ(core::MultipartReader::boundaryOf("multipart/related; type=\"application/dicom\"; boundary=\"a b\""), "a b");
    EXPECT_EQ(core::MultipartReader::boundaryOf("Multipart/Related;boundary=xyz; type=application/dicom"), "xyz");
    EXPECT_EQ(core::MultipartReader::boundaryOf("application/dicom+json"), "");
    const std::string one(70000, '\x01'), two = "second\r\n--almost a boundary\r\n";
    const std::string stream = "--B1\r\nContent-Type: application/dicom\r\n\r\n" + one +
                               "\r\n--B1\r\nContent-Type: application/dicom\r\n\r\n" + two + "\r\n--B1--\r\n";
    for (std::size_t chunk : {std::size_t(1), std::size_t(3), std::size_t(7), std::size_t(4096), stream.size()}) {
        core::MultipartReader reader("B1");
        std::vector<std::string> bodies;
        for (std::size_t at = 0; at < stream.size(); at += chunk)
            ASSERT_TRUE(reader.feed(stream.data() + at, std::min(chunk, stream.size() - at), [&](std::string&& part) {
                bodies.push_back(part.substr(part.find("\r\n\r\n") + 4));
                return true;
            }));
        EXPECT_TRUE(reader.finished()) << chunk;
        ASSERT_EQ(bodies.size(), 2u) << chunk;
        EXPECT_EQ(bodies[0], one);
        EXPECT_EQ(bodies[1], two);
    }
    core::MultipartReader stopping("B1");
    EXPECT_FALSE(stopping.feed(stream.data(), stream.size(), [](std::string&&) { return false; }));
}
