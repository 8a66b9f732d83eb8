#include "delineo/ui/StructuresPanel.h"
#include "delineo/ui/ClassLegend.h"
#include "DockHeight.h"
#include "TableText.h"

#include "delineo/core/Rendering.h"
#include "delineo/core/VolumeOps.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/MultiplanarController.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMainWindow>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace delineo::ui {

namespace {
enum Column { kClass, kSize, kSlices, kPieces, kValues, kOpacity, kOutline, kColumns };
}

StructuresPanel::StructuresPanel(vm::DocumentController& document, vm::EditingController& editing,
                                 vm::MultiplanarController& planes, ClassLegend* legend, QWidget* parent)
    : QDockWidget(tr("Structures"), parent), document_(document), planes_(planes), legend_(legend),
      table_(new QTableWidget(this)),
      timer_(new QTimer(this))
{
    setObjectName(QStringLiteral("structuresPanel"));
    toggleViewAction()->setShortcut(QKeySequence(tr("Shift+V")));
    table_->setColumnCount(kColumns);
    table_->setHorizontalHeaderLabels({tr("Class"), tr("Volume (mL)"), tr("Slices"), tr("Pieces"), tr("Mean ± SD"),
                                       tr("Opacity"), tr("Outline")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Columns as wide as their figures; a docked panel's spare width stays on the right, not in the
    // Outline column, whose check box would then sit far from its header.
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->installEventFilter(this);
    setWidget(table_);
    // Recomputed once the edits pause: a whole-volume pass is too much for every brush move.
    timer_->setSingleShot(true);
    timer_->setInterval(400);
    connect(timer_, &QTimer::timeout, this, &StructuresPanel::refresh);
    connect(&document_, &vm::DocumentController::documentChanged, timer_, qOverload<>(&QTimer::start));
    connect(&editing, &vm::EditingController::historyChanged, timer_, qOverload<>(&QTimer::start));
    // A video's figures are those of the frame shown.
    connect(&document_, &vm::DocumentController::sliceChanged, this, [this] {
        if (document_.isVideo())
            timer_->start();
    });
    connect(legend_, &ClassLegend::visibilityChanged, this, &StructuresPanel::syncStyles);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { planes_.goToStructure(row + 1); });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() == kClass)
            legend_->setClassVisible(item->row() + 1, item->checkState() == Qt::Checked);
    });
}

bool StructuresPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Every class with its figures and the column names (the size column says mL, mm² or pixels),
    // for a report or a spreadsheet; the styles' columns are left out.
    if (watched != table_ || event->type() != QEvent::KeyPress || !static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy))
        return QDockWidget::eventFilter(watched, event);
    std::vector<int> rows(std::size_t(table_->rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    QGuiApplication::clipboard()->setText(tableText(*table_, rows, {kClass, kSize, kSlices, kPieces, kValues}, true));
    return true;
}

void StructuresPanel::showEvent(QShowEvent* event)
{
    QDockWidget::showEvent(event);
    refresh();
    fitRows();
}

void StructuresPanel::fitRows()
{
    // Docked, it opens as tall as its classes (up to two fifths of the window) and grows when classes
    // are added; a height the user gave it afterwards stays.
    auto* window = qobject_cast<QMainWindow*>(parentWidget());
    if (!window || !isVisible() || isFloating() || table_->rowCount() == fittedRows_)
        return;
    fittedRows_ = table_->rowCount();
    const int want = dockHeightFor(this, table_, table_->rowCount(), window);
    if (height() < want)
        window->resizeDocks({this}, {want}, Qt::Vertical);
}

void StructuresPanel::rebuildRows()
{
    const QSignalBlocker block(table_);
    table_->setRowCount(legend_->count());
    for (int row = 0; row < legend_->count(); ++row) {
        const int label = row + 1;
        auto* name = new QTableWidgetItem(legend_->item(row)->icon(), legend_->item(row)->text());
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        table_->setItem(row, kClass, name);
        for (int c : {kSize, kSlices, kPieces, kValues}) {
            auto* cell = new QTableWidgetItem;
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, c, cell);
        }
        auto* opacity = new QSpinBox(table_);
        opacity->setRange(0, 100);
        opacity->setSuffix(QStringLiteral(" %"));
        opacity->setToolTip(tr("This class's opacity, on top of the overlay's"));
        auto* outline = new QCheckBox(table_);
        outline->setToolTip(tr("Draw this class as an outline instead of filled"));
        table_->setCellWidget(row, kOpacity, opacity);
        table_->setCellWidget(row, kOutline, outline);
        connect(opacity, &QSpinBox::valueChanged, this, [this, label, outline](int v) {
            legend_->setClassStyle(label, v, outline->isChecked());
        });
        connect(outline, &QCheckBox::toggled, this, [this, label, opacity](bool on) {
            legend_->setClassStyle(label, opacity->value(), on);
        });
    }
    syncStyles();
}

