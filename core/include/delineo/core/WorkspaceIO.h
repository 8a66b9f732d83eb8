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

// Adds one volume as a case: a DICOM series folder (copied into WS/dicom/ first, de-identified unless
// the workspace keeps identities), a UW-Madison case-day folder (with its masks from `labels`, a
// train.csv, when given), or a NIfTI/NRRD image (with `labels`, a label map of the same size, when
// given; for a DICOM series, `labels` may be a DICOM SEG of it). The case is named after the
// file or folder. Label slices become corrected revisions.
TransferReport importVolume(Workspace& ws, const std::string& path, const std::string& labels = {});

// Writes the latest mask of every 2D image as OUT/CASE/NAME.png (binary 0/255 for one class,
// else class indices), atomically. Images without a mask are skipped.
TransferReport exportPngMasks(const Workspace& ws, const std::string& outDir, int numForeground);

// An nnU-Net v2 / MONAI style 2D dataset: OUT/imagesTr/CASE_NAME_0000.png (the image's model
// view: grey or RGB 8-bit), OUT/labelsTr/CASE_NAME.png (class indices) and OUT/dataset.json with
// channel names, labels and numTraining. Only images with a mask are written.
TransferReport exportNnUnet(const Workspace& ws, const std::string& outDir);

// COCO JSON for endoscopy frames: one image entry per frame with a mask and one annotation per
// class present, its mask as uncompressed RLE (column-major run lengths, starting with background)
// plus area and bounding box. Written atomically.
TransferReport exportCoco(const Workspace& ws, const std::string& jsonPath);

// NIfTI label maps with the image's geometry (spacing, origin, direction read from the source
// image): OUT/CASE/NAME.nii.gz, one per image, every slice (unannotated slices are background).
TransferReport exportNifti(const Workspace& ws, const std::string& outDir);

// DICOM Segmentation objects (binary, one segment per class drawn) for images that are DICOM
// series: OUT/CASE/NAME-seg.dcm, referencing the source images. Other images are listed as failed.
// `deidentify` passes each file through the PS3.15 Annex E basic profile (UIDs remapped, so a
// re-import matches slices by position).
TransferReport exportDicomSeg(const Workspace& ws, const std::string& outDir, bool deidentify = false);

// Kaggle UW-Madison train.csv (id,class,segmentation): for each annotated slice, one row per class
// (large_bowel, small_bowel, stomach; tumour too when drawn) with its RLE, empty when absent. Ids
// come from the UW layout (caseN_dayM_slice_NNNN) or, for other images, the file stem.
TransferReport exportUwCsv(const Workspace& ws, const std::string& csvPath);

// Column-major RLE of one class (COCO's "counts"), and back to a binary mask (0/1).
std::vector<std::uint32_t> cocoRle(const LabelMap& labels, std::uint8_t label);
LabelMap cocoRleDecode(const std::vector<std::uint32_t>& counts, int width, int height);

} // namespace delineo::core
