#include "FfmpegDecoder.h"
#include "delineo/core/Errors.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <vector>

namespace delineo::core {

struct FfmpegDecoder::Impl {
    std::string path;
    int width = 0, height = 0;
    double fps = 0;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* scale = nullptr;
    int stream = -1;
    double timeBase = 0; // seconds per timestamp unit
    std::int64_t start = 0;
    int last = -1;       // index of the frame decoded last
    int target = -1;     // while seeking: frames before it that nothing refers to are not decoded
    int seeks = 0;
    bool drained = false; // the demuxer ended and the decoder was told so

    ~Impl()
    {
        sws_freeContext(scale);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }

    // True when `index` lies ahead in the group of pictures being decoded: decoding on from here
    // then costs less than going back to its keyframe (scrubbing forward through H.264).
    bool reachesForward(int index) const
    {
        if (last < 0 || index <= last || drained)
            return false;
        const AVIndexEntry* key =
            avformat_index_get_entry_from_timestamp(format->streams[stream], timestampOf(index), AVSEEK_FLAG_BACKWARD);
        return key && indexOf(key->timestamp) <= last;
    }

    [[noreturn]] void fail(ErrorCode code, const std::string& why) const { throw ImageError(code, path + ": " + why); }

    int indexOf(std::int64_t pts) const { return static_cast<int>(std::llround((pts - start) * timeBase * fps)); }
    std::int64_t timestampOf(int index) const { return start + std::llround(index / fps / timeBase); }

