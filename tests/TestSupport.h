#pragma once
#include "delineo/core/Image.h"
#include "delineo/ml/ModelConfig.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class DcmFileFormat;

namespace delineo::test {

// A fresh temporary folder, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// ../shared/data/<relative>, or "" when the datasets are not beside the clone.
std::string sharedData(const std::string& relative);

// A synthetic endoscopy-like RGB frame with a bright disc at (cx, cy) radius r, written by OpenCV.
void writeDiscImage(const std::string& path, int w, int h, int cx, int cy, int r);
core::LabelMap discMask(int w, int h, int cx, int cy, int r);

// An MJPEG video (25 frames/s) of `frames` w x h frames, frame i filled with the BGR colour
// `colour(i)`, written by OpenCV; false when it cannot be written.
bool writeMjpegClip(const std::string& path, int frames, int w, int h, const std::function<std::array<int, 3>(int)>& colour);

// w x h frames whose two halves' grey levels spell their index (lossy codecs keep flat areas):
// MJPEG in .avi, H.264 in .mp4 (x264's defaults, as OpenCV writes it: its scene-cut test puts a
// keyframe every 42 frames into these). numberedFrameIndex reads a frame's index back.
void writeNumberedVideo(const std::string& path, int frames, int w = 64, int h = 48);
int numberedFrameIndex(const core::Image& frame);

// Saves DIR/masks/frameI.png (a disc at (cx0 + step * I, cy), radius r, on a w x h frame) for
// `count` frames and trains a tiny UNet (base 4, depth 2, `inputSize`) on DIR/frameI.png with them
// for `epochs` epochs: DIR/tiny.pt.
void trainTinyModel(const TempDir& dir, int count, int w, int h, int cx0, int step, int cy, int r, int inputSize,
                    int epochs);

// A tiny interactive model: prompt_unet, base 4, depth 2, one object.
ml::ModelConfig tinyAssistConfig(int inputSize);
// The same frames' masks, and a tiny interactive (prompt_unet) model trained on them: DIR/assist.pt.
void trainTinyAssistModel(const TempDir& dir, int count, int w, int h, int cx0, int step, int cy, int r, int epochs);

// A label map as 3D Slicer saves a segmentation (`.seg.nrrd`): `sizes` voxels (x fastest) of
// `spacing` mm from `origin` (LPS, axis-aligned), then each segment's fields ("Segment0_Name:=liver"…).
// With `layers` > 1, as Slicer keeps overlapping segments: each voxel holds one value per layer.
void writeSlicerSegmentation(const std::string& path, std::array<int, 3> sizes, std::array<double, 3> spacing,
                             std::array<double, 3> origin, const std::string& segmentFields,
                             const std::vector<char>& voxels, int layers = 1);
// One axial 8x6 CT slice (16-bit) whose pixels all equal `value`, at position (x, y, z).
// An Enhanced MR: 4 x 4 frames at z[f] mm, stored in that order, grey 100 + z; their spacing
// (0.5 x 0.75), orientation and rescale (x2 - 10) shared, a window on the third frame alone. With
// `echoes` above 1, frame f is echo f % echoes: effective echo time 9.5 then 30 ms, grey + 50 each.
std::unique_ptr<DcmFileFormat> enhancedMr(const std::vector<int>& z, int echoes = 1);
void writeDicomSlice(const std::string& path, const std::string& seriesUid, int instance, double x, double y,
                     double z, unsigned short value);

// Runs `body` in a child process that file permissions apply to (as user nobody when the tests
// run as root, who would bypass them) and returns its exit status; an exception exits with 99.
int runUnprivileged(const std::function<int()>& body);

// The whole content of a file ("" when it cannot be read).
std::string fileBytes(const std::string& path);

// Runs a command, returns its exit status and captures stdout+stderr.
int runCommand(const std::string& command, std::string* output = nullptr);

// For a rank lost mid-run: waits up to a minute for `appears` (a rank's first checkpoint), then kills
// the process whose pid is in `pidFile` with SIGKILL. False when the file never came or no pid was there.
bool killWhenExists(const std::string& appears, const std::string& pidFile);

// A program started with its standard output to read line by line (pid < 0: it could not start).
struct Child {
    int pid = -1;
    FILE* out = nullptr;
};
Child spawnReading(const std::string& program, const std::vector<std::string>& args);

} // namespace delineo::test

#define SKIP_WITHOUT_SHARED(path)                                                                      \
    if ((path).empty())                                                                                \
    GTEST_SKIP() << "../shared/data not found beside the clone: dataset test skipped"
