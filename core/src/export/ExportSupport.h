#pragma once
// Internal: what every exporter walks over, and how per-slice files are named.
#include "delineo/core/Errors.h"
#include "delineo/core/Exporter.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace delineo::core {
class Deidentifier;
}

namespace delineo::core::exporting {

// One workspace image with at least one stored mask: which slices have one (ascending).
struct AnnotatedImage {
    CaseSummary kase;
    ImageEntry image;
    std::vector<int> slices;
    bool video = false;                 // its slices are frames of a video
    bool volume() const { return image.slices > 1 && !video; }
};

// One workspace image with at least one ruler or outline, and those (by the time each was drawn).
struct MeasuredImage {
    CaseSummary kase;
    ImageEntry image;
    std::vector<Measurement> kept;
};
// Every image with measurements, in case and path order.
std::vector<MeasuredImage> measuredImages(const Workspace& ws);

// Items 0 .. count - 1 in order, progress after each; stops on cancel (the report says so).
void forEachItem(std::size_t count, const ExportOptions& options, TransferReport& report,
                 const std::function<void(std::size_t)>& visit);

// Every annotated image, in case and path order; progress per image, stops on cancel (the
// report says so). An exception other than ImageError propagates.
void forEachAnnotated(const Workspace& ws, const ExportOptions& options, TransferReport& report,
                      const std::function<void(const AnnotatedImage&)>& visit);

// The latest mask of one slice (present for slices listed in AnnotatedImage::slices).
LabelMap maskOf(const Workspace& ws, const AnnotatedImage& a, int z);
// Every slice, background where a slice has no mask; `unannotated` counts those.
std::vector<LabelMap> allSlices(const Workspace& ws, const AnnotatedImage& a, int* unannotated = nullptr);

// Labels a mask uses (0 left out), added to `used`.
void noteLabels(const LabelMap& labels, std::set<int>& used);
// The workspace's classes, and "class N" for each used label the list does not name (as the DICOM
// SEG writer names it), so a dataset tool meets no category it cannot resolve; a note says which.
std::vector<WorkspaceClass> exportedClasses(const Workspace& ws, const std::set<int>& used, TransferReport& report);

// "slice_0003" for the third slice of a volume, "frame_0003" for a video's third frame.
std::string sliceName(const AnnotatedImage& a, int z);
// The file name stem of the image (a folder's name for a series or case-day).
std::string stemOf(const ImageEntry& image);
// CASE/STEM with characters that dataset tools dislike replaced by '_'.
std::string flatId(const AnnotatedImage& a);
void makeParent(const std::filesystem::path& file);
// The slice as the model sees it (8-bit grey or RGB) written as PNG, atomically, parents made.
void writeModelViewPng(const std::filesystem::path& target, const Image& image);
// Class indices as an 8-bit PNG, atomically, parents made.
void writeIndexPng(const std::filesystem::path& target, const LabelMap& labels);

// A DICOM object written by `write(path)` to `target`, de-identified when `deidentify` asks and the
// source series (its first file: `sourceFile`) is not de-identified already, with the workspace's
// key (`deidentifier` made at the first use). The identified object never lies beside `target`: it
// is written in the workspace's folder under a hidden name and removed whatever happens.
// `keepContent`: an SR.
void writeDicomExport(const Workspace& ws, const std::filesystem::path& target, const std::string& sourceFile,
                      bool deidentify, bool keepContent, std::unique_ptr<Deidentifier>& deidentifier,
                      const std::function<void(const std::string&)>& write);

} // namespace delineo::core::exporting
