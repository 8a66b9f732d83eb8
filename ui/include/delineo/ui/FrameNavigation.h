#pragma once
class QMenu;
class QObject;

namespace delineo::vm {
class DocumentController;
class PlaybackController;
}

namespace delineo::ui {

class ImageView;

// View menu: moving through slices and frames (previous/next, first/last, play/pause with a tap on
// Space in the view, next/previous annotated frame and frame to review).
class FrameNavigation {
public:
    static void addTo(QMenu* menu, vm::DocumentController& document, vm::PlaybackController& playback, ImageView* view);
};

} // namespace delineo::ui
