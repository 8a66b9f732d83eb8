#include "delineo/core/VideoStream.h"
#include "delineo/core/Errors.h"
#include "delineo/core/VideoReader.h"
#include "delineo/ml/Sandbox.h"
#include "FfmpegDecoder.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
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

namespace {

constexpr int kSlots = 6; // frames the decoder may hand over before the app has taken them

// Parent to decoder: decode from frame `value` on (kWant); go on with the frames in hand through
// frame `value` (kExtend: no seek, nothing decoded twice); or slot `value` is free again (kRelease).
struct Request {
    std::int32_t kind, value;
};
constexpr std::int32_t kWant = 0, kRelease = 1, kExtend = 2;
// Decoder to parent: frame `index` is in `slot`; or slot < 0: it failed with ErrorCode `code`.
// `run`: how many kWant it had read then (replies to an earlier one may still arrive after a new
// one); `seeks`: its keyframe seeks so far.
struct Reply {
    std::int32_t index, slot, code, run, seeks;
};

// Reads whole messages of type T from a byte stream that may split them.
template <typename T>
struct MessageReader {
    std::vector<char> pending;
    // Appends what `fd` has; false at end of stream or error.
    bool fill(int fd)
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            pending.insert(pending.end(), buffer, buffer + n);
            return true;
        }
    }
    bool next(T& out)
    {
        if (pending.size() < sizeof(T))
            return false;
        std::memcpy(&out, pending.data(), sizeof(T));
        pending.erase(pending.begin(), pending.begin() + sizeof(T));
        return true;
    }
};

// The decoder process: serves "from frame N on" requests, decoding up to `readAhead` frames past N
// in order while slots are free, and answers the latest request first.
int decoderLoop(const std::string& path, int frames, int width, int height, double fps, int readAhead,
                std::size_t slotBytes, std::uint8_t* ring, int in, int out)
{
    std::unique_ptr<FfmpegDecoder> decoder;
    try {
        decoder = std::make_unique<FfmpegDecoder>(path, width, height, fps);
    } catch (const ImageError& e) {
        const Reply r{-1, -1, static_cast<std::int32_t>(e.code()), 0, 0};
        ml::writeAll(out, &r, sizeof r);
        return 3;
    }
    std::vector<int> freeSlots;
    for (int s = kSlots - 1; s >= 0; --s)
        freeSlots.push_back(s);
    int next = -1, left = 0, run = 0;
    MessageReader<Request> requests;
    for (;;) {
        const bool work = next >= 0 && next < frames && left > 0 && !freeSlots.empty();
        pollfd p{in, POLLIN, 0};
        const int ready = ::poll(&p, 1, work ? 0 : -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready > 0) {
            if (!requests.fill(in))
                return 0; // the app closed the stream
            for (Request q; requests.next(q);) {
                if (q.kind == kWant) {
                    ++run;
                    next = q.value;
                    left = readAhead + 1;
                } else if (q.kind == kExtend) {
                    if (next >= 0)
                        left = std::max(left, q.value - next + 1);
                } else if (q.value >= 0 && q.value < kSlots) {
                    freeSlots.push_back(q.value);
                }
            }
            continue;
        }
        if (!work)
            continue;
        const int slot = freeSlots.back();
        Reply r{next, slot, 0, run, 0};
        try {
            decoder->decode(next, ring + static_cast<std::size_t>(slot) * slotBytes);
            freeSlots.pop_back();
            ++next;
            --left;
        } catch (const ImageError& e) {
            r.slot = -1;
            r.code = static_cast<std::int32_t>(e.code());
            left = 0; // the app asks again, past the bad frame, if it wants more
            next = -1; // and an extension does not retry it
        }
        r.seeks = decoder->seeks();
        ml::writeAll(out, &r, sizeof r);
    }
}

} // namespace

