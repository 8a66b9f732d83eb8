#include "delineo/ui/PlaneViews.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/ImageView.h"
#include "MeasurementKeys.h"
#include "delineo/core/Rendering.h"

#include "delineo/viewmodels/AssistController.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/EditingController.h"
#include "delineo/viewmodels/MeasurementController.h"
#include "delineo/viewmodels/MultiplanarController.h"
#include "delineo/viewmodels/OverlayRenderer.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/viewmodels/PreviewController.h"
#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"
#include "delineo/viewmodels/Workbench.h"

#include <QAction>
#include <QFileDialog>
#include <QActionGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLineF>
#include <QMouseEvent>
#include <QSignalBlocker>

namespace delineo::ui {

using core::Plane;
using Layout = vm::MultiplanarController::Layout;

namespace {

// Each plane has its colour: its view's title and the lines that stand for it in the other views.
QColor colourOf(Plane p)
{
    return p == Plane::Axial ? QColor(235, 80, 80) : p == Plane::Coronal ? QColor(80, 150, 255) : QColor(90, 210, 110);
}

} // namespace

PlaneViews::PlaneViews(vm::Workbench& bench, ImageView* axial, const ClassLegend* legend, QWidget* parent)
    : QWidget(parent), planes_(bench.planes()), editing_(bench.editing()), document_(bench.document()),
      prefs_(bench.preferences()), copies_(bench.patientAxesCopy()), measurements_(bench.measurements()), axial_(axial),
      coronal_(new ImageView(this)), sagittal_(new ImageView(this)), info_(new QLabel(this)),
      grid_(new QGridLayout(this)), legend_(legend)
{
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(2);
    info_->setStyleSheet(QStringLiteral("background:#18181c; color:#e0e0c8; padding:10px"));
    info_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    info_->setTextFormat(Qt::RichText);
    for (ImageView* v : {coronal_, sagittal_}) {
        v->setMinimumSize(160, 120);
        v->setWheelScrollsSlices(true);
    }
    for (Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
        view(plane)->installEventFilter(this);
        connect(view(plane), &ImageView::cursorMoved, this,
                [this, plane](QPoint pixel, bool inside) { Q_EMIT cursorDescribed(inside ? cursorText(plane, pixel) : QString()); });
    }
    connectPlane(coronal_, Plane::Coronal);
    connectPlane(sagittal_, Plane::Sagittal);
    // The tool decides what the right button does (AI Assist: a negative prompt) in every view.
    connect(&editing_, &vm::EditingController::toolChanged, this, [this] {
        for (ImageView* v : {coronal_, sagittal_})
            v->setRightButtonToTool(editing_.activeToolInfo().options & vm::kPromptInput);
    });
    // In the axial view Ctrl+click belongs to the threshold brush (it samples); otherwise it moves
    // the crosshair as in the other views.
    connect(axial_, &ImageView::pointSampled, this, [this](QPointF p) {
        if (!(editing_.activeToolInfo().options & vm::kThresholdOptions))
            planes_.setCrosshair(Plane::Axial, p);
    });
    connect(axial_, &ImageView::overlaySettingsChanged, this, [this] {
        for (ImageView* v : {coronal_, sagittal_}) {
            v->setOverlayOpacity(axial_->overlayOpacity());
            v->setOverlayVisible(axial_->overlayVisible());
        }
    });

    auto* group = new QActionGroup(this);
    const std::pair<Layout, const char*> layouts[] = {{Layout::Single, QT_TR_NOOP("&Single View")},
                                                      {Layout::Row, QT_TR_NOOP("&Three Planes in a Row")},
                                                      {Layout::Grid, QT_TR_NOOP("Three Planes, &2 x 2")}};
    int key = 1;
    for (const auto& [layout, title] : layouts) {
        auto* a = group->addAction(tr(title));
        a->setCheckable(true);
        a->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(key++)));
        a->setChecked(int(layout) == prefs_.planeLayout);
        connect(a, &QAction::triggered, this, [this, layout = layout] { planes_.setLayout(layout); });
        actions_ << a;
    }
    ruler_ = new QAction(tr("&Ruler (Shift+Drag: Area)"), this);
    ruler_->setCheckable(true);
    ruler_->setShortcut(QKeySequence(tr("M")));
    ruler_->setStatusTip(tr("Drag to measure a distance, Shift+drag to outline an area; drag a ruler's end to move it, "
                          "double-click one to name it"));
    connect(ruler_, &QAction::toggled, this, [this] {
        for (ImageView* v : {axial_, coronal_, sagittal_})
            v->unsetCursor(); // the one over a ruler's end
    });
    actions_ << ruler_;
    unmeasure_ = new QAction(tr("Remove &Last Measurement"), this);
    unmeasure_->setShortcut(QKeySequence(tr("Shift+M")));
    unmeasure_->setStatusTip(tr("Removes the newest ruler or outline on the slice of the view you work in"));
    connect(unmeasure_, &QAction::triggered, this, [this] {
        if (!measurements_.removeLast(activePlane()))
            Q_EMIT measured(tr("No measurement on this slice"));
    });
    actions_ << unmeasure_;
    connect(&measurements_, &vm::MeasurementController::changed, this, [this] { showMeasurements(); });
    connect(this, &PlaneViews::measured, &bench.notices(), [&notices = bench.notices()](const QString& text) {
        notices.inform(text, 6000);
    });
    linkZoom_ = new QAction(tr("&Link Zoom of the Planes"), this);
    linkZoom_->setCheckable(true);
    linkZoom_->setChecked(prefs_.linkZoom);
    connect(linkZoom_, &QAction::toggled, this, [this](bool on) {
        prefs_.linkZoom = on;
        prefs_.save();
    });
    actions_ << linkZoom_;
    // Thick slices on the coronal and sagittal views: blended between their centres (3D Slicer's
    // default) or drawn as the blocks they are (ITK-SNAP's); the labels keep their slices' blocks.
    smooth_ = new QAction(tr("Smooth &Between Slices"), this);
    smooth_->setCheckable(true);
    smooth_->setChecked(prefs_.smoothSlices);
    connect(smooth_, &QAction::toggled, this, [this](bool on) {
        prefs_.smoothSlices = on;
        prefs_.save();
        for (ImageView* v : {coronal_, sagittal_})
            v->setSmoothBetweenRows(on);
        refresh(true); // planes along the patient's axes are sampled between slices, or not
    });
    actions_ << smooth_;
    // An oblique or tilted series: true coronal and sagittal planes, resampled (3D Slicer's way),
    // or its own voxel planes drawn turned as they lie in the patient (ITK-SNAP's).
    patientAxes_ = new QAction(tr("Reslice Along the &Patient's Axes"), this);
    patientAxes_->setCheckable(true);
    patientAxes_->setChecked(prefs_.alongPatientAxes);
    connect(patientAxes_, &QAction::toggled, this, [this](bool on) { document_.setAlongPatientAxes(on); });
    actions_ << patientAxes_;
    // The axial view stays the stored slice; a double-oblique series gets true axial planes (and
    // every tool on them) in a resampled copy, as 3D Slicer's Resample Scalar Volume makes one.
    copy_ = new QAction(tr("Open a C&opy on the Patient's Axes…"), this);
    copy_->setStatusTip(tr("Resample this oblique series on the patient's axes, with its labels, into a NIfTI copy "
                           "and open it: its axial view is a true axial plane. The original is unchanged."));
    connect(copy_, &QAction::triggered, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Copy on the Patient's Axes"), copies_.suggestedPath(),
                                                    tr("NIfTI (*.nii.gz)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QStringLiteral(".nii.gz"), Qt::CaseInsensitive) && !path.endsWith(QStringLiteral(".nii"), Qt::CaseInsensitive))
            path += QStringLiteral(".nii.gz");
        copies_.write(path);
    });
    actions_ << copy_;
    for (ImageView* v : {coronal_, sagittal_})
        v->setSmoothBetweenRows(prefs_.smoothSlices);
    // The lines can hide what a reader looks at; the crosshair still links the views when hidden.
    crosshairShown_ = new QAction(tr("Show &Crosshair"), this);
    crosshairShown_->setCheckable(true);
    crosshairShown_->setChecked(prefs_.showCrosshair);
    crosshairShown_->setShortcut(QKeySequence(tr("Alt+C")));
    connect(crosshairShown_, &QAction::toggled, this, [this](bool on) {
        prefs_.showCrosshair = on;
        prefs_.save();
        showCrosshair();
    });
    actions_ << crosshairShown_;
    // Kept measurements can hide what they measure: hidden, they stay kept (the one being drawn shows).
    auto* measuresShown = new QAction(tr("Show &Measurements"), this);
    measuresShown->setCheckable(true);
    measuresShown->setChecked(prefs_.showMeasurements);
    connect(measuresShown, &QAction::toggled, this, [this](bool on) {
        prefs_.showMeasurements = on;
        prefs_.save();
        showMeasurements();
    });
    actions_ << measuresShown;
    // One plane over the whole area for a closer look (as a PACS maximises a viewport), and back.
    enlarge_ = new QAction(tr("&Enlarge the Active Plane"), this);
    enlarge_->setCheckable(true);
    enlarge_->setShortcut(QKeySequence(tr("Alt+0")));
    connect(enlarge_, &QAction::toggled, this, [this](bool on) {
        enlarged_ = on ? int(activePlane()) : -1;
        applyLayout();
        refresh(true);
        view(Plane(std::max(enlarged_, 0)))->setFocus();
    });
    actions_ << enlarge_;
    for (ImageView* v : {axial_, coronal_, sagittal_}) {
        connect(v, &ImageView::zoomedByUser, this, [this, v] { followZoom(v, false); });
        connect(v, &ImageView::fittedByUser, this, [this, v] { followZoom(v, true); });
    }

    connect(&planes_, &vm::MultiplanarController::layoutChanged, this, [this] {
        enlarged_ = -1;
        applyLayout();
        refresh(true);
    });
    connect(&planes_, &vm::MultiplanarController::crosshairChanged, this, [this] { refresh(); });
    connect(&planes_, &vm::MultiplanarController::planesChanged, this, [this] { refresh(true); });
    connect(&planes_, &vm::MultiplanarController::labelsChanged, this, [this] {
        repaintLabels(Plane::Coronal);
        repaintLabels(Plane::Sagittal);
    });
    applyLayout();
}

