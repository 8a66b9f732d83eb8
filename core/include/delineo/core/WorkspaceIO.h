#pragma once
#include "delineo/core/Workspace.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace delineo::core {

struct TransferReport {
    int images = 0, masks = 0;
    int measurements = 0; // rulers and outlines
    bool ofMeasurements = false; // what was written is measurements (counted so, zero too), not masks
    std::vector<std::string> failed; // "path: reason [code]"
    std::vector<std::string> notes;  // what the user should know about what was written
    bool cancelled = false;
};

// Adds the frames of `folder` (JPEG/PNG/BMP/TIFF; a Kvasir-style folder with images/ and masks/
// works too) as one case named after the folder, referencing the files where they are. A mask of
// the same stem (in masks/ or `masksFolder`) becomes the image's first corrected revision. Broken
// files are listed and skipped; the rest is imported.
TransferReport importFrames(Workspace& ws, const std::string& folder, int numForeground,
                            const std::string& masksFolder = {}, const std::atomic<bool>* cancel = nullptr,
                            const std::function<void(int, int)>& progress = nullptr);

// Adds one volume as a case: a DICOM series folder (copied into WS/dicom/ first, de-identified unless
// the workspace keeps identities), a UW-Madison case-day folder (with its masks from `labels`, a
// train.csv, when given), or a NIfTI/NRRD image (with `labels`, a label map of the same size, when
// given; for a DICOM series, `labels` may be a DICOM SEG of it). The case is named after the
// file or folder. Label slices become corrected revisions.
TransferReport importVolume(Workspace& ws, const std::string& path, const std::string& labels = {});

// Exports: see Exporter.h (one class per format, registered in core/src/export/ExporterRegistry.cpp).

// Column-major RLE of one class (COCO's "counts"), and back to a binary mask (0/1).
std::vector<std::uint32_t> cocoRle(const LabelMap& labels, std::uint8_t label);
LabelMap cocoRleDecode(const std::vector<std::uint32_t>& counts, int width, int height);

} // namespace delineo::core
