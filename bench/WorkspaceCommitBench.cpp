// Commit latency of brush strokes on a 1920x1080 three-class mask into a workspace database: each
// commit is one autosave of the open revision. SQLite (WAL, synchronous=FULL) always; with
// --url postgresql://... the same strokes into that team workspace too, in the same run.
#include "delineo/core/Workspace.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<double> strokesInto(delineo::core::Workspace& ws, int strokes)
{
    const auto image = ws.addImage(ws.addCase("bench"), "frame.png", 1920, 1080);
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
        ws.commitMask(image, 0, mask, delineo::core::MaskKind::Corrected, 0, true);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

void report(const char* store, const std::vector<double>& ms, const std::string& extra)
{
    std::printf("workspace commit (%s), 1920x1080 3-class mask, %zu strokes: median %.2f ms, p95 %.2f ms, max %.2f ms%s\n",
                store, ms.size(), ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(), extra.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    int strokes = 200;
    std::string url;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--strokes"))
            strokes = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--url"))
            url = argv[i + 1];
    }
    const fs::path dir = fs::temp_directory_path() / "delineo-bench-workspace";
    fs::remove_all(dir);
    {
        auto ws = delineo::core::Workspace::open(dir.string());
        const auto ms = strokesInto(*ws, strokes);
        char size[64];
        std::snprintf(size, sizeof size, "; database %.1f KiB",
                      fs::file_size(dir / delineo::core::Workspace::kDatabaseName) / 1024.0);
        report("SQLite", ms, size);
    }
    if (!url.empty()) {
        try {
            auto ws = delineo::core::Workspace::open(url);
            report("PostgreSQL", strokesInto(*ws, strokes), "");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 3;
        }
    }
    fs::remove_all(dir);
    return 0;
}
