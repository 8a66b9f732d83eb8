#pragma once
#include "delineo/core/DicomImport.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace delineo::core {

// A PACS (or a modality's archive) this client talks to, in one of two ways: DICOM networking
// (DIMSE) with its AE title, host and port and the AE title this client calls itself (the PACS must
// know it), or DICOMweb at a URL (its base, where /studies begins; a user name and password may be
// in the URL).
struct PacsNode {
    std::string aeTitle = "ORTHANC", host = "127.0.0.1";
    int port = 4242;
    std::string callingAe = "DELINEO";
    std::string url;            // set: DICOMweb (QIDO-RS, WADO-RS, STOW-RS) instead of DIMSE
    int timeoutSeconds = 10;

    // "AE@host:port" or "http(s)://host[:port]/path" (the forms the CLI takes and Preferences keep);
    // ImageError(NotFound) if neither.
    static PacsNode parse(const std::string& text);
    bool web() const { return !url.empty(); }
    std::string text() const;   // the same forms, a password in the URL shown as ***
};

// Study-level search keys; empty keys match anything, '*' and '?' are wildcards, dates YYYYMMDD.
struct PacsQuery {
    std::string patientName, patientId, dateFrom, dateTo, modality, accession;
};

struct PacsStudy {
    std::string studyUid, patientName, patientId, date, description, modalities, accession;
    int series = 0;
};

struct PacsSeries {
    std::string seriesUid, modality, description, number;
    int instances = 0;
};

// Called with (done, total); returning false cancels. total is 0 when the PACS did not say.
using PacsProgress = std::function<bool(int done, int total)>;

// A PACS's search, retrieval and storage, in the node's protocol. DIMSE goes through DCMTK's DcmSCU:
// C-ECHO, C-FIND (study root), C-GET (no port of our own to open, unlike C-MOVE) and C-STORE, each
// call on its own association. DICOMweb goes through libcurl (core/src/DicomWeb.h): QIDO-RS, WADO-RS
// and STOW-RS. Failures throw ImageError: NotFound when the node cannot be reached, Unreadable when it
// refuses (association, HTTP 401/403) or answers with a failure, each message naming the node.
class PacsClient {
public:
    explicit PacsClient(PacsNode node) : node_(std::move(node)) {}
    const PacsNode& node() const { return node_; }

    void echo() const;
    std::vector<PacsStudy> findStudies(const PacsQuery& query) const;
    std::vector<PacsSeries> findSeries(const std::string& studyUid) const;
    // One series into `folder` (created; one file per instance, named by its SOP Instance UID, as
    // sent). Returns the files; a cancel keeps what arrived and throws nothing.
    std::vector<std::string> retrieveSeries(const std::string& studyUid, const std::string& seriesUid,
                                            const std::string& folder, const PacsProgress& progress = {}) const;
    // C-STORE of DICOM files (a SEG export, a series); returns how many the node accepted.
    int store(const std::vector<std::string>& files, const PacsProgress& progress = {}) const;

private:
    PacsNode node_;
};

// A series from the PACS into WORKSPACE/dicom/pacs-NNN (the next free number), de-identified as the
// workspace says (deidentifyOnImport), through a temporary folder in the workspace that is removed
// after; what arrived before a cancel is discarded. `progress` counts the images retrieved. The
// report's destination is the series folder, ready to open.
// `into`, when given, is the series folder instead of the next pacs-NNN.
DicomImportReport retrieveIntoWorkspace(const PacsClient& pacs, const std::string& studyUid, const std::string& seriesUid,
                                        const std::string& workspace, const PacsProgress& progress = {},
                                        const std::atomic<bool>* cancel = nullptr, const std::string& into = {});

class Workspace;

// A team workspace's series from the PACS: each member keeps a copy in their own folder for the
// workspace, under FOLDER/dicom/pacs/STUDY-UID/SERIES-UID, which the store lists relative to that
// folder (Workspace::addImage), so every member's copy is one image with one set of masks. The
// PACS's UIDs are kept so that any member can retrieve the series again; the files themselves are
// de-identified as the member's workspace folder says.
// `memberFolder` is Workspace::folder() (Workspace::localFolderFor(url): no connection needed).
std::string teamSeriesFolder(const std::string& memberFolder, const std::string& studyUid, const std::string& seriesUid);
// The study and series of such a folder; false for any other path.
bool teamSeriesOf(const std::string& memberFolder, const std::string& folder, std::string* studyUid, std::string* seriesUid);
// Retrieves the series into teamSeriesFolder (nothing to do when this member has it already:
// written stays 0 and `present` is set) and lists it in the store under the case "pacs STUDY-UID".
struct TeamRetrieval {
    DicomImportReport report;
    bool present = false;
};
TeamRetrieval retrieveIntoTeamWorkspace(const PacsClient& pacs, const std::string& studyUid, const std::string& seriesUid,
                                        Workspace& ws, const PacsProgress& progress = {},
                                        const std::atomic<bool>* cancel = nullptr);

} // namespace delineo::core
