#include "delineo/ui/FineTuneDialog.h"
#include "delineo/ml/Trainer.h"

#include "delineo/ml/Device.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QPushButton>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace delineo::ui {

using vm::qs;
using vm::ss;

FineTuneDialog::FineTuneDialog(const core::Workspace& ws, const core::FineTunePlan& plan, QWidget* parent)
    : QDialog(parent), plan_(plan)
{
    setWindowTitle(tr("Fine-tune Current Model"));
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);

    layout->addWidget(new QLabel(tr("Validation images (frozen for this workspace, never trained on; untick to train on one):"), this));
    validation_ = new QListWidget(this);
    const std::set<std::int64_t> val(plan.valImages.begin(), plan.valImages.end());
    std::set<std::int64_t> annotated;
    for (const auto& r : plan.train)
        annotated.insert(r.imageId);
    for (const auto& r : plan.val)
        annotated.insert(r.imageId);
    for (std::int64_t id : annotated) {
        const auto entry = ws.image(id);
        auto* item = new QListWidgetItem(entry ? QFileInfo(qs(entry->path)).fileName() : tr("image %1").arg(id), validation_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(val.count(id) ? Qt::Checked : Qt::Unchecked);
        imageIds_.push_back(id);
    }
    validation_->setMinimumHeight(140);
    layout->addWidget(validation_, 1);

    auto* form = new QFormLayout();
    epochs_ = new QSpinBox(this);
    epochs_->setRange(1, 500);
    epochs_->setValue(10);
    minutes_ = new QSpinBox(this);
    minutes_->setRange(0, 24 * 60);
    minutes_->setValue(15);
    minutes_->setSpecialValueText(tr("no limit"));
    minutes_->setSuffix(tr(" min"));
    rate_ = new QDoubleSpinBox(this);
    rate_->setDecimals(5);
    rate_->setRange(1e-5, 1e-1);
    rate_->setSingleStep(1e-4);
    rate_->setValue(3e-4);
    device_ = new QComboBox(this);
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (ml::preferredDevice() == "cuda") {
        device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
        device_->setCurrentIndex(1);
    }
    scratch_ = new QCheckBox(tr("Train from scratch (same classes, new weights)"), this);
    // From scratch the architecture is open: the seeds' six for automatic models.
    arch_ = new QComboBox(this);
    for (const auto& a : plan_.config.interactive() ? ml::interactiveArchitectures() : ml::architectures())
        arch_->addItem(qs(a), qs(a));
    arch_->setCurrentIndex(std::max(0, arch_->findData(qs(plan_.config.architecture))));
    arch_->setEnabled(false);
    // 2.5D: the slice and its neighbours as input channels, for volumes whose neighbours show what
    // one slice cannot (an interactive model reads one slice).
    context_ = new QComboBox(this);
    context_->addItem(tr("1 slice (2D)"), 1);
    for (int k = 3; k <= ml::kMaxContextSlices && !plan_.config.interactive(); k += 2)
        context_->addItem(tr("%1 slices (2.5D)").arg(k), k);
    context_->setCurrentIndex(std::max(0, context_->findData(plan_.config.contextSlices)));
    context_->setEnabled(false);
    context_->setToolTip(tr("How many neighbouring slices the model reads for each slice (2.5D). "
                            "Helps when slices are close together; at a volume's ends the neighbours are mirrored."));
    form->addRow(tr("Epochs:"), epochs_);
    form->addRow(tr("Time budget:"), minutes_);
    form->addRow(tr("Learning rate:"), rate_);
    form->addRow(tr("Device:"), device_);
    form->addRow(QString(), scratch_);
    form->addRow(tr("Architecture:"), arch_);
    form->addRow(tr("Slices read:"), context_);
    if (!plan_.newClasses.empty()) {
        // Classes drawn in the workspace that the model has no output for: learnt from here on.
        QStringList names;
        for (const auto& c : plan_.newClasses)
            names << vm::Translations::term(qs(c.name));
        newClasses_ = new QCheckBox(tr("Learn the workspace's new classes: %1").arg(names.join(QStringLiteral(", "))), this);
        newClasses_->setToolTip(tr("The model gets an output for each; its own classes keep theirs. Unticked, they stay "
                                   "background to it."));
        newClasses_->setChecked(true);
        form->addRow(QString(), newClasses_);
        connect(newClasses_, &QCheckBox::toggled, this, [this] { updateSummary(); });
    }
    layout->addLayout(form);
    connect(arch_, &QComboBox::currentIndexChanged, this, [this] { updateSummary(); });
    connect(context_, &QComboBox::currentIndexChanged, this, [this] { updateSummary(); });
    connect(scratch_, &QCheckBox::toggled, this, [this](bool on) {
        arch_->setEnabled(on);
        context_->setEnabled(on && context_->count() > 1);
        if (!on) {
            arch_->setCurrentIndex(std::max(0, arch_->findData(qs(plan_.config.architecture))));
            context_->setCurrentIndex(std::max(0, context_->findData(plan_.config.contextSlices)));
        }
        rate_->setValue(on ? 1e-3 : 3e-4);
        if (on && epochs_->value() < 30)
            epochs_->setValue(30);
        updateSummary();
    });
    connect(validation_, &QListWidget::itemChanged, this, [this] { updateSummary(); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Training"));
    // The same run, trained elsewhere: packed data, config and launch command for delineo-ml-train.
    if (!plan_.config.interactive()) {
        auto* exportJob = buttons->addButton(tr("Export Job for a Cluster…"), QDialogButtonBox::ActionRole);
        exportJob->setToolTip(tr("Write the training data, the configuration and the launch command into a folder, to train "
                                 "on a cluster or a GPU machine; add the model back with delineo-cli models add"));
        connect(exportJob, &QPushButton::clicked, this, &FineTuneDialog::chooseExport);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateSummary();
}

void FineTuneDialog::chooseExport()
{
    if (exportFolder_.isEmpty())
        exportFolder_ = QFileDialog::getExistingDirectory(this, tr("Export Job for a Cluster: an Empty Folder"));
    if (!exportFolder_.isEmpty())
        done(ExportJob);
}

std::vector<std::int64_t> FineTuneDialog::validationImages() const
{
    std::vector<std::int64_t> out;
    for (int i = 0; i < validation_->count(); ++i)
        if (validation_->item(i)->checkState() == Qt::Checked)
            out.push_back(imageIds_[static_cast<std::size_t>(i)]);
    return out;
}

bool FineTuneDialog::validationChanged() const
{
    auto a = validationImages();
    auto b = plan_.valImages;
    std::sort(b.begin(), b.end());
    return a != b;
}

core::FineTuneSettings FineTuneDialog::settings() const
{
    core::FineTuneSettings s;
    s.baseModel = plan_.base.id;
    s.fromScratch = scratch_->isChecked();
    s.architecture = s.fromScratch ? ss(arch_->currentData().toString()) : std::string();
    s.contextSlices = s.fromScratch ? context_->currentData().toInt() : 0;
    s.epochs = epochs_->value();
    s.maxSeconds = minutes_->value() * 60.0;
    s.learningRate = rate_->value();
    s.device = ss(device_->currentData().toString());
    s.learnNewClasses = newClasses_ && newClasses_->isChecked();
    return s;
}

void FineTuneDialog::updateSummary()
{
    const auto val = validationImages();
    const std::set<std::int64_t> held(val.begin(), val.end());
    int train = 0, validate = 0;
    std::set<std::int64_t> trainImages;
    for (const auto* list : {&plan_.train, &plan_.val})
        for (const auto& r : *list) {
            if (held.count(r.imageId)) {
                ++validate;
            } else {
                ++train;
                trainImages.insert(r.imageId);
            }
        }
    const int classes = plan_.config.numForeground() +
                        (newClasses_ && newClasses_->isChecked() ? static_cast<int>(plan_.newClasses.size()) : 0);
    summary_->setText(
        tr("<b>%1</b> from <b>v%2</b> %3 (%4, base width %5, %6×%6 input, %7, %8).")
            .arg(scratch_->isChecked() ? tr("Train from scratch like") : tr("Fine-tune"))
            .arg(plan_.base.id)
            .arg(qs(plan_.base.name).toHtmlEscaped())
            .arg(arch_->currentData().toString())
            .arg(plan_.config.baseWidth)
            .arg(plan_.config.inputSize)
            .arg(tr("%n class(es)", "", classes))
            .arg(context_->currentText()) +
        QStringLiteral("<br>") +
        tr("Trains on %1 (AI drafts are never used); validates on %2. The active model stays in use until you "
           "promote the result.")
            .arg(vm::Translations::slicesOfImages(train, static_cast<int>(trainImages.size())),
                 vm::Translations::slicesOfImages(validate, static_cast<int>(held.size()))));
}

} // namespace delineo::ui
