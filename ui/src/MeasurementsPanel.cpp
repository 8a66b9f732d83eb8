#include "delineo/ui/MeasurementsPanel.h"
#include "DockHeight.h"
#include "MeasurementKeys.h"
#include "TableText.h"

#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Rendering.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/QtText.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMainWindow>
#include <QTableWidget>

#include <algorithm>
#include <numeric>

namespace delineo::ui {

namespace {
enum Column { kName, kWhat, kWhere, kValue, kMean, kBy, kWhen, kColumns };

// The table, saying whether a name is being typed (the view's state is protected).
class NameTable : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    bool typing() const { return state() == EditingState; }
};
} // namespace

MeasurementsPanel::MeasurementsPanel(vm::MeasurementController& measurements, vm::DocumentController& document,
                                     QWidget* parent)
    : QDockWidget(tr("Measurements"), parent), measurements_(measurements), document_(document),
      table_(new NameTable(this))
{
    setObjectName(QStringLiteral("measurementsPanel"));
    toggleViewAction()->setShortcut(QKeySequence(tr("Shift+R")));
    table_->setColumnCount(kColumns);
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Measurement"), tr("Plane"), tr("Length or area"), tr("Mean ± SD"), tr("By"), tr("When")});
    table_->verticalHeader()->hide();
    // Only the name is edited: F2, or a click on the selected row's name (a double-click goes to it).
    table_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setToolTip(tr("Double-click: go to the measurement. F2: name it. Delete: remove the selected ones. Ctrl+C: copy them. Ctrl+Z: undo."));
    table_->installEventFilter(this);
    setWidget(table_);
    connect(&measurements_, &vm::MeasurementController::changed, this, &MeasurementsPanel::refresh);
    connect(&document_, &vm::DocumentController::documentChanged, this, [this] { figures_.clear(); });
    connect(table_, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { measurements_.goTo(table_->item(row, kName)->data(Qt::UserRole).toString()); });
    connect(&measurements_, &vm::MeasurementController::nameAsked, this, &MeasurementsPanel::editName);
    // A name being typed outlives a refill asked for meanwhile (a team member's change): it comes
    // once the editor closes, committed (below) or cancelled.
    connect(table_->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (stale_)
            QMetaObject::invokeMethod(this, &MeasurementsPanel::refresh, Qt::QueuedConnection);
    });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        // After the edit is done with the item: renaming refills the table, which replaces it.
        if (!filling_ && item->column() == kName)
            QMetaObject::invokeMethod(this, [this, key = item->data(Qt::UserRole).toString(), text = item->text()] {
                measurements_.rename(key, text);
                refresh(); // also when it was kept as it was, or trimmed
            }, Qt::QueuedConnection);
    });
}

bool MeasurementsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == table_ && measurementUndoKey(measurements_, event))
        return true;
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        if (static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
            copySelected();
            return true;
        }
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            QStringList keys;
            for (const QModelIndex& row : table_->selectionModel()->selectedRows(kName))
                keys << row.data(Qt::UserRole).toString();
            for (const QString& k : keys)
                measurements_.remove(k);
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void MeasurementsPanel::copySelected()
{
    // Whole rows, cells apart by tabs, for a report or a spreadsheet (the table's own copy would
    // take the current cell alone).
    std::vector<int> rows;
    for (const QModelIndex& row : table_->selectionModel()->selectedRows())
        rows.push_back(row.row());
    std::sort(rows.begin(), rows.end()); // as listed, not as picked
    std::vector<int> columns(kColumns);
    std::iota(columns.begin(), columns.end(), 0);
    if (!rows.empty())
        QGuiApplication::clipboard()->setText(tableText(*table_, rows, columns, false));
}

void MeasurementsPanel::showEvent(QShowEvent* event)
{
    QDockWidget::showEvent(event);
    if (stale_)
        refresh();
    auto* window = qobject_cast<QMainWindow*>(parentWidget());
    if (fitted_ || !window || isFloating())
        return;
    fitted_ = true;
    window->resizeDocks({this}, {dockHeightFor(this, table_, std::max(4, table_->rowCount()), window)}, Qt::Vertical);
}

void MeasurementsPanel::editName(const QString& key)
{
    show(); // refreshed on showing, if it was hidden; else it is up to date
    raise();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (QTableWidgetItem* item = table_->item(row, kName); item->data(Qt::UserRole).toString() == key) {
            table_->setCurrentItem(item);
            table_->setFocus();
            table_->editItem(item);
            return;
        }
}

const core::MeasurementFigure& MeasurementsPanel::figureOf(const core::Measurement& m)
{
    auto& cached = figures_[vm::qs(m.key)];
    if (cached.first != m.points || m.points.empty())
        cached = {m.points, core::measurementFigure(document_.document().volume(), m, true)};
    return cached.second;
}

void MeasurementsPanel::refresh()
{
    stale_ = !isVisible() || static_cast<NameTable*>(table_)->typing();
    if (stale_)
        return;
    const auto& all = measurements_.all();
    filling_ = true;
    table_->setRowCount(int(all.size()));
    for (int row = 0; row < int(all.size()); ++row) {
        const core::Measurement& m = all[std::size_t(row)];
        const core::MeasurementFigure& f = figureOf(m);
        const QString where = !f.found                      ? tr("off the planes")
                              : f.plane == core::Plane::Axial   ? (document_.isVideo() ? tr("Frame %1") : tr("Slice %1")).arg(f.index + 1)
                              : f.plane == core::Plane::Coronal ? tr("Coronal %1").arg(f.index + 1)
                                                                : tr("Sagittal %1").arg(f.index + 1);
        const QString value = f.found ? measurements_.valueText(f.value, m.closed) : QStringLiteral("–");
        // An outline's values, as the views show them under it (HU on CT).
        const core::RegionStats& v = f.values;
        const QString mean = v.pixels ? vm::meanSdText(v.mean, v.sd, core::valueUnit(document_.image())) : QString();
        const QDateTime when = QDateTime::fromString(vm::qs(m.created), Qt::ISODateWithMs);
        const QStringList cells{vm::qs(m.label), m.closed ? tr("Area") : tr("Ruler"), where, value, mean, vm::qs(m.author),
                                when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString()};
        for (int c = 0; c < kColumns; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == kName)
                item->setData(Qt::UserRole, vm::qs(m.key));
            else
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            if (c == kValue || c == kMean)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, c, item);
        }
    }
    filling_ = false;
}

} // namespace delineo::ui
