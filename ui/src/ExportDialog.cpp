#include "delineo/ui/ExportDialog.h"

#include "delineo/viewmodels/ExportController.h"
#include "delineo/viewmodels/JobRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace delineo::ui {

ExportDialog::ExportDialog(vm::ExportController& exports, vm::JobRunner& jobs, const QString& workspace, QWidget* parent)
    : QDialog(parent), exports_(exports), jobs_(jobs), workspace_(workspace)
{
    setWindowTitle(tr("Export Workspace"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    format_ = new QComboBox(this);
    format_->setObjectName(QStringLiteral("exportFormat"));
    for (const auto& f : vm::ExportController::formats())
        format_->addItem(f.title, f.id);
    description_ = new QLabel(this);
    description_->setWordWrap(true);
    destination_ = new QLineEdit(this);
    destination_->setObjectName(QStringLiteral("exportDestination"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* row = new QHBoxLayout();
    row->addWidget(destination_, 1);
    row->addWidget(browse);
    deidentify_ = new QCheckBox(tr("De-identify (PS3.15 Annex E basic profile)"), this);
    deidentify_->setObjectName(QStringLiteral("exportDeidentify"));
    form->addRow(tr("Format:"), format_);
    form->addRow(QString(), description_);
    form->addRow(tr("Destination:"), row);
    form->addRow(QString(), deidentify_);
    layout->addLayout(form);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->hide();
    layout->addWidget(progress_);
    report_ = new QLabel(this);
    report_->setObjectName(QStringLiteral("exportReport"));
    report_->setWordWrap(true);
    report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(report_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_ = buttons->addButton(tr("Export"), QDialogButtonBox::ActionRole);
    cancel_ = buttons->addButton(tr("Cancel Export"), QDialogButtonBox::ActionRole);
    cancel_->setEnabled(false);
    layout->addWidget(buttons);
    resize(620, 360);

    connect(format_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(export_, &QPushButton::clicked, this, &ExportDialog::start);
    connect(cancel_, &QPushButton::clicked, &jobs_, &vm::JobRunner::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&jobs_, &vm::JobRunner::progress, this, [this](double f, const QString& text) {
        if (f >= 0)
            progress_->setValue(int(f * 1000));
        progress_->setFormat(text);
    });
    connect(&jobs_, &vm::JobRunner::finished, this, [this](bool, bool cancelled, const QString& error) {
        export_->setEnabled(true);
        cancel_->setEnabled(false);
        progress_->hide();
        if (cancelled)
            report_->setText(tr("Export cancelled; what was written so far stays in %1.").arg(destination_->text()));
        else if (!error.isEmpty())
            report_->setText(tr("Export failed: %1").arg(error));
    });
    connect(&exports_, &vm::ExportController::finished, this,
            [this](const QString& report, bool) { report_->setText(report); });
    formatChanged();
}

void ExportDialog::formatChanged()
{
    const auto formats = vm::ExportController::formats();
    const auto& f = formats.at(std::size_t(std::max(0, format_->currentIndex())));
    description_->setText(f.description);
    deidentify_->setEnabled(f.deidentifies);
    const QString base = QDir(workspace_).filePath(QStringLiteral("export-") + f.id);
    destination_->setText(f.destinationIsFile ? base + f.fileSuffix : base);
}

void ExportDialog::browse()
{
    const auto f = vm::ExportController::formats().at(std::size_t(std::max(0, format_->currentIndex())));
    const QString chosen = f.destinationIsFile
                               ? QFileDialog::getSaveFileName(this, tr("Export to"), destination_->text(),
                                                              QStringLiteral("*") + f.fileSuffix)
                               : QFileDialog::getExistingDirectory(this, tr("Export into"), destination_->text());
    if (!chosen.isEmpty())
        destination_->setText(chosen);
}

void ExportDialog::start()
{
    report_->clear();
    if (!exports_.start(format_->currentData().toString(), destination_->text(), deidentify_->isChecked()))
        return;
    export_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setValue(0);
    progress_->show();
}

} // namespace delineo::ui
