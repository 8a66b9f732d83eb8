#pragma once
#include <QMenu>

class QDialog;
class QMenuBar;

namespace delineo::ui {

// The Help menu: the user guide (docs/USER_GUIDE.md rendered in a window), the keyboard shortcuts
// (read from `menus`, editable) and About.
class HelpMenu : public QMenu {
    Q_OBJECT
public:
    HelpMenu(QMenuBar* menus, QWidget* parent);
    // The user guide window (shown when `show`); nullptr with `error` set when it is not installed.
    static QDialog* userGuide(QWidget* parent, bool show, QString* error);
};

} // namespace delineo::ui
