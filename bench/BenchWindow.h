#pragma once
// The real main window as the GUI benchmarks drive it: offscreen, no dialogs, 1600x1000, shown.
#include "delineo/ui/MainWindow.h"

#include <QTest>

namespace delineo::bench {

inline bool showBenchWindow(ui::MainWindow& w)
{
    w.setDialogsEnabled(false);
    w.resize(1600, 1000);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

} // namespace delineo::bench
