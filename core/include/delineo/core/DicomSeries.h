#pragma once
#include "delineo/core/Volume.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace delineo::core {

// One thing that sets a stack apart from the others of its series, kept apart from the English
// `stack` text so that a window can say it in the user's language.
struct StackPart {
    enum class By { Echo, Phase, BValue, Plane, Size, Component } by = By::Echo;
    // "2", "800", "256 x 256", "PHASE" (a complex component: MAGNITUDE, PHASE, REAL, IMAGINARY);
    // "?" where the header does not say
    std::string value;
};

struct DicomSeriesInfo {
    std::string uid, description, modality;  // description: the series' own (a volume's adds the stack)
    // One series holding several stacks (echoes, phases of a dynamic study, b-values of a
    // diffusion series, the planes of a localizer, images of two sizes, magnitude and phase images)
    // is split into one entry per stack: which one ("echo 2", "phase 3", "b 800", "plane 2",
    // "256 x 256", "phase image"); empty for a series of one stack.
    std::string stack;
    std::vector<StackPart> stackParts;  // what `stack` says, part by part
    std::vector<std::string> files;  // unordered; loadDicomSeries sorts
    // A stack sharing enhanced (multi-frame) files with others: per file, its frames (1-based);
    // empty: every frame of every file.
    std::vector<std::vector<int>> fileFrames;
    std::string name;  // unique among the scan's series (see seriesName)
    int rows = 0, columns = 0, frames = 0;
    int number = -1;  // Series Number, -1 where the header has none
};

struct DicomScan {
    std::vector<DicomSeriesInfo> series;       // largest first
    std::vector<std::string> skipped;          // "path: reason" for files that are not images
};

// Reads headers only (pixel data is not loaded) of every file below `folder`, recursively, and
// groups images by SeriesInstanceUID, then by stack (see DicomSeriesInfo::stack), on `threads`
// threads (0 = all cores). A DICOMDIR in the
// folder is skipped like any non-image. `folder` may also be one file: an enhanced file's stacks.
DicomScan scanDicomFolder(const std::string& folder, int threads = 0);

// The name one series (or stack) of a folder goes by, as its masks are named: the folder's name,
// the last 8 characters of the series UID (`wholeUid`: all of it), then the stack
// ("ws-1.2.3.98-echo-2"). scanDicomFolder names each series so (DicomSeriesInfo::name), with the
// whole UID where two would share a name. The workspace store keeps one series of a folder holding
// several as FOLDER + kSeriesKey + that name, and loadVolume opens such a path as that series.
std::string seriesName(const std::string& folder, const DicomSeriesInfo& series, bool wholeUid = false);
inline constexpr const char* kSeriesKey = "#series=";

using LoadProgress = std::function<void(int done, int total)>;

// Decodes a series on `threads` threads and orders slices along the slice normal
// (ImagePositionPatient . (row x column cosines)), else by InstanceNumber. Sets the geometry and
// reports irregular spacing, gantry tilt and mixed sizes in Volume::warnings.
// Throws ImageError (the first failing file); returns an empty volume if cancelled.
Volume loadDicomSeries(const DicomSeriesInfo& series, int threads = 0, const std::atomic<bool>* cancel = nullptr,
                       const LoadProgress& progress = nullptr);

// A DICOMDIR file stands for the folder it indexes (its series are found by scanning that folder).
bool isDicomDir(const std::string& path);

// The largest series (or stack) of a folder, or of one enhanced file holding several stacks, with
// a warning naming it when there are others (what a program that cannot ask opens). Throws
// ImageError(UnsupportedFormat) when `path` holds no DICOM image.
Volume loadLargestSeries(const std::string& path, const std::atomic<bool>* cancel = nullptr,
                         const LoadProgress& progress = {});
// The same from a scan already made of `path` (each header is parsed once).
Volume loadLargestSeries(const DicomScan& scan, const std::string& path, const std::atomic<bool>* cancel = nullptr,
                         const LoadProgress& progress = {});

// Videos open as stacks of at most this many frames (decoded up front).
constexpr int kMaxVideoFrames = 2000;
constexpr std::size_t kMaxVideoBytes = std::size_t(2) << 30;
// Videos whose frames would take more than this decoded are streamed (VideoStream) instead.
constexpr std::size_t kStreamVideoBytes = std::size_t(256) << 20;

// Opens any path as a volume: a folder (its largest DICOM series), a multi-frame DICOM file,
// NIfTI/NRRD, a video, a UW-Madison case-day folder, or a single image. DICOM series and videos
// report progress and stop on cancel (returning an empty volume).
Volume loadVolume(const std::string& path, const std::atomic<bool>* cancel = nullptr,
                  const LoadProgress& progress = nullptr);

} // namespace delineo::core
