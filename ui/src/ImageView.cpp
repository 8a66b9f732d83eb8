#include "delineo/ui/ImageView.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace delineo::ui {

ImageView::ImageView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
}

void ImageView::setImage(const QImage& rgb)
{
    image_ = rgb;
    overlay_ = QImage(rgb.size(), QImage::Format_ARGB32_Premultiplied);
    overlay_.fill(Qt::transparent);
    fitToWindow();
}

void ImageView::updateImage(const QImage& rgb)
{
    image_ = rgb;
    update();
}

void ImageView::overlayChanged(const QRect& r)
{
    if (r.isEmpty())
        return;
    const QRectF w(imageToWidget(r.topLeft()), imageToWidget(QPointF(r.right() + 1, r.bottom() + 1)));
    update(w.toAlignedRect().adjusted(-2, -2, 2, 2));
}

void ImageView::setOverlayOpacity(double opacity)
{
    opacity_ = std::clamp(opacity, 0.0, 1.0);
    update();
}

void ImageView::setOverlayVisible(bool visible)
{
    overlayVisible_ = visible;
    update();
}

void ImageView::setBrushRadius(int pixels)
{
    brushRadius_ = pixels;
    update();
}

void ImageView::setPlaceholderText(const QString& text)
{
    placeholder_ = text;
    update();
}

void ImageView::setInfoText(const QString& topLeft, const QString& bottomLeft)
{
    infoTop_ = topLeft;
    infoBottom_ = bottomLeft;
    update();
}

void ImageView::fitToWindow()
{
    fitMode_ = true;
    if (image_.isNull()) {
        update();
        return;
    }
    scale_ = std::min(width() / double(image_.width()), height() / double(image_.height()));
    offset_ = QPointF((width() - image_.width() * scale_) / 2.0, (height() - image_.height() * scale_) / 2.0);
    update();
}

void ImageView::zoomBy(double factor, QPointF anchor)
{
    if (image_.isNull())
        return;
    const QPointF img = widgetToImage(anchor);
    scale_ = std::clamp(scale_ * factor, 0.05, 40.0);
    offset_ = anchor - img * scale_;
    fitMode_ = false;
    update();
}

QPointF ImageView::widgetToImage(QPointF p) const { return (p - offset_) / scale_; }
QPointF ImageView::imageToWidget(QPointF p) const { return p * scale_ + offset_; }

QRectF ImageView::imageRectInWidget() const
{
    return QRectF(offset_, QSizeF(image_.width() * scale_, image_.height() * scale_));
}

void ImageView::setPreview(const QImage& preview)
{
    preview_ = preview;
    update();
}

void ImageView::paintEvent(QPaintEvent* e)
{
    QPainter p(this);
    p.fillRect(e->rect(), QColor(24, 24, 28));
    if (image_.isNull()) {
        p.setPen(QColor(170, 170, 180));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
        return;
    }
    // Nearest-neighbour when magnified: clinicians must see real pixels, not blur.
    p.setRenderHint(QPainter::SmoothPixmapTransform, scale_ < 1.0);
    const QRectF target = imageRectInWidget();
    // Draw only the exposed part: keeps brush repaint cost proportional to the brush.
    const QRectF exposed = QRectF(e->rect()).intersected(target);
    if (!exposed.isEmpty()) {
        const QRectF src(widgetToImage(exposed.topLeft()), widgetToImage(exposed.bottomRight()));
        p.drawImage(exposed, image_, src);
        if (overlayVisible_ && !overlay_.isNull()) {
            p.setOpacity(opacity_);
            p.drawImage(exposed, overlay_, src);
            p.setOpacity(1.0);
        }
        if (!preview_.isNull())
            p.drawImage(exposed, preview_, src);
    }
    // Shadowed text stays readable over bright tissue.
    const QString bottom = infoBottom_ + QStringLiteral("   Zoom %1%").arg(int(std::lround(scale_ * 100)));
    for (const auto& [offset, colour] : {std::pair{QPoint(1, 1), QColor(0, 0, 0)}, std::pair{QPoint(0, 0), QColor(235, 235, 200)}}) {
        p.setPen(colour);
        const QRect text = rect().adjusted(8, 6, -8, -6).translated(offset);
        p.drawText(text, Qt::AlignTop | Qt::AlignLeft, infoTop_);
        p.drawText(text, Qt::AlignBottom | Qt::AlignLeft, bottom);
    }
    if (toolPath_.size() > 1) {
        QPolygonF w;
        for (const QPointF& q : toolPath_)
            w << imageToWidget(q);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 230, 0), 1.5, Qt::DashLine));
        p.setBrush(toolPathClosed_ ? QColor(255, 230, 0, 40) : QColor(Qt::transparent));
        if (toolPathClosed_)
            p.drawPolygon(w);
        else
            p.drawPolyline(w);
    }
    paintPromptMarks(p);
    if (mouse_.x() >= 0 && drag_ != Drag::Pan && drag_ != Drag::WindowLevel && cursor_ != Cursor::None) {
        const double r = (brushRadius_ + 0.5) * scale_;
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 255, 255, 200), 1.0));
        p.setBrush(Qt::NoBrush);
        if (cursor_ == Cursor::Square)
            p.drawRect(QRectF(mouse_.x() - r, mouse_.y() - r, 2 * r, 2 * r));
        else
            p.drawEllipse(mouse_, r, r);
    }
}

void ImageView::setBrushCursor(Cursor cursor)
{
    cursor_ = cursor;
    update();
}

void ImageView::setToolPath(const QPolygonF& imagePoints, bool closed)
{
    toolPath_ = imagePoints;
    toolPathClosed_ = closed;
    update();
}

void ImageView::setPromptMarks(const PromptMarks& marks)
{
    marks_ = marks;
    update();
}

