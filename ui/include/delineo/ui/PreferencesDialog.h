#pragma once
#include <QDialog>

class QComboBox;
class QLabel;

namespace delineo::ui {

// Edit → Preferences: the interface language (the system's, or one of the shipped translations).
// The choice is saved on OK and used from the next start, when every window is built in it.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent);
    // The selected language code; empty for "as the system".
    QString language() const;
    void setLanguage(const QString& code);
    void accept() override;

private:
    QComboBox* language_ = nullptr;
    QLabel* note_ = nullptr;
};

} // namespace delineo::ui
