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

// PackBits one segment into dst (contiguous); false if it over- or under-runs.
bool unpackSegment(const std::uint8_t* src, std::size_t srcLen, std::uint8_t* dst, std::size_t count)
{
    std::size_t in = 0, out = 0;
    while (out < count && in < srcLen) {
        const int n = static_cast<std::int8_t>(src[in++]);
        if (n >= 0) {
            const std::size_t len = static_cast<std::size_t>(n) + 1;
            if (in + len > srcLen || out + len > count)
                return false;
            std::memcpy(dst + out, src + in, len);
            in += len;
            out += len;
        } else if (n != -128) {
            const std::size_t len = static_cast<std::size_t>(1 - n);
            if (in >= srcLen || out + len > count)
                return false;
            std::memset(dst + out, src[in++], len);
            out += len;
        }
    }
    return out == count;
}

// Segments hold one byte plane each, sample by sample, most significant byte first; the output
// interleaves them little endian. Two planes (16-bit grey) are the hot case.
void interleavePlanes(const std::uint8_t* planes, std::size_t pixels, int samples, int bytesPerSample, std::uint8_t* dst)
{
    const int segments = samples * bytesPerSample;
    if (segments == 2) {
        const std::uint8_t* hi = planes;
        const std::uint8_t* lo = planes + pixels;
        for (std::size_t i = 0; i < pixels; ++i) {
            dst[2 * i] = lo[i];
            dst[2 * i + 1] = hi[i];
        }
        return;
    }
    for (int s = 0; s < segments; ++s) {
        const int sample = s / bytesPerSample, byte = bytesPerSample - 1 - s % bytesPerSample;
        const std::uint8_t* plane = planes + static_cast<std::size_t>(s) * pixels;
        std::uint8_t* d = dst + sample * bytesPerSample + byte;
        for (std::size_t i = 0; i < pixels; ++i)
            d[i * segments] = plane[i];
    }
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
    thread_local std::vector<std::uint8_t> planes;
    for (long f = 0; f < frames; ++f) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, static_cast<unsigned long>(f + 1)).bad() || !item || item->getUint8Array(data).bad() || !data)
            return false;
        const std::size_t len = item->getLength();
        if (len < 64 || le32(data) != static_cast<std::uint32_t>(segments))
            return false;
        std::uint8_t* frame = result.data() + f * frameBytes;
        // One plane decodes in place; several go through a scratch buffer and are interleaved.
        if (segments > 1)
            planes.resize(frameBytes);
        std::uint8_t* target = segments > 1 ? planes.data() : frame;
        for (int s = 0; s < segments; ++s) {
            const std::uint32_t begin = le32(data + 4 + 4 * s);
            const std::uint32_t end = s + 1 < segments ? le32(data + 8 + 4 * s) : static_cast<std::uint32_t>(len);
            if (begin < 64 || end < begin || end > len)
                return false;
            if (!unpackSegment(data + begin, end - begin, target + static_cast<std::size_t>(s) * pixels, pixels))
                return false;
        }
        if (segments > 1)
            interleavePlanes(planes.data(), pixels, samples, bytesPerSample, frame);
    }
    out.swap(result);
    return true;
}

} // namespace delineo::core
