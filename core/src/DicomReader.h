#pragma once
// Internal: DICOM decoding with DCMTK.
#include "delineo/core/Image.h"

namespace delineo::core {

Image readDicom(const std::string& path);

} // namespace delineo::core
