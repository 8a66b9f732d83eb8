#include "delineo/core/Pacs.h"
#include "delineo/core/Errors.h"
#include "DicomWeb.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Workspace.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/oflog/oflog.h>

#include <filesystem>
#include <memory>
#include <regex>

#include <cstdlib>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

OFList<OFString> uncompressed()
{
    OFList<OFString> ts;
    ts.push_back(UID_LittleEndianExplicitTransferSyntax);
    ts.push_back(UID_LittleEndianImplicitTransferSyntax);
    return ts;
}

// One association with the node, its presentation contexts proposed by the caller; released (or
// aborted, after a failure or a cancel) when it goes.
class Scu : public DcmSCU {
public:
    explicit Scu(const PacsNode& node) : node_(node)
    {
        // DCMTK's networking narrates every message at INFO: only its warnings and errors are of use.
        static const bool quiet = [] {
            OFLog::getLogger("dcmtk.dcmnet").setLogLevel(OFLogger::WARN_LOG_LEVEL);
            // DCMTK turns Nagle's algorithm off only when TCP_NODELAY says so: left on, every small
            // C-STORE response waits for a delayed ACK, about 40 ms an image (3x slower C-GET).
            ::setenv("TCP_NODELAY", "1", 0);
            return true;
        }();
        (void)quiet;
        setAETitle(node.callingAe.c_str());
        setPeerAETitle(node.aeTitle.c_str());
        setPeerHostName(node.host.c_str());
        setPeerPort(static_cast<Uint16>(node.port));
        const auto t = static_cast<Uint32>(std::max(1, node.timeoutSeconds));
        setACSETimeout(t);
        setDIMSETimeout(t);
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setConnectionTimeout(static_cast<Sint32>(t));
        setVerbosePCMode(OFFalse);
        // Large PDUs: the default 16 kB splits each 512x512 slice into 32 round trips.
        setMaxReceivePDULength(ASC_MAXIMUMPDUSIZE);
    }
    ~Scu() override
    {
        if (isConnected())
            closeAssociation(ok_ ? DCMSCU_RELEASE_ASSOCIATION : DCMSCU_ABORT_ASSOCIATION);
    }

    void open()
    {
        OFCondition c = initNetwork();
        if (c.good())
            c = negotiateAssociation();
        if (c.bad()) {
            ok_ = false;
            const bool refused = c == DUL_ASSOCIATIONREJECTED || c == NET_EC_NoAcceptablePresentationContexts;
            throw ImageError(refused ? ErrorCode::Unreadable : ErrorCode::NotFound,
                             "PACS " + node_.text() + (refused ? " refused the association: " : " cannot be reached: ") +
                                 c.text() + (refused ? " (is " + node_.callingAe + " known to it?)" : ""));
        }
    }
    T_ASC_PresentationContextID context(const char* sopClass)
    {
        const T_ASC_PresentationContextID id = findAnyPresentationContextID(sopClass, "");
        if (!id)
            fail("does not offer " + std::string(dcmFindNameOfUID(sopClass, sopClass)), ErrorCode::Unreadable);
        return id;
    }
    [[noreturn]] void fail(const std::string& what, ErrorCode code = ErrorCode::Unreadable)
    {
        ok_ = false;
        throw ImageError(code, "PACS " + node_.text() + " " + what);
    }
    void check(const OFCondition& c, const char* what)
    {
        if (c.bad())
            fail(std::string(what) + " failed: " + c.text(), ErrorCode::Unreadable);
    }
    void abortLater() { ok_ = false; }

    // C-GET's incoming C-STOREs: each instance written as SOPInstanceUID.dcm, the count reported.
    std::string folder;
    PacsProgress progress;
    int expected = 0;
    std::vector<std::string> received;
    bool cancelled = false;

protected:
    OFString createStorageFilename(DcmDataset* dataset) override
    {
        OFString uid;
        dataset->findAndGetOFString(DCM_SOPInstanceUID, uid);
        std::string name(uid.c_str());
        if (name.empty() || !std::regex_match(name, std::regex("[0-9.]+")))
            name = "instance" + std::to_string(received.size() + 1);
        return (fs::path(folder) / (name + ".dcm.part")).string().c_str();
    }
    OFCondition handleSTORERequest(const T_ASC_PresentationContextID presID, DcmDataset* incoming,
                                   OFBool& continueSession, Uint16& status) override
    {
        const OFString part = incoming ? createStorageFilename(incoming) : OFString();
        const OFCondition c = DcmSCU::handleSTORERequest(presID, incoming, continueSession, status);
        if (c.good() && !part.empty()) {
            // Complete files only: written as .part, renamed once saved.
            const std::string done = std::string(part.c_str(), part.length() - 5);
            std::error_code ec;
            fs::rename(part.c_str(), done, ec);
            if (!ec)
                received.push_back(done);
        }
        if (progress && !progress(static_cast<int>(received.size()), expected)) {
            cancelled = true;
            continueSession = OFFalse;
        }
        return c;
    }

private:
    PacsNode node_;
    bool ok_ = true;
};

