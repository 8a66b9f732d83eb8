#include "delineo/core/VideoProxy.h"
#include "delineo/core/DataSplit.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/VideoReader.h"
#include "DecoderProtocol.h"
#include "HelperSpawn.h"
#include "VideoProxyBuild.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

struct Probe {
    int frames = 0, width = 0, height = 0;
    double fps = 0;
};

Probe probe(const std::string& path)
{
    const VideoReader r(path); // the container's header only
    return {r.frameCount(), r.width(), r.height(), r.fps()};
}

// The decoder program writing the copy, its reports on a pipe; killed on cancel or when this
// object goes.
class Builder {
public:
    Builder(const std::vector<std::string>& args)
    {
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC) != 0)
            throw ImageError(ErrorCode::Unreadable, std::string("cannot start the decoder: ") + std::strerror(errno));
        int error = 0;
        pid_ = spawnHelper(args, {{pipeFds[1], 1}}, error);
        ::close(pipeFds[1]);
        from_ = pipeFds[0];
        if (pid_ < 0) {
            ::close(from_); // no destructor runs for a constructor that throws
            throw ImageError(ErrorCode::Unreadable, "cannot start the decoder " + args[0] + ": " + std::strerror(error));
        }
    }
    ~Builder()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        ::close(from_);
    }

    // The next line it reports; waits at most 100 ms (false: nothing yet, or `ended`).
    bool line(std::string& out, bool& ended)
    {
        for (;;) {
            if (const auto nl = pending_.find('\n'); nl != std::string::npos) {
                out = pending_.substr(0, nl);
                pending_.erase(0, nl + 1);
                return true;
            }
            pollfd p{from_, POLLIN, 0};
            const int ready = ::poll(&p, 1, 100);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                return false;
            char buffer[512];
            const ssize_t n = ::read(from_, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ended = true;
                return false;
            }
            pending_.append(buffer, static_cast<std::size_t>(n));
        }
    }

    // Its exit status; -1 when a signal ended it.
    int wait()
    {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t pid_ = -1;
    int from_ = -1;
    std::string pending_;
};

// Drops the least recently used copies until those left fit `budget`; never `keep`. Temporary
// files of builds that ended with the machine go after a day.
void prune(const std::string& dir, std::uint64_t budget, const std::string& keep)
{
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> copies;
    std::uint64_t total = 0;
    const auto now = fs::file_time_type::clock::now();
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const fs::path p = entry.path();
        const auto when = fs::last_write_time(p, ec);
        if (ec)
            continue;
        if (p.extension() == ".part" && now - when > std::chrono::hours(24)) {
            fs::remove(p, ec);
        } else if (p.extension() == ".mp4") {
            total += fs::file_size(p, ec);
            copies.emplace_back(when, p);
        }
    }
    std::sort(copies.begin(), copies.end());
    for (const auto& [when, p] : copies) {
        if (total <= budget)
            break;
        if (p == fs::path(keep))
            continue;
        const std::uint64_t size = fs::file_size(p, ec);
        if (fs::remove(p, ec))
            total -= std::min(total, size);
    }
}

} // namespace

std::string VideoProxy::defaultCacheDir()
{
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home && *home ? home : "/tmp") / ".cache";
    return (base / "Delineo" / "video-copies").string();
}

std::string VideoProxy::pathFor(const std::string& video, const std::string& cacheDir)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(video, ec);
    const auto size = fs::file_size(video, ec);
    if (ec)
        return {};
    const auto modified = fs::last_write_time(video, ec).time_since_epoch().count();
    if (ec)
        return {};
    std::ostringstream key;
    key << absolute.string() << '\n' << size << '\n' << modified;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(key.str())));
    return (fs::path(cacheDir) / (absolute.stem().string() + "-" + hex + ".mp4")).string();
}

std::string VideoProxy::find(const std::string& video, const std::string& cacheDir)
{
    try {
        const std::string copy = existing(video, cacheDir);
        const Probe original = copy.empty() ? Probe{} : probe(video);
        return !copy.empty() && matches(copy, original.frames, original.width, original.height, original.fps)
                   ? copy
                   : std::string(); // none, or damaged: a new build replaces it
    } catch (const ImageError&) {
        return {};
    }
}

