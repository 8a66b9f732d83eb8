#pragma once
#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>

namespace delineo::ui {

// Return and Enter end the typing in a text or number field (a measurement's name in its table
// cell, a spin box) and Escape is the field's, instead of reaching the window's Accept and Reject
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
        if (!qobject_cast<QLineEdit*>(watched) && !qobject_cast<QAbstractSpinBox*>(watched))
            return false;
        event->accept(); // it comes to the field as a key press
        return true;
    }
};

} // namespace delineo::ui