// The other views take the zoomed view's scale (each plane's pixels are drawn in the same
// units, so one scale is one size in mm), each keeping its crosshair where it is on screen; or
// fit as it was fitted.
void PlaneViews::followZoom(ImageView* source, bool fit)
{
    if (!prefs_.linkZoom || (!fit && planes_.layout() == Layout::Single))
        return;
    for (ImageView* o : {axial_, coronal_, sagittal_}) {
        if (o == source)
            continue;
        if (fit) {
            o->fitToWindow();
            continue;
        }
        if (o->zoom() <= 0)
            continue;
        const QPointF cross = o->crosshair();
        const QPointF anchor = cross.x() >= 0 ? o->imageToWidget(cross) : QPointF(o->width() / 2.0, o->height() / 2.0);
        o->zoomBy(source->zoom() / o->zoom(), anchor);
    }
}

ImageView* PlaneViews::view(Plane plane) const
{
    return plane == Plane::Axial ? axial_ : plane == Plane::Coronal ? coronal_ : sagittal_;
}

Plane PlaneViews::activePlane() const
{
    for (Plane p : {Plane::Coronal, Plane::Sagittal})
        if (view(p)->isVisible() && view(p)->hasFocus())
            return p;
    if (axial_->hasFocus())
        return Plane::Axial;
    for (Plane p : {Plane::Coronal, Plane::Sagittal})
        if (view(p)->isVisible() && view(p)->underMouse())
            return p;
    return Plane::Axial;
}

