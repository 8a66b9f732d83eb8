#pragma once
#include "delineo/core/Volume.h"
#include "delineo/core/Workspace.h"

#include <string>
#include <vector>

namespace delineo::core {

// Writes the rulers and outlines kept on a DICOM series as a DICOM Comprehensive 3D SR in the
// layout of TID 1500 (Imaging Measurement Report), as PACS viewers and OHIF read measurements:
// patient and study taken from the series, the image library listing its images, and per
// measurement a group (TID 1501) with its tracking identifier ("Ruler 2") and a stable tracking
// UID, the person who drew it, and its length (SCT 410668003, mm) or area (SCT 42798000, mm²)
// inferred from its points as SCOORD3D in the series' frame of reference (a polyline, or a closed
// polygon). The figures are measured in patient space, as the window measures them. `source` must
// be a DICOM series placed in the patient; atomic; throws ImageError (UnsupportedFormat, Corrupt,
// WriteFailed). Returns how many measurements it holds.
int writeMeasurementReport(const std::string& target, const Volume& source, const std::vector<Measurement>& measurements);

// A measurement's points in the patient (mm, LPS), its figure measured there (length along its
// two ends, or the area its outline encloses). False where the volume has no place in the patient.
struct PatientFigure {
    std::vector<std::array<double, 3>> points;
    double value = 0;
};
bool patientFigure(const Volume& volume, const Measurement& m, PatientFigure& out);

} // namespace delineo::core
