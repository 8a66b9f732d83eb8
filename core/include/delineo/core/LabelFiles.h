#pragma once
// Segmentations made elsewhere (ITK-SNAP, 3D Slicer, nnU-Net, a PACS) read onto an open image,
// with the names and colours of their labels; and those names written beside Delineo's exports.
#include "delineo/core/LoadWarning.h"
#include "delineo/core/Volume.h"
#include "delineo/core/Workspace.h"

#include <string>
#include <vector>

namespace delineo::core {

struct LabelFile {
    int first = 0;                       // the image slice slices[0] belongs to
    std::vector<LabelMap> slices;        // image slices first, first+1…, each the image's size
    std::vector<WorkspaceClass> classes; // as the file or its description names them (may be empty)
    std::vector<LoadWarning> notes;      // how it was placed: reoriented, resampled, cut at the edges
    std::string namesFrom;               // the label description read, if any
};

namespace warning {
inline constexpr const char* kLabelsReoriented = QT_TRANSLATE_NOOP(
    "LoadWarning", "the label map stores its axes in another order or direction: placed by its geometry, voxel for voxel");
inline constexpr const char* kLabelsResampled = QT_TRANSLATE_NOOP(
    "LoadWarning", "the label map lies on another grid (%1 voxels of %2 mm): resampled onto the image (nearest neighbour)");
inline constexpr const char* kLabelsOutside =
    QT_TRANSLATE_NOOP("LoadWarning", "%1% of the label map's labelled voxels lie outside the image and were left out");
inline constexpr const char* kLabelsOverlap = QT_TRANSLATE_NOOP(
    "LoadWarning", "%1 voxels lie in more than one segment: each shows the segment of the last layer (a label map holds one label per voxel)");
inline constexpr const char* kLabelsRenumbered = QT_TRANSLATE_NOOP(
    "LoadWarning", "labels renumbered to the workspace's classes of the same name, or to free numbers where the workspace's class of that number has another name: %1");
inline constexpr const char* kLabelsByIndex = QT_TRANSLATE_NOOP(
    "LoadWarning", "the image has no position in space: the label map was placed voxel for voxel, its geometry unchecked");
} // namespace warning

// Reads `path` onto `onto`:
// - a NIfTI or NRRD label map, placed by its geometry (origin, spacing, direction) when the image
//   has one (DICOM with positions, NIfTI, NRRD): stored in another axis order, flipped, cropped to
//   a region (3D Slicer's .seg.nrrd) or on another grid, each label lands where it lies in the
//   patient. An image without a position needs a label map of its size. A .seg.nrrd's segment
//   names and colours come along, and segments that overlap (kept in layers) are drawn into the
//   one map, the last layer's over the others (noted);
// - a DICOM SEG of a DICOM series (its segments matched to `known` by name);
// - a mask image (PNG, TIFF, BMP, JPEG; 0/255 or class indices) for slice `slice` of the image.
// Names and colours, when the file has none, come from `names` (an ITK-SNAP label description or a
// 3D Slicer colour table), else from one beside the file (labelDescriptionsFor). Named labels are
// matched to `known` by name (case, spaces, '_' and '-' aside): a file's "tumour" 1 lands on the
// workspace's tumour 4, and a named label whose number `known` gives another class moves to a free
// number (noted), so no voxel silently changes meaning. Unnamed labels keep their numbers.
// Throws ImageError: NotFound, Corrupt, UnsupportedFormat, WrongSize (another size and no
// geometry to place it by, or no overlap with the image).
LabelFile readLabelFile(const std::string& path, const Volume& onto, const std::vector<WorkspaceClass>& known,
                        int slice = 0, const std::string& names = {});

// "label N" (ITK-SNAP's name for an unnamed label) in a palette colour for each label the maps
// hold that `named` lacks: a file without names still shows every label in the class list.
std::vector<WorkspaceClass> unnamedLabels(const std::vector<LabelMap>& slices, const std::vector<WorkspaceClass>& named);
// `named` and, for each label the maps hold that neither `named` nor `known` names, "label N".
std::vector<WorkspaceClass> withUnnamedLabels(const std::vector<LabelMap>& slices, const std::vector<WorkspaceClass>& named,
                                              const std::vector<WorkspaceClass>& known);
// Whether the class has only the name unnamedLabels gives it.
bool isUnnamed(const WorkspaceClass& c);
// `have` with `more` added: a class `more` names takes the place of one `have` only calls "label N"
// (a later file names what an earlier one left unnamed); other names of `have` stay.
std::vector<WorkspaceClass> namedOver(std::vector<WorkspaceClass> have, const std::vector<WorkspaceClass>& more);

// Writes the image's labels (`slices`, one per slice of `image`) where another tool reads them, by
// the name's ending: NIfTI or NRRD with the image's geometry and an ITK-SNAP label description
// (STEM.txt) beside it; a DICOM SEG of a DICOM series (`.dcm`); a PNG, TIFF or BMP of slice `slice`
// (0/255 for one class, else class indices). Atomic; throws ImageError (UnsupportedFormat for a
// format the image cannot have, WriteFailed).
void writeLabelFile(const std::string& path, const Volume& image, const std::vector<LabelMap>& slices,
                    const std::vector<WorkspaceClass>& classes, int slice = 0);

// `v` with its geometry and slice headers (sizes, paths, DICOM positions) but no pixels: all that
// readLabelFile reads of the image, for a background job to hold while the window may change.
Volume withoutPixels(const Volume& v);

// An ITK-SNAP label description file or a 3D Slicer colour table (.ctbl); label 0 is left out.
// Throws ImageError (NotFound, Corrupt).
std::vector<WorkspaceClass> readLabelDescriptions(const std::string& path);
// ITK-SNAP's label description format (`.txt`), or a 3D Slicer colour table when `path` ends in
// `.ctbl`; label 0 written as the clear label. Atomic; throws ImageError(WriteFailed).
void writeLabelDescriptions(const std::string& path, const std::vector<WorkspaceClass>& classes);
// The description beside a label map: STEM.txt, STEM.label, STEM.ctbl or STEM_ColorTable.ctbl,
// else labels.txt or labels.ctbl in its folder or the folder above (where an export writes it).
// Empty when there is none.
std::string labelDescriptionsFor(const std::string& labelPath);

} // namespace delineo::core
