#pragma once
#include <QStringList>
#include <QTableWidget>

#include <vector>

namespace delineo::ui {

// Rows of a panel's table as text for a report or a spreadsheet: the cells of `columns` (hidden ones
// left out), tab-separated, one line per row in the order given, the column names first when asked.
inline QString tableText(const QTableWidget& table, const std::vector<int>& rows, const std::vector<int>& columns,
                         bool header)
{
    const auto line = [&](const auto& cell) {
        QStringList cells;
        for (const int c : columns)
            if (!table.isColumnHidden(c))
                cells << cell(c);
        return cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    };
    QString out;
    if (header)
        out += line([&](int c) { return table.horizontalHeaderItem(c)->text(); });
    for (const int row : rows)
        out += line([&](int c) { return table.item(row, c) ? table.item(row, c)->text() : QString(); });
    return out;
}

} // namespace delineo::ui
