#pragma once
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>

namespace delineo::ui {

// Return and Enter end the typing in a text or number field (a measurement's name in its table
// cell, a spin box) and Escape cancels a cell's, instead of reaching the window's Accept and Reject
// AI Result, whose keys they are. Installed on the application: a field in a dialog still gives
// them to its default and cancel buttons.
class TextEntryKeys : public QObject {
public:
    using QObject::QObject;
    static void install(QObject* owner) { QCoreApplication::instance()->installEventFilter(new TextEntryKeys(owner)); }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ShortcutOverride)
            return false;
        const auto* key = static_cast<QKeyEvent*>(event);
        const int k = key->key();
        if ((k != Qt::Key_Return && k != Qt::Key_Enter && k != Qt::Key_Escape) || (key->modifiers() & ~Qt::KeypadModifier))
            return false;
        const auto* line = qobject_cast<QLineEdit*>(watched);
        if (!line && !qobject_cast<QAbstractSpinBox*>(watched))
            return false;
        // Escape cancels a name typed in a table's cell; a spin box or a plain field has nothing to
        // cancel, so there it stays Reject AI Result.
        const QWidget* viewport = line ? line->parentWidget() : nullptr;
        if (k == Qt::Key_Escape && !(viewport && qobject_cast<QAbstractItemView*>(viewport->parentWidget())))
            return false;
        event->accept(); // it comes to the field as a key press
        return true;
    }
};

} // namespace delineo::ui
