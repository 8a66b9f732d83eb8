#include "delineo/ui/ToolOptionsPanel.h"

#include "delineo/viewmodels/EditingController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace delineo::ui {

ToolOptionsPanel::ToolOptionsPanel(vm::EditingController& editing, int smallestIsland, int smoothRadius, QWidget* parent)
    : QDockWidget(tr("Tool Options"), parent), editing_(editing)
{
    setObjectName(QStringLiteral("toolOptions"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    title_ = new QLabel(body);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    hint_ = new QLabel(body);
    hint_->setObjectName(QStringLiteral("toolHint"));
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
    island_->setValue(smallestIsland);
    smooth_ = new QSpinBox(body);
    smooth_->setObjectName(QStringLiteral("smoothRadius"));
    smooth_->setRange(1, 20);
    smooth_->setSuffix(tr(" px"));
    smooth_->setValue(smoothRadius);
    maskForm->addRow(tr("Smallest island kept:"), island_);
    maskForm->addRow(tr("Smoothing radius:"), smooth_);
    layout->addLayout(maskForm);
    layout->addStretch(1);
    setWidget(body);

    connect(island_, qOverload<int>(&QSpinBox::valueChanged), &editing_, &vm::EditingController::setSmallestIsland);
    connect(smooth_, qOverload<int>(&QSpinBox::valueChanged), &editing_, &vm::EditingController::setSmoothRadius);
    connect(radius_, qOverload<int>(&QSpinBox::valueChanged), &editing_, &vm::EditingController::setBrushRadius);
    connect(shape_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        editing_.setBrushShape(i == 1 ? core::BrushShape::Square : core::BrushShape::Round);
    });
    connect(overwrite_, &QCheckBox::toggled, &editing_, &vm::EditingController::setOverwriteOthers);
    for (auto* s : {low_, high_})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                [this] { editing_.setThreshold(low_->value(), high_->value()); });
    connect(&editing_, &vm::EditingController::toolChanged, this, &ToolOptionsPanel::showState);
    connect(&editing_, &vm::EditingController::brushChanged, this, &ToolOptionsPanel::showState);
    showState();
}

void ToolOptionsPanel::showState()
{
    const vm::ActionInfo tool = editing_.activeToolInfo();
    title_->setText(QString(tool.title).remove(QLatin1Char('&')));
    hint_->setText(tool.hint);
    brushRow_->setVisible(tool.options & vm::kBrushOptions);
    thresholdRow_->setVisible(tool.options & vm::kThresholdOptions);
    overwrite_->setVisible(tool.options & vm::kOverwriteOption);
    const QSignalBlocker b1(radius_), b2(shape_), b3(overwrite_), b4(low_), b5(high_);
    radius_->setValue(editing_.brush().radius);
    shape_->setCurrentIndex(editing_.brush().shape == core::BrushShape::Square ? 1 : 0);
    overwrite_->setChecked(editing_.brush().overwriteOthers);
    low_->setValue(editing_.thresholdLow());
    high_->setValue(editing_.thresholdHigh());
    // Never squeezed below what the rows need: on an 800-px screen the dock column otherwise cut
    // the spin boxes' text; the lists in the other docks scroll instead.
    widget()->setMinimumHeight(widget()->sizeHint().height());
}

} // namespace delineo::ui
