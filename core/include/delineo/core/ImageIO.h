#pragma once
#include "delineo/core/Image.h"
#include <string>

namespace delineo::core {

// Opens a DICOM slice (DCMTK) or an endoscopy frame (JPEG/PNG/BMP/TIFF via OpenCV).
// Throws ImageError with a typed code; never returns an empty image.
Image loadImage(const std::string& path);
bool looksLikeDicom(const std::string& path);
// Whether a registered reader's patterns name this file (JPEG/PNG/BMP/TIFF, DICOM, NIfTI/NRRD,
// videos, DICOMDIR): what folder listings and drops take. See Reader.h.
bool hasImageExtension(const std::string& path);

} // namespace delineo::core
