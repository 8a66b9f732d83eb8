#pragma once
// Internal: JPEG 2000 and HTJ2K frames of encapsulated DICOM pixel data, decoded with OpenJPEG
// (2.5 reads both). DCMTK has no JPEG 2000 codec of its own.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

class DcmDataset;

namespace delineo::core {

// True for the JPEG 2000 (1.2.840.10008.1.2.4.90-.93) and HTJ2K (1.2.840.10008.1.2.4.201-.203)
// transfer syntax UIDs.
bool isJpeg2000Syntax(const std::string& transferSyntaxUid);

struct J2kLayout {
    long rows = 0, cols = 0;
    int samples = 1;         // 1 or 3
    int bytesPerSample = 2;  // of the output: 1, 2 or 4 (BitsAllocated / 8)
};

// Decodes the first `frames` frames into little-endian interleaved samples (two's complement when the
// codestream is signed). Geometry and component count must match `layout`; anything else, and every
// OpenJPEG error, is an ImageError naming `path`.
void decodeJ2kPixelData(DcmDataset* ds, const std::string& path, long frames, const J2kLayout& layout,
                        std::vector<std::uint8_t>& out);

} // namespace delineo::core
