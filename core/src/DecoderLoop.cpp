#include "DecoderProtocol.h"
#include "FfmpegDecoder.h"
#include "delineo/core/Errors.h"
#include "delineo/ml/Sandbox.h"

#include <algorithm>
#include <memory>
#include <poll.h>

namespace delineo::core::decoder {

int loop(const std::string& path, int frames, int width, int height, double fps, int readAhead,
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

} // namespace delineo::core::decoder