void PlaneViews::connectPlane(ImageView* v, Plane plane)
{
    connect(v, &ImageView::strokeStarted, this, [this, plane](QPointF p, Qt::KeyboardModifiers mods, bool secondary) {
        editing_.setEditPlane(plane, planes_.index(plane));
        editing_.press(p, mods & Qt::ShiftModifier, mods & Qt::AltModifier, secondary);
        this->view(plane)->setToolPath(editing_.toolPath(), editing_.toolPathClosed());
    });
    connect(v, &ImageView::strokeMoved, this, [this, plane](QPointF p) {
        editing_.move(p);
        if (!editing_.toolPath().isEmpty())
            this->view(plane)->setToolPath(editing_.toolPath(), editing_.toolPathClosed());
    });
    connect(v, &ImageView::strokeFinished, this, [this, plane] {
        editing_.release();
        this->view(plane)->setToolPath({});
    });
    connect(v, &ImageView::pointSampled, this, [this, plane](QPointF p) { planes_.setCrosshair(plane, p); });
    connect(v, &ImageView::sliceScrolled, this, [this, plane](int steps) { planes_.scroll(plane, steps); });
    connect(v, &ImageView::windowLevelDragged, &document_, &vm::DocumentController::dragWindow);
}

QString PlaneViews::cursorText(Plane plane, QPoint pixel) const
{
    core::Voxel v;
    if (!planes_.voxelUnder(plane, QPointF(pixel) + QPointF(0.5, 0.5), v))
        return QString();
    // The axial view's own labels hold the stroke being drawn; a frame of a video has no other.
    const int label = plane == Plane::Axial ? document_.labels().at(v.x, v.y) : document_.document().labels(v.z).at(v.x, v.y);
    const auto classes = preview_ ? preview_->classes() : std::vector<ml::ClassInfo>{};
    const QString name = label > 0 && label <= int(classes.size()) ? vm::Translations::term(vm::qs(classes[std::size_t(label - 1)].name))
                                                                   : tr("none");
    return document_.voxelText(v.x, v.y, v.z) + tr("   label %1").arg(name);
}

