#pragma once
#include "delineo/core/Workspace.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace delineo::core {

struct TransferReport {
    int images = 0, masks = 0;
    std::vector<std::string> failed; // "path: reason [code]"
};

// Adds the frames of `folder` (JPEG/PNG/BMP/TIFF; a Kvasir-style folder with images/ and masks/
// works too) as one case named after the folder, referencing the files where they are. A mask of
// the same stem (in masks/ or `masksFolder`) becomes the image's first corrected revision. Broken
// files are listed and skipped; the rest is imported.
TransferReport importFrames(Workspace& ws, const std::string& folder, int numForeground,
                            const std::string& masksFolder = {}, const std::atomic<bool>* cancel = nullptr,
                            const std::function<void(int, int)>& progress = nullptr);

// Writes the latest mask of every 2D image as OUT/CASE/NAME.png (binary 0/255 for one class,
// else class indices), atomically. Images without a mask are skipped.
TransferReport exportPngMasks(const Workspace& ws, const std::string& outDir, int numForeground);

} // namespace delineo::core