std::string text(DcmDataset* d, const DcmTagKey& key)
{
    OFString v;
    if (d)
        d->findAndGetOFStringArray(key, v);
    return v.c_str();
}

int number(DcmDataset* d, const DcmTagKey& key)
{
    try {
        return std::stoi(text(d, key));
    } catch (...) {
        return 0;
    }
}

std::string hex(Uint16 status)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04x", status);
    return buf;
}

// The C-STORE failures a PACS gives, in words (PS3.4 B.2.3).
std::string storeFailure(Uint16 status)
{
    if ((status & 0xff00) == 0xa700)
        return "out of resources, or the data set lacks what it files by (patient, study)";
    if ((status & 0xff00) == 0xa900)
        return "the data set does not match its SOP class";
    if ((status & 0xf000) == 0xc000)
        return "it cannot understand the data set";
    return "refused";
}

bool pending(Uint16 status) { return status == STATUS_Pending || status == STATUS_FIND_Pending_WarningUnsupportedOptionalKeys; }

template <typename Row, typename Parse>
std::vector<Row> find(const PacsNode& node, DcmDataset& keys, Parse parse)
{
    Scu scu(node);
    scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed());
    scu.open();
    OFList<QRResponse*> responses;
    const OFCondition c = scu.sendFINDRequest(scu.context(UID_FINDStudyRootQueryRetrieveInformationModel), &keys, &responses);
    std::vector<Row> out;
    Uint16 last = 0;
    for (QRResponse* r : responses) {
        if (pending(r->m_status) && r->m_dataset)
            out.push_back(parse(r->m_dataset));
        last = r->m_status;
        delete r;
    }
    scu.check(c, "C-FIND");
    if (last != STATUS_Success)
        scu.fail("answered the search with status 0x" + hex(last));
    return out;
}

} // namespace

PacsNode PacsNode::parse(const std::string& text)
{
    static const std::regex web(R"((https?)://[^\s/?#]+(/[^\s?#]*)?)", std::regex::icase);
    static const std::regex form(R"(([^@\s]{1,16})@([^:\s]+):(\d{1,5}))");
    PacsNode n;
    if (std::regex_match(text, web)) {
        n.url = text;
        return n;
    }
    std::smatch m;
    if (!std::regex_match(text, m, form) || std::stoi(m[3]) < 1 || std::stoi(m[3]) > 65535)
        throw ImageError(ErrorCode::NotFound, "a PACS is AE@host:port (such as ORTHANC@pacs.example.org:4242) or a DICOMweb "
                                              "URL (such as http://pacs.example.org:8042/dicom-web), not '" + text + "'");
    n.aeTitle = m[1];
    n.host = m[2];
    n.port = std::stoi(m[3]);
    return n;
}

std::string PacsNode::text() const
{
    if (web()) // never a password in a message or a log
        return std::regex_replace(url, std::regex(R"(^([a-zA-Z]+://[^/:@]*):[^/@]*@)"), "$1:***@");
    return aeTitle + "@" + host + ":" + std::to_string(port);
}

void PacsClient::echo() const
{
    if (node_.web())
        return DicomWebClient(node_).echo();
    Scu scu(node_);
    scu.addPresentationContext(UID_VerificationSOPClass, uncompressed());
    scu.open();
    scu.check(scu.sendECHORequest(scu.context(UID_VerificationSOPClass)), "C-ECHO");
}

std::vector<PacsStudy> PacsClient::findStudies(const PacsQuery& q) const
{
    if (node_.web())
        return DicomWebClient(node_).findStudies(q);
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "STUDY");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, "");
    keys.putAndInsertOFStringArray(DCM_PatientName, q.patientName.c_str());
    keys.putAndInsertOFStringArray(DCM_PatientID, q.patientId.c_str());
    const std::string range = q.dateFrom.empty() && q.dateTo.empty() ? "" : q.dateFrom + "-" + q.dateTo;
    keys.putAndInsertOFStringArray(DCM_StudyDate, range.c_str());
    keys.putAndInsertOFStringArray(DCM_ModalitiesInStudy, q.modality.c_str());
    keys.putAndInsertOFStringArray(DCM_AccessionNumber, q.accession.c_str());
    keys.putAndInsertOFStringArray(DCM_StudyDescription, "");
    keys.putAndInsertOFStringArray(DCM_NumberOfStudyRelatedSeries, "");
    return find<PacsStudy>(node_, keys, [](DcmDataset* d) {
        return PacsStudy{text(d, DCM_StudyInstanceUID), text(d, DCM_PatientName), text(d, DCM_PatientID),
                         text(d, DCM_StudyDate), text(d, DCM_StudyDescription), text(d, DCM_ModalitiesInStudy),
                         text(d, DCM_AccessionNumber), number(d, DCM_NumberOfStudyRelatedSeries)};
    });
}

