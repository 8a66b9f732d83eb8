#include "EraserTool.h"

#include <QCoreApplication>

namespace delineo::vm {

QString EraserTool::title() const { return QCoreApplication::translate("Tools", "&Eraser"); }
QString EraserTool::hint() const
{
    return QCoreApplication::translate("Tools", "Drag to erase the active class (any class when \"Overwrite other classes\" is on).");
}

} // namespace delineo::vm
