#pragma once
#include "delineo/core/Volume.h"
#include "delineo/core/Workspace.h"

#include <string>
#include <vector>

namespace delineo::core {

// Writes `labels` (one label map per slice of `source`, in its slice order) as a binary DICOM
// Segmentation (DCMTK dcmseg) that takes patient, study and frame of reference from the source
// series and references every source image it was drawn on. One segment per class present, named
// and coloured (recommended display CIELab) as the class;
// `aiDrafted` marks the segments semi-automatic (an AI draft is among them) instead of manual.
// `source` must be a DICOM series (its slices' paths name the files). Atomic; throws ImageError.
void writeDicomSeg(const std::string& target, const Volume& source, const std::vector<LabelMap>& labels,
                   const std::vector<WorkspaceClass>& classes, bool aiDrafted);

// Reads a DICOM SEG back into one label map per slice of `source`, matching frames to slices by
// the referenced SOP Instance UID (and frame number, for a multi-frame source), else by the
// frame's position; segments map to classes by label name (else by segment
// number). `segments`, when given, receives each named segment as a class (its label, name and
// display colour; grey without one). Throws ImageError (Corrupt, WrongSize, UnsupportedFormat).
std::vector<LabelMap> readDicomSeg(const std::string& segPath, const Volume& source,
                                   const std::vector<WorkspaceClass>& classes,
                                   std::vector<WorkspaceClass>* segments = nullptr);

// True when `path` is a DICOM file whose SOP class is Segmentation Storage (false when unreadable).
bool isDicomSeg(const std::string& path);

} // namespace delineo::core
