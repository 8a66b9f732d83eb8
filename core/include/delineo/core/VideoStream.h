#pragma once
#include "delineo/core/Image.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

namespace delineo::core {

// A video of any length, opened without decoding it: frames are decoded on demand by a decoder in a
// process of its own, the delineo-decoder helper (FFmpeg reads damaged streams with native code
// Delineo cannot check; a crash there costs that frame, not the app), kept in a cache bounded by a memory budget, and the
// frames after the one asked for are decoded ahead, so that playback and stepping find them ready.
// A seek lands on the keyframe before the frame (FFmpeg's index) and decodes forward. Thread-safe.
class VideoStream {
public:
    struct Options {
        std::size_t cacheBytes = std::size_t(512) << 20; // decoded frames kept (Preferences)
        int readAhead = 12;                              // frames decoded ahead of the one asked for
        int stallSeconds = 60;                           // a decoder silent this long is stopped
        int touchAhead = 3; // frame buffers made ready ahead, off the caller's thread, while the cache fills
    };

    // Reads the container's header only. Throws ImageError (not found, not a video, no frames,
    // frame size over the limits).
    static std::unique_ptr<VideoStream> open(const std::string& path, const Options& options);
    static std::unique_ptr<VideoStream> open(const std::string& path) { return open(path, defaultOptions()); }
    // What open(path) uses; Preferences set the cache budget here.
    static Options defaultOptions();
    static void setDefaultCacheBytes(std::size_t bytes);
    ~VideoStream();
    VideoStream(const VideoStream&) = delete;
    VideoStream& operator=(const VideoStream&) = delete;

    const std::string& path() const;
    int frameCount() const;
    double fps() const;
    int width() const;
    int height() const;

    // Frame `index` (0-based) as RGB, decoded now or taken from the cache. Throws ImageError:
    // out of range, or a frame the decoder cannot decode or crashed on (the next call starts a
    // new decoder, so the rest of the video stays readable).
    // With `cancel`: null once it is set while the frame is awaited (checked every 100 ms).
    std::shared_ptr<const Image> frame(int index, const std::atomic<bool>* cancel = nullptr);
    // Whether `index` is decoded and cached (a timeline can show it; playback can skip ahead).
    bool isCached(int index) const;
    std::size_t cachedBytes() const;
    int decoderStarts() const; // 1 after the first frame; more after crashes
    // The program the decoder started last runs: the helper's path, or empty for a fork of this
    // process (the helper was not found, or DELINEO_DECODER=fork).
    std::string decoderProgram() const;
    // Times the decoder went back to a keyframe: a jump ahead within the group of pictures being
    // decoded decodes on instead.
    int decoderSeeks() const;
    // The file frames are decoded from: the video, or its fast-seeking copy (VideoProxy).
    std::string decodingFrom() const;
    // Decodes from `copy` from the next frame asked for on (frames already decoded stay), when it
    // has the video's frame count, size and rate; false otherwise. For a viewer jumping about: what
    // reads a video through in order (a model run, an export) reads the video itself.
    bool useCopy(const std::string& copy);

private:
    struct Impl;
    explicit VideoStream(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace delineo::core
