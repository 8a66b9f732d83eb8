#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace delineo::core {

// A video's fast-seeking copy. A seek in H.264 decodes from the keyframe before the frame, and
// recorders and editors write a keyframe every 5 to 10 s (x264's default: 250 frames), so a jump
// along the timeline of such a procedure waits for up to 250 frames to decode. As CVAT does with its
// chunks, the video is written once more, in the background, with a keyframe every 12 frames, at a
// near-transparent quality (x264, CRF 18), and VideoStream reads the copy from then on: same frames,
// same numbers, same size. The copy is kept in a cache folder under the video's path, size and
// modification time (a changed video gets a new one), the least recently used dropped over a budget.
// Written by the delineo-decoder program, so that damaged data it meets costs the copy, not the app.
class VideoProxy {
public:
    struct Options {
        std::string cacheDir;                              // where copies are kept
        int longestGap = 12; // keyframes at most this far apart (as in a copy): no copy needed
        std::uint64_t budgetBytes = std::uint64_t(20) << 30; // copies kept, the least recently used dropped first
    };
    enum class Outcome { Built, NotNeeded, Cancelled };

    // $XDG_CACHE_HOME/Delineo/video-copies (~/.cache/...).
    static std::string defaultCacheDir();
    // Where the copy of `video` is kept in `cacheDir`.
    static std::string pathFor(const std::string& video, const std::string& cacheDir);
    // The copy of `video` in `cacheDir` when there is one with the video's frame count, size and rate
    // (its use is noted, for the budget); empty when there is none or the video cannot be read.
    static std::string find(const std::string& video, const std::string& cacheDir);
    // The file where the copy of `video` would be, when there is one (its use noted), not yet
    // checked: for a stream, whose useCopy checks it against the header it has read.
    static std::string existing(const std::string& video, const std::string& cacheDir);
    // True when `copy` reads as a video of that frame count and size, at that rate within 1%.
    static bool matches(const std::string& copy, int frames, int width, int height, double fps);

    // Writes the copy unless the video's keyframes lie at most `longestGap` frames apart (NotNeeded),
    // first into a temporary file, renamed into place once complete and checked; then drops the
    // least recently used copies over the budget. `progress(done, frames)` is called as it goes (on
    // this thread); `cancel` is checked at least every 100 ms (Cancelled, nothing left behind).
    // Throws ImageError: the video cannot be read or decoded to its end, no decoder program, the
    // folder cannot be written (WriteFailed).
    static Outcome build(const std::string& video, const Options& options,
                         const std::function<void(int done, int frames)>& progress = {},
                         const std::atomic<bool>* cancel = nullptr);
};

} // namespace delineo::core
