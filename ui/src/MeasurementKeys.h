#pragma once
#include "delineo/viewmodels/MeasurementController.h"

#include <QEvent>
#include <QKeyEvent>

namespace delineo::ui {

// Undo and redo (Ctrl+Z, Ctrl+Shift+Z and the platform's other keys) taken for the measurements
// where they have the keyboard (the views with the ruler on, the Measurements panel), before the
// Edit menu's actions take them for the masks. Returns whether `event` was one of them.
inline bool measurementUndoKey(vm::MeasurementController& measurements, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    const bool undo = key->matches(QKeySequence::Undo), redo = key->matches(QKeySequence::Redo);
    if (!undo && !redo)
        return false;
    event->accept(); // an override: the key comes here as a key press, not to the menu's action
    if (event->type() == QEvent::KeyPress)
        undo ? measurements.undo() : measurements.redo();
    return true;
}

} // namespace delineo::ui
