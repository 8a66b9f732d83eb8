#pragma once
#include "delineo/viewmodels/PlaybackController.h"

#include <QSlider>

#include <vector>

namespace delineo::ui {

// The slice slider with a strip of marks along its groove: which slices or frames carry a mask and
// how far their review has got (AI draft, corrected, rejected, approved). Marks are binned to
// pixels, so a 90,000-frame video draws as quickly as a 20-slice series.
class TimelineSlider : public QSlider {
    Q_OBJECT
public:
    explicit TimelineSlider(QWidget* parent);
    void setMarks(std::vector<vm::PlaybackController::Mark> marks);
    const std::vector<vm::PlaybackController::Mark>& marks() const { return marks_; }

protected:
    void paintEvent(QPaintEvent* e) override;

private:
    std::vector<vm::PlaybackController::Mark> marks_;
};

} // namespace delineo::ui
