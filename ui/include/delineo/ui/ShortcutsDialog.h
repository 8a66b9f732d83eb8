#pragma once
#include <QDialog>

class QKeySequenceEdit;
class QLabel;
class QMenuBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace delineo::ui {

// Help → Keyboard Shortcuts: every menu action with its shortcut, read from the menu bar itself so
// the list cannot drift from what the keys do. A shortcut can be changed (refused when another
// action has it) or reset; changes persist in QSettings and are applied at start-up.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(QMenuBar* menus, QWidget* parent);
    int rowCount() const { return rows_; }
    // Applies the saved shortcuts to the menus (remembering each action's default first).
    static void applySavedShortcuts(QMenuBar* menus);
    // Assigns `keys` to the action named "Menu/Action" (as the settings name it); false with a
    // reason in `error` if the action is unknown or another action has the keys.
    bool assign(const QString& name, const QKeySequence& keys, QString* error = nullptr);
    bool resetToDefault(const QString& name);

private:
    void fill();

    QMenuBar* menus_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    QKeySequenceEdit* edit_ = nullptr;
    QLabel* message_ = nullptr;
    int rows_ = 0;
};

} // namespace delineo::ui