std::string VideoProxy::existing(const std::string& video, const std::string& cacheDir)
{
    const std::string copy = pathFor(video, cacheDir);
    std::error_code ec;
    if (copy.empty() || !fs::is_regular_file(copy, ec))
        return {};
    fs::last_write_time(copy, fs::file_time_type::clock::now(), ec); // recently used, for the budget
    return copy;
}

bool VideoProxy::matches(const std::string& copy, int frames, int width, int height, double fps)
{
    try {
        const Probe p = probe(copy);
        return p.frames == frames && p.width == width && p.height == height && std::abs(p.fps - fps) <= 0.01 * fps;
    } catch (const ImageError&) {
        return false;
    }
}

VideoProxy::Outcome VideoProxy::build(const std::string& video, const Options& options,
                                      const std::function<void(int, int)>& progress, const std::atomic<bool>* cancel)
{
    const Probe original = probe(video);
    const std::string copy = pathFor(video, options.cacheDir);
    if (copy.empty())
        throw ImageError(ErrorCode::NotFound, video + ": not found");
    std::error_code ec;
    const std::string program = helperProgram("delineo-decoder");
    if (program.empty())
        throw ImageError(ErrorCode::NotFound, "the video decoder program delineo-decoder is not installed");
    // A name of its own: two windows or a window and delineo-cli writing one video's copy at once
    // must not write into one file.
    static std::atomic<int> builds{0};
    const std::string part = copy + "." + std::to_string(::getpid()) + "-" + std::to_string(builds++) + ".part";
    char fps[32];
    std::snprintf(fps, sizeof fps, "%.17g", original.fps);
    std::string error;
    int code = 0;
    bool notNeeded = false, done = false, cancelled = false;
    {
        Builder builder({program, decoder::kProtocol, "proxy", video, part, std::to_string(original.frames),
                         std::to_string(original.width), std::to_string(original.height), fps,
                         std::to_string(decoder::kProxyKeyframeEvery), std::to_string(options.longestGap)});
        bool ended = false;
        while (!ended) {
            if (cancel && cancel->load()) {
                cancelled = true; // the builder is killed as it goes out of scope, then its file removed
                break;
            }
            std::string line;
            if (!builder.line(line, ended))
                continue;
            if (line.rfind("frame ", 0) == 0 && progress)
                progress(std::atoi(line.c_str() + 6), original.frames);
            else if (line.rfind("gap ", 0) == 0 && progress && std::atoi(line.c_str() + 4) > options.longestGap)
                progress(0, original.frames); // needed: from here on it is writing
            else if (line == "not-needed")
                notNeeded = true;
            else if (line == "done")
                done = true;
            else if (line.rfind("error ", 0) == 0) {
                code = std::atoi(line.c_str() + 6);
                error = line.substr(std::min(line.size(), line.find(' ', 6) + 1));
            }
        }
        const int status = cancelled ? 0 : builder.wait();
        if (status != 0 && error.empty())
            error = video + ": the decoder stopped on damaged data while preparing fast seeking";
    }
    if (cancelled) {
        fs::remove(part, ec);
        return Outcome::Cancelled;
    }
    if (!error.empty() || (!done && !notNeeded)) {
        fs::remove(part, ec);
        throw ImageError(code ? static_cast<ErrorCode>(code) : ErrorCode::Corrupt,
                         error.empty() ? video + ": the fast-seeking copy was not finished" : error);
    }
    if (notNeeded)
        return Outcome::NotNeeded;
    // Checked as a reader will check it, then put in place at once.
    try {
        const Probe p = probe(part);
        if (p.frames != original.frames || p.width != original.width || p.height != original.height)
            throw ImageError(ErrorCode::Corrupt, video + ": its fast-seeking copy has " + std::to_string(p.frames) +
                                                     " frames, not " + std::to_string(original.frames));
    } catch (const ImageError&) {
        fs::remove(part, ec);
        throw;
    }
    fs::rename(part, copy, ec);
    if (ec) {
        fs::remove(part, ec);
        throw ImageError(ErrorCode::WriteFailed, copy + ": cannot put the copy in place: " + ec.message());
    }
    prune(options.cacheDir, options.budgetBytes, copy);
    return Outcome::Built;
}

} // namespace delineo::core
