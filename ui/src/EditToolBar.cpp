#include "delineo/ui/EditToolBar.h"
#include "delineo/ui/ImageView.h"

#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

namespace delineo::ui {

EditToolBar::EditToolBar(vm::EditingController& editing, vm::Preferences& prefs, ImageView* view,
                         const std::vector<QAction*>& toolActions, QWidget* parent)
    : QToolBar(tr("Tools"), parent), editing_(editing)
{
    setObjectName("toolsBar");
    setMovable(false);
    for (QAction* a : toolActions)
        addAction(a);
    addSeparator();
    addWidget(new QLabel(tr(" Class "), this));
    classes_ = new QComboBox(this);
    classes_->setObjectName("classCombo");
    // As wide as its longest class name, whichever class set comes later ("small bowel" after "polyp").
    classes_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(classes_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) { editing_.setActiveLabel(i + 1); });
    addWidget(classes_);
    addWidget(new QLabel(tr("  Brush "), this));
    brushSize_ = new QSpinBox(this);
    brushSize_->setObjectName("brushSize");
    brushSize_->setRange(1, 200);
    brushSize_->setSuffix(tr(" px"));
    connect(brushSize_, qOverload<int>(&QSpinBox::valueChanged), &editing_, &vm::EditingController::setBrushRadius);
    addWidget(brushSize_);
    addWidget(new QLabel(tr("  Opacity "), this));
    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setObjectName("opacity");
    opacity_->setRange(0, 100);
    opacity_->setMaximumWidth(140);
    opacity_->setMinimumWidth(80); // still a slider a hand can set in a narrow window
    connect(opacity_, &QSlider::valueChanged, this, [view, &prefs](int v) {
        view->setOverlayOpacity(v / 100.0);
        prefs.overlayOpacity = v;
        prefs.save();
    });
    opacity_->setValue(prefs.overlayOpacity);
    view->setOverlayOpacity(prefs.overlayOpacity / 100.0);
    addWidget(opacity_);
    addSeparator();
    connect(&editing_, &vm::EditingController::brushChanged, this, &EditToolBar::showState);
    connect(&editing_, &vm::EditingController::activeLabelChanged, this, &EditToolBar::showState);
}

void EditToolBar::setClasses(const std::vector<ml::ClassInfo>& classes)
{
    {
        const QSignalBlocker block(classes_);
        classes_->clear();
        for (const auto& c : classes) {
            QPixmap swatch(12, 12);
            const QColor colour(c.colour[0], c.colour[1], c.colour[2]);
            swatch.fill(colour);
            classes_->addItem(QIcon(swatch), vm::Translations::term(vm::qs(c.name)), colour);
        }
    }
    // A narrow window moves what does not fit into the toolbar's overflow menu; squeezed below its
    // contents, the class name would run under the next label.
    classes_->setMinimumWidth(classes_->sizeHint().width());
    editing_.setActiveLabel(std::clamp(editing_.activeLabel(), 1, std::max(1, classes_->count())));
    showState();
}

void EditToolBar::showState()
{
    const QSignalBlocker b1(classes_), b2(brushSize_);
    classes_->setCurrentIndex(editing_.activeLabel() - 1);
    brushSize_->setValue(editing_.brush().radius);
}

} // namespace delineo::ui