void PlaneViews::applyLayout()
{
    const Layout layout = planes_.layout();
    while (grid_->count() > 0)
        grid_->takeAt(0);
    if (layout == Layout::Single || !planes_.available())
        enlarged_ = -1;
    const QSignalBlocker quiet(enlarge_);
    enlarge_->setChecked(enlarged_ >= 0);
    enlarge_->setEnabled(layout != Layout::Single && planes_.available());
    const bool oblique = planes_.available() && core::Reslicer::oblique(document_.document().volume());
    patientAxes_->setEnabled(oblique);
    copy_->setEnabled(copies_.available());
    patientAxes_->setStatusTip(oblique ? tr("Coronal and sagittal planes of the patient, resampled from this oblique "
                                            "series; unticked, the series' own planes")
                                       : tr("This series lies along the patient's axes: its planes are the patient's."));
    if (enlarged_ >= 0) {
        for (int i = 0; i < 3; ++i) {
            grid_->setColumnStretch(i, i == 0 ? 1 : 0);
            grid_->setRowStretch(i, i == 0 ? 1 : 0);
        }
        grid_->addWidget(view(Plane(enlarged_)), 0, 0);
        for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
            view(p)->setVisible(int(p) == enlarged_);
        info_->hide();
        for (ImageView* v : {coronal_, sagittal_})
            v->setImage(QImage());
        return;
    }
    axial_->setVisible(true);
    grid_->addWidget(axial_, 0, 0);
    if (layout == Layout::Row) {
        grid_->addWidget(coronal_, 0, 1);
        grid_->addWidget(sagittal_, 0, 2);
    } else if (layout == Layout::Grid) {
        grid_->addWidget(sagittal_, 0, 1);
        grid_->addWidget(coronal_, 1, 1);
        grid_->addWidget(info_, 1, 0);
    }
    for (int i = 0; i < 3; ++i) {
        grid_->setColumnStretch(i, i == 0 || (layout == Layout::Row && i < 3) || (layout == Layout::Grid && i < 2) ? 1 : 0);
        grid_->setRowStretch(i, i == 0 || (layout == Layout::Grid && i == 1) ? 1 : 0);
    }
    coronal_->setVisible(layout != Layout::Single);
    sagittal_->setVisible(layout != Layout::Single);
    info_->setVisible(layout == Layout::Grid);
    for (int i = 0; i < 3 && i < actions_.size(); ++i)
        actions_[i]->setChecked(prefs_.planeLayout == i);
    const QString why = planes_.unavailableReason();
    for (QAction* a : actions_.mid(0, 3)) {
        a->setEnabled(why.isEmpty());
        a->setStatusTip(why);
        a->setToolTip(why.isEmpty() ? a->text().remove(QLatin1Char('&')) : why);
    }
    // Coronal and sagittal images get their size and transform anew.
    for (ImageView* v : {coronal_, sagittal_})
        v->setImage(QImage());
}

