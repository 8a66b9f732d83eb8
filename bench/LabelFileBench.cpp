// Opening a segmentation made elsewhere onto a series (Mask → Open Segmentation…, `workspace import
// --labels`): a 512x512xN three-class label map written as NIfTI in the image's own voxel order,
// transposed and z-flipped (as converters often store it), and on a grid twice as coarse; each read
// with core::readLabelFile onto the series' headers, beside the plain ITK read of the same file.
// Usage: delineo-bench-labels [--slices N] [--rounds R]
#include "BenchStats.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace delineo;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// Three ellipsoids (classes 1..3) in a w x h x d grid.
std::vector<core::LabelMap> organs(int w, int h, int d)
{
    std::vector<core::LabelMap> out;
    for (int z = 0; z < d; ++z) {
        core::LabelMap m(w, h);
        for (int k = 0; k < 3; ++k) {
            const double cx = w * (0.3 + 0.2 * k), cy = h * 0.5, cz = d * 0.5, rx = w * 0.12, ry = h * 0.2, rz = d * 0.35;
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    const double dx = (x - cx) / rx, dy = (y - cy) / ry, dz = (z - cz) / rz;
                    if (dx * dx + dy * dy + dz * dz < 1)
                        m.at(x, y) = static_cast<std::uint8_t>(k + 1);
                }
        }
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    int depth = 300, rounds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--slices"))
            depth = std::max(2, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--rounds"))
            rounds = std::max(1, std::atoi(argv[i + 1]));
    }
    const int w = 512, h = 512;
    const fs::path dir = fs::temp_directory_path() / ("delineo-bench-labels-" + std::to_string(::getpid()));
    fs::create_directories(dir);

    // The series: headers only (readLabelFile reads no pixels), an axial CT grid in LPS.
    core::Volume series;
    series.geometry.spacing = {0.7, 0.7, 1.5};
    series.geometry.origin = {-180, -200, -300};
    series.geometry.spacingKnown = series.geometry.sliceSpacingKnown = true;
    for (int z = 0; z < depth; ++z) {
        core::Image s;
        s.width = w;
        s.height = h;
        s.format = "nifti";
        series.slices.push_back(s);
    }
    const auto labels = organs(w, h, depth);
    const core::Geometry& g = series.geometry;

    // Transposed and z-flipped: file voxel (i, j, k) is image voxel (j, i, depth-1-k).
    std::vector<core::LabelMap> stored;
    for (int k = 0; k < depth; ++k) {
        core::LabelMap m(h, w);
        for (int j = 0; j < w; ++j)
            for (int i = 0; i < h; ++i)
                m.at(i, j) = labels[std::size_t(depth - 1 - k)].at(j, i);
        stored.push_back(std::move(m));
    }
    core::Geometry flipped = g;
    flipped.spacing = {g.spacing[1], g.spacing[0], g.spacing[2]};
    flipped.direction = {0, 1, 0, 1, 0, 0, 0, 0, -1};
    flipped.origin[2] = g.origin[2] + (depth - 1) * g.spacing[2];

    // Twice as coarse in plane and between slices.
    const auto coarse = organs(w / 2, h / 2, depth / 2);
    core::Geometry coarseGrid = g;
    coarseGrid.spacing = {2 * g.spacing[0], 2 * g.spacing[1], 2 * g.spacing[2]};
    for (int a = 0; a < 3; ++a)
        coarseGrid.origin[a] = g.origin[a] + g.spacing[a] / 2;

    struct Case {
        const char* name;
        std::string path;
    } cases[] = {{"the image's own voxel order", (dir / "same.nii.gz").string()},
                 {"transposed and z-flipped", (dir / "flipped.nii.gz").string()},
                 {"on a grid twice as coarse", (dir / "coarse.nii.gz").string()}};
    core::writeItkLabels(cases[0].path, labels, g);
    core::writeItkLabels(cases[1].path, stored, flipped);
    core::writeItkLabels(cases[2].path, coarse, coarseGrid);

    std::printf("label map onto a %dx%dx%d series, %d rounds (median, min):\n", w, h, depth, rounds);
    for (const Case& c : cases) {
        std::vector<double> read, placed;
        std::string notes;
        for (int r = 0; r < rounds; ++r) {
            auto t0 = Clock::now();
            core::readItkLabels(c.path);
            read.push_back(msSince(t0));
            t0 = Clock::now();
            const core::LabelFile f = core::readLabelFile(c.path, series, {});
            placed.push_back(msSince(t0));
            notes.clear();
            for (const auto& n : f.notes)
                notes += " [" + n.text() + "]";
        }
        std::printf("  %-28s ITK read %7.0f ms (%5.0f), readLabelFile %7.0f ms (%5.0f)%s\n", c.name,
                    bench::percentile(read, 0.5), bench::percentile(read, 0), bench::percentile(placed, 0.5),
                    bench::percentile(placed, 0), notes.c_str());
    }
    fs::remove_all(dir);
    return 0;
}
