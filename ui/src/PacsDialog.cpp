#include "delineo/ui/PacsDialog.h"

#include "delineo/viewmodels/PacsController.h"

#include "delineo/core/Pacs.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace delineo::ui {

namespace {

QTableWidget* table(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    return t;
}

void fill(QTableWidget* t, const std::vector<QStringList>& rows)
{
    t->setRowCount(0);
    for (const QStringList& r : rows) {
        const int row = t->rowCount();
        t->insertRow(row);
        for (int c = 0; c < r.size(); ++c)
            t->setItem(row, c, new QTableWidgetItem(r[c]));
    }
    t->resizeColumnsToContents();
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

// 20240131 -> 2024-01-31 for reading; anything else as it came.
QString date(const std::string& d)
{
    return d.size() == 8 ? qs(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2)) : qs(d);
}

} // namespace

PacsDialog::PacsDialog(vm::PacsController& pacs, QWidget* parent) : QDialog(parent), pacs_(pacs)
{
    setObjectName(QStringLiteral("pacsDialog"));
    setWindowTitle(tr("Open from PACS"));
    saved_ = new QComboBox(this);
    saved_->setToolTip(tr("The PACS used before, most recent first."));
    auto* forget = new QPushButton(tr("F&orget"), this);
    forget->setToolTip(tr("Takes the chosen PACS off this list."));
    connect(forget, &QPushButton::clicked, this, [this] {
        pacs_.forgetNode(saved_->currentData().toString());
        showSavedNodes();
    });
    protocol_ = new QComboBox(this);
    protocol_->addItem(tr("DICOM networking (C-FIND, C-GET)"));
    protocol_->addItem(tr("DICOMweb (QIDO-RS, WADO-RS)"));
    ae_ = new QLineEdit(this);
    host_ = new QLineEdit(this);
    port_ = new QLineEdit(this);
    port_->setValidator(new QIntValidator(1, 65535, port_));
    callingAe_ = new QLineEdit(qs(pacs_.node().callingAe), this);
    for (QLineEdit* ae : {ae_, callingAe_})
        ae->setMaxLength(16);
    url_ = new QLineEdit(this);
    url_->setPlaceholderText(tr("https://pacs.example.org/dicom-web (user:password@ before the host if it asks)"));
    auto* echo = new QPushButton(tr("&Test Connection"), this);
    connect(echo, &QPushButton::clicked, this, &PacsDialog::testConnection);
    auto* savedRow = new QHBoxLayout();
    savedRow->addWidget(new QLabel(tr("PACS:"), this));
    savedRow->addWidget(saved_, 1);
    savedRow->addWidget(forget);
    savedRow->addWidget(protocol_);
    auto* nodeRow = new QHBoxLayout();
    dimseFields_ = {new QLabel(tr("PACS AE title:"), this), ae_, new QLabel(tr("Host:"), this), host_,
                    new QLabel(tr("Port:"), this), port_, new QLabel(tr("Our AE title:"), this), callingAe_};
    for (QWidget* f : dimseFields_)
        nodeRow->addWidget(f, f == host_ ? 2 : 0);
    nodeRow->addWidget(url_, 1);
    nodeRow->addWidget(echo);
    connect(protocol_, &QComboBox::currentIndexChanged, this, &PacsDialog::showProtocol);
    connect(saved_, &QComboBox::activated, this, [this] { showNode(saved_->currentData().toString()); });
    showSavedNodes();
    showNode(qs(pacs_.node().web() ? pacs_.node().url : pacs_.node().text()));

    patient_ = new QLineEdit(this);
    patient_->setPlaceholderText(tr("Patient name (* and ? as wildcards)"));
    patientId_ = new QLineEdit(this);
    patientId_->setPlaceholderText(tr("Patient ID"));
    const auto* dates = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), this);
    dateFrom_ = new QLineEdit(this);
    dateTo_ = new QLineEdit(this);
    for (QLineEdit* d : {dateFrom_, dateTo_}) {
        d->setValidator(dates);
        d->setPlaceholderText(tr("YYYYMMDD"));
    }
    modality_ = new QComboBox(this);
    modality_->addItem(tr("Any modality"), QString());
    for (const char* m : {"MR", "CT", "ES", "XC", "US", "SEG"})
        modality_->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    auto* find = new QPushButton(tr("&Search"), this);
    find->setDefault(true);
    connect(find, &QPushButton::clicked, this, &PacsDialog::search);
    auto* queryRow = new QHBoxLayout();
    queryRow->addWidget(patient_, 2);
    queryRow->addWidget(patientId_, 1);
    queryRow->addWidget(new QLabel(tr("From:"), this));
    queryRow->addWidget(dateFrom_);
    queryRow->addWidget(new QLabel(tr("to:"), this));
    queryRow->addWidget(dateTo_);
    queryRow->addWidget(modality_);
    queryRow->addWidget(find);

    studies_ = table({tr("Date"), tr("Patient"), tr("Patient ID"), tr("Modalities"), tr("Series"), tr("Description")}, this);
    series_ = table({tr("Number"), tr("Modality"), tr("Images"), tr("Description")}, this);
    connect(studies_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (studies_->currentRow() >= 0)
            pacs_.listSeries(studies_->currentRow());
    });
    connect(series_, &QTableWidget::itemDoubleClicked, this, &PacsDialog::retrieve);
    connect(&pacs_, &vm::PacsController::studiesFound, this, &PacsDialog::showStudies);
    connect(&pacs_, &vm::PacsController::seriesFound, this, &PacsDialog::showSeries);

    auto* get = new QPushButton(tr("&Retrieve Series"), this);
    get->setToolTip(tr("Copies the series into the open workspace (de-identified unless the workspace keeps "
                       "identities) and opens it."));
    connect(get, &QPushButton::clicked, this, &PacsDialog::retrieve);
    auto* send = new QPushButton(tr("Send DICOM &Files…"), this);
    send->setToolTip(tr("Sends DICOM files to the PACS, such as a DICOM SEG export (File → Export…)."));
    connect(send, &QPushButton::clicked, this, [this] {
        sendFiles(QFileDialog::getOpenFileNames(this, tr("Send DICOM Files to the PACS"), QString(),
                                                tr("DICOM files (*.dcm);;All files (*)")));
    });
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(status_, 1);
    buttons->addWidget(send);
    buttons->addWidget(get);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(savedRow);
    layout->addLayout(nodeRow);
    layout->addLayout(queryRow);
    layout->addWidget(new QLabel(tr("Studies"), this));
    layout->addWidget(studies_, 3);
    layout->addWidget(new QLabel(tr("Series of the chosen study"), this));
    layout->addWidget(series_, 2);
    layout->addLayout(buttons);
    resize(900, 560);
}

