#include "delineo/ui/ToolOptionsPanel.h"

#include "tools/Tool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace delineo::ui {

ToolOptionsPanel::ToolOptionsPanel(QWidget* parent) : QDockWidget(tr("Tool Options"), parent)
{
    setObjectName(QStringLiteral("toolOptions"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    title_ = new QLabel(body);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    hint_ = new QLabel(body);
    hint_->setWordWrap(true);
    layout->addWidget(title_);
    layout->addWidget(hint_);

    brushRow_ = new QWidget(body);
    auto* brushForm = new QFormLayout(brushRow_);
    brushForm->setContentsMargins(0, 0, 0, 0);
    radius_ = new QSpinBox(brushRow_);
    radius_->setObjectName(QStringLiteral("optionsRadius"));
    radius_->setRange(1, 200);
    radius_->setSuffix(tr(" px"));
    shape_ = new QComboBox(brushRow_);
    shape_->setObjectName(QStringLiteral("brushShape"));
    shape_->addItem(tr("Round"));
    shape_->addItem(tr("Square"));
    shape_->setCurrentIndex(QSettings().value("brush/square", false).toBool() ? 1 : 0);
    brushForm->addRow(tr("Radius:"), radius_);
    brushForm->addRow(tr("Shape:"), shape_);
    layout->addWidget(brushRow_);

    thresholdRow_ = new QWidget(body);
    auto* thresholdForm = new QFormLayout(thresholdRow_);
    thresholdForm->setContentsMargins(0, 0, 0, 0);
    low_ = new QDoubleSpinBox(thresholdRow_);
    high_ = new QDoubleSpinBox(thresholdRow_);
    low_->setObjectName(QStringLiteral("thresholdLow"));
    high_->setObjectName(QStringLiteral("thresholdHigh"));
    for (auto* s : {low_, high_}) {
        s->setDecimals(1);
        s->setRange(-1e6, 1e6);
    }
    thresholdForm->addRow(tr("Paint where intensity ≥"), low_);
    thresholdForm->addRow(tr("and ≤"), high_);
    layout->addWidget(thresholdRow_);

    overwrite_ = new QCheckBox(tr("Overwrite other classes"), body);
    overwrite_->setObjectName(QStringLiteral("overwriteOthers"));
    overwrite_->setToolTip(tr("Off: tools change only unlabelled pixels (and erase only the active class)"));
    overwrite_->setChecked(QSettings().value("brush/overwriteOthers", true).toBool());
    layout->addWidget(overwrite_);
    // The Mask menu's operations act at once; their settings live here too.
    auto* maskTitle = new QLabel(tr("Mask menu"), body);
    maskTitle->setFont(bold);
    layout->addWidget(maskTitle);
    auto* maskForm = new QFormLayout();
    island_ = new QSpinBox(body);
    island_->setObjectName(QStringLiteral("smallestIsland"));
    island_->setRange(0, 1000000);
    island_->setSpecialValueText(tr("automatic"));
    island_->setSuffix(tr(" px"));
    island_->setValue(QSettings().value("mask/smallestIsland", 0).toInt());
    smooth_ = new QSpinBox(body);
    smooth_->setObjectName(QStringLiteral("smoothRadius"));
    smooth_->setRange(1, 20);
    smooth_->setSuffix(tr(" px"));
    smooth_->setValue(QSettings().value("mask/smoothRadius", 2).toInt());
    maskForm->addRow(tr("Smallest island kept:"), island_);
    maskForm->addRow(tr("Smoothing radius:"), smooth_);
    layout->addLayout(maskForm);
    connect(island_, qOverload<int>(&QSpinBox::valueChanged), this, [](int v) { QSettings().setValue("mask/smallestIsland", v); });
    connect(smooth_, qOverload<int>(&QSpinBox::valueChanged), this, [](int v) { QSettings().setValue("mask/smoothRadius", v); });

    layout->addStretch(1);
    setWidget(body);

    connect(radius_, qOverload<int>(&QSpinBox::valueChanged), this, &ToolOptionsPanel::radiusChanged);
    connect(shape_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        QSettings().setValue("brush/square", i == 1);
        Q_EMIT changed();
    });
    connect(overwrite_, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue("brush/overwriteOthers", on);
        Q_EMIT changed();
    });
    for (auto* s : {low_, high_})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] { Q_EMIT changed(); });
}

void ToolOptionsPanel::showTool(const QString& title, const QString& hint, int options)
{
    title_->setText(QString(title).remove(QLatin1Char('&')));
    hint_->setText(hint);
    brushRow_->setVisible(options & kBrushOptions);
    thresholdRow_->setVisible(options & kThresholdOptions);
    overwrite_->setVisible(options & kOverwriteOption);
}

void ToolOptionsPanel::setRadius(int pixels)
{
    const QSignalBlocker block(radius_);
    radius_->setValue(pixels);
}

void ToolOptionsPanel::setRange(double low, double high)
{
    low_->setValue(low);
    high_->setValue(high);
}

int ToolOptionsPanel::radius() const { return radius_->value(); }
bool ToolOptionsPanel::square() const { return shape_->currentIndex() == 1; }
bool ToolOptionsPanel::overwriteOthers() const { return overwrite_->isChecked(); }
double ToolOptionsPanel::low() const { return low_->value(); }
double ToolOptionsPanel::high() const { return high_->value(); }
int ToolOptionsPanel::smallestIsland() const { return island_->value(); }
int ToolOptionsPanel::smoothRadius() const { return smooth_->value(); }

} // namespace delineo::ui
