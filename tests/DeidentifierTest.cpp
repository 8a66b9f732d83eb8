#include "TestSupport.h"

#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace delineo;
using delineo::test::TempDir;

namespace {

std::string bytesOf(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string tag(const std::string& path, const DcmTagKey& key)
{
    DcmFileFormat f;
    EXPECT_TRUE(f.loadFile(path.c_str()).good());
    OFString v;
    f.getDataset()->findAndGetOFString(key, v);
    return v.c_str();
}

// Sets attributes of a DICOM file in place.
void retag(const std::string& path, std::initializer_list<std::pair<DcmTagKey, const char*>> values)
{
    DcmFileFormat f;
    ASSERT_TRUE(f.loadFile(path.c_str()).good());
    for (const auto& [key, value] : values)
        f.getDataset()->putAndInsertString(key, value);
    ASSERT_TRUE(f.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
}

// A slice full of identifying details, in a nested sequence and a private block too.
void writeIdentified(const std::string& path, int instance)
{
    test::writeDicomSlice(path, "1.2.826.0.1.3680043.2.1125.55", instance, 0, 0, instance * 2.0, 77);
    DcmFileFormat f;
    ASSERT_TRUE(f.loadFile(path.c_str()).good());
    DcmDataset* ds = f.getDataset();
    ds->putAndInsertString(DCM_PatientName, "Doe^Jane");
    ds->putAndInsertString(DCM_PatientID, "MRN12345");
    ds->putAndInsertString(DCM_PatientBirthDate, "19671203");
    ds->putAndInsertString(DCM_InstitutionName, "St Elsewhere Hospital");
    ds->putAndInsertString(DCM_ReferringPhysicianName, "House^Gregory");
    ds->putAndInsertString(DCM_AccessionNumber, "ACC998877");
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.77");
    ds->putAndInsertString(DCM_StudyDate, "20240229");
    ds->putAndInsertString(DCM_OperatorsName, "Tech^Tina");
    DcmItem* ref = nullptr;
    ds->findOrCreateSequenceItem(DCM_ReferencedImageSequence, ref, -2);
    ref->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.826.0.1.3680043.2.1125.99");
    ref->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "ACME PRIVATE");
    ds->putAndInsertString(DcmTag(0x0029, 0x1001, EVR_LO), "SECRET-NOTE-Doe");
    ASSERT_TRUE(f.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
}

} // namespace

TEST(Deidentifier, BasicProfileRemovesIdentifiersAndRemapsUidsConsistently)
{
    TempDir dir;
    writeIdentified(dir.file("a.dcm"), 1);
    writeIdentified(dir.file("b.dcm"), 2);
    core::Deidentifier deid;
    deid.deidentifyFile(dir.file("a.dcm"), dir.file("a-anon.dcm"));
    deid.deidentifyFile(dir.file("b.dcm"), dir.file("b-anon.dcm"));
    for (const char* out : {"a-anon.dcm", "b-anon.dcm"}) {
        const std::string bytes = bytesOf(dir.file(out));
        for (const char* secret : {"Doe", "Jane", "MRN12345", "19671203", "Elsewhere", "House", "ACC998877", "Tina",
                                   "SECRET", "ACME", "20240229", "1.2.826.0.1.3680043.2.1125.55",
                                   "1.2.826.0.1.3680043.2.1125.77", "1.2.826.0.1.3680043.2.1125.99"})
            EXPECT_EQ(bytes.find(secret), std::string::npos) << out << " still holds " << secret;
        EXPECT_EQ(tag(dir.file(out), DCM_PatientIdentityRemoved), "YES");
        EXPECT_EQ(tag(dir.file(out), DCM_PatientName), deid.mapPatient("MRN12345"));
        EXPECT_EQ(tag(dir.file(out), DCM_SOPClassUID), UID_CTImageStorage); // standard UIDs stay
    }
    // One patient, one study, one series: the remapping is consistent across files.
    EXPECT_EQ(tag(dir.file("a-anon.dcm"), DCM_SeriesInstanceUID), tag(dir.file("b-anon.dcm"), DCM_SeriesInstanceUID));
    EXPECT_EQ(tag(dir.file("a-anon.dcm"), DCM_StudyInstanceUID), tag(dir.file("b-anon.dcm"), DCM_StudyInstanceUID));
    EXPECT_NE(tag(dir.file("a-anon.dcm"), DCM_SOPInstanceUID), tag(dir.file("b-anon.dcm"), DCM_SOPInstanceUID));
    // Pixels are untouched.
    EXPECT_EQ(core::loadImage(dir.file("a.dcm")).bytes, core::loadImage(dir.file("a-anon.dcm")).bytes);
}

// Keyed pseudonyms: one key, one mapping in every run (a study imported twice is one study); another
// key, an unrelated one; valid UIDs under 2.25.
TEST(Deidentifier, OneKeyGivesTheSamePseudonymsAndUidsInEveryRun)
{
    TempDir dir;
    writeIdentified(dir.file("a.dcm"), 1);
    const std::string key = core::newPseudonymKey();
    ASSERT_EQ(key.size(), 64u);
    core::Deidentifier first({"ANON", key}), second({"ANON", key}), other({"ANON", core::newPseudonymKey()});
    first.deidentifyFile(dir.file("a.dcm"), dir.file("first.dcm"));
    second.deidentifyFile(dir.file("a.dcm"), dir.file("second.dcm"));
    other.deidentifyFile(dir.file("a.dcm"), dir.file("other.dcm"));
    for (const DcmTagKey& t : {DCM_PatientName, DCM_PatientID, DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_SOPInstanceUID}) {
        EXPECT_EQ(tag(dir.file("first.dcm"), t), tag(dir.file("second.dcm"), t)) << t.toString();
        EXPECT_NE(tag(dir.file("first.dcm"), t), tag(dir.file("other.dcm"), t)) << t.toString();
    }
    const std::string patient = tag(dir.file("first.dcm"), DCM_PatientID);
    EXPECT_EQ(patient.substr(0, 5), "ANON-");
    EXPECT_EQ(patient.size(), 13u);
    EXPECT_NE(first.mapPatient("MRN12345"), first.mapPatient("MRN12346")) << "two patients, two pseudonyms";
    for (const char* t : {"first.dcm", "other.dcm"}) {
        const std::string uid = tag(dir.file(t), DCM_StudyInstanceUID);
        EXPECT_EQ(uid.substr(0, 5), "2.25.");
        EXPECT_LE(uid.size(), 64u);
        EXPECT_EQ(uid.find_first_not_of("0123456789", 5), std::string::npos) << uid;
        EXPECT_NE(uid[5], '0') << "no leading zero in a UID component";
    }
    EXPECT_EQ(first.mapUid(UID_CTImageStorage), UID_CTImageStorage) << "standard UIDs stay";
    EXPECT_THROW(core::Deidentifier({"ANON", "not hex"}), core::ImageError);
    EXPECT_THROW(core::Deidentifier({"ANON", "00ff"}), core::ImageError) << "too short a key";
}

// Text burned into pixels is not removed: the images that may show it are counted for the user.
TEST(Deidentifier, ImagesThatMayShowBurnedInTextAreCounted)
{
    EXPECT_TRUE(core::Deidentifier::burnedInTextPossible("CT", UID_CTImageStorage, "YES"));
    EXPECT_FALSE(core::Deidentifier::burnedInTextPossible("CT", UID_CTImageStorage, ""));
    EXPECT_TRUE(core::Deidentifier::burnedInTextPossible("US", UID_UltrasoundImageStorage, ""));
    EXPECT_FALSE(core::Deidentifier::burnedInTextPossible("US", UID_UltrasoundImageStorage, "NO"));
    EXPECT_TRUE(core::Deidentifier::burnedInTextPossible("OT", UID_SecondaryCaptureImageStorage, ""));
    EXPECT_TRUE(core::Deidentifier::burnedInTextPossible("OT", UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage, ""));
    TempDir src, out;
    writeIdentified(src.file("plain.dcm"), 1);
    writeIdentified(src.file("marked.dcm"), 2);
    retag(src.file("marked.dcm"), {{DCM_BurnedInAnnotation, "YES"}});
    core::Deidentifier deid;
    EXPECT_FALSE(deid.deidentifyFile(src.file("plain.dcm"), out.file("plain.dcm")));
    EXPECT_TRUE(deid.deidentifyFile(src.file("marked.dcm"), out.file("marked.dcm")));
    EXPECT_EQ(tag(out.file("marked.dcm"), DCM_BurnedInAnnotation), "YES") << "kept, for a reviewer";
    const auto report = core::importDicom({src.path().string()}, out.file("imported"), true);
    EXPECT_EQ(report.written, 2);
    EXPECT_EQ(report.burnedInText, 1);
}

TEST(Deidentifier, RealFile)
{
    const std::string ct = test::sharedData("dicom/pydicom-debian-testfiles/CT_small.dcm");
    SKIP_WITHOUT_SHARED(ct);
    TempDir dir;
    const std::string name = tag(ct, DCM_PatientName), id = tag(ct, DCM_PatientID);
    ASSERT_FALSE(name.empty());
    core::Deidentifier deid;
    deid.deidentifyFile(ct, dir.file("ct.dcm"));
    const std::string bytes = bytesOf(dir.file("ct.dcm"));
    EXPECT_EQ(bytes.find(name), std::string::npos);
    if (id.size() > 3)
        EXPECT_EQ(bytes.find(id), std::string::npos);
    EXPECT_EQ(core::loadImage(ct).bytes, core::loadImage(dir.file("ct.dcm")).bytes);
}

TEST(DicomImport, DeidentifiesByDefaultAndKeepsTheSeriesTogether)
{
    TempDir src, ws;
    std::filesystem::create_directories(src.file("study/series1"));
    writeIdentified(src.file("study/series1/a.dcm"), 1);
    writeIdentified(src.file("study/series1/b.dcm"), 2);
    { std::ofstream(src.file("study/notes.txt")) << "Doe^Jane"; } // not DICOM: ignored
    ASSERT_TRUE(core::deidentifyOnImport(ws.path().string()));
    const auto report = core::importDicom({src.file("study")}, ws.file("dicom"), core::deidentifyOnImport(ws.path().string()));
    EXPECT_EQ(report.written, 2);
    EXPECT_TRUE(report.failed.empty());
    for (const char* f : {"dicom/study/series1/a.dcm", "dicom/study/series1/b.dcm"}) {
        const std::string bytes = bytesOf(ws.file(f));
        for (const char* secret : {"Doe", "MRN12345", "19671203", "SECRET", "1.2.826.0.1.3680043.2.1125.55"})
            EXPECT_EQ(bytes.find(secret), std::string::npos) << f << " still holds " << secret;
    }
    EXPECT_FALSE(std::filesystem::exists(ws.file("dicom/study/notes.txt")));
    // The imported copy still opens as one two-slice series.
    const auto scan = core::scanDicomFolder(ws.file("dicom"));
    ASSERT_EQ(scan.series.size(), 1u);
    EXPECT_EQ(core::loadDicomSeries(scan.series[0]).depth(), 2);
}

// Imports at different times into one workspace: the same patient and study keep one pseudonym and
// one UID, another patient gets another pseudonym; the key stays in the workspace's settings.
TEST(DicomImport, APatientImportedAgainStaysOnePatientAndAnotherStaysAnother)
{
    TempDir src, ws;
    writeIdentified(src.file("patient1.dcm"), 1);
    writeIdentified(src.file("patient2.dcm"), 2);
    retag(src.file("patient2.dcm"), {{DCM_PatientID, "MRN99999"}, {DCM_StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.78"}});
    const std::string folder = ws.path().string();
    ASSERT_TRUE(core::importDicom({src.file("patient1.dcm")}, ws.file("dicom/monday"), true, core::workspacePseudonyms(folder)).failed.empty());
    ASSERT_TRUE(core::importDicom({src.file("patient2.dcm")}, ws.file("dicom/tuesday"), true, core::workspacePseudonyms(folder)).failed.empty());
    ASSERT_TRUE(core::importDicom({src.file("patient1.dcm")}, ws.file("dicom/friday"), true, core::workspacePseudonyms(folder)).failed.empty());
    EXPECT_EQ(tag(ws.file("dicom/monday/patient1.dcm"), DCM_PatientID), tag(ws.file("dicom/friday/patient1.dcm"), DCM_PatientID));
    EXPECT_EQ(tag(ws.file("dicom/monday/patient1.dcm"), DCM_StudyInstanceUID), tag(ws.file("dicom/friday/patient1.dcm"), DCM_StudyInstanceUID));
    EXPECT_NE(tag(ws.file("dicom/monday/patient1.dcm"), DCM_PatientID), tag(ws.file("dicom/tuesday/patient2.dcm"), DCM_PatientID));
    EXPECT_NE(bytesOf(ws.file("delineo-workspace.json")).find(core::workspacePseudonyms(folder).key), std::string::npos);
    EXPECT_TRUE(core::Deidentifier::identityRemoved(ws.file("dicom/monday/patient1.dcm")));
    // A damaged key is a typed error, never silently replaced by a new one.
    std::ofstream(ws.file("delineo-workspace.json")) << R"({"deidentifyOnImport": true, "pseudonymKey": "12ab"})";
    try {
        core::workspacePseudonyms(folder);
        ADD_FAILURE() << "a damaged key was accepted";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("delineo-workspace.json"), std::string::npos) << e.what();
    }
    std::ofstream(ws.file("delineo-workspace.json")) << R"({"pseudonymKey": "truncat)";
    EXPECT_THROW(core::workspacePseudonyms(folder), core::ImageError) << "a damaged file is not overwritten";
    EXPECT_EQ(bytesOf(ws.file("delineo-workspace.json")), R"({"pseudonymKey": "truncat)");
    EXPECT_TRUE(core::deidentifyOnImport(folder)) << "read leniently: de-identify, the safe choice";
    std::ofstream(ws.file("delineo-workspace.json")) << std::string(2 << 20, ' ') << "{}";
    try {
        core::workspacePseudonyms(folder);
        ADD_FAILURE() << "a 2 MiB settings file was read";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::TooLarge);
    }
    EXPECT_FALSE(core::Deidentifier::identityRemoved(src.file("patient1.dcm")));
}

// Folder and file names that name the patient (a CD's "DOE_JANE_CT") or carry an instance UID (as
// C-GET names files) are replaced by pseudonyms, the same at every import; other names stay.
TEST(DicomImport, NamesThatIdentifyThePatientArePseudonymsInTheCopy)
{
    TempDir src, ws;
    std::filesystem::create_directories(src.file("Doe_Jane_CT/head"));
    const std::string byUid = "Doe_Jane_CT/head/1.2.826.0.1.3680043.2.1125.55.1.dcm";
    writeIdentified(src.file(byUid), 1);
    writeIdentified(src.file("Doe_Jane_CT/head/b.dcm"), 2);
    const core::Pseudonyms key{"ANON", core::newPseudonymKey()};
    const core::Deidentifier deid(key);
    for (int run = 0; run < 2; ++run) {
        const auto report = core::importDicom({src.file("Doe_Jane_CT")}, ws.file("dicom"), true, key);
        ASSERT_EQ(report.written, 2);
        EXPECT_EQ(report.renamed, 2); // the folder and the file named by its UID
        ASSERT_EQ(report.roots.size(), 1u);
        EXPECT_EQ(report.roots.front(), ws.file("dicom/" + deid.mapName("Doe_Jane_CT")));
    }
    std::vector<std::string> copies;
    for (const auto& e : std::filesystem::recursive_directory_iterator(ws.file("dicom")))
        if (e.is_regular_file())
            copies.push_back(std::filesystem::relative(e.path(), ws.file("dicom")).string());
    std::sort(copies.begin(), copies.end());
    const std::string folder = deid.mapName("Doe_Jane_CT");
    EXPECT_EQ(copies, (std::vector<std::string>{folder + "/head/" + deid.mapName("1.2.826.0.1.3680043.2.1125.55.1.dcm") + ".dcm",
                                                folder + "/head/b.dcm"}))
        << "the same names at the second import: copies replaced, not doubled";
    for (const std::string& c : copies)
        for (const char* identifying : {"Doe", "Jane", "1125.55"})
            EXPECT_EQ(c.find(identifying), std::string::npos) << c;
    // Kept as they are: identities kept, names kept.
    EXPECT_EQ(core::importDicom({src.file("Doe_Jane_CT")}, ws.file("kept"), false).roots.front(), ws.file("kept/Doe_Jane_CT"));
}

TEST(DicomImport, WorkspaceCanKeepIdentitiesAndCopiesBytesExactly)
{
    TempDir src, ws;
    writeIdentified(src.file("a.dcm"), 1);
    core::setDeidentifyOnImport(ws.path().string(), false);
    EXPECT_FALSE(core::deidentifyOnImport(ws.path().string()));
    const auto report = core::importDicom({src.file("a.dcm")}, ws.file("dicom"), false);
    EXPECT_EQ(report.written, 1);
    EXPECT_EQ(bytesOf(src.file("a.dcm")), bytesOf(ws.file("dicom/a.dcm")));
    core::setDeidentifyOnImport(ws.path().string(), true);
    EXPECT_TRUE(core::deidentifyOnImport(ws.path().string()));
    EXPECT_THROW(core::importDicom({src.file("missing")}, ws.file("dicom"), true), core::ImageError);
}

// Every attribute of PS3.15 Table E.1-1 (basic profile) on one file, each holding an identifying
// value, at the top level and again inside a sequence item: none may survive, and each must be
// removed, emptied, replaced or remapped as its action code says.
TEST(Deidentifier, EveryAttributeOfTheBasicProfileTableIsHandled)
{
    std::vector<std::string> unknown;
    const auto& rules = core::basicProfile(&unknown);
    for (const auto& k : unknown)
        ADD_FAILURE() << "a keyword DCMTK's dictionary does not know: " << k;
    EXPECT_GE(rules.size(), 504u); // resources/deid/basic-profile.tsv
    TempDir dir;
    const std::string in = dir.file("all.dcm"), out = dir.file("all-anon.dcm");
    test::writeDicomSlice(in, "1.2.826.0.1.3680043.2.1125.56", 1, 0, 0, 0.0, 10);
    DcmFileFormat f;
    ASSERT_TRUE(f.loadFile(in.c_str()).good());
    DcmDataset* ds = f.getDataset();
    DcmItem* nested = nullptr;
    ASSERT_TRUE(ds->findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, nested, -2).good());
    int n = 0;
    auto fill = [&](DcmItem* item, const core::ProfileRule& r, const std::string& marker) {
        const DcmTag t(static_cast<Uint16>(r.group), static_cast<Uint16>(r.element));
        if (t.getEVR() == EVR_SQ) {
            DcmItem* inner = nullptr;
            item->findOrCreateSequenceItem(t, inner, -2);
            inner->putAndInsertString(DCM_PatientName, (marker + "^SQ").c_str());
            inner->putAndInsertString(DCM_ReferencedSOPInstanceUID, ("1.2.826.0.1.3680043.2.1125.9." + std::to_string(++n)).c_str());
        } else if (t.getEVR() == EVR_OB || t.getEVR() == EVR_UN || t.getEVR() == EVR_OW) {
            const std::string bytes = marker + "-" + marker; // an even length
            item->putAndInsertUint8Array(t, reinterpret_cast<const Uint8*>(bytes.data()), bytes.size());
        } else if (t.getEVR() == EVR_UI) {
            item->putAndInsertString(t, ("1.2.826.0.1.3680043.2.1125.8." + std::to_string(++n)).c_str());
        } else if (t.getEVR() == EVR_DA || t.getEVR() == EVR_DT) {
            item->putAndInsertString(t, "19671203");
        } else if (t.getEVR() == EVR_TM) {
            item->putAndInsertString(t, "101112");
        } else if (t.getEVR() == EVR_AS) {
            item->putAndInsertString(t, "057Y");
        } else if (t.getEVR() == EVR_DS || t.getEVR() == EVR_IS || t.getEVR() == EVR_US || t.getEVR() == EVR_FD ||
                   t.getEVR() == EVR_UL || t.getEVR() == EVR_SS || t.getEVR() == EVR_FL || t.getEVR() == EVR_SL) {
            item->putAndInsertString(t, "4242");
        } else {
            item->putAndInsertString(t, marker.c_str());
        }
    };
    for (const auto& r : rules) {
        if (r.group == 0x0002 || r.group == 0xFFFC || r.group == 0xFFFA || r.group == 0x0000)
            continue; // meta header, padding and signatures are not dataset attributes DCMTK writes
        fill(ds, r, "SECRETVALUE");
        fill(nested, r, "SECRETVALUE");
    }
    ASSERT_TRUE(f.saveFile(in.c_str(), EXS_LittleEndianExplicit).good());

    core::Deidentifier deid;
    deid.deidentifyFile(in, out);
    const std::string bytes = bytesOf(out);
    EXPECT_EQ(bytes.find("SECRETVALUE"), std::string::npos);
    EXPECT_EQ(bytes.find("19671203"), std::string::npos);
    EXPECT_EQ(bytes.find("1.2.826.0.1.3680043.2.1125.8."), std::string::npos);
    EXPECT_EQ(bytes.find("1.2.826.0.1.3680043.2.1125.9."), std::string::npos);

    DcmFileFormat g;
    ASSERT_TRUE(g.loadFile(out.c_str()).good());
    DcmItem* nestedOut = nullptr;
    ASSERT_TRUE(g.getDataset()->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, nestedOut, 0).good());
    for (DcmItem* item : {static_cast<DcmItem*>(g.getDataset()), nestedOut}) {
        for (const auto& r : rules) {
            if (r.group == 0x0002 || r.group == 0xFFFC || r.group == 0xFFFA || r.group == 0x0000)
                continue;
            const DcmTagKey key(static_cast<Uint16>(r.group), static_cast<Uint16>(r.element));
            const bool top = item == g.getDataset();
            if (top && (r.keyword == "PatientName" || r.keyword == "PatientID"))
                continue; // the pseudonym
            if (r.action == "X")
                EXPECT_FALSE(item->tagExists(key)) << r.keyword << " (" << r.action << ") survived";
            else if (r.action == "U")
                EXPECT_TRUE(item->tagExists(key)) << r.keyword << " (U) was dropped instead of remapped";
            else
                EXPECT_TRUE(item->tagExists(key)) << r.keyword << " (" << r.action << ") must stay, emptied or dummy";
        }
    }
    OFString method;
    g.getDataset()->findAndGetOFString(DCM_PatientIdentityRemoved, method);
    EXPECT_EQ(std::string(method.c_str()), "YES");
    DcmItem* code = nullptr;
    ASSERT_TRUE(g.getDataset()->findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, code, 0).good());
    OFString value;
    code->findAndGetOFString(DCM_CodeValue, value);
    EXPECT_EQ(std::string(value.c_str()), "113100");
}

// Two programs importing into one new workspace at the same instant (the app and delineo-cli, two
// cluster jobs) agree on one key: otherwise one patient would get two pseudonyms.
TEST(DicomImport, ProgramsStartingAtOnceAgreeOnOneWorkspaceKey)
{
    constexpr int kPrograms = 6, kTries = 15;
    for (int t = 0; t < kTries; ++t) {
        TempDir ws;
        const std::string folder = ws.file("new"); // not there yet: the first program makes it
        std::vector<pid_t> children;
        for (int p = 0; p < kPrograms; ++p) {
            const pid_t pid = ::fork();
            ASSERT_GE(pid, 0);
            if (pid == 0) {
                try {
                    std::ofstream(ws.file("key" + std::to_string(p))) << core::workspacePseudonyms(folder).key;
                    ::_exit(0);
                } catch (...) {
                    ::_exit(1);
                }
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = 0;
            ASSERT_EQ(::waitpid(pid, &status, 0), pid);
            ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a program failed to read or make the key";
        }
        const std::string kept = core::workspacePseudonyms(folder).key;
        for (int p = 0; p < kPrograms; ++p)
            ASSERT_EQ(bytesOf(ws.file("key" + std::to_string(p))), kept) << "try " << t << ", program " << p;
    }
}
