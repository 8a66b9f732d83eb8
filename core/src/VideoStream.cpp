#include "delineo/core/VideoStream.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/VideoProxy.h"
#include "delineo/core/VideoReader.h"
#include "delineo/ml/Sandbox.h"
#include "DecoderProtocol.h"
#include "FrameBufferPool.h"
#include "HelperSpawn.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <list>
#include <mutex>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace delineo::core {

using decoder::kExtend;
using decoder::kRelease;
using decoder::kSlots;
using decoder::kWant;
using decoder::MessageReader;
using decoder::Reply;
using decoder::Request;

namespace {

// The decoder helper: DELINEO_DECODER names it ("fork": none, decode in a fork of this process);
// otherwise the one installed with this program or built beside it. Empty: fork.
std::string findDecoderHelper()
{
    if (const char* env = std::getenv("DELINEO_DECODER"); env && *env)
        return std::string(env) == "fork" ? std::string() : std::string(env);
    return helperProgram("delineo-decoder");
}

} // namespace

struct VideoStream::Impl {
    std::string path;
    std::string source; // what the decoder opens: `path`, or its fast-seeking copy
    Options options;
    int frames = 0, width = 0, height = 0;
    double fps = 0;
    std::size_t frameBytes = 0, slotBytes = 0;
    std::uint8_t* ring = nullptr;
    int ringFd = -1; // the shared memory file of `ring`, which a spawned decoder maps
    std::string program; // the decoder helper started last; empty: a fork of this process

    mutable std::mutex mutex;
    pid_t pid = -1;
    int toDecoder = -1, fromDecoder = -1, starts = 0;
    int seeksBefore = 0, seeks = 0; // keyframe seeks by earlier decoders, and by this one
    MessageReader<Reply> replies;
    int aheadFrom = -1, aheadTo = -1; // frames the decoder is producing now
    int deliveredTo = -1;             // of those, delivered through this one
    int runs = 0;                     // kWant sent to this decoder
    int keptRun = 0;                  // the run whose frames are kept (-1: none, the viewer left it)
    int waitingFor = -1;              // the frame frame() waits for

    struct Cached {
        std::shared_ptr<Image> frame; // handed out as const; mutable here to take back its bytes
        std::list<int>::iterator use;
    };
    std::unordered_map<int, Cached> cache;
    std::list<int> recent; // most recently used first
    std::size_t cachedBytes = 0;
    std::unordered_map<int, std::string> bad; // frames that failed or crashed the decoder, and why
    // Touched buffers for the next frames (see FrameBufferPool).
    std::unique_ptr<FrameBufferPool> pool;
    int freshFor = -1; // the frame whose showing has copied a frame into fresh memory

    ~Impl()
    {
        stopDecoder();
        if (ring)
            ::munmap(ring, slotBytes * kSlots);
        if (ringFd >= 0)
            ::close(ringFd);
    }

    // Stops the decoder (kills it, or with `signal`, waits for its end and says which signal ended
    // it); its exit status when it exited.
    int stopDecoder(int* signal = nullptr)
    {
        if (pid <= 0)
            return -1;
        ::close(toDecoder);
        ::close(fromDecoder);
        toDecoder = fromDecoder = -1;
        if (!signal)
            ::kill(pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (signal)
            *signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        pid = -1;
        seeksBefore += seeks;
        seeks = 0;
        replies.pending.clear();
        aheadFrom = aheadTo = -1;
        runs = keptRun = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    void startDecoder()
    {
        int down[2], up[2];
        // Down a socket, which ml::writeAll writes with MSG_NOSIGNAL: a decoder that died must not
        // take the app with it through SIGPIPE before its end of stream is seen.
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, down) != 0)
            throw ImageError(ErrorCode::Unreadable, path + ": cannot start the decoder: " + std::strerror(errno));
        if (::pipe2(up, O_CLOEXEC) != 0) {
            ::close(down[0]);
            ::close(down[1]);
            throw ImageError(ErrorCode::Unreadable, path + ": cannot start the decoder: " + std::strerror(errno));
        }
        program = findDecoderHelper();
        pid_t child = -1;
        int error = 0;
        if (!program.empty()) {
            child = spawn(down[0], up[1], error);
        } else {
            child = ::fork();
            error = errno;
            if (child == 0) {
                ::close(down[1]);
                ::close(up[0]);
                ml::becomeSandboxChild();
                ::_exit(decoder::loop(source, frames, width, height, fps, options.readAhead, slotBytes, ring, down[0],
                                      up[1]));
            }
        }
        ::close(down[0]);
        ::close(up[1]);
        if (child < 0) {
            ::close(down[1]);
            ::close(up[0]);
            throw ImageError(ErrorCode::Unreadable, path + ": cannot start the decoder" +
                                                        (program.empty() ? std::string() : " " + program) + ": " +
                                                        std::strerror(error));
        }
        pid = child;
        toDecoder = down[1];
        fromDecoder = up[0];
        ++starts;
    }

