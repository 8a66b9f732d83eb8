#include "delineo/ui/TimelineSlider.h"

#include <QPainter>
#include <QStyleOptionSlider>

#include <algorithm>

namespace delineo::ui {

using Mark = vm::PlaybackController::Mark;

TimelineSlider::TimelineSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent)
{
    setMinimumHeight(std::max(minimumSizeHint().height(), 22));
}

void TimelineSlider::setMarks(std::vector<Mark> marks)
{
    marks_ = std::move(marks);
    update();
}

void TimelineSlider::paintEvent(QPaintEvent* e)
{
    QSlider::paintEvent(e);
    if (marks_.empty() || maximum() <= minimum())
        return;
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    // Slice z sits where the handle's centre is when the value is z.
    const int left = groove.left() + handle.width() / 2, span = std::max(1, groove.width() - handle.width());
    std::vector<Mark> bins(std::size_t(span) + 1, Mark::None);
    for (std::size_t z = 0; z < marks_.size(); ++z) {
        if (marks_[z] == Mark::None)
            continue;
        const int x = QStyle::sliderPositionFromValue(minimum(), maximum(), int(z), span);
        bins[std::size_t(x)] = std::max(bins[std::size_t(x)], marks_[z]);
    }
    static const QColor colours[] = {{}, {200, 200, 200}, {200, 90, 220}, {240, 170, 30}, {60, 130, 240}, {220, 50, 50}, {40, 180, 80}};
    QPainter p(this);
    const int h = 4, y = height() - h;
    for (std::size_t x = 0; x < bins.size(); ++x)
        if (bins[x] != Mark::None)
            p.fillRect(left + int(x) - 1, y, 3, h, colours[int(bins[x])]);
}

} // namespace delineo::ui
