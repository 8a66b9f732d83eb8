#pragma once
// Internal: what the app and its video decoder process say to each other. The decoder runs in its
// own process (the delineo-decoder helper, or a fork where the helper is missing), so that a crash
// in FFmpeg on damaged data costs one video, not the app. Frames travel through shared memory:
// `kSlots` slots of `slotBytes` each.
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace delineo::core::decoder {

// The first argument of the decoder program: an app and a program of different versions (an update
// installed while the app runs) do not talk past each other. Change it with the messages or arguments.
constexpr const char* kProtocol = "delineo-decoder-protocol-1";
constexpr int kWrongProtocol = 64; // the program's exit status then

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
    // Puts back what next() took last, for a later call.
    void unread(const T& message)
    {
        const char* bytes = reinterpret_cast<const char*>(&message);
        pending.insert(pending.begin(), bytes, bytes + sizeof(T));
    }
};

// The decoder process: serves "from frame N on" requests, decoding up to `readAhead` frames past N
// in order while slots are free, and answers the latest request first. Reads requests from `in`,
// writes replies to `out`, frames into `ring`; returns the process's exit status.
int loop(const std::string& path, int frames, int width, int height, double fps, int readAhead,
         std::size_t slotBytes, std::uint8_t* ring, int in, int out);

} // namespace delineo::core::decoder
