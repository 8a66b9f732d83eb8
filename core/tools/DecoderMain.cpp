// delineo-decoder: the video decoder process of a streamed video, started by the app (VideoStream)
// with posix_spawn. A program of its own rather than a fork of the app: after a fork every page the
// app writes again is copied first, which on a 1 GB app costs seconds of page faults in the GUI.
//
// Usage (not for people): delineo-decoder PROTOCOL VIDEO FRAMES WIDTH HEIGHT FPS READ_AHEAD SLOT_BYTES
// with requests on fd 3, replies on fd 4 and the frame slots in the shared memory file on fd 5; or
//        delineo-decoder PROTOCOL proxy VIDEO OUT FRAMES WIDTH HEIGHT FPS KEYFRAME_EVERY LONGEST_GAP
// to write a fast-seeking copy (VideoProxy), reporting on stdout, at a lower priority than the app.
#include "../src/DecoderProtocol.h"
#include "../src/VideoProxyBuild.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace {

bool number(const char* text, long long low, long long high, long long& out)
{
    char* end = nullptr;
    errno = 0;
    out = std::strtoll(text, &end, 10);
    return errno == 0 && end != text && *end == '\0' && out >= low && out <= high;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace delineo::core;
    if (argc > 1 && std::string(argv[1]) != decoder::kProtocol) {
        std::fprintf(stderr, "delineo-decoder: asked for %s, speaks %s (another version of Delineo)\n", argv[1],
                     decoder::kProtocol);
        return decoder::kWrongProtocol;
    }
    long long frames = 0, width = 0, height = 0, readAhead = 0, slotBytes = 0;
    if (argc > 2 && std::string(argv[2]) == "proxy") {
        long long every = 0, longest = 0;
        char* end = nullptr;
        const double rate = argc == 11 ? std::strtod(argv[8], &end) : 0;
        if (argc != 11 || !number(argv[5], 1, (1LL << 31) - 1, frames) || !number(argv[6], 1, 1 << 16, width) ||
            !number(argv[7], 1, 1 << 16, height) || end == argv[8] || *end != '\0' || !(rate > 0) ||
            !number(argv[9], 1, 1000, every) || !number(argv[10], 0, (1LL << 31) - 1, longest)) {
            std::fprintf(stderr, "delineo-decoder: started by Delineo to prepare videos; not a program to run by hand\n");
            return 2;
        }
        errno = 0;
        if (::nice(10) == -1 && errno != 0) // left at the app's priority: slower for the app, not wrong
            std::perror("delineo-decoder: nice");
        return decoder::buildProxy(argv[3], argv[4], static_cast<int>(frames), static_cast<int>(width),
                                   static_cast<int>(height), rate, static_cast<int>(every), static_cast<int>(longest), 1);
    }
    char* fpsEnd = nullptr;
    const double fps = argc == 9 ? std::strtod(argv[6], &fpsEnd) : 0;
    if (argc != 9 || !number(argv[3], 1, (1LL << 31) - 1, frames) || !number(argv[4], 1, 1 << 16, width) ||
        !number(argv[5], 1, 1 << 16, height) || fpsEnd == argv[6] || *fpsEnd != '\0' ||
        !number(argv[7], 0, 1000, readAhead) || !number(argv[8], width * height * 3, 1LL << 40, slotBytes)) {
        std::fprintf(stderr, "delineo-decoder: started by Delineo to decode videos; not a program to run by hand\n");
        return 2;
    }
    const auto ringBytes = static_cast<std::size_t>(slotBytes) * decoder::kSlots;
    void* ring = ::mmap(nullptr, ringBytes, PROT_READ | PROT_WRITE, MAP_SHARED, 5, 0);
    if (ring == MAP_FAILED) {
        std::perror("delineo-decoder: frame memory");
        return 2;
    }
    return decoder::loop(argv[2], static_cast<int>(frames), static_cast<int>(width), static_cast<int>(height), fps,
                         static_cast<int>(readAhead), static_cast<std::size_t>(slotBytes),
                         static_cast<std::uint8_t*>(ring), 3, 4);
}
