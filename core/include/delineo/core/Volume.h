#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/LoadWarning.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace delineo::core {

class VideoStream;
struct FrameHold;

// Patient-space geometry (LPS, mm) of a stack of slices.
struct Geometry {
    std::array<double, 3> origin{0, 0, 0};         // centre of the first voxel of slice 0
    std::array<double, 3> spacing{1, 1, 1};        // x (columns), y (rows), z (between slices)
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1}; // row, column, slice direction cosines
    bool spacingKnown = false;
    bool sliceSpacingKnown = false;
    // False for a sample of a scan (slices with gaps between them): coronal and sagittal views of
    // it would join slices that are not neighbours, so they are not offered.
    bool slicesContiguous = true;
    // Origin and direction are the file's (NIfTI, NRRD), not defaults: voxels have a place in the
    // patient even where the slices carry none of their own.
    bool placed = false;
};

// One or more slices/frames of the same size and pixel type (a DICOM series, a multi-frame file,
// a UW-Madison case-day, an endoscopy frame). Slices are Images, so one slice is a cheap reference.
// A long video is streamed instead: `slices` stays empty and slice(z) decodes frame z on demand.
struct Volume {
    std::vector<Image> slices;
    std::shared_ptr<VideoStream> stream; // see streamedVideo()
    Geometry geometry;
    std::string seriesUid, description, source;
    // Irregular spacing, gantry tilt, missing slices: reported to the user, never silently fixed.
    std::vector<LoadWarning> warnings;

    int depth() const;
    int width() const;
    int height() const;
    bool empty() const { return depth() == 0; }
    // For a streamed video the reference stays valid until 16 more frames have been asked for; a
    // frame that cannot be decoded reads as black (frameError says why).
    const Image& slice(int z) const;
    std::string frameError(int z) const;
    std::size_t bytes() const; // decoded pixels held (for a stream: its cache)
    bool streamed() const { return stream != nullptr; }

    std::shared_ptr<FrameHold> held; // the frames slice() handed out last
};

// Where voxel (x, y, z) lies in the patient (mm, LPS): from its slice's own position and
// orientation (a tilted or unevenly spaced DICOM series), else from a placed geometry; false when
// the volume has no place in the patient (frames, pictures).
bool patientPoint(const Volume& volume, int x, int y, int z, std::array<double, 3>& out);
// The same for a point between voxel centres (continuous voxel coordinates, centres at integers):
// between two slices, along the line joining their own places.
bool patientPoint(const Volume& volume, const std::array<double, 3>& voxel, std::array<double, 3>& out);

// A volume over a video stream (frames on demand).
Volume streamedVideo(std::shared_ptr<VideoStream> stream);

// The same streamed video over a decoder of its own, with a small cache, for a background job that
// reads it from end to end: the viewer's decoder then stays where the viewer is, and neither sends
// the other back and forth. Throws ImageError when the video can no longer be opened.
Volume withOwnStream(const Volume& streamed);

// A volume of one slice, for 2D images.
Volume volumeFromImage(Image image);

} // namespace delineo::core
