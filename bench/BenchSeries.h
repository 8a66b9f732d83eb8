#pragma once
#include <filesystem>

// A 512x512 uint16 MR series of `slices` files (explicit little endian, or RLE), smooth content with
// noise so RLE sees realistic runs. Reused when already there.
void writeBenchSeries(const std::filesystem::path& dir, int slices, bool rle);

// A "VmRSS:" / "VmHWM:" figure of /proc/self/status, in KiB.
long procStatusKb(const char* key);
