#include "J2kDecoder.h"

#include "delineo/core/Errors.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcdatset.h>

// Named with its folder: ITK ships an older openjpeg.h of its own on the include path.
#include <openjpeg-2.5/openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace delineo::core {

bool isJpeg2000Syntax(const std::string& uid)
{
    static const char* const uids[] = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.92",
                                       "1.2.840.10008.1.2.4.93", "1.2.840.10008.1.2.4.201",
                                       "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"};
    return std::any_of(std::begin(uids), std::end(uids), [&](const char* u) { return uid == u; });
}

namespace {

struct Fragment {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
};

struct MemoryStream {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t pos = 0;
};

OPJ_SIZE_T readStream(void* buffer, OPJ_SIZE_T n, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    if (s->pos >= s->size)
        return static_cast<OPJ_SIZE_T>(-1);
    const std::size_t k = std::min<std::size_t>(n, s->size - s->pos);
    std::memcpy(buffer, s->data + s->pos, k);
    s->pos += k;
    return k;
}

OPJ_OFF_T skipStream(OPJ_OFF_T n, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    const auto target = static_cast<long long>(s->pos) + n;
    s->pos = static_cast<std::size_t>(std::clamp<long long>(target, 0, static_cast<long long>(s->size)));
    return n;
}

OPJ_BOOL seekStream(OPJ_OFF_T n, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    if (n < 0 || static_cast<std::size_t>(n) > s->size)
        return OPJ_FALSE;
    s->pos = static_cast<std::size_t>(n);
    return OPJ_TRUE;
}

void keepMessage(const char* msg, void* user)
{
    auto* out = static_cast<std::string*>(user);
    if (out->empty() && msg) {
        *out = msg;
        while (!out->empty() && (out->back() == '\n' || out->back() == ' '))
            out->pop_back();
    }
}

bool startsCodestream(const Fragment& f)
{
    static const std::uint8_t soc[4] = {0xFF, 0x4F, 0xFF, 0x51};
    static const std::uint8_t jp2[8] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    return (f.size >= 4 && std::memcmp(f.data, soc, 4) == 0) || (f.size >= 8 && std::memcmp(f.data, jp2, 8) == 0);
}

// Groups the fragments into frames (PS3.5 A.4): one frame takes them all; otherwise one per frame,
// or a new frame wherever a fragment starts a codestream.
std::vector<std::vector<Fragment>> framesOf(const std::vector<Fragment>& fragments, long frames)
{
    std::vector<std::vector<Fragment>> out;
    if (frames == 1) {
        out.emplace_back(fragments);
        return out;
    }
    if (static_cast<long>(fragments.size()) == frames) {
        for (const auto& f : fragments)
            out.push_back({f});
        return out;
    }
    for (const auto& f : fragments) {
        if (out.empty() || startsCodestream(f))
            out.emplace_back();
        out.back().push_back(f);
    }
    return out;
}

using Codec = std::unique_ptr<opj_codec_t, decltype(&opj_destroy_codec)>;
using Stream = std::unique_ptr<opj_stream_t, decltype(&opj_stream_destroy)>;
using OpjImage = std::unique_ptr<opj_image_t, decltype(&opj_image_destroy)>;

void decodeFrame(const std::vector<std::uint8_t>& bytes, const std::string& path, long frame, const J2kLayout& layout,
                 std::uint8_t* dst)
{
    auto fail = [&](const std::string& why) {
        throw ImageError(ErrorCode::Corrupt,
                         path + ": JPEG 2000 frame " + std::to_string(frame + 1) + " cannot be decoded: " + why);
    };
    MemoryStream mem{bytes.data(), bytes.size()};
    const bool jp2 = bytes.size() >= 8 && bytes[4] == 0x6A && bytes[5] == 0x50;
    Codec codec(opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K), &opj_destroy_codec);
    Stream stream(opj_stream_create(1 << 16, OPJ_TRUE), &opj_stream_destroy);
    if (!codec || !stream)
        fail("OpenJPEG could not start");
    std::string error;
    opj_set_error_handler(codec.get(), keepMessage, &error);
    opj_set_warning_handler(codec.get(), [](const char*, void*) {}, nullptr);
    opj_set_info_handler(codec.get(), [](const char*, void*) {}, nullptr);
    opj_stream_set_user_data(stream.get(), &mem, nullptr);
    opj_stream_set_user_data_length(stream.get(), bytes.size());
    opj_stream_set_read_function(stream.get(), readStream);
    opj_stream_set_skip_function(stream.get(), skipStream);
    opj_stream_set_seek_function(stream.get(), seekStream);
    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    if (!opj_setup_decoder(codec.get(), &params))
        fail("decoder setup failed");
    opj_image_t* header = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &header))
        fail(error.empty() ? "unreadable header" : error);
    OpjImage image(header, &opj_image_destroy);
    // The codestream's size is checked against the DICOM header before any tile is decoded.
    const long width = static_cast<long>(image->x1) - image->x0, height = static_cast<long>(image->y1) - image->y0;
    if (width != layout.cols || height != layout.rows)
        fail("it is " + std::to_string(width) + "x" + std::to_string(height) + ", the header says " +
             std::to_string(layout.cols) + "x" + std::to_string(layout.rows));
    if (static_cast<int>(image->numcomps) < layout.samples || (layout.samples == 1 && image->numcomps != 1))
        fail(std::to_string(image->numcomps) + " components where the header says " + std::to_string(layout.samples));
    for (int c = 0; c < layout.samples; ++c)
        if (image->comps[c].dx != 1 || image->comps[c].dy != 1 || image->comps[c].prec > 32)
            fail("subsampled or over-deep components are not supported");
    opj_codec_set_threads(codec.get(), 1);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        fail(error.empty() ? "damaged codestream" : error);
    const std::size_t pixels = static_cast<std::size_t>(layout.rows) * layout.cols;
    for (int c = 0; c < layout.samples; ++c) {
        const OPJ_INT32* src = image->comps[c].data;
        if (!src)
            fail("component " + std::to_string(c) + " has no data");
        for (std::size_t i = 0; i < pixels; ++i) {
            const auto v = static_cast<std::uint32_t>(src[i]);
            std::uint8_t* d = dst + (i * layout.samples + c) * layout.bytesPerSample;
            for (int b = 0; b < layout.bytesPerSample; ++b)
                d[b] = static_cast<std::uint8_t>(v >> (8 * b));
        }
    }
}

} // namespace