struct VideoStream::Impl {
    std::string path;
    Options options;
    int frames = 0, width = 0, height = 0;
    double fps = 0;
    std::size_t frameBytes = 0, slotBytes = 0;
    std::uint8_t* ring = nullptr;

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
    // The pixels of frames pushed out of the cache that nobody else held, for the next frames: a
    // fresh 1080p buffer costs 17 ms of page faults on a virtual machine, a touched one 0.3 ms.
    std::vector<std::vector<std::uint8_t>> spare;
    static constexpr std::size_t kSpare = 2;

    ~Impl()
    {
        stopDecoder();
        if (ring)
            ::munmap(ring, slotBytes * kSlots);
    }

    void stopDecoder(int* signal = nullptr)
    {
        if (pid <= 0)
            return;
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
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(down[1]);
            ::close(up[0]);
            ml::becomeSandboxChild();
            ::_exit(decoderLoop(path, frames, width, height, fps, options.readAhead, slotBytes, ring, down[0], up[1]));
        }
        ::close(down[0]);
        ::close(up[1]);
        if (child < 0) {
            ::close(down[1]);
            ::close(up[0]);
            throw ImageError(ErrorCode::Unreadable, path + ": cannot start the decoder: " + std::strerror(errno));
        }
        pid = child;
        toDecoder = down[1];
        fromDecoder = up[0];
        ++starts;
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
        std::vector<std::uint8_t> storage;
        if (!spare.empty()) {
            storage = std::move(spare.back());
            spare.pop_back();
        }
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
            if (gone->second.frame.use_count() == 1 && spare.size() < kSpare)
                spare.push_back(std::move(gone->second.frame->bytes));
            cache.erase(gone);
            recent.erase(oldest);
            cachedBytes -= frameBytes;
        }
    }

    // Takes what the decoder has delivered; waits up to `waitMs` for more when nothing is queued.
    // With `until`, stops after that frame while no spare memory is left (the cache still filling):
    // the frames read ahead behind it stay queued, their slots held, for the next call, so that a
    // caller waiting for it does not wait for their page faults too, and a seek elsewhere next
    // drops them uncopied. Once frames are recycled, copies are cheap and the slots go back at once,
    // so the decoder reads ahead while the caller shows the frame. False when the decoder ended.
    bool collect(int waitMs, int until = -1)
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
                // Frames read ahead of a place the viewer has left are dropped, not copied: at 1080p
                // each copy costs milliseconds, just when a seek waits for the decoder's slots.
                if (r.run == keptRun) {
                    deliveredTo = std::max(deliveredTo, r.index);
                    remember(r.index, r.slot);
                }
                released.push_back({kRelease, r.slot});
                if (r.index == until && r.run == keptRun && spare.empty())
                    break;
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
    impl->frameBytes = static_cast<std::size_t>(impl->width) * impl->height * 3;
    impl->slotBytes = ml::pageRounded(impl->frameBytes);
    // Frames read ahead beyond what the cache holds would push each other out before being shown.
    const auto holds = static_cast<int>(std::min<std::size_t>(impl->options.cacheBytes / impl->frameBytes, 1000));
    impl->options.readAhead = std::min(impl->options.readAhead, std::max(0, holds - 1));
    void* mapped = ::mmap(nullptr, impl->slotBytes * kSlots, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw ImageError(ErrorCode::TooLarge, path + ": no memory for the decoder's frames");
    impl->ring = static_cast<std::uint8_t*>(mapped);
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

int VideoStream::decoderSeeks() const
{
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->seeksBefore + impl_->seeks;
}

std::shared_ptr<const Image> VideoStream::frame(int index)
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
    if (d.pid > 0 && !d.collect(0))
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
        if (d.spare.empty())
            d.spare.emplace_back(d.frameBytes);
        const std::size_t before = d.cache.size() + d.bad.size();
        if (!d.collect(100, index)) {
            int signal = 0;
            d.stopDecoder(&signal);
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
