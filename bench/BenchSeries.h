#pragma once
#include <filesystem>

// A 512x512 uint16 MR series of `slices` files (explicit little endian, or RLE), smooth content with
// noise so RLE sees realistic runs. Reused when already there.
// `turned`: rows turned that many degrees about the head-foot axis (an oblique series).
void writeBenchSeries(const std::filesystem::path& dir, int slices, bool rle, int turned = 0);

// A "VmRSS:" / "VmHWM:" figure of /proc/self/status, in KiB.
long procStatusKb(const char* key);
