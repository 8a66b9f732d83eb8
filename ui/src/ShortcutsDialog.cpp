#include "delineo/ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace delineo::ui {

namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}

// Every leaf action of the menus with its settings name "Menu/Action" (the object name for actions
// whose text changes, such as "Undo ring").
void forEachAction(QMenuBar* menus, const std::function<void(const QString&, QAction*)>& f)
{
    for (QAction* menuAction : menus->actions())
        if (QMenu* menu = menuAction->menu())
            for (QAction* a : menu->actions())
                if (!a->isSeparator() && !a->menu())
                    f(plain(menu->title()) + QLatin1Char('/') + (a->objectName().isEmpty() ? plain(a->text()) : a->objectName()), a);
}

void rememberDefault(QAction* a)
{
    if (!a->property("defaultShortcut").isValid())
        a->setProperty("defaultShortcut", a->shortcut().toString(QKeySequence::PortableText));
}

} // namespace

void ShortcutsDialog::applySavedShortcuts(QMenuBar* menus)
{
    QSettings settings;
    forEachAction(menus, [&](const QString& name, QAction* a) {
        rememberDefault(a);
        const QVariant saved = settings.value(QStringLiteral("shortcuts/") + name);
        if (saved.isValid())
            a->setShortcut(QKeySequence::fromString(saved.toString(), QKeySequence::PortableText));
    });
}

ShortcutsDialog::ShortcutsDialog(QMenuBar* menus, QWidget* parent) : QDialog(parent), menus_(menus)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    tree_ = new QTreeWidget(this);
    tree_->setObjectName("shortcutsTree");
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree_->setRootIsDecorated(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    fill();

    edit_ = new QKeySequenceEdit(this);
    auto* assignButton = new QPushButton(tr("Assign"), this);
    auto* resetButton = new QPushButton(tr("Reset to Default"), this);
    message_ = new QLabel(tr("Select an action, press the new keys, then Assign."), this);
    message_->setWordWrap(true);
    auto* row = new QHBoxLayout();
    row->addWidget(new QLabel(tr("New shortcut:"), this));
    row->addWidget(edit_, 1);
    row->addWidget(assignButton);
    row->addWidget(resetButton);
    auto selected = [this] { return tree_->currentItem() ? tree_->currentItem()->data(0, Qt::UserRole).toString() : QString(); };
    connect(assignButton, &QPushButton::clicked, this, [this, selected] {
        QString error;
        if (!assign(selected(), edit_->keySequence(), &error))
            message_->setText(error);
    });
    connect(resetButton, &QPushButton::clicked, this, [this, selected] { resetToDefault(selected()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree_);
    layout->addLayout(row);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(560, 680);
}

void ShortcutsDialog::fill()
{
    const QString current = tree_->currentItem() ? tree_->currentItem()->data(0, Qt::UserRole).toString() : QString();
    tree_->clear();
    rows_ = 0;
    QString lastMenu;
    forEachAction(menus_, [&](const QString& name, QAction* a) {
        const QString menu = name.section(QLatin1Char('/'), 0, 0);
        if (menu != lastMenu) {
            auto* group = new QTreeWidgetItem(tree_, {menu});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            lastMenu = menu;
        }
        QStringList keys;
        for (const auto& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        auto* item = new QTreeWidgetItem(tree_, {QStringLiteral("    ") + plain(a->text()),
                                                 keys.isEmpty() ? tr("(menu only)") : keys.join(QStringLiteral(", "))});
        item->setData(0, Qt::UserRole, name);
        if (name == current)
            tree_->setCurrentItem(item);
        ++rows_;
    });
}

bool ShortcutsDialog::assign(const QString& name, const QKeySequence& keys, QString* error)
{
    QAction* target = nullptr;
    QString clash;
    forEachAction(menus_, [&](const QString& n, QAction* a) {
        if (n == name)
            target = a;
        else if (!keys.isEmpty() && a->shortcuts().contains(keys))
            clash = n;
    });
    if (!target || !clash.isEmpty()) {
        if (error)
            *error = target ? tr("%1 is already the shortcut of %2.").arg(keys.toString(QKeySequence::NativeText), clash)
                            : tr("Select an action first.");
        return false;
    }
    rememberDefault(target);
    target->setShortcut(keys);
    QSettings().setValue(QStringLiteral("shortcuts/") + name, keys.toString(QKeySequence::PortableText));
    message_->setText(tr("%1 is now %2.").arg(name, keys.isEmpty() ? tr("menu only") : keys.toString(QKeySequence::NativeText)));
    fill();
    return true;
}

bool ShortcutsDialog::resetToDefault(const QString& name)
{
    bool found = false;
    forEachAction(menus_, [&](const QString& n, QAction* a) {
        if (n != name)
            return;
        rememberDefault(a);
        a->setShortcut(QKeySequence::fromString(a->property("defaultShortcut").toString(), QKeySequence::PortableText));
        QSettings().remove(QStringLiteral("shortcuts/") + name);
        found = true;
    });
    if (found)
        fill();
    return found;
}

} // namespace delineo::ui