    // Starts the helper with `in`, `out` and the frame memory as its fds 3, 4 and 5; -1 and `error`
    // when it cannot be started.
    pid_t spawn(int in, int out, int& error)
    {
        char fpsText[32];
        std::snprintf(fpsText, sizeof fpsText, "%.17g", fps);
        return spawnHelper({program, decoder::kProtocol, source, std::to_string(frames), std::to_string(width),
                            std::to_string(height), fpsText, std::to_string(options.readAhead),
                            std::to_string(slotBytes)},
                           {{in, 3}, {out, 4}, {ringFd, 5}}, error);
    }

    void send(std::int32_t kind, std::int32_t value)
    {
        const Request q{kind, value};
        ml::writeAll(toDecoder, &q, sizeof q); // a failure is left to collect(), which sees the end
    }

    void want(int from)
    {
        if (pid <= 0)
            startDecoder();
        send(kWant, from);
        keptRun = ++runs;
        aheadFrom = from;
        aheadTo = std::min(frames - 1, from + options.readAhead);
        deliveredTo = from - 1;
    }

    // Frame `index` from the decoder's `slot`, into the cache.
    void remember(int index, int slot)
    {
        if (cache.count(index))
            return;
        std::vector<std::uint8_t> storage = pool->take();
        recent.push_front(index);
        cache[index] = {std::make_shared<Image>(videoFrameImage(path, index, width, height,
                                                                ring + static_cast<std::size_t>(slot) * slotBytes,
                                                                std::move(storage))),
                        recent.begin()};
        cachedBytes += frameBytes;
        // Least recently used frames go first; the newest and the one being waited for stay, even
        // over budget (one reply batch may bring more frames than the budget holds).
        while (cachedBytes > options.cacheBytes) {
            auto oldest = std::prev(recent.end());
            if (*oldest == waitingFor && oldest != recent.begin())
                --oldest;
            if (oldest == recent.begin())
                break;
            auto gone = cache.find(*oldest);
            if (gone->second.frame.use_count() == 1)
                pool->give(std::move(gone->second.frame->bytes));
            cache.erase(gone);
            recent.erase(oldest);
            cachedBytes -= frameBytes;
        }
        prepareBuffers();
    }

    // While the cache still grows, a few buffers are touched ahead of the frames that will fill them.
    void prepareBuffers()
    {
        const std::size_t room = cachedBytes < options.cacheBytes ? (options.cacheBytes - cachedBytes) / frameBytes : 0;
        pool->prepare(std::min(static_cast<std::size_t>(std::max(0, options.touchAhead)), room));
    }

    // Takes what the decoder has delivered; waits up to `waitMs` for more when nothing is queued.
    // With `until`, copies no frame after that one into fresh memory: the frames read ahead behind
    // it stay queued, their slots held, for the next call, so that a caller waiting for it does not
    // wait for their page faults too, and a seek elsewhere next drops them uncopied. With
    // `fresh`, copies at most that many other frames into fresh memory (at 1080p each costs ~20 ms
    // of page faults), so that playback at the file's rate, when the pool falls behind, spreads them
    // over the frames shown rather than stalling one. While buffers are ready, copies are cheap and
    // the slots go back at once, so the decoder reads ahead while the caller shows the frame.
    // False when the decoder ended.
    bool collect(int waitMs, int until = -1, int fresh = kSlots)
    {
        const bool queued = replies.pending.size() >= sizeof(Reply);
        pollfd p{fromDecoder, POLLIN, 0};
        const int ready = ::poll(&p, 1, queued ? 0 : waitMs);
        if (!queued && (ready == 0 || (ready < 0 && errno == EINTR)))
            return true;
        if (ready > 0 && !replies.fill(fromDecoder))
            return false;
        if (ready < 0 && errno != EINTR)
            return false;
        std::vector<Request> released;
        for (Reply r; replies.next(r);) {
            seeks = std::max(seeks, static_cast<int>(r.seeks));
            if (r.slot >= 0 && r.slot < kSlots && r.index >= 0 && r.index < frames) {
                const bool kept = r.run == keptRun;
                if (kept && r.index != until && !cache.count(r.index) && !pool->ready() && fresh-- <= 0) {
                    replies.unread(r);
                    break;
                }
                // Frames read ahead of a place the viewer has left are dropped, not copied: at 1080p
                // each copy costs milliseconds, just when a seek waits for the decoder's slots.
                if (kept) {
                    deliveredTo = std::max(deliveredTo, r.index);
                    remember(r.index, r.slot);
                }
                released.push_back({kRelease, r.slot});
                if (kept && r.index == until) {
                    if (!pool->ready())
                        break;
                    fresh = 0; // the caller has its frame: the rest only into buffers made ready
                }
            } else if (r.slot < 0) {
                const int at = r.index >= 0 ? r.index : std::max(0, aheadFrom); // < 0: it could not open the file
                bad[at] = path + (r.index >= 0 ? ": frame " + std::to_string(at) + " cannot be decoded"
                                               : ": the decoder cannot open the video");
                if (r.run == runs || r.index < 0)
                    aheadFrom = aheadTo = -1; // the decoder stopped there
            }
        }
        if (!released.empty()) // at once: the decoder wakes to all its free slots, and a want sent next
            ml::writeAll(toDecoder, released.data(), released.size() * sizeof(Request));
        return true;
    }

