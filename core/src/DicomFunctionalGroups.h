#pragma once
// Internal: the functional groups of enhanced (multi-frame) DICOM images.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include "delineo/core/Image.h"

namespace delineo::core {

// An Enhanced CT or MR file keeps each frame's position, orientation, pixel spacing, rescale and
// window in functional groups (PS3.3 C.7.6.16): a macro in the frame's own item of the Per-frame
// Functional Groups Sequence, else in the Shared one. Read as the top-level attributes of a
// classic image are, so that an enhanced series is placed, measured and windowed in HU as well.
class FunctionalGroups {
public:
    explicit FunctionalGroups(DcmItem* dataset);
    bool present() const { return shared_ || perFrame_; }
    unsigned long perFrameCount() const { return perFrame_ ? perFrame_->card() : 0; }
    // Frame `frame`'s values over what `img`, `slope` and `intercept` hold from the top level
    // (the rescale only for a monochrome image: `rescale`).
    void apply(long frame, Image& img, double& slope, double& intercept, bool rescale) const;
    // The Pixel Measures' spacing between slices, else slice thickness, of frame 0 (0: neither).
    double sliceStep() const;

    // The item of macro `sequence` that applies to the frame (null: in neither group).
    DcmItem* macro(long frame, const DcmTagKey& sequence) const;

private:

    DcmSequenceOfItems *shared_ = nullptr, *perFrame_ = nullptr;
};

} // namespace delineo::core