void PlaneViews::refresh(bool everything)
{
    if (everything) {
        // An oblique slice is turned as it lies, so the true planes cut it along its rows and columns.
        if (const QTransform t = planes_.transform(Plane::Axial); axial_->pixelTransform() != t)
            axial_->setPixelTransform(t);
        axial_->setEdgeLabels(planes_.edgeLetters(Plane::Axial));
    }
    showMeasurements();
    if (planes_.layout() == Layout::Single) {
        axial_->setCrosshair({-1, -1});
        return;
    }
    for (Plane plane : {Plane::Coronal, Plane::Sagittal}) {
        // Paging through axial slices moves only the crosshair line in these two views.
        int& shown = shown_[int(plane)];
        if ((!everything && shown == planes_.index(plane)) || (enlarged_ >= 0 && enlarged_ != int(plane)))
            continue;
        shown = planes_.index(plane);
        ImageView* v = view(plane);
        const vm::MultiplanarController::Layers layers = planes_.layers(plane, waitingOn(plane), true);
        const QImage& image = layers.image;
        if (v->overlay().size() != image.size()) {
            v->setImage(image);
            v->setRowBands(planes_.rowBands(plane));
            v->setPixelTransform(planes_.transform(plane));
            v->setEdgeLabels(planes_.edgeLetters(plane));
            v->setOverlayOpacity(axial_->overlayOpacity());
            v->setOverlayVisible(axial_->overlayVisible());
        } else {
            v->updateImage(image);
        }
        v->setInfoText(planes_.planeTitle(plane), QString());
        paintLayers(plane, layers);
    }
    showCrosshair();
}

void PlaneViews::repaintLabels(Plane plane)
{
    ImageView* v = view(plane);
    if (planes_.layout() == Layout::Single || v->overlay().isNull())
        return;
    paintLayers(plane, planes_.layers(plane, waitingOn(plane), false));
}

void PlaneViews::paintLayers(Plane plane, const vm::MultiplanarController::Layers& layers)
{
    ImageView* v = view(plane);
    const core::LabelMap& labels = layers.labels;
    if (labels.width != v->overlay().width() || labels.height != v->overlay().height())
        return;
    v->overlayChanged(vm::paintOverlay(v->overlay(), labels, legend_->overlayColours(), {0, 0, labels.width, labels.height},
                                       legend_->outlinedClasses(prefs_.outlines)));
    if (showsPreview(plane))
        v->setPreview(vm::PreviewController::planeImage(layers.waiting, legend_->overlayColours()));
}

