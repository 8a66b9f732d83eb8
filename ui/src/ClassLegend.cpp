#include "delineo/ui/ClassLegend.h"
#include "delineo/core/ClassPalette.h"
#include "delineo/viewmodels/Translations.h"

#include <QAction>
#include <QColorDialog>
#include <QInputDialog>

#include <algorithm>

namespace delineo::ui {

namespace {
constexpr int kOpacityRole = Qt::UserRole + 1, kOutlineRole = Qt::UserRole + 2, kNameRole = Qt::UserRole + 3,
              kStoredNameRole = Qt::UserRole + 4;
}

ClassLegend::ClassLegend(QWidget* parent) : QListWidget(parent)
{
    setObjectName("classLegend");
    setToolTip(tr("Overlay classes: untick to hide a class"));
    connect(this, &QListWidget::itemChanged, this, [this] { Q_EMIT visibilityChanged(); });
}

void ClassLegend::setClasses(const std::vector<ml::ClassInfo>& classes)
{
    const QSignalBlocker block(this);
    clear();
    int label = 1;
    for (const auto& c : classes) {
        QPixmap swatch(14, 14);
        const QColor colour(c.colour[0], c.colour[1], c.colour[2]);
        swatch.fill(colour);
        auto* item = new QListWidgetItem(QIcon(swatch), QStringLiteral("%1  %2").arg(label++).arg(vm::Translations::term(QString::fromStdString(c.name))));
        item->setData(Qt::UserRole, colour);
        item->setData(kNameRole, vm::Translations::term(QString::fromStdString(c.name)));
        item->setData(kStoredNameRole, QString::fromStdString(c.name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        addItem(item);
    }
    setMaximumHeight(sizeHintForRow(0) * std::max(1, count()) + 2 * frameWidth() + 4);
}

void ClassLegend::enableEditing(ClassStore store)
{
    store_ = std::move(store);
    auto* add = new QAction(tr("Add Class…"), this);
    connect(add, &QAction::triggered, this, [this] { editClass(count() + 1); });
    auto* change = new QAction(tr("Rename or Recolour Class…"), this);
    connect(change, &QAction::triggered, this, [this] { editClass(std::max(1, currentRow() + 1)); });
    addActions({add, change});
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* it) { editClass(row(it) + 1); });
}

void ClassLegend::editClass(int label)
{
    const bool adding = label > count();
    QString name;
    QColor colour;
    if (adding) {
        // The first palette colour no class has yet.
        std::vector<core::WorkspaceClass> have;
        for (int k = 0; k < count(); ++k) {
            const QColor c = item(k)->data(Qt::UserRole).value<QColor>();
            have.push_back({k + 1, {}, std::uint8_t(c.red()), std::uint8_t(c.green()), std::uint8_t(c.blue())});
        }
        const core::Rgb c = core::unusedColour(have);
        colour = QColor(c[0], c[1], c[2]);
    } else {
        name = item(label - 1)->data(kNameRole).toString();
        colour = item(label - 1)->data(Qt::UserRole).value<QColor>();
    }
    bool ok = false;
    name = QInputDialog::getText(this, adding ? tr("Add Class") : tr("Rename or Recolour Class"),
                                 tr("Name of label %1:").arg(label), QLineEdit::Normal, name, &ok);
    if (!ok)
        return;
    // A name left as shown keeps the one stored: a recoloured "Magen" stays "stomach" for every language.
    const bool kept = !adding && name == item(label - 1)->data(kNameRole).toString();
    const QColor chosen = QColorDialog::getColor(colour, this, tr("Colour of %1").arg(name));
    if (chosen.isValid() && store_)
        store_(label, kept ? item(label - 1)->data(kStoredNameRole).toString() : name, chosen);
}

std::vector<QRgb> ClassLegend::overlayColours() const
{
    std::vector<QRgb> colours(256, 0);
    // A label no class names yet (a file opened without a workspace to name it) still shows, in the
    // palette colour of its number.
    for (int label = count() + 1; label < 256; ++label) {
        const core::Rgb c = core::paletteColour(std::size_t(label - 1));
        colours[std::size_t(label)] = qRgb(c[0], c[1], c[2]);
    }
    for (int k = 0; k < count(); ++k)
        if (item(k)->checkState() == Qt::Checked) {
            const QColor c = item(k)->data(Qt::UserRole).value<QColor>();
            colours[k + 1] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), 255 * classOpacity(k + 1) / 100));
        }
    return colours;
}

bool ClassLegend::classVisible(int label) const
{
    return label >= 1 && label <= count() && item(label - 1)->checkState() == Qt::Checked;
}

void ClassLegend::setClassStyle(int label, int opacityPercent, bool outline)
{
    if (label < 1 || label > count())
        return;
    item(label - 1)->setData(kOpacityRole, std::clamp(opacityPercent, 0, 100));
    item(label - 1)->setData(kOutlineRole, outline);
    Q_EMIT visibilityChanged();
}

int ClassLegend::classOpacity(int label) const
{
    const QVariant v = label >= 1 && label <= count() ? item(label - 1)->data(kOpacityRole) : QVariant();
    return v.isValid() ? v.toInt() : 100;
}

bool ClassLegend::classOutline(int label) const
{
    return label >= 1 && label <= count() && item(label - 1)->data(kOutlineRole).toBool();
}

std::vector<bool> ClassLegend::outlinedClasses(bool everything) const
{
    std::vector<bool> out(256, everything);
    for (int k = 1; k <= count(); ++k)
        out[k] = everything || classOutline(k);
    return out;
}

void ClassLegend::setClassVisible(int label, bool visible)
{
    if (label >= 1 && label <= count())
        item(label - 1)->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
}

} // namespace delineo::ui
