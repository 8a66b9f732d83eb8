#pragma once
// Internal: the decoder program's second task, writing a video's fast-seeking copy (VideoProxy).
#include <string>

namespace delineo::core::decoder {

// What the copy is written with: a keyframe every 12 frames (a seek decodes at most 11 more), x264
// at a near-transparent quality, fast enough to keep up with decoding on two cores.
constexpr int kProxyKeyframeEvery = 12;
constexpr int kProxyCrf = 18;
constexpr const char* kProxyPreset = "veryfast";

// Writes `out` from `in` frame by frame, each frame as the stream decodes it for the same index (a
// frame the stream lacks is the one after it), at the same rate and size, with a keyframe every
// `keyframeEvery` frames; unless no keyframe gap of `in` is longer than `longestGap` frames. Reports
// on `report` as lines: "gap G" first, then "frame N" as it goes, and "done" or "not-needed"; or
// "error CODE MESSAGE" (an ErrorCode) before it returns 3.
int buildProxy(const std::string& in, const std::string& out, int frames, int width, int height, double fps,
               int keyframeEvery, int longestGap, int report);

} // namespace delineo::core::decoder
