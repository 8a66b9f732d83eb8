#include "JpegSample.h"

#include <cstring>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
#if !DELINEO_HAVE_LIBJPEG
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#include <stb/stb_image.h>
#endif
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#if DELINEO_HAVE_LIBJPEG
#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE
#include <jpeglib.h>
#endif

namespace delineo::ml {

bool encodeJpegSample(const std::uint8_t* pixels, int side, int channels, int quality, std::vector<std::uint8_t>& out)
{
    return stbi_write_jpg_to_func(
               [](void* context, void* data, int size) {
                   auto* bytes = static_cast<std::vector<std::uint8_t>*>(context);
                   bytes->insert(bytes->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
               },
               &out, side, side, channels, pixels, quality) != 0;
}

#if DELINEO_HAVE_LIBJPEG

namespace {

// libjpeg reports a fatal error by calling error_exit, which must not return: back to decode()'s
// setjmp. Warnings (damaged data it would paper over with grey) are counted.
struct Errors {
    jpeg_error_mgr manager;
    std::jmp_buf back;
    int warnings;
};

void onFatal(j_common_ptr c) { std::longjmp(reinterpret_cast<Errors*>(c->err)->back, 1); }

void onMessage(j_common_ptr c, int level)
{
    if (level < 0)
        ++reinterpret_cast<Errors*>(c->err)->warnings;
}

// No C++ object with a destructor lives in this frame: longjmp skips destructors.
bool decode(const std::uint8_t* data, std::size_t size, int side, int channels, std::uint8_t* out)
{
    jpeg_decompress_struct info;
    Errors errors;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = onFatal;
    errors.manager.emit_message = onMessage;
    errors.warnings = 0;
    if (setjmp(errors.back)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK || info.image_width != JDIMENSION(side) ||
        info.image_height != JDIMENSION(side)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    info.out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&info);
    if (info.output_width != JDIMENSION(side) || info.output_height != JDIMENSION(side) ||
        info.output_components != channels) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    const std::size_t stride = std::size_t(side) * std::size_t(channels);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out + std::size_t(info.output_scanline) * stride;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return errors.warnings == 0;
}

} // namespace

bool decodeJpegSample(const std::uint8_t* data, std::size_t size, int side, int channels, std::uint8_t* out)
{
    if (side <= 0 || (channels != 1 && channels != 3) || size == 0 || size > (std::size_t(1) << 31))
        return false;
    return decode(data, size, side, channels, out);
}

#else

bool decodeJpegSample(const std::uint8_t* data, std::size_t size, int side, int channels, std::uint8_t* out)
{
    if (side <= 0 || (channels != 1 && channels != 3) || size == 0 || size > (std::size_t(1) << 30))
        return false;
    int w = 0, h = 0, comp = 0;
    std::uint8_t* px = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &comp, channels);
    const bool ok = px && w == side && h == side;
    if (ok)
        std::memcpy(out, px, std::size_t(side) * std::size_t(side) * std::size_t(channels));
    stbi_image_free(px);
    return ok;
}

#endif

} // namespace delineo::ml
