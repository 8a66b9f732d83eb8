#include "VideoProxyBuild.h"
#include "FfmpegDecoder.h"
#include "H264Writer.h"
#include "delineo/core/Errors.h"
#include "delineo/ml/Sandbox.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <filesystem>
#include <memory>

namespace delineo::core::decoder {

namespace {

void say(int report, const std::string& line)
{
    const std::string text = line + "\n";
    ml::writeAll(report, text.data(), text.size());
}

bool x264Takes(int format)
{
    switch (format) {
    case AV_PIX_FMT_YUV420P:
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUV422P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUV444P:
    case AV_PIX_FMT_YUVJ444P:
        return true;
    default:
        return false;
    }
}

// Frames in a pixel format x264 does not take (10-bit, RGB, palettes) go to 4:2:0 first.
struct Converter {
    SwsContext* scale = nullptr;
    AVFrame* frame = nullptr;
    ~Converter()
    {
        sws_freeContext(scale);
        av_frame_free(&frame);
    }
    AVFrame* convert(const AVFrame* in, const std::string& path)
    {
        if (!frame) {
            frame = av_frame_alloc();
            if (!frame)
                throw ImageError(ErrorCode::TooLarge, path + ": no memory for a frame");
            frame->format = AV_PIX_FMT_YUV420P;
            frame->width = in->width;
            frame->height = in->height;
            if (av_frame_get_buffer(frame, 0) < 0)
                throw ImageError(ErrorCode::TooLarge, path + ": no memory for a frame");
        }
        scale = sws_getCachedContext(scale, in->width, in->height, static_cast<AVPixelFormat>(in->format), in->width,
                                     in->height, AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
        if (!scale || av_frame_make_writable(frame) < 0)
            throw ImageError(ErrorCode::UnsupportedFormat, path + ": no conversion from its pixel format to 4:2:0");
        sws_scale(scale, in->data, in->linesize, 0, in->height, frame->data, frame->linesize);
        return frame;
    }
};

} // namespace

int buildProxy(const std::string& in, const std::string& out, int frames, int width, int height, double fps,
               int keyframeEvery, int longestGap, int report)
{
    try {
        FfmpegDecoder decoder(in, width, height, fps);
        const int gap = decoder.longestKeyframeGap(frames);
        say(report, "gap " + std::to_string(gap));
        if (gap <= longestGap) {
            say(report, "not-needed");
            return 0;
        }
        std::unique_ptr<H264Writer> writer;
        std::unique_ptr<AVFrame, void (*)(AVFrame*)> copy(av_frame_alloc(), [](AVFrame* f) { av_frame_free(&f); });
        Converter converter;
        for (int i = 0; i < frames; ++i) {
            const AVFrame* decoded = decoder.decodeFrame(i);
            if (!writer) {
                H264Writer::Settings s;
                s.width = width;
                s.height = height;
                s.fps = fps;
                s.keyframeEvery = keyframeEvery;
                s.crf = kProxyCrf;
                s.preset = kProxyPreset;
                s.pixelFormat = x264Takes(decoded->format) ? decoded->format : AV_PIX_FMT_YUV420P;
                s.colourRange = decoded->color_range;
                s.colourSpace = decoded->colorspace;
                s.colourPrimaries = decoded->color_primaries;
                s.colourTransfer = decoded->color_trc;
                std::error_code ec;
                std::filesystem::create_directories(std::filesystem::path(out).parent_path(), ec);
                if (ec)
                    throw ImageError(ErrorCode::WriteFailed, out + ": cannot create its folder: " + ec.message());
                writer = std::make_unique<H264Writer>(out, s);
            }
            // The encoder keeps a reference to what it is handed: a new reference to the decoder's
            // buffers, not the decoder's own frame, which the next decode reuses.
            if (x264Takes(decoded->format)) {
                if (!copy || av_frame_ref(copy.get(), decoded) < 0)
                    throw ImageError(ErrorCode::TooLarge, in + ": no memory for a frame");
                writer->write(copy.get());
                av_frame_unref(copy.get());
            } else {
                writer->write(converter.convert(decoded, in));
            }
            if (i % 25 == 24 || i + 1 == frames)
                say(report, "frame " + std::to_string(i + 1));
        }
        if (writer)
            writer->finish();
        say(report, "done");
        return 0;
    } catch (const ImageError& e) {
        say(report, "error " + std::to_string(static_cast<int>(e.code())) + " " + e.what());
        return 3;
    }
}

} // namespace delineo::core::decoder
