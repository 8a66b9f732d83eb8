#include "H264Writer.h"
#include "delineo/core/Errors.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <fcntl.h>
#include <unistd.h>

namespace delineo::core {

struct H264Writer::Impl {
    std::string path;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* scale = nullptr;
    std::int64_t next = 0;
    bool open = false;

    ~Impl()
    {
        sws_freeContext(scale);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format && format->pb)
            avio_closep(&format->pb);
        avformat_free_context(format);
    }

    void check(int result, const char* what) const
    {
        if (result < 0)
            fail(std::string("FFmpeg cannot ") + what);
    }
    [[noreturn]] void fail(const std::string& why) const { throw ImageError(ErrorCode::WriteFailed, path + ": " + why); }

    // Hands what the encoder has finished to the file; `frame` null: the end.
    void encode(const AVFrame* f)
    {
        check(avcodec_send_frame(codec, f), "encode a frame");
        for (;;) {
            const int got = avcodec_receive_packet(codec, packet);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF)
                return;
            check(got, "encode a frame");
            if (packet->duration <= 0)
                packet->duration = 1; // one frame: without it the last frame has no length, and the rate looks higher
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            check(av_interleaved_write_frame(format, packet), "write a frame");
        }
    }
};

H264Writer::H264Writer(const std::string& path, const Settings& settings) : impl_(std::make_unique<Impl>())
{
    Impl& d = *impl_;
    d.path = path;
    d.check(avformat_alloc_output_context2(&d.format, nullptr, "mp4", path.c_str()), "write MP4");
    const AVCodec* encoder = avcodec_find_encoder_by_name("libx264");
    if (!encoder)
        encoder = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!encoder)
        d.fail("FFmpeg has no H.264 encoder");
    d.stream = avformat_new_stream(d.format, nullptr);
    d.codec = avcodec_alloc_context3(encoder);
    if (!d.stream || !d.codec)
        d.fail("no memory for the encoder");
    const AVRational rate = av_d2q(settings.fps > 0 ? settings.fps : 25, 100000);
    d.codec->width = settings.width;
    d.codec->height = settings.height;
    d.codec->time_base = av_inv_q(rate); // one tick a frame: frame N is at N
    d.codec->framerate = rate;
    d.codec->pix_fmt = settings.pixelFormat >= 0 ? static_cast<AVPixelFormat>(settings.pixelFormat) : AV_PIX_FMT_YUV420P;
    d.codec->color_range = static_cast<AVColorRange>(settings.colourRange);
    d.codec->colorspace = static_cast<AVColorSpace>(settings.colourSpace);
    d.codec->color_primaries = static_cast<AVColorPrimaries>(settings.colourPrimaries);
    d.codec->color_trc = static_cast<AVColorTransferCharacteristic>(settings.colourTransfer);
    d.codec->gop_size = settings.keyframeEvery;
    if (d.format->oformat->flags & AVFMT_GLOBALHEADER)
        d.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (settings.crf >= 0)
        av_opt_set_double(d.codec->priv_data, "crf", settings.crf, 0);
    if (!settings.preset.empty())
        av_opt_set(d.codec->priv_data, "preset", settings.preset.c_str(), 0);
    d.check(avcodec_open2(d.codec, encoder, nullptr), "open the H.264 encoder");
    d.check(avcodec_parameters_from_context(d.stream->codecpar, d.codec), "describe the stream");
    d.stream->time_base = d.codec->time_base;
    d.check(avio_open(&d.format->pb, path.c_str(), AVIO_FLAG_WRITE), "create the file");
    d.check(avformat_write_header(d.format, nullptr), "write the header");
    d.open = true;
    d.frame = av_frame_alloc();
    d.packet = av_packet_alloc();
    if (!d.frame || !d.packet)
        d.fail("no memory for the encoder");
}

H264Writer::~H264Writer()
{
    try {
        finish();
    } catch (const std::exception&) {
        // A destructor must not throw; finish() reports to a caller that wants to know.
    }
}

void H264Writer::writeBgr(const std::uint8_t* bgr, std::size_t stride)
{
    Impl& d = *impl_;
    if (!d.frame->buf[0]) {
        d.frame->format = d.codec->pix_fmt;
        d.frame->width = d.codec->width;
        d.frame->height = d.codec->height;
        d.check(av_frame_get_buffer(d.frame, 0), "allocate a frame");
    }
    d.scale = sws_getCachedContext(d.scale, d.codec->width, d.codec->height, AV_PIX_FMT_BGR24, d.codec->width,
                                   d.codec->height, d.codec->pix_fmt, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!d.scale)
        d.fail("no conversion from BGR to the encoder's pixel format");
    d.check(av_frame_make_writable(d.frame), "reuse a frame");
    const std::uint8_t* planes[1] = {bgr};
    const int strides[1] = {static_cast<int>(stride)};
    sws_scale(d.scale, planes, strides, 0, d.codec->height, d.frame->data, d.frame->linesize);
    write(d.frame);
}

void H264Writer::write(AVFrame* frame)
{
    Impl& d = *impl_;
    if (frame->width != d.codec->width || frame->height != d.codec->height || frame->format != d.codec->pix_fmt)
        d.fail("a frame of the wrong size or pixel format");
    frame->pts = d.next++;
    frame->pict_type = AV_PICTURE_TYPE_NONE; // the encoder decides, not the source's frame type
    d.encode(frame);
}

void H264Writer::finish()
{
    Impl& d = *impl_;
    if (!d.open)
        return;
    d.open = false;
    d.encode(nullptr);
    d.check(av_write_trailer(d.format), "write the index");
    avio_flush(d.format->pb);
    avio_closep(&d.format->pb);
    // On the disk before anyone renames it into place.
    const int fd = ::open(d.path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!synced)
        d.fail("cannot flush it to the disk");
}

} // namespace delineo::bench
