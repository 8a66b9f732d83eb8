#include "delineo/ui/PreferencesDialog.h"
#include "delineo/viewmodels/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace delineo::ui {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
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

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), language_);
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

void PreferencesDialog::accept()
{
    vm::Translations::saveChoice(language());
    QDialog::accept();
}

} // namespace delineo::ui