bool PlaneViews::previewsOn(Plane plane) const
{
    // AI Assist's own preview holds the plane it is prompted in.
    return preview_ && planes_.layout() != Layout::Single && !(assist_->hasPrompts() && assist_->plane() == plane);
}

bool PlaneViews::showsPreview(Plane plane) const
{
    return previewsOn(plane) && !view(plane)->overlay().isNull();
}

core::Reslicer::SliceSource PlaneViews::waitingOn(Plane plane) const
{
    return previewsOn(plane) ? preview_->planeSource() : nullptr; // a null source when none waits
}

void PlaneViews::showPreview(Plane plane)
{
    if (showsPreview(plane))
        view(plane)->setPreview(preview_->planeImage(plane, planes_.index(plane), legend_->overlayColours()));
}

void PlaneViews::showPreviews()
{
    showPreview(Plane::Coronal);
    showPreview(Plane::Sagittal);
}

void PlaneViews::showPreviewsOf(const vm::PreviewController& preview, const vm::AssistController& assist)
{
    preview_ = &preview;
    assist_ = &assist;
    connect(&preview, &vm::PreviewController::previewChanged, this, [this] {
        repaintLabels(Plane::Coronal);
        repaintLabels(Plane::Sagittal);
    });
    // Prompts that move to another plane, or go: the waiting results show where they are not. (Not
    // on every new axial slice: these planes' results change with their own index, in refresh.)
    connect(&assist, &vm::AssistController::changed, this, &PlaneViews::showPreviews);
}

