#pragma once
#include <QSettings>
#include <QTemporaryDir>

namespace delineo::test {

// Each test process keeps its settings in a temporary folder of its own: ctest runs tests side by
// side, and one that changes a preference (Reslice Along the Patient's Axes, unticked and ticked
// again) must not change it under another that is opening its window.
inline void keepSettingsApart()
{
    static QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

} // namespace delineo::test