void StructuresPanel::syncStyles()
{
    if (table_->rowCount() != legend_->count())
        return;
    const QSignalBlocker block(table_);
    for (int row = 0; row < table_->rowCount(); ++row) {
        table_->item(row, kClass)->setCheckState(legend_->classVisible(row + 1) ? Qt::Checked : Qt::Unchecked);
        auto* opacity = static_cast<QSpinBox*>(table_->cellWidget(row, kOpacity));
        auto* outline = static_cast<QCheckBox*>(table_->cellWidget(row, kOutline));
        const QSignalBlocker a(opacity), b(outline);
        opacity->setValue(legend_->classOpacity(row + 1));
        outline->setChecked(legend_->classOutline(row + 1));
    }
}

void StructuresPanel::refresh()
{
    timer_->stop();
    bool same = table_->rowCount() == legend_->count();
    for (int row = 0; same && row < legend_->count(); ++row)
        same = table_->item(row, kClass)->text() == legend_->item(row)->text();
    if (!same) {
        rebuildRows();
        fitRows();
    }
    if (!isVisible() || document_.empty())
        return;
    const auto& doc = document_.document();
    // A video's frames are moments, not a volume: the figures are the shown frame's (and reading
    // them does not unpack every annotated frame of a procedure).
    const bool video = doc.depth() > 1 && document_.isVideo();
    const bool flat = doc.depth() == 1 || video; // an area, not a volume
    const auto& g = doc.volume().geometry;
    table_->horizontalHeaderItem(kSize)->setText(!flat ? tr("Volume (mL)")
                                                 : g.spacingKnown ? tr("Area (mm²)") : tr("Area (pixels)"));
    table_->setColumnHidden(kSlices, video);
    table_->setToolTip(video ? tr("The frame shown: its area per class and the number of separate pieces in it. Ctrl+C copies the figures.")
                             : tr("Pieces: connected parts in 3D. Volumes come from the pixel spacing and the "
                                  "distance between slices; the same figures as delineo-cli stats. Double-click "
                                  "a class to go to its largest piece. Ctrl+C copies the figures."));
    const auto stats = core::structureStats(doc, legend_->count(), video ? document_.slice() : -1);
    const QSignalBlocker block(table_);
    for (const auto& s : stats) {
        const int row = s.label - 1;
        QString size = tr("unknown");
        if (!s.voxels)
            size = QStringLiteral("—");
        else if (flat && s.areaMm2)
            size = QString::number(*s.areaMm2, 'f', 1);
        else if (flat)
            size = QString::number(s.voxels);
        else if (!flat && s.volumeKnown)
            size = QString::number(s.volumeMl, 'f', 2);
        table_->item(row, kSize)->setText(size);
        table_->item(row, kSize)->setToolTip(tr("%1 voxels").arg(s.voxels));
        table_->item(row, kSlices)->setText(s.voxels ? QStringLiteral("%1–%2").arg(s.firstSlice + 1).arg(s.lastSlice + 1)
                                                      : QStringLiteral("—"));
        table_->item(row, kPieces)->setText(QString::number(s.components));
        // The values under the class, as Segment Statistics gives them (HU on CT).
        // The slice shown: a video's first frame is not decoded again for its unit.
        const char* unit = core::valueUnit(document_.image());
        table_->item(row, kValues)->setText(s.valuesKnown ? vm::meanSdText(s.mean, s.sd, unit)
                                                          : QStringLiteral("—"));
        table_->item(row, kValues)->setToolTip(s.valuesKnown ? tr("Values from %1 to %2").arg(s.min, 0, 'g', 6).arg(s.max, 0, 'g', 6)
                                                             : QString());
    }
}

} // namespace delineo::ui