void PlaneViews::showCrosshair()
{
    const auto at = [this](Plane p) { return prefs_.showCrosshair ? planes_.crosshairIn(p) : QPointF(-1, -1); };
    const auto lines = [this](Plane p) { return planes_.crosshairLines(p); };
    axial_->setCrosshair(at(Plane::Axial), colourOf(Plane::Coronal), colourOf(Plane::Sagittal), lines(Plane::Axial));
    coronal_->setCrosshair(at(Plane::Coronal), colourOf(Plane::Axial), colourOf(Plane::Sagittal), lines(Plane::Coronal));
    sagittal_->setCrosshair(at(Plane::Sagittal), colourOf(Plane::Axial), colourOf(Plane::Coronal), lines(Plane::Sagittal));
    const core::Voxel c = planes_.crosshair();
    QString text;
    for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
        text += QStringLiteral("<p style='color:%1'>%2</p>").arg(colourOf(p).name(), planes_.planeTitle(p).toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>").arg(document_.pixelText(c.x, c.y).toHtmlEscaped());
    info_->setText(text);
}

bool PlaneViews::eventFilter(QObject* watched, QEvent* event)
{
    for (Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
        if (watched == view(plane) && ruler_->isChecked())
            return measurementUndoKey(measurements_, event) || measureEvent(view(plane), plane, event);
    return QWidget::eventFilter(watched, event);
}

bool PlaneViews::measureEvent(ImageView* v, Plane plane, QEvent* event)
{
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove && type != QEvent::MouseButtonRelease &&
        type != QEvent::MouseButtonDblClick)
        return false;
    auto* me = static_cast<QMouseEvent*>(event);
    const QPointF p = v->widgetToImage(me->position());
    // A ruler's end or line is taken within a few screen pixels, whatever the zoom.
    const double reach = QLineF(p, v->widgetToImage(me->position() + QPointF(6, 0))).length();
    if (type == QEvent::MouseButtonDblClick) { // names the one under the pointer; never a stroke
        const QString key = measurements_.at(plane, p, reach);
        if (me->button() == Qt::LeftButton && !key.isEmpty())
            measurements_.askName(key);
        return me->button() == Qt::LeftButton;
    }
    const auto endAt = [&] {
        return me->modifiers() & Qt::ShiftModifier ? std::nullopt : measurements_.rulerEndAt(plane, p, reach);
    };
    if (type == QEvent::MouseButtonPress) {
        if (me->button() != Qt::LeftButton || (me->modifiers() & Qt::ControlModifier))
            return false; // pan, window/level and the crosshair work as ever
        measuring_ = true;
        measuringOn_ = plane;
        area_ = me->modifiers() & Qt::ShiftModifier;
        const auto end = endAt();
        moving_ = end ? end->key : QString();
        movingFirst_ = end && end->first;
        measure_ = end ? QPolygonF{end->fixed, end->moved} : QPolygonF{p};
        movedFrom_ = measure_;
    } else if (!measuring_) {
        if (type == QEvent::MouseMove && me->buttons() == Qt::NoButton && prefs_.showMeasurements) {
            if (endAt())
                v->setCursor(Qt::SizeAllCursor);
            else
                v->unsetCursor();
        }
        return false;
    } else if (area_) {
        measure_ << p;
    } else {
        measure_ = {measure_.first(), p};
    }
    if (type != QEvent::MouseButtonRelease) {
        measureText_ = measureLabel(plane, measure_, area_, false);
        showMeasurements();
        return true;
    }
    measuring_ = false;
    measureText_ = measureLabel(plane, measure_, area_, true);
    // A click without a drag measures nothing and keeps nothing (or moves nothing).
    const QRectF extent = measure_.boundingRect();
    if (!moving_.isEmpty()) {
        const QPolygonF points = movingFirst_ ? QPolygonF{measure_.last(), measure_.first()} : measure_;
        if (measure_ != movedFrom_ && extent.width() + extent.height() > 0)
            measurements_.move(moving_, plane, points);
        moving_.clear();
    } else if (measure_.size() >= 2 && extent.width() + extent.height() > 0) {
        measurements_.add(plane, measure_, area_);
    }
    showMeasurements();
    Q_EMIT measured(measureText_);
    return true;
}

QString PlaneViews::measureLabel(Plane plane, const QPolygonF& points, bool closed, bool values) const
{
    if (!closed)
        return measurements_.valueText(planes_.distanceMm(plane, points.first(), points.last()), false);
    QString text = measurements_.valueText(planes_.areaMm2(plane, points), true);
    // The region's values once it is closed, as a reading station gives a lesion's mean HU.
    const core::RegionStats r = values ? planes_.regionStats(plane, points) : core::RegionStats{};
    if (r.pixels > 0) {
        const QString valueUnit = vm::unitSuffix(core::valueUnit(document_.image()));
        text += tr("\nmean %1 ± %2%3 (%4 to %5), %6 px")
                    .arg(r.mean, 0, 'f', 1).arg(r.sd, 0, 'f', 1).arg(valueUnit).arg(r.min, 0, 'g', 6).arg(r.max, 0, 'g', 6)
                    .arg(qulonglong(r.pixels));
    }
    return text;
}

void PlaneViews::showMeasurements()
{
    for (Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
        ImageView* v = view(plane);
        if (plane != Plane::Axial && planes_.layout() == Layout::Single)
            continue;
        QList<ImageView::Mark> marks;
        for (const auto& m : prefs_.showMeasurements ? measurements_.on(plane) : std::vector<vm::MeasurementController::Shown>()) {
            if (measuring_ && m.key == moving_) // drawn below where its end is now
                continue;
            auto label = labels_.find(m.key);
            if (label == labels_.end() || label->first != m.points) // new, moved or put back: measured on sight
                label = labels_.insert(m.key, {m.points, measureLabel(plane, m.points, m.closed, true)});
            marks.append({m.points, m.closed, m.label.isEmpty() ? label->second : tr("%1: %2").arg(m.label, label->second)});
        }
        if (measuring_ && measuringOn_ == plane) // also when the kept ones change meanwhile (a team member's)
            marks.append({measure_, area_, measureText_});
        if (!marks.isEmpty() || v->measurementCount() > 0)
            v->setMeasurements(marks);
    }
}

} // namespace delineo::ui