std::vector<PacsSeries> PacsClient::findSeries(const std::string& studyUid) const
{
    if (node_.web())
        return DicomWebClient(node_).findSeries(studyUid);
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, studyUid.c_str());
    keys.putAndInsertOFStringArray(DCM_SeriesInstanceUID, "");
    keys.putAndInsertOFStringArray(DCM_Modality, "");
    keys.putAndInsertOFStringArray(DCM_SeriesDescription, "");
    keys.putAndInsertOFStringArray(DCM_SeriesNumber, "");
    keys.putAndInsertOFStringArray(DCM_NumberOfSeriesRelatedInstances, "");
    return find<PacsSeries>(node_, keys, [](DcmDataset* d) {
        return PacsSeries{text(d, DCM_SeriesInstanceUID), text(d, DCM_Modality), text(d, DCM_SeriesDescription),
                          text(d, DCM_SeriesNumber), number(d, DCM_NumberOfSeriesRelatedInstances)};
    });
}

std::vector<std::string> PacsClient::retrieveSeries(const std::string& studyUid, const std::string& seriesUid,
                                                    const std::string& folder, const PacsProgress& progress) const
{
    int expected = 0; // for the progress: the series' size as the PACS lists it
    for (const auto& s : findSeries(studyUid))
        if (s.seriesUid == seriesUid)
            expected = s.instances;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw ImageError(ErrorCode::WriteFailed, "cannot create " + folder + ": " + ec.message());
    if (node_.web())
        return DicomWebClient(node_).retrieveSeries(studyUid, seriesUid, folder, expected, progress);
    Scu scu(node_);
    scu.folder = folder;
    scu.progress = progress;
    scu.expected = expected;
    scu.setStorageMode(DCMSCU_STORAGE_DISK);
    scu.setStorageDir(folder.c_str());
    scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, uncompressed());
    // The images come back on this association: this client takes the storage role for each class.
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs; ++i)
        scu.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], uncompressed(), ASC_SC_ROLE_SCP);
    scu.open();
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, studyUid.c_str());
    keys.putAndInsertOFStringArray(DCM_SeriesInstanceUID, seriesUid.c_str());
    OFList<RetrieveResponse*> responses;
    const T_ASC_PresentationContextID get = scu.context(UID_GETStudyRootQueryRetrieveInformationModel);
    const OFCondition c = scu.sendCGETRequest(get, &keys, &responses);
    int failed = 0;
    Uint16 last = 0;
    for (RetrieveResponse* r : responses) {
        failed = std::max(failed, static_cast<int>(r->m_numberOfFailedSubops));
        last = r->m_status;
        delete r;
    }
    if (scu.cancelled) {
        scu.sendCANCELRequest(get);
        scu.abortLater();
        return scu.received;
    }
    scu.check(c, "C-GET");
    if (scu.received.empty() && (failed > 0 || (last != STATUS_Success && !pending(last))))
        scu.fail("sent none of the series' " + std::to_string(expected) + " images (C-GET status 0x" + hex(last) + ")");
    if (scu.received.empty())
        throw ImageError(ErrorCode::NotFound, "PACS " + node_.text() + " has no images in series " + seriesUid);
    return scu.received;
}

int PacsClient::store(const std::vector<std::string>& files, const PacsProgress& progress) const
{
    if (node_.web())
        return DicomWebClient(node_).store(files, progress);
    Scu scu(node_);
    std::vector<std::pair<std::string, std::string>> classes; // SOP class, transfer syntax of each file
    for (const auto& f : files) {
        DcmFileFormat ff;
        if (ff.loadFile(f.c_str(), EXS_Unknown, EGL_noChange, 4096).bad())
            throw ImageError(ErrorCode::Unreadable, "cannot read " + f + " to send it");
        OFString sop, ts;
        ff.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sop);
        ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, ts);
        classes.emplace_back(sop.c_str(), ts.c_str());
    }
    for (std::size_t i = 0; i < classes.size(); ++i) {
        bool seen = false;
        for (std::size_t j = 0; j < i; ++j)
            seen = seen || classes[j] == classes[i];
        if (!seen) {
            OFList<OFString> ts;
            ts.push_back(classes[i].second.c_str()); // as the file is, so it arrives unchanged
            scu.addPresentationContext(classes[i].first.c_str(), ts);
        }
    }
    scu.open();
    int accepted = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const T_ASC_PresentationContextID id =
            scu.findPresentationContextID(classes[i].first.c_str(), classes[i].second.c_str());
        if (!id)
            scu.fail("does not take " + std::string(dcmFindNameOfUID(classes[i].first.c_str(), "this kind of object")) +
                     " (" + files[i] + ")");
        Uint16 status = 0;
        scu.check(scu.sendSTORERequest(id, files[i].c_str(), nullptr, status), "C-STORE");
        if (status != STATUS_Success && (status & 0xf000) != 0xb000) // success or a warning
            scu.fail("refused " + files[i] + ": " + storeFailure(status) + " (C-STORE status 0x" + hex(status) + ")");
        ++accepted;
        if (progress && !progress(accepted, static_cast<int>(files.size())))
            break;
    }
    return accepted;
}

