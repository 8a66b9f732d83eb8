// Commit latency of brush strokes on a 1920x1080 three-class mask into a workspace database
// (WAL, synchronous=FULL): each commit is one autosave of the open revision.
#include "delineo/core/Workspace.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv)
{
    int strokes = 200;
    for (int i = 1; i + 1 < argc; i += 2)
        if (!std::strcmp(argv[i], "--strokes"))
            strokes = std::atoi(argv[i + 1]);
    const fs::path dir = fs::temp_directory_path() / "delineo-bench-workspace";
    fs::remove_all(dir);
    auto ws = delineo::core::Workspace::open(dir.string());
    const auto image = ws->addImage(ws->addCase("bench"), "frame.png", 1920, 1080);
    delineo::core::LabelMap mask(1920, 1080);
    // Three classes already drawn, as on a corrected frame.
    for (int k = 0; k < 3; ++k)
        for (int y = 200 + 250 * k; y < 400 + 250 * k; ++y)
            for (int x = 300 + 400 * k; x < 800 + 400 * k; ++x)
                mask.at(x, y) = static_cast<std::uint8_t>(k + 1);
    std::vector<double> ms;
    for (int s = 0; s < strokes; ++s) {
        // A round 20-pixel brush dab moved along a curve.
        const int cx = 100 + (s * 37) % 1700, cy = 100 + static_cast<int>(400 + 300 * std::sin(s * 0.1));
        for (int y = cy - 20; y <= cy + 20; ++y)
            for (int x = cx - 20; x <= cx + 20; ++x)
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 400)
                    mask.at(x, y) = static_cast<std::uint8_t>(1 + s % 3);
        const auto t0 = Clock::now();
        ws->commitMask(image, 0, mask, delineo::core::MaskKind::Corrected, 0, true);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("workspace commit, 1920x1080 3-class mask, %d strokes: median %.2f ms, p95 %.2f ms, max %.2f ms; "
                "database %.1f KiB\n",
                strokes, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(),
                fs::file_size(dir / delineo::core::Workspace::kDatabaseName) / 1024.0);
    return 0;
}
