#pragma once
// Internal: DICOM decoding with DCMTK.
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"

namespace delineo::core {

// Every frame of a (multi-frame) file; maxFrames limits decoding (e.g. 1 for a thumbnail).
Volume readDicomFrames(const std::string& path, int maxFrames = 1 << 30);
Image readDicom(const std::string& path);
// Once per process: decoders registered, DCMTK's own logging quiet (errors reach users typed).
void registerDicomCodecs();

} // namespace delineo::core