bool PacsDialog::applyNode()
{
    QString error;
    const QString node = protocol_->currentIndex() == 1
                             ? url_->text().trimmed()
                             : ae_->text().trimmed() + QLatin1Char('@') + host_->text().trimmed() + QLatin1Char(':') + port_->text();
    if (pacs_.setNode(node, callingAe_->text(), &error)) {
        showSavedNodes();
        return true;
    }
    status_->setText(error);
    return false;
}

// Fills the fields from a saved node ("AE@host:port" or a URL).
void PacsDialog::showNode(const QString& text)
{
    core::PacsNode node;
    try {
        node = core::PacsNode::parse(text.toStdString());
    } catch (const std::exception&) {
        // the defaults
    }
    protocol_->setCurrentIndex(node.web() ? 1 : 0);
    url_->setText(qs(node.url));
    if (!node.web()) {
        ae_->setText(qs(node.aeTitle));
        host_->setText(qs(node.host));
        port_->setText(QString::number(node.port));
    }
    showProtocol();
}

void PacsDialog::showProtocol()
{
    const bool web = protocol_->currentIndex() == 1;
    for (QWidget* f : dimseFields_)
        f->setVisible(!web);
    url_->setVisible(web);
}

void PacsDialog::showSavedNodes()
{
    const QSignalBlocker quiet(saved_);
    saved_->clear();
    for (const QString& n : pacs_.savedNodes()) {
        QString shown = n;
        try {
            shown = qs(core::PacsNode::parse(n.toStdString()).text()); // no password on screen
        } catch (const std::exception&) {
        }
        saved_->addItem(shown, n);
    }
}

bool PacsDialog::testConnection()
{
    if (!applyNode())
        return false;
    QString error;
    const bool ok = pacs_.echo(&error);
    status_->setText(ok ? tr("%1 answers.").arg(qs(pacs_.node().text())) : error);
    return ok;
}

bool PacsDialog::search()
{
    if (!applyNode())
        return false;
    core::PacsQuery q;
    q.patientName = patient_->text().trimmed().toStdString();
    q.patientId = patientId_->text().trimmed().toStdString();
    q.dateFrom = dateFrom_->text().toStdString();
    q.dateTo = dateTo_->text().toStdString();
    q.modality = modality_->currentData().toString().toStdString();
    status_->setText(tr("Searching…"));
    return pacs_.search(q);
}

bool PacsDialog::retrieve()
{
    if (studies_->currentRow() < 0 || series_->currentRow() < 0) {
        status_->setText(tr("Choose a study and one of its series first."));
        return false;
    }
    if (pacs_.workspaceFolder().isEmpty()) {
        status_->setText(tr("Open a workspace first: the series is copied into it."));
        return false;
    }
    status_->setText(tr("Retrieving into %1…").arg(pacs_.workspaceFolder()));
    return pacs_.retrieve(studies_->currentRow(), series_->currentRow());
}

bool PacsDialog::sendFiles(const QStringList& files)
{
    if (files.isEmpty() || !applyNode())
        return false;
    status_->setText(tr("Sending %n file(s)…", "", int(files.size())));
    return pacs_.send(files);
}

void PacsDialog::showStudies()
{
    std::vector<QStringList> rows;
    for (const auto& s : pacs_.studies())
        rows.push_back({date(s.date), qs(s.patientName), qs(s.patientId), qs(s.modalities), QString::number(s.series),
                        qs(s.description)});
    fill(studies_, rows);
    status_->setText(tr("%n study(ies) found.", "", int(rows.size())));
}

void PacsDialog::showSeries()
{
    std::vector<QStringList> rows;
    for (const auto& s : pacs_.series())
        rows.push_back({qs(s.number), qs(s.modality), QString::number(s.instances), qs(s.description)});
    fill(series_, rows);
}

} // namespace delineo::ui
