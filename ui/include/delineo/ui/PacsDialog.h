#pragma once
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace delineo::vm {
class PacsController;
}

namespace delineo::ui {

// File → Open from PACS: the PACS (a saved one, or DICOM networking's AE title, host, port and this
// client's AE title, or a DICOMweb URL) with a connection test, a study search by patient, ID, dates
// and modality, the chosen study's series, Retrieve (into the open workspace, de-identified as it
// says, then opened) and Send DICOM Files (a SEG export).
class PacsDialog : public QDialog {
    Q_OBJECT
public:
    PacsDialog(vm::PacsController& pacs, QWidget* parent);
    QTableWidget* studies() const { return studies_; }
    QTableWidget* series() const { return series_; }
    QLabel* status() const { return status_; }
    // The node fields (tests fill them as a user would type).
    QLineEdit* aeTitle() const { return ae_; }
    QLineEdit* host() const { return host_; }
    QLineEdit* port() const { return port_; }
    QComboBox* protocol() const { return protocol_; }   // 0 DICOM networking, 1 DICOMweb
    QLineEdit* url() const { return url_; }
    QComboBox* savedNodes() const { return saved_; }
    QLineEdit* patient() const { return patient_; }
    QComboBox* modality() const { return modality_; }
    bool testConnection();
    bool search();
    bool retrieve();
    bool sendFiles(const QStringList& files);

private:
    bool applyNode();
    void showNode(const QString& text);
    void showProtocol();
    void showSavedNodes();
    void showStudies();
    void showSeries();

    vm::PacsController& pacs_;
    QLineEdit *ae_, *host_, *port_, *callingAe_, *url_, *patient_, *patientId_, *dateFrom_, *dateTo_;
    QComboBox *modality_, *protocol_, *saved_;
    QList<QWidget*> dimseFields_;
    QTableWidget *studies_, *series_;
    QLabel* status_;
};

} // namespace delineo::ui
