#pragma once
#include <QImage>
#include <QPolygonF>
#include <QTransform>
#include <QVector>
#include <QStringList>
#include <QWidget>

#include <array>
#include <functional>
#include <vector>

class QPainter;

namespace delineo::ui {

// AI Assist prompts as the view draws them (image coordinates): green for positive, red for
// negative, the box dashed.
struct PromptMarks {
    QVector<QPointF> positive, negative;
    QRectF box;
    QVector<QPolygonF> positiveStrokes, negativeStrokes;
    bool empty() const { return positive.isEmpty() && negative.isEmpty() && box.isNull() && positiveStrokes.isEmpty() && negativeStrokes.isEmpty(); }
};

// Shows an image with a label overlay; zoom to cursor (wheel), pan (middle drag or
// Space + drag), fit (F). Left drag paints, Ctrl+click samples, right drag adjusts window/level (or prompts, for AI Assist). Knows nothing
// about label semantics: it reports pointer positions in image pixel coordinates.
class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& rgb);       // resets the overlay and fits
    void updateImage(const QImage& rgb);    // same size, keeps zoom
    QImage& overlay() { return overlay_; }  // ARGB32 premultiplied, image size
    void overlayChanged(const QRect& imageRect);
    void setOverlayOpacity(double opacity);
    double overlayOpacity() const { return opacity_; }
    void setOverlayVisible(bool visible);
    // An AI result waiting for accept/reject, drawn opaque over the overlay (null: none).
    void setPreview(const QImage& preview);
    bool overlayVisible() const { return overlayVisible_; }
    void setBrushRadius(int pixels);
    int brushRadius() const { return brushRadius_; }
    QTransform pixelTransform() const { return pixel_; }
    // The pointer outline: a circle or square of the brush size, or none (lasso, fill).
    enum class Cursor { Round, Square, None };
    void setBrushCursor(Cursor cursor);
    // A path a tool is drawing (the lasso, a box, a scribble), in image coordinates; empty: none.
    void setToolPath(const QPolygonF& imagePoints, bool closed = true);
    void setPromptMarks(const PromptMarks& marks);
    // The right button goes to the tool (AI Assist's negative prompts) instead of window/level.
    void setRightButtonToTool(bool on) { rightToTool_ = on; }
    // Stacks: the wheel scrolls slices and Ctrl+wheel zooms; single images: the wheel zooms.
    void setWheelScrollsSlices(bool on) { wheelSlices_ = on; }
    void setPlaceholderText(const QString& text);
    // Which dropped paths the view takes (fileDropped); all local paths when unset.
    void setDropFilter(std::function<bool(const QString&)> accepts) { dropFilter_ = std::move(accepts); }
    // Corner annotations, as on a reading workstation: top-left and bottom-left.
    void setInfoText(const QString& topLeft, const QString& bottomLeft);
    // The patient's directions at the left, right, top and bottom edges, drawn in the middle of
    // each edge (none when empty).
    void setEdgeLabels(const QStringList& leftRightTopBottom);
    QStringList edgeLabels() const { return edgeLabels_; }
    // Where the four letters are drawn, in widget pixels: the top and bottom ones step past the
    // lines of corner text that would run under them.
    std::array<QRect, 4> edgeLabelRects() const;

    // How one image pixel lies on screen (no translation): aspect from the spacing, a tilt's shear,
    // a flip to put the head up. Identity for an axial slice or a frame. Refits the view.
    void setPixelTransform(const QTransform& transform);
    // Rows drawn in bands of their own heights before the transform (core::sliceBands: unevenly
    // spaced slices on a coronal or sagittal view); empty for even rows. Set before the transform.
    void setRowBands(const std::vector<double>& bands);
    // Rows far apart on screen (thick slices on a coronal or sagittal view) drawn blended linearly
    // between their centres instead of in blocks; the labels stay in their slices' bands.
    void setSmoothBetweenRows(bool on);
    bool smoothBetweenRows() const { return smoothRows_; }
    // Drawn rows per image row when smoothing: the rows' screen pitch over the columns' (1: none,
    // or even rows drawn shrunk, which the painter's filter blends).
    int smoothRowsPerRow() const;
    // The linked views' crosshair through an image point, each line in the colour of the view it
    // stands for; a null point hides it.
    // `lines`: the directions of the two lines in image pixels (at an angle where a true coronal
    // plane cuts a turned slice).
    void setCrosshair(QPointF imagePoint, const QColor& horizontal = {}, const QColor& vertical = {},
                      std::array<QPointF, 2> lines = {QPointF(1, 0), QPointF(0, 1)});
    // Rulers and area outlines (image coordinates) with their labels, drawn until replaced.
    struct Mark {
        QPolygonF points;
        bool closed = false;
        QString label;
    };
    void setMeasurements(const QList<Mark>& marks);
    int measurementCount() const { return int(measures_.size()); }
    const QList<Mark>& measurements() const { return measures_; }
    // Where the last paint put the measurements' labels (widget pixels): each clear of the others.
    const QList<QRectF>& labelBoxes() const { return labelBoxes_; }

    double zoom() const { return scale_; }
    QPointF crosshair() const { return crosshair_; }   // image point; negative: none
    const QImage& preview() const { return preview_; }
    void fitToWindow();
    void zoomBy(double factor, QPointF widgetAnchor);
    QPointF widgetToImage(QPointF p) const;
    QPointF imageToWidget(QPointF p) const;