    std::shared_ptr<const Image> cached(int index)
    {
        auto it = cache.find(index);
        if (it == cache.end())
            return nullptr;
        recent.splice(recent.begin(), recent, it->second.use);
        return it->second.frame;
    }

    // Keeps the decoder half a read-ahead in front of `index`. While it is still producing the
    // frames up to there, it is told to go on rather than to start again: a fresh start at a frame
    // it has decoded but not yet handed over would send it back to the keyframe.
    void readAheadOf(int index)
    {
        const int horizon = std::min(frames - 1, index + std::max(1, options.readAhead / 2));
        if (aheadFrom >= 0 && aheadFrom <= index + 1 && aheadTo >= horizon)
            return;
        const int through = std::min(frames - 1, index + options.readAhead);
        for (int j = index + 1; j <= through; ++j)
            if (!cache.count(j) && !bad.count(j)) {
                if (pid > 0 && aheadFrom >= 0 && aheadFrom <= j && j > deliveredTo && j <= aheadTo + 1) {
                    send(kExtend, through);
                    aheadTo = through;
                } else {
                    want(j);
                }
                return;
            }
    }
};

namespace {
std::atomic<std::size_t> defaultCacheBytes{VideoStream::Options{}.cacheBytes};
}

VideoStream::Options VideoStream::defaultOptions()
{
    Options o;
    o.cacheBytes = defaultCacheBytes.load();
    return o;
}

void VideoStream::setDefaultCacheBytes(std::size_t bytes)
{
    defaultCacheBytes = std::max<std::size_t>(bytes, std::size_t(16) << 20);
}

VideoStream::VideoStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

VideoStream::~VideoStream() = default;

std::unique_ptr<VideoStream> VideoStream::open(const std::string& path, const Options& options)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    impl->options.readAhead = std::clamp(options.readAhead, 0, 1000);
    {
        const VideoReader probe(path); // the container's header only: nothing is decoded here
        impl->frames = probe.frameCount();
        impl->width = probe.width();
        impl->height = probe.height();
        impl->fps = probe.fps();
    }
    impl->source = path;
    impl->frameBytes = static_cast<std::size_t>(impl->width) * impl->height * 3;
    impl->slotBytes = ml::pageRounded(impl->frameBytes);
    // Frames read ahead beyond what the cache holds would push each other out before being shown.
    const auto holds = static_cast<int>(std::min<std::size_t>(impl->options.cacheBytes / impl->frameBytes, 1000));
    impl->options.readAhead = std::min(impl->options.readAhead, std::max(0, holds - 1));
    // The frames' shared memory as a file, which a decoder program maps (a fork would inherit it).
    impl->ringFd = ::memfd_create("delineo-frames", MFD_CLOEXEC);
    const auto ringBytes = static_cast<off_t>(impl->slotBytes * kSlots);
    void* mapped = impl->ringFd >= 0 && ::ftruncate(impl->ringFd, ringBytes) == 0
                       ? ::mmap(nullptr, impl->slotBytes * kSlots, PROT_READ | PROT_WRITE, MAP_SHARED, impl->ringFd, 0)
                       : MAP_FAILED;
    if (mapped == MAP_FAILED)
        throw ImageError(ErrorCode::TooLarge, path + ": no memory for the decoder's frames: " + std::strerror(errno));
    impl->ring = static_cast<std::uint8_t*>(mapped);
    impl->pool = std::make_unique<FrameBufferPool>(impl->frameBytes); // filled from the first frame on
    return std::unique_ptr<VideoStream>(new VideoStream(std::move(impl)));
}

