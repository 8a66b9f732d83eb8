#include "DicomFunctionalGroups.h"
#include "delineo/core/Limits.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <algorithm>
#include <string>

namespace delineo::core {

namespace {

DcmItem* firstItem(DcmItem* parent, const DcmTagKey& sequence)
{
    DcmSequenceOfItems* seq = nullptr;
    if (!parent || parent->findAndGetSequence(sequence, seq).bad() || !seq || seq->card() == 0)
        return nullptr;
    return seq->getItem(0);
}

// Value `i` of a decimal attribute, if it is there and plausible ("NaN" or 1e300 in a damaged file
// is not: positions are ordered along the slice normal, which such values break).
bool number(DcmItem* item, const DcmTagKey& key, unsigned long i, double& out)
{
    Float64 v = 0;
    if (!item || item->findAndGetFloat64(key, v, i).bad() || !plausible(v))
        return false;
    out = v;
    return true;
}

// The first `count` (at most 6) values, all or none.
bool numbers(DcmItem* item, const DcmTagKey& key, double* out, unsigned long count)
{
    double values[6];
    for (unsigned long i = 0; i < count; ++i)
        if (!number(item, key, i, values[i]))
            return false;
    std::copy(values, values + count, out);
    return true;
}

} // namespace

FunctionalGroups::FunctionalGroups(DcmItem* dataset)
{
    if (dataset->findAndGetSequence(DCM_SharedFunctionalGroupsSequence, shared_).bad() || (shared_ && shared_->card() == 0))
        shared_ = nullptr;
    if (dataset->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame_).bad() ||
        (perFrame_ && perFrame_->card() == 0))
        perFrame_ = nullptr;
}

DcmItem* FunctionalGroups::macro(long frame, const DcmTagKey& sequence) const
{
    if (perFrame_ && frame >= 0 && static_cast<unsigned long>(frame) < perFrame_->card())
        if (DcmItem* own = firstItem(perFrame_->getItem(static_cast<unsigned long>(frame)), sequence))
            return own;
    return shared_ ? firstItem(shared_->getItem(0), sequence) : nullptr;
}

void FunctionalGroups::apply(long frame, Image& img, double& slope, double& intercept, bool rescale) const
{
    double spacing[2];
    if (numbers(macro(frame, DCM_PixelMeasuresSequence), DCM_PixelSpacing, spacing, 2) && spacing[0] > 0 && spacing[1] > 0) {
        img.spacingY = spacing[0];
        img.spacingX = spacing[1];
        img.spacingKnown = true;
    }
    if (numbers(macro(frame, DCM_PlanePositionSequence), DCM_ImagePositionPatient, img.position.data(), 3))
        img.hasPosition = true;
    if (numbers(macro(frame, DCM_PlaneOrientationSequence), DCM_ImageOrientationPatient, img.orientation.data(), 6))
        img.hasOrientation = true;
    if (rescale)
        if (DcmItem* values = macro(frame, DCM_PixelValueTransformationSequence)) {
            numbers(values, DCM_RescaleSlope, &slope, 1);
            numbers(values, DCM_RescaleIntercept, &intercept, 1);
        }
    if (DcmItem* voi = macro(frame, DCM_FrameVOILUTSequence)) {
        std::vector<Window> windows;
        for (unsigned long i = 0; i < 8; ++i) {
            double c = 0, w = 0;
            if (!number(voi, DCM_WindowCenter, i, c) || !number(voi, DCM_WindowWidth, i, w) || w <= 0)
                break;
            OFString explanation;
            const bool named = voi->findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, i).good() &&
                               !explanation.empty();
            windows.push_back(Window{c, w, named ? explanation.c_str() : "File window " + std::to_string(i + 1)});
        }
        if (!windows.empty())
            img.windows = windows;
    }
}

double FunctionalGroups::sliceStep() const
{
    DcmItem* measures = macro(0, DCM_PixelMeasuresSequence);
    double v = 0;
    if (numbers(measures, DCM_SpacingBetweenSlices, &v, 1) && v > 0)
        return v;
    return numbers(measures, DCM_SliceThickness, &v, 1) && v > 0 ? v : 0.0;
}

} // namespace delineo::core
