#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace delineo::vm {
struct Preferences;
}

namespace delineo::ui {

// Edit → Preferences: the interface language (the system's, or one of the shipped translations),
// saved on OK and used from the next start, when every window is built in it; the memory a
// streamed video may keep decoded frames in, used from the next video opened; and whether videos
// whose keyframes lie far apart get fast-seeking copies, in how much disk.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(vm::Preferences& prefs, QWidget* parent);
    int videoCacheMb() const;
    void setVideoCacheMb(int mb);
    // The selected language code; empty for "as the system".
    QString language() const;
    void setLanguage(const QString& code);
    void accept() override;

private:
    QComboBox* language_ = nullptr;
    QLabel* note_ = nullptr;
    QSpinBox* videoCache_ = nullptr;
    QCheckBox* videoCopies_ = nullptr;
    QSpinBox* videoCopiesGb_ = nullptr;
    QLineEdit* userName_ = nullptr;
    vm::Preferences& prefs_;
};

} // namespace delineo::ui
