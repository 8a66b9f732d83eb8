#include "delineo/ui/ImageView.h"
#include "delineo/core/Reslice.h"

#include <QDragEnterEvent>
#include <QFontMetrics>
#include <QMimeData>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace delineo::ui {

namespace {

// How many lines of a corner's text a letter centred on that edge steps past: all of them when
// one runs under it (placed between two of the lines, the letter would read as part of one).
int linesReachingMiddle(const QFontMetrics& fm, const QString& corner, const QRect& box, const QString& letter)
{
    if (corner.isEmpty())
        return 0;
    const int letterLeft = box.center().x() - fm.horizontalAdvance(letter) / 2 - fm.horizontalAdvance(QLatin1Char(' '));
    const QStringList lines = corner.split(QLatin1Char('\n'));
    for (const QString& line : lines)
        if (box.left() + fm.horizontalAdvance(line) >= letterLeft)
            return int(lines.size());
    return 0;
}

} // namespace

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
    smoothedStale_ = true;
    overlay_ = QImage(rgb.size(), QImage::Format_ARGB32_Premultiplied);
    overlay_.fill(Qt::transparent);
    fitToWindow();
}

void ImageView::updateImage(const QImage& rgb)
{
    image_ = rgb;
    smoothedStale_ = true;
    update();
}

void ImageView::overlayChanged(const QRect& r)
{
    if (r.isEmpty())
        return;
    const QRectF img(r.topLeft(), QSizeF(r.width(), r.height()));
    const QPolygonF corners{imageToWidget(img.topLeft()), imageToWidget(img.topRight()), imageToWidget(img.bottomLeft()),
                            imageToWidget(img.bottomRight())};
    update(corners.boundingRect().toAlignedRect().adjusted(-2, -2, 2, 2));
}

void ImageView::setRowBands(const std::vector<double>& bands)
{
    bands_ = bands;
    smoothedStale_ = true;
}

void ImageView::setSmoothBetweenRows(bool on)
{
    if (smoothRows_ == on)
        return;
    smoothRows_ = on;
    update();
}

int ImageView::smoothRowsPerRow() const
{
    // Even rows drawn shrunk are already blended by the painter's bilinear filter (between row
    // centres: the same linear interpolation), so only bands or a magnified view need rows made.
    if (!smoothRows_ || pixel_.isIdentity() || (bands_.empty() && scale_ < 1.0))
        return 1;
    const double across = std::hypot(pixel_.m11(), pixel_.m12()), down = std::hypot(pixel_.m21(), pixel_.m22());
    // Rows about as tall as the columns are wide: the in-plane pixels stay what they are.
    return across > 0 ? std::clamp(int(std::lround(down / across)), 1, 16) : 1;
}

const QImage& ImageView::smoothedImage(int perRow) const
{
    if (!smoothedStale_ && smoothed_.height() == image_.height() * perRow)
        return smoothed_;
    smoothedStale_ = false;
    const QImage src = image_.depth() == 32 ? image_ : image_.convertToFormat(QImage::Format_RGB32);
    smoothed_ = QImage(src.width(), src.height() * perRow, src.format());
    const std::size_t bytes = std::size_t(src.width()) * 4;
    const auto blends = core::sliceRowBlends(bands_, src.height(), perRow);
    for (int r = 0; r < smoothed_.height(); ++r) {
        const core::RowBlend& b = blends[std::size_t(r)];
        const uchar *a = src.constScanLine(b.from), *c = src.constScanLine(b.to);
        uchar* out = smoothed_.scanLine(r);
        const int wa = 256 - b.weight, wc = b.weight;
        for (std::size_t i = 0; i < bytes; ++i)
            out[i] = uchar((a[i] * wa + c[i] * wc + 128) >> 8);
    }
    return smoothed_;
}

void ImageView::setPixelTransform(const QTransform& transform)
{
    pixel_ = QTransform(transform.m11(), transform.m12(), transform.m21(), transform.m22(), 0, 0);
    smoothedStale_ = true;
    fitToWindow();
}

void ImageView::setCrosshair(QPointF imagePoint, const QColor& horizontal, const QColor& vertical,
                             std::array<QPointF, 2> lines)
{
    crosshair_ = imagePoint;
    crossLines_ = lines;
    crossH_ = horizontal;
    crossV_ = vertical;
    update();
}

void ImageView::setMeasurements(const QList<Mark>& marks)
{
    measures_ = marks;
    update();
}

void ImageView::setOverlayOpacity(double opacity)
{
    opacity_ = std::clamp(opacity, 0.0, 1.0);
    update();
    Q_EMIT overlaySettingsChanged();
}

