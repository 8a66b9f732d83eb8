#include "delineo/ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace delineo::ui {

namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* tree = new QTreeWidget(this);
    tree->setObjectName("shortcutsTree");
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree->setRootIsDecorated(false);
    for (const QAction* menuAction : menus->actions()) {
        const QMenu* menu = menuAction->menu();
        if (!menu)
            continue;
        auto* group = new QTreeWidgetItem(tree, {plain(menu->title())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (const QAction* a : menu->actions()) {
            if (a->isSeparator() || a->menu())
                continue;
            QStringList keys;
            for (const auto& k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            new QTreeWidgetItem(tree, {QStringLiteral("    ") + plain(a->text()),
                                       keys.isEmpty() ? tr("(menu only)") : keys.join(QStringLiteral(", "))});
            ++rows_;
        }
    }
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(520, 640);
}

} // namespace delineo::ui
