#pragma once
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QTableWidget>

#include <algorithm>

namespace delineo::ui {

// The docked height at which a panel's table shows `rows` rows (its title, header and frames
// counted), at most two fifths of the window: a panel under the views opens no taller than it needs.
inline int dockHeightFor(const QDockWidget* dock, const QTableWidget* table, int rows, const QMainWindow* window)
{
    int want = dock->height() - table->viewport()->height();
    for (int row = 0; row < rows; ++row)
        want += row < table->rowCount() ? table->rowHeight(row) : table->verticalHeader()->defaultSectionSize();
    return std::min(want, window->height() * 2 / 5);
}

} // namespace delineo::ui
