#include "delineo/ui/TeamWorkspaceDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace delineo::ui {

TeamWorkspaceDialog::TeamWorkspaceDialog(const QString& last, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Open Team Workspace"));
    auto* layout = new QVBoxLayout(this);
    auto* about = new QLabel(tr("A team workspace lives in a PostgreSQL database that every member opens at once. "
                                "Give its address as <b>postgresql://host/database</b> (with <i>user@</i> and "
                                "<i>:port</i> if needed). Keep the password in ~/.pgpass rather than in the address."),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    url_ = new QLineEdit(last.startsWith(QLatin1String("postgres")) ? last : QStringLiteral("postgresql://"), this);
    url_->setPlaceholderText(QStringLiteral("postgresql://server.hospital.local/gi_study"));
    url_->setMinimumWidth(420);
    layout->addWidget(url_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    auto valid = [this, buttons] {
        const QString u = url();
        buttons->button(QDialogButtonBox::Open)
            ->setEnabled((u.startsWith(QLatin1String("postgresql://")) || u.startsWith(QLatin1String("postgres://"))) &&
                         u.section(QLatin1Char('/'), 3).size() > 0);
    };
    connect(url_, &QLineEdit::textChanged, this, valid);
    valid();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TeamWorkspaceDialog::url() const { return url_->text().trimmed(); }

QString TeamWorkspaceDialog::ask(const QString& last, QWidget* parent)
{
    TeamWorkspaceDialog dialog(last, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.url() : QString();
}

} // namespace delineo::ui
