#pragma once
#include <QDialog>

class QLineEdit;

namespace delineo::ui {

// File → Open Team Workspace: the PostgreSQL URL of a workspace a team shares
// (postgresql://host/dbname, user and port optional; the password from ~/.pgpass or PGPASSWORD is
// better kept out of the URL).
class TeamWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    TeamWorkspaceDialog(const QString& last, QWidget* parent);
    QString url() const;
    // Asks for the URL; empty when cancelled.
    static QString ask(const QString& last, QWidget* parent);

private:
    QLineEdit* url_ = nullptr;
};

} // namespace delineo::ui
