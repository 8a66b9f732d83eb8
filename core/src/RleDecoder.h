#pragma once
// Internal: DICOM RLE Lossless (PS3.5 Annex G) decoded straight into Delineo's buffer.
#include <cstddef>
#include <cstdint>
#include <vector>

class DcmDataset;

namespace delineo::core {

// Decodes `frames` frames of rows*cols pixels with `samples` samples of `bytesPerSample` bytes into
// little-endian interleaved samples. False (and `out` untouched) if the data has a layout this
// fast path does not handle; the caller then lets DCMTK decode.
bool decodeRlePixelData(DcmDataset* ds, long frames, long rows, long cols, int samples, int bytesPerSample,
                        std::vector<std::uint8_t>& out);

} // namespace delineo::core