const std::string& VideoStream::path() const { return impl_->path; }
int VideoStream::frameCount() const { return impl_->frames; }
double VideoStream::fps() const { return impl_->fps; }
int VideoStream::width() const { return impl_->width; }
int VideoStream::height() const { return impl_->height; }

bool VideoStream::isCached(int index) const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->cache.count(index) > 0;
}

std::size_t VideoStream::cachedBytes() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->cachedBytes;
}

int VideoStream::decoderStarts() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->starts;
}

std::string VideoStream::decoderProgram() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->program;
}

int VideoStream::decoderSeeks() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->seeksBefore + impl_->seeks;
}

std::string VideoStream::decodingFrom() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->source;
}

bool VideoStream::useCopy(const std::string& copy)
{
    Impl& d = *impl_;
    if (!VideoProxy::matches(copy, d.frames, d.width, d.height, d.fps))
        return false;
    std::lock_guard<std::mutex> lock(d.mutex);
    d.stopDecoder(); // the next frame asked for starts one on the copy
    d.source = copy;
    d.bad.clear();
    return true;
}

std::shared_ptr<const Image> VideoStream::frame(int index, const std::atomic<bool>* cancel)
{
    Impl& d = *impl_;
    std::lock_guard<std::mutex> lock(d.mutex);
    if (index < 0 || index >= d.frames)
        throw ImageError(ErrorCode::WrongSize, d.path + ": frame " + std::to_string(index) + " out of range (" +
                                                   std::to_string(d.frames) + " frames)");
    if (!d.cache.count(index) && (index < d.aheadFrom || index > d.aheadTo)) {
        // Leaving the place the decoder reads ahead of: what it has decoded there is dropped, not
        // copied, while this frame waits. Asked for before the slots of those frames are given
        // back, so that the decoder, woken by them, does not start another frame of the old place.
        d.keptRun = -1;
        d.aheadFrom = d.aheadTo = -1;
        if (d.pid > 0 && !d.bad.count(index))
            d.want(index);
    }
    // One frame read ahead may go into fresh memory per frame shown (frame() is asked for the
    // same frame several times while it is shown).
    const int fresh = d.freshFor == index ? 0 : 1;
    d.freshFor = index;
    if (d.pid > 0 && !d.collect(0, -1, fresh))
        d.stopDecoder();
    if (auto f = d.cached(index)) {
        d.readAheadOf(index);
        return f;
    }
    if (d.bad.count(index))
        throw ImageError(ErrorCode::Corrupt, d.bad[index]);
    if (d.pid <= 0 || index < d.aheadFrom || index > d.aheadTo || index <= d.deliveredTo) // (delivered: evicted since)
        d.want(index);
    auto lastNews = std::chrono::steady_clock::now();
    d.waitingFor = index;
    struct Done {
        int& waiting;
        ~Done() { waiting = -1; }
    } done{d.waitingFor};
    for (;;) {
        // Memory for the frame on its way, touched while the decoder works (on the other core)
        // rather than in page faults once the frame is there.
        if (!d.pool->ready())
            d.pool->give(std::vector<std::uint8_t>(d.frameBytes));
        const std::size_t before = d.cache.size() + d.bad.size();
        if (!d.collect(100, index)) {
            int signal = 0;
            if (d.stopDecoder(&signal) == decoder::kWrongProtocol && !d.program.empty())
                throw ImageError(ErrorCode::Unreadable, d.path + ": the video decoder " + d.program +
                                                            " belongs to another version of Delineo; reinstall Delineo");
            const std::string why = d.path + ": the decoder crashed on damaged data at frame " + std::to_string(index) +
                                    (signal ? " (signal " + std::to_string(signal) + ")" : std::string());
            d.bad[index] = why;
            throw ImageError(ErrorCode::Corrupt, why);
        }
        if (auto f = d.cached(index)) {
            d.readAheadOf(index);
            return f;
        }
        if (d.bad.count(index))
            throw ImageError(ErrorCode::Corrupt, d.bad[index]);
        if (cancel && cancel->load())
            return nullptr;
        if (index > d.aheadTo) // the decoder stopped before it (a bad frame): ask from here
            d.want(index);
        if (d.cache.size() + d.bad.size() != before)
            lastNews = std::chrono::steady_clock::now();
        else if (std::chrono::steady_clock::now() - lastNews > std::chrono::seconds(d.options.stallSeconds)) {
            d.stopDecoder();
            throw ImageError(ErrorCode::Corrupt, d.path + ": the decoder delivered no frame for " +
                                                     std::to_string(d.options.stallSeconds) + " s");
        }
    }
}

} // namespace delineo::core
