#include "RleDecoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <cstring>

namespace delineo::core {

namespace {

std::uint32_t le32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// PackBits one segment into every `stride`-th byte of dst; false if it over- or under-runs.
bool unpackSegment(const std::uint8_t* src, std::size_t srcLen, std::uint8_t* dst, std::size_t count, std::size_t stride)
{
    std::size_t in = 0, out = 0;
    while (out < count && in < srcLen) {
        const int n = static_cast<std::int8_t>(src[in++]);
        if (n >= 0) {
            const std::size_t len = static_cast<std::size_t>(n) + 1;
            if (in + len > srcLen || out + len > count)
                return false;
            for (std::size_t k = 0; k < len; ++k)
                dst[(out + k) * stride] = src[in + k];
            in += len;
            out += len;
        } else if (n != -128) {
            const std::size_t len = static_cast<std::size_t>(1 - n);
            if (in >= srcLen || out + len > count)
                return false;
            const std::uint8_t v = src[in++];
            for (std::size_t k = 0; k < len; ++k)
                dst[(out + k) * stride] = v;
            out += len;
        }
    }
    return out == count;
}

} // namespace

bool decodeRlePixelData(DcmDataset* ds, long frames, long rows, long cols, int samples, int bytesPerSample,
                        std::vector<std::uint8_t>& out)
{
    DcmElement* element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return false;
    auto* pixelData = static_cast<DcmPixelData*>(element);
    DcmPixelSequence* sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(EXS_RLELossless, nullptr, sequence).bad() || !sequence)
        return false;
    // Item 0 is the offset table; exactly one fragment per frame is the common, fast case.
    if (static_cast<long>(sequence->card()) != frames + 1)
        return false;
    const int segments = samples * bytesPerSample;
    const std::size_t pixels = static_cast<std::size_t>(rows) * cols;
    const std::size_t frameBytes = pixels * segments;
    std::vector<std::uint8_t> result(frameBytes * frames);
    for (long f = 0; f < frames; ++f) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, static_cast<unsigned long>(f + 1)).bad() || !item || item->getUint8Array(data).bad() || !data)
            return false;
        const std::size_t len = item->getLength();
        if (len < 64 || le32(data) != static_cast<std::uint32_t>(segments))
            return false;
        std::uint8_t* frame = result.data() + f * frameBytes;
        for (int s = 0; s < segments; ++s) {
            const std::uint32_t begin = le32(data + 4 + 4 * s);
            const std::uint32_t end = s + 1 < segments ? le32(data + 8 + 4 * s) : static_cast<std::uint32_t>(len);
            if (begin < 64 || end < begin || end > len)
                return false;
            // Segments run sample by sample, most significant byte first; output is little endian.
            const int sample = s / bytesPerSample, byte = bytesPerSample - 1 - s % bytesPerSample;
            if (!unpackSegment(data + begin, end - begin, frame + sample * bytesPerSample + byte, pixels,
                               static_cast<std::size_t>(segments)))
                return false;
        }
    }
    out.swap(result);
    return true;
}

} // namespace delineo::core