Q_SIGNALS:
    // Shift, Alt, and whether the right button started it (only with setRightButtonToTool).
    void strokeStarted(QPointF imagePos, Qt::KeyboardModifiers modifiers, bool secondary);
    void pointSampled(QPointF imagePos);   // Ctrl+click
    void strokeMoved(QPointF imagePos);
    void strokeFinished();
    void windowLevelDragged(double dx, double dy);
    void overlaySettingsChanged();   // opacity or visibility (linked views follow)
    void cursorMoved(QPoint imagePixel, bool inside);
    void sliceScrolled(int steps);
    void fileDropped(const QString& path);
    // The user zoomed (wheel, + or -) or fitted (F): linked views follow.
    void zoomedByUser();
    void fittedByUser();
    void spaceTapped(); // Space pressed and released without panning (playback)

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void keyReleaseEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;
    void dragEnterEvent(QDragEnterEvent*) override;
    void dropEvent(QDropEvent*) override;

private:
    QString bottomText() const; // the bottom-left corner with the zoom
    QRectF imageRectInWidget() const;
    void paintPromptMarks(QPainter& p) const;
    void paintImages(QPainter& p, const QRect& exposed) const;
    void paintLayers(QPainter& p, const QRectF& target, const QRectF& source, bool withImage = true) const;
    const QImage& smoothedImage(int perRow) const;
    void paintLinks(QPainter& p) const;   // crosshair and measurement

    QImage image_, overlay_, preview_;
    QString placeholder_, infoTop_, infoBottom_;
    QStringList edgeLabels_;
    double scale_ = 1.0;
    QPointF offset_;
    QTransform pixel_;
    std::vector<double> bands_; // row band boundaries, empty when rows are even
    bool smoothRows_ = false;
    mutable QImage smoothed_;   // image_ blended between rows, made when first drawn
    mutable bool smoothedStale_ = true;
    QPointF crosshair_{-1, -1};
    QColor crossH_, crossV_;
    std::array<QPointF, 2> crossLines_{QPointF(1, 0), QPointF(0, 1)};
    QList<Mark> measures_;
    mutable QList<QRectF> labelBoxes_; // placed in paintLinks
    bool fitMode_ = true;
    double opacity_ = 0.5;
    bool overlayVisible_ = true;
    int brushRadius_ = 10;
    Cursor cursor_ = Cursor::Round;
    QPolygonF toolPath_;
    bool toolPathClosed_ = true, rightToTool_ = false;
    PromptMarks marks_;
    QPointF mouse_{-1, -1};
    enum class Drag { None, Paint, Pan, WindowLevel, Sample } drag_ = Drag::None;
    QPointF dragLast_;
    bool spaceHeld_ = false;
    bool spacePanned_ = false; // Space held for a pan, not tapped
    bool wheelSlices_ = false;
    std::function<bool(const QString&)> dropFilter_;
};

} // namespace delineo::ui
