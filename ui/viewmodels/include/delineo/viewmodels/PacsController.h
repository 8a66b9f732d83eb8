#pragma once
#include "delineo/core/Pacs.h"
#include "delineo/viewmodels/JobRunner.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace delineo::vm {

class DocumentController;
class JobRunner;
class Notices;
struct Preferences;

// File → Open from PACS: the PACS from Preferences (DICOM networking or DICOMweb; the nodes used
// are kept as a list), study and series searches, a series retrieved into the open workspace
// de-identified as it says and opened, and DICOM files (a SEG export) sent back. Network work runs
// as jobs, with progress and cancel; failures are said in the words of core::PacsClient's errors.
class PacsController : public QObject {
    Q_OBJECT
public:
    PacsController(DocumentController& document, JobRunner& jobs, Notices& notices, Preferences& prefs,
                   QObject* parent = nullptr);

    // The node as Preferences keeps it; setNode() checks and saves it, first in the saved nodes
    // (false: the error says why); forgetNode() takes one off that list.
    core::PacsNode node() const;
    bool setNode(const QString& node, const QString& callingAe, QString* error);
    QStringList savedNodes() const;
    void forgetNode(const QString& node);
    bool echo(QString* error);                       // waits: a short C-ECHO
    bool search(const core::PacsQuery& query);       // a job; studiesFound() when done
    bool listSeries(int study);                      // a job; seriesFound() when done
    // Into the open workspace, then opened. A team workspace's series goes to this client's folder
    // for it and is listed in its store (core::retrieveIntoTeamWorkspace) for every member.
    bool retrieve(int study, int series);
    // A team workspace's series that this computer lacks (another member retrieved it): retrieved
    // from the PACS of Preferences, then opened. False when `file` is no such series.
    bool fetchForTeam(const QString& file);
    bool send(const QStringList& files);
    const std::vector<core::PacsStudy>& studies() const { return studies_; }
    const std::vector<core::PacsSeries>& series() const { return series_; }
    QString workspaceFolder() const;                 // where a retrieved series goes ("" without one)

Q_SIGNALS:
    void studiesFound();
    void seriesFound();

private:
    bool retrieveForTeam(const std::string& studyUid, const std::string& seriesUid);
    // A retrieval's images in the job's progress bar; the job's Cancel stops it.
    static core::PacsProgress retrievalProgress(JobRunner::Context& ctx);

    DocumentController& document_;
    JobRunner& jobs_;
    Notices& notices_;
    Preferences& prefs_;
    std::vector<core::PacsStudy> studies_;
    std::vector<core::PacsSeries> series_;
    int seriesOf_ = -1;
};

} // namespace delineo::vm