void decodeJ2kPixelData(DcmDataset* ds, const std::string& path, long frames, const J2kLayout& layout,
                        std::vector<std::uint8_t>& out)
{
    DcmElement* element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
    auto* pixelData = static_cast<DcmPixelData*>(element);
    E_TransferSyntax original = EXS_Unknown;
    const DcmRepresentationParameter* param = nullptr;
    pixelData->getOriginalRepresentationKey(original, param);
    DcmPixelSequence* sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(original, param, sequence).bad() || !sequence)
        throw ImageError(ErrorCode::Corrupt, path + ": JPEG 2000 pixel data is not encapsulated");
    std::vector<Fragment> fragments;
    for (unsigned long i = 1; i < sequence->card(); ++i) { // item 0: the offset table
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, i).good() && item && item->getLength() > 0 && item->getUint8Array(data).good() && data)
            fragments.push_back({data, item->getLength()});
    }
    const auto grouped = framesOf(fragments, frames);
    if (static_cast<long>(grouped.size()) < frames)
        throw ImageError(ErrorCode::Corrupt, path + ": " + std::to_string(grouped.size()) +
                                                 " JPEG 2000 frames where the header says " + std::to_string(frames));
    const std::size_t frameBytes =
        static_cast<std::size_t>(layout.rows) * layout.cols * layout.samples * layout.bytesPerSample;
    std::vector<std::uint8_t> result(frameBytes * static_cast<std::size_t>(frames));
    std::vector<std::uint8_t> bytes;
    for (long f = 0; f < frames; ++f) {
        bytes.clear();
        for (const auto& part : grouped[static_cast<std::size_t>(f)])
            bytes.insert(bytes.end(), part.data, part.data + part.size);
        decodeFrame(bytes, path, f, layout, result.data() + static_cast<std::size_t>(f) * frameBytes);
    }
    out.swap(result);
}

} // namespace delineo::core
