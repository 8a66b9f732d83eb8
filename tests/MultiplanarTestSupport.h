#pragma once
// Shared by the multiplanar and Structures panel tests: small NIfTI volumes (straight and turned
// about the head-foot axis) opened in the real window with a chosen layout.
#include "MainWindowTestSupport.h"

#include "delineo/core/ItkVolumeIO.h"
#include "delineo/ui/PlaneViews.h"

#include <QApplication>

#include <array>
#include <cmath>
#include <functional>
#include <string>

namespace delineo::test {


// 64 x 48 x 20 voxels of 0.8 x 0.8 x 3 mm, each value(x, y, z), written as NIfTI with `direction`.
inline std::string writeGrid(const TempDir& dir, const char* name, const std::function<std::uint8_t(int, int, int)>& value,
                      const std::array<double, 9>& direction = {1, 0, 0, 0, 1, 0, 0, 0, 1})
{
    core::Volume v;
    for (int z = 0; z < 20; ++z) {
        core::Image img;
        img.width = 64;
        img.height = 48;
        img.bytes.resize(64 * 48);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x)
                img.bytes[y * 64 + x] = value(x, y, z);
        v.slices.push_back(img);
    }
    v.geometry.spacing = {0.8, 0.8, 3.0};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    v.geometry.direction = direction;
    const std::string path = dir.file(name);
    core::writeItkImage(path, v);
    return path;
}

// A bright ellipsoid on a dark background.
inline std::string writeVolume(const TempDir& dir)
{
    return writeGrid(dir, "volume.nii.gz", [](int x, int y, int z) {
        const double dx = (x - 32) / 20.0, dy = (y - 24) / 14.0, dz = (z - 10) / 7.0;
        return std::uint8_t(dx * dx + dy * dy + dz * dz < 1 ? 200 : 20);
    });
}

// The same grid turned 30 degrees about the head-foot axis (an oblique series): voxel (x, y, z)
// lies at L = 0.8 (x cos - y sin), P = 0.8 (x sin + y cos), S = 3 z. A box square to the patient
// (20 x 12 x 24 mm around the middle voxel) is bright.
inline const double kTurn = M_PI / 6;
inline std::string writeTurnedVolume(const TempDir& dir)
{
    const double c = std::cos(kTurn), s = std::sin(kTurn);
    const auto at = [=](double x, double y) { return std::pair{0.8 * (x * c - y * s), 0.8 * (x * s + y * c)}; };
    const auto [lc, pc] = at(32, 24);
    return writeGrid(
        dir, "turned.nii.gz",
        [=](int x, int y, int z) {
            const auto [l, p] = at(x, y);
            return std::uint8_t(std::abs(l - lc) < 10 && std::abs(p - pc) < 6 && std::abs(3 * z - 30) < 12 ? 200 : 20);
        },
        {c, s, 0, -s, c, 0, 0, 0, 1});
}

inline int labelled(const core::AnnotationDocument& doc)
{
    int n = 0;
    for (int z : doc.maskedSlices())
        n += test::countLabel(doc.labels(z), 1);
    return n;
}

struct OpenVolume {
    TempDir dir;
    ui::MainWindow w;
    explicit OpenVolume(vm::MultiplanarController::Layout layout, bool turned = false)
    {
        w.setDialogsEnabled(false);
        w.setWritesEnabled(false);
        w.resize(1400, 800);
        w.show();
        EXPECT_TRUE(w.openPath(q(turned ? writeTurnedVolume(dir) : writeVolume(dir))));
        EXPECT_TRUE(w.waitForJob());
        w.workbench().planes().setLayout(layout);
        QApplication::processEvents();
    }
    ui::ImageView* view(core::Plane p) { return w.planeViews()->view(p); }
    const core::AnnotationDocument& doc() { return w.document().document(); }
};


} // namespace delineo::test