void ImageView::paintPromptMarks(QPainter& p) const
{
    if (marks_.empty())
        return;
    // Fixed screen size whatever the zoom, with a dark rim to stand out on any tissue.
    const QColor green(40, 220, 90), red(240, 60, 60);
    p.setRenderHint(QPainter::Antialiasing);
    if (!marks_.box.isNull()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
        p.drawRect(QRectF(imageToWidget(marks_.box.topLeft()), imageToWidget(marks_.box.bottomRight())));
        p.setPen(QPen(green, 1.5, Qt::DashLine));
        p.drawRect(QRectF(imageToWidget(marks_.box.topLeft()), imageToWidget(marks_.box.bottomRight())));
    }
    for (const auto& [strokes, colour] : {std::pair{&marks_.positiveStrokes, green}, std::pair{&marks_.negativeStrokes, red}})
        for (const QPolygonF& s : *strokes) {
            QPolygonF w;
            for (const QPointF& q : s)
                w << imageToWidget(q);
            p.setPen(QPen(colour, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(w);
        }
    for (const auto& [points, colour] : {std::pair{&marks_.positive, green}, std::pair{&marks_.negative, red}})
        for (const QPointF& q : *points) {
            p.setPen(QPen(QColor(0, 0, 0, 200), 1.5));
            p.setBrush(colour);
            p.drawEllipse(imageToWidget(q), 5.0, 5.0);
        }
}

void ImageView::resizeEvent(QResizeEvent*)
{
    if (fitMode_)
        fitToWindow();
}

void ImageView::wheelEvent(QWheelEvent* e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (wheelSlices_ && !(e->modifiers() & Qt::ControlModifier)) {
        if (const int n = int(std::lround(-steps)))
            Q_EMIT sliceScrolled(n);
        return;
    }
    zoomBy(std::pow(1.2, steps), e->position());
}

void ImageView::mousePressEvent(QMouseEvent* e)
{
    dragLast_ = e->position();
    spacePanned_ = spacePanned_ || spaceHeld_;
    if (e->button() == Qt::MiddleButton || (e->button() == Qt::LeftButton && spaceHeld_)) {
        drag_ = Drag::Pan;
    } else if (e->button() == Qt::RightButton && rightToTool_ && !image_.isNull()) {
        drag_ = Drag::Paint;
        Q_EMIT strokeStarted(widgetToImage(e->position()), e->modifiers(), true);
    } else if (e->button() == Qt::RightButton) {
        drag_ = Drag::WindowLevel;
    } else if (e->button() == Qt::LeftButton && !image_.isNull() && (e->modifiers() & Qt::ControlModifier)) {
        Q_EMIT pointSampled(widgetToImage(e->position()));
    } else if (e->button() == Qt::LeftButton && !image_.isNull()) {
        drag_ = Drag::Paint;
        Q_EMIT strokeStarted(widgetToImage(e->position()), e->modifiers(), false);
    }
}

void ImageView::mouseMoveEvent(QMouseEvent* e)
{
    const QPointF old = mouse_;
    mouse_ = e->position();
    const QPointF delta = e->position() - dragLast_;
    dragLast_ = e->position();
    switch (drag_) {
    case Drag::Pan:
        offset_ += delta;
        fitMode_ = false;
        update();
        return;
    case Drag::WindowLevel:
        Q_EMIT windowLevelDragged(delta.x(), delta.y());
        return;
    case Drag::Paint:
        Q_EMIT strokeMoved(widgetToImage(e->position()));
        break;
    case Drag::None:
        break;
    }
    const QPointF ip = widgetToImage(e->position());
    const QPoint pixel(int(std::floor(ip.x())), int(std::floor(ip.y())));
    Q_EMIT cursorMoved(pixel, !image_.isNull() && QRect(QPoint(0, 0), image_.size()).contains(pixel));
    // Repaint only around the old and new brush outline.
    const double r = (brushRadius_ + 1.5) * scale_ + 2;
    update(QRectF(old.x() - r, old.y() - r, 2 * r, 2 * r).toAlignedRect());
    update(QRectF(mouse_.x() - r, mouse_.y() - r, 2 * r, 2 * r).toAlignedRect());
}

void ImageView::mouseReleaseEvent(QMouseEvent*)
{
    if (drag_ == Drag::Paint)
        Q_EMIT strokeFinished();
    drag_ = Drag::None;
}

void ImageView::keyPressEvent(QKeyEvent* e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = true;
        spacePanned_ = false;
    }
    else if (e->key() == Qt::Key_F)
        fitToWindow();
    else if (e->key() == Qt::Key_Plus || e->key() == Qt::Key_Equal)
        zoomBy(1.25, mouse_.x() >= 0 ? mouse_ : QPointF(width() / 2.0, height() / 2.0));
    else if (e->key() == Qt::Key_Minus)
        zoomBy(0.8, mouse_.x() >= 0 ? mouse_ : QPointF(width() / 2.0, height() / 2.0));
    else
        QWidget::keyPressEvent(e);
}

void ImageView::keyReleaseEvent(QKeyEvent* e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = false;
        if (!spacePanned_)
            Q_EMIT spaceTapped();
    }
    QWidget::keyReleaseEvent(e);
}

void ImageView::leaveEvent(QEvent*)
{
    mouse_ = QPointF(-1, -1);
    update();
}

void ImageView::dragEnterEvent(QDragEnterEvent* e)
{
    const auto urls = e->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && (!dropFilter_ || dropFilter_(urls.first().toLocalFile())))
        e->acceptProposedAction();
}

void ImageView::dropEvent(QDropEvent* e)
{
    const auto urls = e->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        Q_EMIT fileDropped(urls.first().toLocalFile());
}

} // namespace delineo::ui
