#pragma once
// Shared by the command-line tests: the CLI under test and small disc frames to train on.
#include "TestSupport.h"

#include "delineo/core/MaskIO.h"

#include <filesystem>
#include <string>

namespace delineo::test {

inline std::string cli() { return std::string(DELINEO_CLI); }

// DIR/frames/fN.png (40x30, a disc moving right by `step` px per frame) with DIR/frames/masks/fN.png.
inline void writeDiscFrames(const TempDir& dir, int count, int step)
{
    std::filesystem::create_directories(dir.path() / "frames" / "masks");
    for (int i = 0; i < count; ++i) {
        const std::string name = "f" + std::to_string(i);
        writeDiscImage(dir.file("frames/" + name + ".png"), 40, 30, 10 + step * i, 15, 6);
        core::saveMask(dir.file("frames/masks/" + name + ".png"), discMask(40, 30, 10 + step * i, 15, 6), 1);
    }
}

} // namespace delineo::test
