#pragma once
#include <QDialog>

class QMenuBar;

namespace delineo::ui {

// Help → Keyboard Shortcuts: every menu action with its shortcut, read from the menu bar itself so
// the list cannot drift from what the keys do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar* menus, QWidget* parent);
    int rowCount() const { return rows_; }

private:
    int rows_ = 0;
};

} // namespace delineo::ui