void ImageView::setOverlayVisible(bool visible)
{
    overlayVisible_ = visible;
    update();
    Q_EMIT overlaySettingsChanged();
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

QString ImageView::bottomText() const
{
    return infoBottom_ + QStringLiteral("   Zoom %1%").arg(int(std::lround(scale_ * 100)));
}

std::array<QRect, 4> ImageView::edgeLabelRects() const
{
    std::array<QRect, 4> r;
    if (edgeLabels_.size() != 4)
        return r;
    const QFontMetrics fm = fontMetrics();
    const QRect box = rect().adjusted(8, 6, -8, -6);
    const int step = fm.lineSpacing();
    auto sized = [&](const QString& s) { return QSize(fm.horizontalAdvance(s), fm.height()); };
    const QSize left = sized(edgeLabels_[0]), right = sized(edgeLabels_[1]), top = sized(edgeLabels_[2]), bottom = sized(edgeLabels_[3]);
    r[0] = QRect(QPoint(box.left(), box.center().y() - left.height() / 2), left);
    r[1] = QRect(QPoint(box.right() + 1 - right.width(), box.center().y() - right.height() / 2), right);
    // In a narrow view the corner text reaches the middle: the letter moves past its lines.
    const int below = step * linesReachingMiddle(fm, infoTop_, box, edgeLabels_[2]);
    r[2] = QRect(QPoint(box.center().x() - top.width() / 2, box.top() + below), top);
    const int above = step * linesReachingMiddle(fm, bottomText(), box, edgeLabels_[3]);
    r[3] = QRect(QPoint(box.center().x() - bottom.width() / 2, box.bottom() + 1 - bottom.height() - above), bottom);
    return r;
}

void ImageView::setEdgeLabels(const QStringList& leftRightTopBottom)
{
    if (edgeLabels_ == leftRightTopBottom)
        return;
    edgeLabels_ = leftRightTopBottom;
    update();
}

void ImageView::fitToWindow()
{
    fitMode_ = true;
    if (image_.isNull()) {
        update();
        return;
    }
    // The image's bounding box on screen (a flip or shear moves it off the origin), centred.
    const QRectF box = pixel_.mapRect(QRectF(0, 0, image_.width(), image_.height()));
    scale_ = std::min(width() / box.width(), height() / box.height());
    offset_ = QPointF(width() / 2.0, height() / 2.0) - box.center() * scale_;
    update();
}

void ImageView::zoomBy(double factor, QPointF anchor)
{
    if (image_.isNull())
        return;
    const QPointF img = widgetToImage(anchor);
    scale_ = std::clamp(scale_ * factor, 0.05, 40.0);
    offset_ = anchor - pixel_.map(QPointF(img.x(), core::bandedRow(bands_, img.y()))) * scale_;
    fitMode_ = false;
    update();
}

QPointF ImageView::widgetToImage(QPointF p) const
{
    const QPointF q = pixel_.inverted().map((p - offset_) / scale_);
    return {q.x(), core::unbandedRow(bands_, q.y())};
}

QPointF ImageView::imageToWidget(QPointF p) const
{
    return pixel_.map(QPointF(p.x(), core::bandedRow(bands_, p.y()))) * scale_ + offset_;
}

QRectF ImageView::imageRectInWidget() const
{
    return QRectF(offset_, QSizeF(image_.width() * scale_, image_.height() * scale_));
}

void ImageView::setPreview(const QImage& preview)
{
    if (preview.isNull() && preview_.isNull())
        return; // nothing waits, as before: no repaint
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
    paintImages(p, e->rect());
    paintLinks(p);
    // Shadowed text stays readable over bright tissue.
    const QString bottom = bottomText();
    for (const auto& [offset, colour] : {std::pair{QPoint(1, 1), QColor(0, 0, 0)}, std::pair{QPoint(0, 0), QColor(235, 235, 200)}}) {
        p.setPen(colour);
        const QRect text = rect().adjusted(8, 6, -8, -6).translated(offset);
        p.drawText(text, Qt::AlignTop | Qt::AlignLeft, infoTop_);
        p.drawText(text, Qt::AlignBottom | Qt::AlignLeft, bottom);
        const std::array<QRect, 4> letters = edgeLabelRects();
        for (std::size_t i = 0; i < 4 && edgeLabels_.size() == 4; ++i)
            p.drawText(letters[i].translated(offset), Qt::AlignCenter, edgeLabels_[int(i)]);
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
        if (!pixel_.isIdentity()) {
            // The brush covers pixels: on an anisotropic plane that is an ellipse or a parallelogram.
            const QPointF c = widgetToImage(mouse_);
            const double k = brushRadius_ + 0.5;
            QPolygonF shape;
            for (int i = 0; i < 48; ++i) {
                const double t = i * 2 * M_PI / 48;
                const QPointF q = cursor_ == Cursor::Square ? QPointF(std::clamp(1.5 * std::cos(t), -1.0, 1.0), std::clamp(1.5 * std::sin(t), -1.0, 1.0))
                                                            : QPointF(std::cos(t), std::sin(t));
                shape << imageToWidget(c + q * k);
            }
            p.drawPolygon(shape);
        } else if (cursor_ == Cursor::Square)
            p.drawRect(QRectF(mouse_.x() - r, mouse_.y() - r, 2 * r, 2 * r));
        else
            p.drawEllipse(mouse_, r, r);
    }
}

void ImageView::paintImages(QPainter& p, const QRect& exposedRect) const
{
    // Nearest-neighbour when magnified: clinicians must see real pixels, not blur.
    p.setRenderHint(QPainter::SmoothPixmapTransform, scale_ < 1.0);
    if (!pixel_.isIdentity()) {
        // A resliced plane: drawn whole through its transform (a sheared, flipped parallelogram).
        p.save();
        const QTransform toWidget = pixel_ * QTransform(scale_, 0, 0, scale_, offset_.x(), offset_.y());
        const int perRow = smoothRowsPerRow();
        if (perRow > 1) {
            // The blended rows span the same even rows as the bands, `perRow` to each.
            p.setTransform(QTransform(1, 0, 0, 1.0 / perRow, 0, 0) * toWidget);
            const QImage& smooth = smoothedImage(perRow);
            p.drawImage(QPointF(0, 0), smooth);
        }
        // Rows in bands of their own heights (unevenly spaced slices) are drawn one by one.
        const int rows = bands_.size() == 2 * std::size_t(image_.height()) + 1 ? image_.height() : 0;
        for (int z = 0; z < std::max(rows, 1); ++z) {
            QRectF band(0, 0, image_.width(), image_.height());
            QTransform place;
            if (rows > 0) {
                band = QRectF(0, z, image_.width(), 1);
                const double top = bands_[2 * std::size_t(z)], height = bands_[2 * std::size_t(z) + 2] - top;
                place = QTransform(1, 0, 0, height, 0, top - z * height);
            }
            p.setTransform(place * toWidget);
            paintLayers(p, band, band, perRow == 1);
        }
        p.restore();
        return;
    }
    // Draw only the exposed part: keeps brush repaint cost proportional to the brush.
    const QRectF exposed = QRectF(exposedRect).intersected(imageRectInWidget());
    if (exposed.isEmpty())
        return;
    paintLayers(p, exposed, QRectF(widgetToImage(exposed.topLeft()), widgetToImage(exposed.bottomRight())));
}

void ImageView::paintLayers(QPainter& p, const QRectF& target, const QRectF& source, bool withImage) const
{
    // The image, the labels at their opacity, then an AI result waiting for review.
    const bool overlay = overlayVisible_ && !overlay_.isNull(), preview = !preview_.isNull();
    if (withImage && (overlay || preview)) {
        // Each layer drawn is a scaled (shrunk: filtered; a turned slice: rotated) pass over the
        // view; laid on one another first, at the image's own size, they make one such pass.
        const QRect part = source.toAlignedRect().intersected(image_.rect());
        if (part.isEmpty())
            return;
        QImage layered = image_.copy(part).convertToFormat(QImage::Format_RGB32);
        {
            QPainter lp(&layered);
            lp.translate(-part.topLeft());
            paintLayers(lp, part, part, false);
        }
        p.drawImage(target, layered, source.translated(-part.topLeft()));
        return;
    }
    if (withImage)
        p.drawImage(target, image_, source);
    if (overlay) {
        p.setOpacity(opacity_);
        p.drawImage(target, overlay_, source);
        p.setOpacity(1.0);
    }
    if (preview)
        p.drawImage(target, preview_, source);
}

void ImageView::paintLinks(QPainter& p) const
{
    p.save();
    if (crosshair_.x() >= 0 && !image_.isNull()) {
        // Through the centre of the crosshair's pixel, across the whole image, in dashes that let
        // the anatomy under them show.
        const QPointF c = crosshair_;
        for (const auto& [d, colour] : {std::pair{crossLines_[0], crossH_}, std::pair{crossLines_[1], crossV_}}) {
            // The line c + t d clipped to the image.
            double lo = -1e9, hi = 1e9;
            for (const auto& [at, step, end] : {std::tuple{c.x(), d.x(), double(image_.width())},
                                                std::tuple{c.y(), d.y(), double(image_.height())}}) {
                if (std::abs(step) < 1e-12)
                    continue;
                const double t0 = (0 - at) / step, t1 = (end - at) / step;
                lo = std::max(lo, std::min(t0, t1));
                hi = std::min(hi, std::max(t0, t1));
            }
            if (lo >= hi)
                continue;
            p.setPen(QPen(colour.isValid() ? colour : QColor(255, 220, 0), 1.0, Qt::DashLine));
            p.drawLine(imageToWidget(c + lo * d), imageToWidget(c + hi * d));
        }
    }
    p.setRenderHint(QPainter::Antialiasing);
    labelBoxes_.clear();
    for (const Mark& mark : measures_) {
        if (mark.points.size() < 2)
            continue;
        QPolygonF w;
        for (const QPointF& q : mark.points)
            w << imageToWidget(q);
        p.setPen(QPen(QColor(90, 220, 255), 1.5));
        p.setBrush(mark.closed ? QColor(90, 220, 255, 40) : QColor(Qt::transparent));
        if (mark.closed) {
            p.drawPolygon(w);
        } else {
            p.drawPolyline(w);
            // End ticks across the ruler, as reading stations draw them: where it starts and ends.
            const QPointF d = w.last() - w.first();
            const double len = std::hypot(d.x(), d.y());
            if (len > 0) {
                const QPointF n(-d.y() * 5 / len, d.x() * 5 / len);
                for (const QPointF& end : {w.first(), w.last()})
                    p.drawLine(end - n, end + n);
            }
        }
        // Beside the drawing, kept inside the view (a region's values take a second line).
        const QRectF box = p.fontMetrics().boundingRect(QRect(0, 0, 2000, 400), Qt::AlignLeft | Qt::AlignTop, mark.label);
        QPointF at = w.boundingRect().bottomRight() + QPointF(6, -p.fontMetrics().ascent());
        at.setX(std::clamp(at.x(), 2.0, std::max(2.0, width() - box.width() - 4)));
        at.setY(std::clamp(at.y(), 2.0, std::max(2.0, height() - box.height() - 4)));
        // Clear of the labels already drawn (two measurements ending close together): below the one
        // in the way, or above it where the view ends.
        QRectF placed(at, box.size());
        for (int tries = 0; tries < 2 * labelBoxes_.size(); ++tries) {
            const auto hit = std::find_if(labelBoxes_.begin(), labelBoxes_.end(),
                                          [&](const QRectF& other) { return other.intersects(placed); });
            if (hit == labelBoxes_.end())
                break;
            placed.moveTop(hit->bottom() + 2);
            if (placed.bottom() > height() - 4)
                placed.moveBottom(hit->top() - 2);
        }
        labelBoxes_.append(placed);
        at = placed.topLeft();
        p.setPen(QColor(0, 0, 0));
        p.drawText(QRectF(at + QPointF(1, 1), box.size()), Qt::AlignLeft | Qt::AlignTop, mark.label);
        p.setPen(QColor(90, 220, 255));
        p.drawText(QRectF(at, box.size()), Qt::AlignLeft | Qt::AlignTop, mark.label);
    }
    p.restore();
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
        // Corner by corner: on a coronal or sagittal view the box is turned and may be sheared.
        const QRectF& b = marks_.box;
        const QPolygonF box{imageToWidget(b.topLeft()), imageToWidget(b.topRight()), imageToWidget(b.bottomRight()),
                            imageToWidget(b.bottomLeft())};
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
        p.drawPolygon(box);
        p.setPen(QPen(green, 1.5, Qt::DashLine));
        p.drawPolygon(box);
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
    Q_EMIT zoomedByUser();
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
        drag_ = Drag::Sample;
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
    case Drag::Sample:
        Q_EMIT pointSampled(widgetToImage(e->position()));
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
    else if (e->key() == Qt::Key_F) {
        fitToWindow();
        Q_EMIT fittedByUser();
    } else if (e->key() == Qt::Key_Plus || e->key() == Qt::Key_Equal || e->key() == Qt::Key_Minus) {
        zoomBy(e->key() == Qt::Key_Minus ? 0.8 : 1.25, mouse_.x() >= 0 ? mouse_ : QPointF(width() / 2.0, height() / 2.0));
        Q_EMIT zoomedByUser();
    }
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