DicomImportReport retrieveIntoWorkspace(const PacsClient& pacs, const std::string& studyUid, const std::string& seriesUid,
                                        const std::string& workspace, const PacsProgress& progress,
                                        const std::atomic<bool>* cancel, const std::string& into)
{
    const fs::path dicom = fs::path(workspace) / "dicom";
    fs::path destination = into;
    for (int n = 1; destination.empty(); ++n) {
        char name[32];
        std::snprintf(name, sizeof name, "pacs-%03d", n);
        if (!fs::exists(dicom / name))
            destination = dicom / name;
    }
    // Identities never reach the workspace's own folders: the raw images wait in a hidden folder.
    const fs::path incoming = fs::path(workspace) / (".pacs-incoming-" + destination.filename().string());
    struct Cleanup {
        fs::path path;
        ~Cleanup()
        {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } cleanup{incoming};
    bool stopped = false;
    pacs.retrieveSeries(studyUid, seriesUid, incoming.string(), [&](int done, int total) {
        stopped = (cancel && cancel->load()) || (progress && !progress(done, total));
        return !stopped;
    });
    if (stopped) {
        DicomImportReport none;
        none.destination = destination.string();
        return none;
    }
    const bool deidentify = deidentifyOnImport(workspace);
    DicomImportReport report = importDicom({incoming.string()}, destination.string(), deidentify,
                                           deidentify ? workspacePseudonyms(workspace) : Pseudonyms{}, cancel);
    report.destination = destination.string();
    return report;
}

namespace {
bool validUid(const std::string& uid) { return !uid.empty() && uid.size() <= 64 && std::regex_match(uid, std::regex("[0-9.]+")); }
} // namespace

std::string teamSeriesFolder(const std::string& memberFolder, const std::string& studyUid, const std::string& seriesUid)
{
    if (!validUid(studyUid) || !validUid(seriesUid))
        throw ImageError(ErrorCode::Corrupt, "the PACS gave an invalid study or series UID ('" + studyUid + "', '" + seriesUid + "')");
    return (fs::path(memberFolder) / "dicom" / "pacs" / studyUid / seriesUid).string();
}

bool teamSeriesOf(const std::string& memberFolder, const std::string& folder, std::string* studyUid, std::string* seriesUid)
{
    const fs::path rel = fs::path(folder).lexically_relative(fs::path(memberFolder) / "dicom" / "pacs");
    std::vector<std::string> parts;
    for (const auto& p : rel)
        parts.push_back(p.string());
    if (parts.size() != 2 || !validUid(parts[0]) || !validUid(parts[1]))
        return false;
    *studyUid = parts[0];
    *seriesUid = parts[1];
    return true;
}

TeamRetrieval retrieveIntoTeamWorkspace(const PacsClient& pacs, const std::string& studyUid, const std::string& seriesUid,
                                        Workspace& ws, const PacsProgress& progress, const std::atomic<bool>* cancel)
{
    TeamRetrieval out;
    const std::string folder = teamSeriesFolder(ws.folder(), studyUid, seriesUid);
    out.report.destination = folder;
    std::error_code ec;
    out.present = fs::is_directory(folder, ec) && !fs::is_empty(folder, ec);
    if (!out.present) {
        out.report = retrieveIntoWorkspace(pacs, studyUid, seriesUid, ws.folder(), progress, cancel, folder);
        if (out.report.written == 0)
            return out;
    }
    const DicomScan scan = scanDicomFolder(folder);
    if (scan.series.empty())
        throw ImageError(ErrorCode::UnsupportedFormat, "no DICOM images in " + folder);
    const DicomSeriesInfo& s = scan.series.front();
    ws.addImage(ws.addCase("pacs " + studyUid), folder, s.columns, s.rows, s.frames);
    return out;
}

} // namespace delineo::core
