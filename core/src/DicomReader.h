#pragma once
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
// Internal: DICOM decoding with DCMTK.
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"

namespace delineo::core {

// Every frame of a (multi-frame) file; maxFrames limits decoding (e.g. 1 for a thumbnail).
Volume readDicomFrames(const std::string& path, int maxFrames = 1 << 30);

// DCMTK allocates what an element's declared length says when its value is first read: a mutated
// length of 3 GB in a 1 KB file would ask for 3 GB. Every element (nested ones too) must fit in the
// file (deflated files: in DELINEO_MAX_IMAGE_MB). Throws ImageError(Corrupt) naming the element.
void checkElementLengths(DcmFileFormat& file, const std::string& path);
Image readDicom(const std::string& path);
// Once per process: decoders registered, DCMTK's own logging quiet (errors reach users typed).
void registerDicomCodecs();

} // namespace delineo::core
