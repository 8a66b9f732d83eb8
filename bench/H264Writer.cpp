#include "H264Writer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <stdexcept>

namespace delineo::bench {

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
            throw std::runtime_error(path + ": FFmpeg cannot " + what);
    }

    // Hands what the encoder has finished to the file; `frame` null: the end.
    void encode(const AVFrame* f)
    {
        check(avcodec_send_frame(codec, f), "encode a frame");
        for (;;) {
            const int got = avcodec_receive_packet(codec, packet);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF)
                return;
            check(got, "encode a frame");
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            check(av_interleaved_write_frame(format, packet), "write a frame");
        }
    }
};

H264Writer::H264Writer(const std::string& path, int width, int height, int fps, int keyframeEvery)
    : impl_(std::make_unique<Impl>())
{
    Impl& d = *impl_;
    d.path = path;
    d.check(avformat_alloc_output_context2(&d.format, nullptr, "mp4", path.c_str()), "write MP4");
    const AVCodec* encoder = avcodec_find_encoder_by_name("libx264");
    if (!encoder)
        encoder = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!encoder)
        throw std::runtime_error("FFmpeg has no H.264 encoder");
    d.stream = avformat_new_stream(d.format, nullptr);
    d.codec = avcodec_alloc_context3(encoder);
    if (!d.stream || !d.codec)
        throw std::runtime_error("no memory for the encoder");
    d.codec->width = width;
    d.codec->height = height;
    d.codec->time_base = AVRational{1, fps};
    d.codec->framerate = AVRational{fps, 1};
    d.codec->pix_fmt = AV_PIX_FMT_YUV420P;
    d.codec->gop_size = keyframeEvery;
    if (d.format->oformat->flags & AVFMT_GLOBALHEADER)
        d.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    d.check(avcodec_open2(d.codec, encoder, nullptr), "open the H.264 encoder");
    d.check(avcodec_parameters_from_context(d.stream->codecpar, d.codec), "describe the stream");
    d.stream->time_base = d.codec->time_base;
    d.check(avio_open(&d.format->pb, path.c_str(), AVIO_FLAG_WRITE), "create the file");
    d.check(avformat_write_header(d.format, nullptr), "write the header");
    d.open = true;
    d.frame = av_frame_alloc();
    d.packet = av_packet_alloc();
    if (!d.frame || !d.packet)
        throw std::runtime_error("no memory for the encoder");
    d.frame->format = AV_PIX_FMT_YUV420P;
    d.frame->width = width;
    d.frame->height = height;
    d.check(av_frame_get_buffer(d.frame, 0), "allocate a frame");
    d.scale = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr,
                             nullptr, nullptr);
    if (!d.scale)
        throw std::runtime_error("no conversion from BGR to YUV 4:2:0");
}

H264Writer::~H264Writer()
{
    try {
        finish();
    } catch (const std::exception&) {
        // A destructor must not throw; finish() reports to a caller that wants to know.
    }
}

void H264Writer::write(const cv::Mat& bgr)
{
    Impl& d = *impl_;
    if (bgr.cols != d.codec->width || bgr.rows != d.codec->height || bgr.type() != CV_8UC3)
        throw std::runtime_error(d.path + ": a frame of the wrong size or type");
    d.check(av_frame_make_writable(d.frame), "reuse a frame");
    const std::uint8_t* planes[1] = {bgr.data};
    const int strides[1] = {static_cast<int>(bgr.step[0])};
    sws_scale(d.scale, planes, strides, 0, bgr.rows, d.frame->data, d.frame->linesize);
    d.frame->pts = d.next++;
    d.encode(d.frame);
}

void H264Writer::finish()
{
    Impl& d = *impl_;
    if (!d.open)
        return;
    d.open = false;
    d.encode(nullptr);
    d.check(av_write_trailer(d.format), "write the index");
    avio_closep(&d.format->pb);
}

} // namespace delineo::bench
