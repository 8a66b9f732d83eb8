#include "delineo/ui/PreferencesDialog.h"
#include "delineo/viewmodels/FastSeekController.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/Translations.h"
#include "delineo/core/VideoStream.h"
#include "delineo/core/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace delineo::ui {

PreferencesDialog::PreferencesDialog(vm::Preferences& prefs, QWidget* parent) : QDialog(parent), prefs_(prefs)
{
    setWindowTitle(tr("Preferences"));
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("language"));
    const QString system = vm::Translations::nativeName(vm::Translations::systemLanguage());
    language_->addItem(tr("As the system (%1)").arg(system), QString());
    for (const QString& code : vm::Translations::languages())
        language_->addItem(vm::Translations::nativeName(code), code);
    setLanguage(vm::Translations::savedChoice());

    note_ = new QLabel(tr("The new language is used from the next start of Delineo."), this);
    note_->setWordWrap(true);
    note_->setVisible(false);
    connect(language_, &QComboBox::currentIndexChanged, this,
            [this] { note_->setVisible(language() != vm::Translations::savedChoice()); });

    videoCache_ = new QSpinBox(this);
    videoCache_->setObjectName(QStringLiteral("videoCache"));
    videoCache_->setRange(64, 65536);
    videoCache_->setSingleStep(128);
    videoCache_->setSuffix(tr(" MB"));
    videoCache_->setToolTip(tr("Decoded frames a long video keeps in memory for scrolling and playback"));
    videoCache_->setValue(prefs_.videoCacheMb);

    videoCopies_ = new QCheckBox(tr("Prepare fast-seeking copies of videos whose keyframes lie far apart"), this);
    videoCopies_->setObjectName(QStringLiteral("videoCopies"));
    videoCopies_->setChecked(prefs_.videoCopies);
    videoCopies_->setToolTip(tr("Written in the background on opening such a video, kept in %1; jumps along the "
                                "timeline then decode at most 12 frames")
                                 .arg(vm::FastSeekController::copyDir()));
    videoCopiesGb_ = new QSpinBox(this);
    videoCopiesGb_->setObjectName(QStringLiteral("videoCopiesGb"));
    videoCopiesGb_->setRange(1, 10000);
    videoCopiesGb_->setSuffix(tr(" GB"));
    videoCopiesGb_->setToolTip(tr("Disk the copies may take; the least recently used go first"));
    videoCopiesGb_->setValue(prefs_.videoCopiesGb);
    videoCopiesGb_->setEnabled(prefs_.videoCopies);
    connect(videoCopies_, &QCheckBox::toggled, videoCopiesGb_, &QWidget::setEnabled);

    userName_ = new QLineEdit(prefs_.userName, this);
    userName_->setObjectName(QStringLiteral("userName"));
    core::Workspace::setDefaultUser({});
    userName_->setPlaceholderText(QString::fromStdString(core::Workspace::defaultUser()));
    core::Workspace::setDefaultUser(prefs_.userName.toStdString());
    userName_->setToolTip(tr("Recorded with every revision, review, comment, model version and training run "
                             "(empty: your login)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Your &name:"), userName_);
    form->addRow(tr("&Language:"), language_);
    form->addRow(tr("&Video frame cache:"), videoCache_);
    form->addRow(videoCopies_);
    form->addRow(tr("Fast-seeking &copies up to:"), videoCopiesGb_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addStretch();
    layout->addWidget(buttons);
}

QString PreferencesDialog::language() const { return language_->currentData().toString(); }

void PreferencesDialog::setLanguage(const QString& code)
{
    const int i = language_->findData(code);
    language_->setCurrentIndex(i < 0 ? 0 : i);
}

int PreferencesDialog::videoCacheMb() const { return videoCache_->value(); }
void PreferencesDialog::setVideoCacheMb(int mb) { videoCache_->setValue(mb); }

void PreferencesDialog::accept()
{
    vm::Translations::saveChoice(language());
    prefs_.language = language(); // the same setting: saving the others must not undo it
    prefs_.videoCacheMb = videoCacheMb();
    prefs_.videoCopies = videoCopies_->isChecked();
    prefs_.videoCopiesGb = videoCopiesGb_->value();
    prefs_.userName = userName_->text().trimmed();
    prefs_.save();
    core::Workspace::setDefaultUser(prefs_.userName.toStdString());
    core::VideoStream::setDefaultCacheBytes(std::size_t(prefs_.videoCacheMb) << 20);
    QDialog::accept();
}

} // namespace delineo::ui