    // The next frame in decoding order into `frame`; false at the end of the stream.
    bool next()
    {
        for (;;) {
            const int got = avcodec_receive_frame(codec, frame);
            if (got == 0)
                return true;
            if (got != AVERROR(EAGAIN))
                return false; // the end, or a decoder error
            if (drained)
                return false;
            const int read = av_read_frame(format, packet);
            if (read < 0) {
                drained = true;
                avcodec_send_packet(codec, nullptr);
                continue;
            }
            if (packet->stream_index == stream) {
                const bool before = target >= 0 && packet->pts != AV_NOPTS_VALUE && indexOf(packet->pts) < target;
                codec->skip_frame = before ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
                avcodec_send_packet(codec, packet); // a damaged packet is skipped; the frame count decides
            }
            av_packet_unref(packet);
        }
    }
};

FfmpegDecoder::FfmpegDecoder(const std::string& path, int width, int height, double fps)
    : impl_(std::make_unique<Impl>())
{
    Impl& d = *impl_;
    d.path = path;
    d.width = width;
    d.height = height;
    av_log_set_level(AV_LOG_ERROR);
    if (avformat_open_input(&d.format, path.c_str(), nullptr, nullptr) < 0)
        d.fail(ErrorCode::UnsupportedFormat, "FFmpeg cannot open it as a video");
    if (avformat_find_stream_info(d.format, nullptr) < 0)
        d.fail(ErrorCode::Corrupt, "FFmpeg finds no stream information");
    const AVCodec* decoder = nullptr;
    d.stream = av_find_best_stream(d.format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (d.stream < 0 || !decoder)
        d.fail(ErrorCode::UnsupportedFormat, "no video stream FFmpeg can decode");
    const AVStream* s = d.format->streams[d.stream];
    d.codec = avcodec_alloc_context3(decoder);
    if (!d.codec || avcodec_parameters_to_context(d.codec, s->codecpar) < 0)
        d.fail(ErrorCode::Corrupt, "unusable codec parameters");
    d.codec->thread_count = 1; // measured: frame threads do not shorten a seek here, and the app has the other core
    if (avcodec_open2(d.codec, decoder, nullptr) < 0)
        d.fail(ErrorCode::UnsupportedCompression, std::string("FFmpeg cannot decode ") + decoder->name);
    d.timeBase = av_q2d(s->time_base);
    d.fps = fps > 0 ? fps : av_q2d(s->avg_frame_rate);
    if (!(d.timeBase > 0) || !(d.fps > 0))
        d.fail(ErrorCode::Corrupt, "the stream has no usable time base or frame rate");
    d.start = s->start_time != AV_NOPTS_VALUE ? s->start_time : 0;
    d.frame = av_frame_alloc();
    d.packet = av_packet_alloc();
    if (!d.frame || !d.packet)
        d.fail(ErrorCode::TooLarge, "no memory for decoding");
}

FfmpegDecoder::~FfmpegDecoder() = default;

const AVFrame* FfmpegDecoder::decodeFrame(int index)
{
    Impl& d = *impl_;
    if (index == d.last && d.frame->buf[0]) // asked again, or the frame before it is missing
        return d.frame;
    if (index != d.last + 1 && d.reachesForward(index)) {
        d.target = index; // on through the frames between, dropping those nothing refers to
    } else if (index != d.last + 1) {
        // To the keyframe at or before the frame; the frames between are decoded and dropped.
        if (av_seek_frame(d.format, d.stream, d.timestampOf(index), AVSEEK_FLAG_BACKWARD) < 0)
            d.fail(ErrorCode::Corrupt, "cannot seek to frame " + std::to_string(index));
        ++d.seeks;
        avcodec_flush_buffers(d.codec);
        d.drained = false;
        d.last = -2; // unknown until a frame says where it is
        d.target = index;
    }
    for (;;) {
        if (!d.next())
            d.fail(ErrorCode::Corrupt, "frame " + std::to_string(index) + " cannot be decoded");
        const std::int64_t pts = d.frame->best_effort_timestamp;
        d.last = pts != AV_NOPTS_VALUE ? d.indexOf(pts) : d.last + 1;
        if (d.last >= index) // a frame the stream lacks is shown as the one after it
            break;
    }
    d.target = -1;
    // Checked before any copy: a stream whose frame size changes mid-way is damaged.
    if (d.frame->width != d.width || d.frame->height != d.height)
        d.fail(ErrorCode::Corrupt, "frame " + std::to_string(index) + " is " + std::to_string(d.frame->width) + "x" +
                                       std::to_string(d.frame->height) + ", not the video's size");
    return d.frame;
}

void FfmpegDecoder::decode(int index, std::uint8_t* rgb)
{
    Impl& d = *impl_;
    const AVFrame* frame = decodeFrame(index);
    d.scale = sws_getCachedContext(d.scale, d.width, d.height, static_cast<AVPixelFormat>(frame->format), d.width,
                                   d.height, AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!d.scale)
        d.fail(ErrorCode::UnsupportedFormat, "no conversion from its pixel format to RGB");
    std::uint8_t* planes[4] = {rgb, nullptr, nullptr, nullptr};
    const int strides[4] = {d.width * 3, 0, 0, 0};
    sws_scale(d.scale, frame->data, frame->linesize, 0, d.height, planes, strides);
}

int FfmpegDecoder::longestKeyframeGap(int frames) const
{
    const Impl& d = *impl_;
    AVStream* s = d.format->streams[d.stream];
    std::vector<int> keys;
    const int entries = avformat_index_get_entries_count(s);
    for (int i = 0; i < entries; ++i)
        if (const AVIndexEntry* e = avformat_index_get_entry(s, i); e && (e->flags & AVINDEX_KEYFRAME))
            keys.push_back(d.indexOf(e->timestamp));
    if (keys.size() < 2)
        return frames;
    std::sort(keys.begin(), keys.end());
    keys.push_back(frames);
    int longest = std::max(0, keys.front()); // frames before the first keyframe cannot be reached faster
    for (std::size_t i = 1; i < keys.size(); ++i)
        longest = std::max(longest, keys[i] - keys[i - 1]);
    return longest;
}

int FfmpegDecoder::seeks() const { return impl_->seeks; }

} // namespace delineo::core
