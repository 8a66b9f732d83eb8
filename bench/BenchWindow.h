#pragma once
// The real main window as the GUI benchmarks drive it: offscreen, no dialogs, 1600x1000, shown.
#include "delineo/ui/MainWindow.h"

#include <QTest>

#include <cstdlib>
#include <cstring>

namespace delineo::bench {

// The GUI benchmarks run headless unless QT_QPA_PLATFORM says otherwise.
inline void offscreenByDefault()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// `--NAME TEXT` from the command line, or null.
inline const char* textOption(int argc, char** argv, const char* name)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i][0] == '-' && argv[i][1] == '-' && !std::strcmp(argv[i] + 2, name))
            return argv[i + 1];
    return nullptr;
}

// `--NAME N` from the command line, or `fallback`.
inline int intOption(int argc, char** argv, const char* name, int fallback)
{
    const char* text = textOption(argc, argv, name);
    return text ? std::atoi(text) : fallback;
}

inline bool showBenchWindow(ui::MainWindow& w)
{
    w.setDialogsEnabled(false);
    w.resize(1600, 1000);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

} // namespace delineo::bench
