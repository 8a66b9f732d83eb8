// Coronal and sagittal planes along the patient's axes through oblique and tilted series: the
// voxels each plane pixel samples, computed by hand from the geometry, the interpolated values,
// and edits on such a plane written into the nearest voxels.
#include "TestSupport.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/HugePages.h"
#include "delineo/core/Reslicer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

using namespace delineo;
using core::Plane;
using delineo::test::TempDir;

namespace {

const double kCos30 = std::sqrt(3.0) / 2, kSin30 = 0.5;

// 20 x 20 voxels of 1 x 1 mm on each slice at `heights` (mm, along the slice normal plus `shift`
// posterior per mm up: a gantry tilt). Rows turned `turned` about the head-foot axis. Voxel
// (x, y, z) holds 10 x + 100 y + 1000 z, linear, so trilinear samples are exact.
// A 20 x 20 DICOM slice of 1 mm pixels whose pixel (x, y) holds value(x, y) (U16).
core::Image slice20(const std::function<std::uint16_t(int, int)>& value)
{
    core::Image img;
    img.width = img.height = 20;
    img.type = core::PixelType::U16;
    img.format = "dicom";
    img.bytes.resize(20 * 20 * 2);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const std::uint16_t v = value(x, y);
            std::memcpy(img.bytes.data() + (y * 20 + x) * 2, &v, 2);
        }
    img.spacingX = img.spacingY = 1;
    img.spacingKnown = true;
    return img;
}

core::Volume series(double turned, const std::vector<double>& heights, double shift = 0)
{
    const double c = std::cos(turned), s = std::sin(turned);
    core::Volume v;
    for (std::size_t z = 0; z < heights.size(); ++z) {
        core::Image img = slice20([z](int x, int y) { return std::uint16_t(10 * x + 100 * y + 1000 * int(z)); });
        img.position = {0, heights[z] * shift, heights[z]};
        img.orientation = {c, s, 0, -s, c, 0};
        img.hasPosition = img.hasOrientation = true;
        v.slices.push_back(img);
    }
    v.geometry.spacing = {1, 1, heights.size() > 1 ? heights[1] - heights[0] : 1};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    v.geometry.direction = {c, s, 0, -s, c, 0, 0, 0, 1};
    return v;
}

std::uint16_t sampleAt(const core::Image& img, int u, int v)
{
    std::uint16_t value = 0;
    std::memcpy(&value, img.bytes.data() + (std::size_t(v) * img.width + u) * 2, 2);
    return value;
}

void expectNear(const core::Reslicer::Point& a, const core::Reslicer::Point& b)
{
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR(a[std::size_t(i)], b[std::size_t(i)], 1e-6) << i;
}

} // namespace

TEST(Reslicer, OnlyASeriesTurnedOrTiltedOffThePatientsAxesIsResliced)
{
    const std::vector<double> heights{0, 2, 4, 6, 8};
    EXPECT_TRUE(core::Reslicer::oblique(series(M_PI / 6, heights)));
    EXPECT_FALSE(core::Reslicer::oblique(series(0, heights)));
    EXPECT_FALSE(core::Reslicer::oblique(series(0.2 * M_PI / 180, heights))) << "rounding in the file";
    EXPECT_TRUE(core::Reslicer::oblique(series(0, heights, 0.25))) << "a gantry tilt";
    core::Volume unplaced = series(M_PI / 6, heights);
    for (auto& s : unplaced.slices)
        s.format.clear();
    EXPECT_FALSE(core::Reslicer::oblique(unplaced)) << "no place in the patient, nothing to reslice by";
    // A damaged geometry (a direction that is not a number, slices a world apart) is not resampled.
    core::Volume damaged = series(M_PI / 6, heights);
    damaged.geometry.direction[0] = std::nan("");
    EXPECT_FALSE(core::Reslicer::oblique(damaged));
    EXPECT_FALSE(core::Reslicer(damaged, true).alongPatient());
    core::Volume far = series(M_PI / 6, {0, 1e308, 1.7e308});
    const core::Reslicer huge(far, true);
    EXPECT_LE(huge.size(far, Plane::Coronal).height, 2048) << "at most 2048 planes along an axis";
    // Along the patient asked for a straight series: its own planes, as the free functions cut them.
    const core::Volume straight = series(0, heights);
    const core::Reslicer r(straight, true);
    EXPECT_FALSE(r.alongPatient());
    const core::Image cor = r.image(straight, Plane::Coronal, 7);
    EXPECT_EQ(cor.bytes, core::resliceImage(straight, Plane::Coronal, 7).bytes);
}

TEST(Reslicer, ATrueCoronalPlaneThroughATurnedSeriesSamplesTheVoxelsComputedByHand)
{
    // Rows turned 30 degrees: voxel (x, y, z) lies at L = x cos - y sin, P = x sin + y cos, S = 2 z.
    const core::Volume v = series(M_PI / 6, {0, 2, 4, 6, 8});
    const core::Reslicer r(v, true);
    ASSERT_TRUE(r.alongPatient());
    // The grid spans the corners: L from -19 sin 30 = -9.5, P from 0, S from 8 down, 1 mm in plane
    // and the slices' 2 mm along S.
    const core::PlaneSize cor = r.size(v, Plane::Coronal);
    EXPECT_EQ(cor.width, int(std::floor(19 * kCos30 + 9.5 + 1e-6)) + 1);
    EXPECT_EQ(cor.height, 5);
    EXPECT_EQ(cor.count, int(std::floor(19 * kSin30 + 19 * kCos30 + 1e-6)) + 1);
    // Coronal plane 10 (P = 10 mm), pixel (10, 1): L = -9.5 + 10 = 0.5, S = 8 - 2 = 6 (slice 3).
    const double L = 0.5, P = 10;
    const core::Reslicer::Point voxel{L * kCos30 + P * kSin30, -L * kSin30 + P * kCos30, 3};
    expectNear(r.voxelAt(Plane::Coronal, 10, 10.5, 1.5), voxel);
    expectNear(r.planeAt(Plane::Coronal, voxel), {10, 10.5, 1.5});
    const core::Image img = r.image(v, Plane::Coronal, 10);
    ASSERT_EQ(img.width, cor.width);
    EXPECT_EQ(sampleAt(img, 10, 1), std::lround(10 * voxel[0] + 100 * voxel[1] + 3000));
    // Every pixel of the plane lies at P = 10 mm, whatever its row: the plane is truly coronal.
    for (int v2 = 0; v2 < img.height; ++v2) {
        const auto p = r.voxelAt(Plane::Coronal, 10, 4.5, v2 + 0.5);
        EXPECT_NEAR(p[0] * kSin30 + p[1] * kCos30, P, 1e-9);
        EXPECT_NEAR(p[2], 4 - v2, 1e-9) << "row v is slice 4 - v: head up";
    }
    // Beyond the turned slices' corners the plane shows the series' darkest value.
    EXPECT_EQ(sampleAt(img, 0, 0), 0);
    // A sagittal plane (L constant), pixel u along P.
    const auto s = r.voxelAt(Plane::Sagittal, 12, 3.5, 0.5);
    EXPECT_NEAR(s[0] * kCos30 - s[1] * kSin30, -9.5 + 12, 1e-9);
    EXPECT_NEAR(s[0] * kSin30 + s[1] * kCos30, 3, 1e-9);
    // The plane's axes are the patient's, 1 mm across and 2 mm down (head to foot).
    const core::PlaneAxes axes = r.axes(v, Plane::Coronal);
    EXPECT_EQ(axes.u, (std::array<double, 3>{1, 0, 0}));
    EXPECT_EQ(axes.v, (std::array<double, 3>{0, 0, -2}));
    EXPECT_EQ(core::edgeLetters(axes, r.transform(v, Plane::Coronal)), (std::array<std::string, 4>{"R", "L", "S", "I"}));
    EXPECT_THROW(r.image(v, Plane::Coronal, cor.count), core::ImageError);
}

TEST(Reslicer, TiltedAndUnevenSlicesAreSampledWhereTheyLie)
{
    // A gantry tilt: each slice 0.5 mm further back per mm up. The coronal plane P = 5 meets slice z
    // at row y = 5 - 0.5 * S.
    const core::Volume tilted = series(0, {0, 2, 4, 6, 8}, 0.5);
    const core::Reslicer t(tilted, true);
    ASSERT_TRUE(t.alongPatient());
    const auto p = t.voxelAt(Plane::Coronal, 5, 3.5, 0.5); // S = 8: slice 4
    expectNear(p, {3, 5 - 0.5 * 8, 4});
    // Slices 4 mm then 2 mm apart: S = 5 lies halfway between slices 1 (4 mm) and 2 (6 mm), not at
    // slice 2 as the mean step (2.5 mm) would put it. Rows are as close as the closest slices.
    const core::Volume uneven = series(M_PI / 6, {0, 4, 6, 8, 10});
    const core::Reslicer u(uneven, true);
    ASSERT_TRUE(u.alongPatient());
    EXPECT_EQ(u.size(uneven, Plane::Coronal).height, 6);
    const double rowOfS5 = (10 - 5) / 2.0 + 0.5; // S from 10 down, 2 mm a row
    EXPECT_NEAR(u.voxelAt(Plane::Coronal, 8, 9.5, rowOfS5)[2], 1.5, 1e-9);
    EXPECT_NEAR(u.planeAt(Plane::Coronal, {4, 4, 1.5})[2], rowOfS5, 1e-9);
}

TEST(Reslicer, AnEditOnATrueCoronalPlaneLandsInTheNearestVoxelsAndReadsBackAsDrawn)
{
    TempDir dir;
    const core::Volume v = series(M_PI / 6, {0, 2, 4, 6, 8});
    core::AnnotationDocument doc;
    doc.open(v, dir.file("masks/case"), 3);
    const core::Reslicer r(doc.volume(), true);
    core::LabelMap plane = r.labels(doc, Plane::Coronal, 10);
    ASSERT_EQ(std::count(plane.labels.begin(), plane.labels.end(), 2), 0);
    EXPECT_TRUE(r.write(doc, Plane::Coronal, 10, plane).empty()) << "nothing drawn, nothing written";
    // A bar two rows high across the middle of the plane (slices 2 and 3).
    for (int u = 6; u < 16; ++u)
        for (int row : {1, 2})
            plane.at(u, row) = 2;
    const auto maps = r.write(doc, Plane::Coronal, 10, plane);
    EXPECT_EQ(maps.size(), 2u);
    ASSERT_TRUE(maps.count(2) && maps.count(3));
    for (auto& [z, m] : maps)
        doc.editor(z).reset(m);
    // Read back, the plane shows the bar as drawn (a pixel beside it may share a voxel at its ends).
    const core::LabelMap back = r.labels(doc, Plane::Coronal, 10);
    for (int row = 0; row < back.height; ++row)
        for (int u = 0; u < back.width; ++u) {
            if (plane.at(u, row) == 2)
                EXPECT_EQ(back.at(u, row), 2) << u << "," << row;
            else if (u < 5 || u > 16 || row == 0 || row > 2)
                EXPECT_EQ(back.at(u, row), 0) << u << "," << row;
        }
    // Every voxel written lies within half a voxel of the plane P = 10 mm.
    int written = 0;
    for (int z : {2, 3})
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 20; ++x)
                if (doc.labels(z).at(x, y) == 2) {
                    ++written;
                    EXPECT_LE(std::abs(x * kSin30 + y * kCos30 - 10), 0.5 * (kSin30 + kCos30) + 1e-9) << x << "," << y;
                }
    EXPECT_GE(written, 2 * 9);
    // A plane of the wrong size is refused.
    EXPECT_THROW(r.write(doc, Plane::Coronal, 10, core::LabelMap(3, 3)), core::ImageError);
}

TEST(Reslicer, LabelsReadInTheImagesWalkAreThoseEachSourceGivesAlone)
{
    // Each of several label volumes on a true plane, read in one walk with the pixels (how a view
    // gets its labels and the AI results waiting on it) or in one walk of their own: the same maps
    // as each read alone, and the same pixels. A turned series (rows within one slice) and a tilted
    // one (rows across slices); five sources, more than one walk takes.
    for (const core::Volume& v : {series(M_PI / 6, {0, 2, 4, 6, 8}), series(0, {0, 2, 4, 6, 8}, 0.5)}) {
        const core::Reslicer r(v, true);
        ASSERT_TRUE(r.alongPatient());
        std::vector<std::vector<core::LabelMap>> volumes(5);
        for (std::size_t k = 0; k < volumes.size(); ++k)
            for (int z = 0; z < 5; ++z) {
                core::LabelMap m(20, 20);
                for (int y = 0; y < 20; ++y)
                    for (int x = 0; x < 20; ++x)
                        m.at(x, y) = std::uint8_t((x * 7 + y * 13 + z * 3 + int(k)) % 5);
                volumes[k].push_back(z == 2 && k == 1 ? core::LabelMap(3, 3) : m); // a wrong size: none there
            }
        std::vector<core::Reslicer::SliceSource> sources;
        for (std::size_t k = 0; k < volumes.size(); ++k)
            sources.push_back([&volumes, k](int z) { return z == 4 && k == 2 ? nullptr : &volumes[k][std::size_t(z)]; });
        for (Plane p : {Plane::Coronal, Plane::Sagittal})
            for (int i = 0; i < r.size(v, p).count; ++i)
                for (std::size_t n : {std::size_t(2), sources.size()}) {
                    const std::vector<core::Reslicer::SliceSource> some(sources.begin(), sources.begin() + std::ptrdiff_t(n));
                    std::vector<core::LabelMap> withPixels;
                    const core::Image image = r.image(v, p, i, true, some, withPixels);
                    EXPECT_EQ(image.bytes, r.image(v, p, i, true).bytes) << core::planeName(p) << " " << i;
                    const std::vector<core::LabelMap> together = r.labels(some, v, p, i);
                    ASSERT_EQ(withPixels.size(), n);
                    ASSERT_EQ(together.size(), n);
                    for (std::size_t k = 0; k < n; ++k) {
                        const core::LabelMap alone = r.labels(some[k], v, p, i);
                        EXPECT_EQ(withPixels[k].labels, alone.labels) << core::planeName(p) << " " << i << " source " << k;
                        EXPECT_EQ(together[k].labels, alone.labels) << core::planeName(p) << " " << i << " source " << k;
                    }
                }
        // Alone, a source is read voxel by voxel as labels() always read it: slice 2 of the second
        // source (the wrong size) reads as background, the rest as stored.
        const core::LabelMap second = r.labels(sources[1], v, Plane::Coronal, 10);
        EXPECT_TRUE(std::any_of(second.labels.begin(), second.labels.end(), [](std::uint8_t l) { return l != 0; }));
    }
}

// A double-oblique series (rows along the patient's left, columns tipped 25 degrees up towards the
// head): its stored slices are no axial plane. Resampled on the patient's axes, every slice is a true
// axial plane, head first: each pixel holds the value the voxels give at its place in the patient
// (linear in the patient here, so trilinear samples are exact up to the stored rounding), and the
// labels are those of the nearest voxel.
TEST(Reslicer, ADoubleObliqueSeriesResampledOnThePatientsAxesHasTrueAxialSlices)
{
    const double a = 25 * M_PI / 180, ca = std::cos(a), sa = std::sin(a);
    const std::array<double, 3> row{1, 0, 0}, column{0, ca, sa}, normal{0, -sa, ca};
    const double step = 1.5;
    const auto patientOf = [&](double x, double y, double z) {
        return std::array<double, 3>{x * row[0] + y * column[0] + z * step * normal[0],
                                     x * row[1] + y * column[1] + z * step * normal[1],
                                     x * row[2] + y * column[2] + z * step * normal[2]};
    };
    const auto f = [](const std::array<double, 3>& p) { return 1000 + 10 * p[0] + 20 * p[1] + 30 * p[2]; };
    const auto inBox = [](const std::array<double, 3>& p, double margin) {
        return p[0] > 4 + margin && p[0] < 15 - margin && p[1] > 2 + margin && p[1] < 8 - margin && p[2] > 5 + margin &&
               p[2] < 11 - margin;
    };
    core::Volume v;
    for (int z = 0; z < 12; ++z) {
        core::Image img = slice20([&](int x, int y) { return std::uint16_t(std::lround(f(patientOf(x, y, z)))); });
        img.position = patientOf(0, 0, z);
        img.orientation = {row[0], row[1], row[2], column[0], column[1], column[2]};
        img.hasPosition = img.hasOrientation = true;
        v.slices.push_back(img);
    }
    v.geometry.spacing = {1, 1, step};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    v.geometry.direction = {row[0], row[1], row[2], column[0], column[1], column[2], normal[0], normal[1], normal[2]};
    ASSERT_TRUE(core::Reslicer::oblique(v));
    const core::Reslicer r(v, true);
    ASSERT_TRUE(r.alongPatient());

    const core::Volume out = r.resampledVolume(v);
    ASSERT_GT(out.depth(), 10);
    EXPECT_FALSE(core::Reslicer::oblique(out)) << "its slices are the patient's axial planes";
    EXPECT_TRUE(core::placedInPatient(out));
    EXPECT_GT(out.slices[0].position[2], out.slices[1].position[2]) << "head first";
    EXPECT_NEAR(out.slices[0].position[2] - out.slices[1].position[2], out.geometry.spacing[2], 1e-9);
    // Inverse of the voxel-to-patient map (orthonormal axes): the voxel a patient point falls in.
    const auto voxelOf = [&](const std::array<double, 3>& p) {
        const auto d = [&](const std::array<double, 3>& e) { return p[0] * e[0] + p[1] * e[1] + p[2] * e[2]; };
        return std::array<double, 3>{d(row), d(column), d(normal) / step};
    };
    int checked = 0;
    for (int k = 0; k < out.depth(); ++k) {
        const core::Image& s = out.slices[std::size_t(k)];
        for (int j = 0; j < s.height; ++j)
            for (int i = 0; i < s.width; ++i) {
                const std::array<double, 3> p{s.position[0] + i * s.spacingX, s.position[1] + j * s.spacingY, s.position[2]};
                const auto vox = voxelOf(p);
                if (vox[0] < 0.5 || vox[0] > 18.5 || vox[1] < 0.5 || vox[1] > 18.5 || vox[2] < 0.5 || vox[2] > 10.5)
                    continue; // near or beyond the volume's edge
                ASSERT_NEAR(sampleAt(s, i, j), f(p), 1.5) << "slice " << k << " pixel " << i << "," << j;
                ++checked;
            }
    }
    EXPECT_GT(checked, 1000);

    // Labels: a box square to the patient, painted into the voxels whose centres lie in it.
    TempDir dir;
    core::AnnotationDocument doc;
    doc.open(v, dir.file("masks/case"), 3);
    for (int z = 0; z < 12; ++z) {
        core::LabelMap m(20, 20);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 20; ++x)
                m.at(x, y) = inBox(patientOf(x, y, z), 0) ? 2 : 0;
        doc.editor(z).replace(m, "box");
    }
    const auto labels = r.resampledLabels([&doc](int z) { return doc.hasMask(z) ? &doc.labels(z) : nullptr; });
    ASSERT_EQ(int(labels.size()), out.depth());
    int inside = 0, outside = 0;
    for (int k = 0; k < out.depth(); ++k) {
        const core::Image& s = out.slices[std::size_t(k)];
        ASSERT_EQ(labels[std::size_t(k)].width, s.width);
        for (int j = 0; j < s.height; ++j)
            for (int i = 0; i < s.width; ++i) {
                const std::array<double, 3> p{s.position[0] + i * s.spacingX, s.position[1] + j * s.spacingY, s.position[2]};
                const int label = labels[std::size_t(k)].at(i, j);
                if (inBox(p, 1.1)) { // the nearest voxel centre is within half a diagonal, 1.03 mm
                    EXPECT_EQ(label, 2) << "inside the box, slice " << k;
                    ++inside;
                } else if (!inBox(p, -1.1) && voxelOf(p)[2] > 0.5 && voxelOf(p)[2] < 10.5) {
                    EXPECT_EQ(label, 0) << "outside the box, slice " << k;
                    outside += label == 0;
                }
            }
    }
    EXPECT_GT(inside, 30);
    EXPECT_GT(outside, 1000);

    EXPECT_THROW(core::Reslicer(series(0, {0, 2, 4}), true).resampledVolume(series(0, {0, 2, 4})), core::ImageError)
        << "a series along the patient's axes is not resampled";
}

// Moving a series' pixels onto 2 MB pages (done after loading an oblique series) changes no value:
// every slice reads back as written and a true coronal plane samples the same pixels. Whether the
// kernel collapses anything depends on the machine, so the count is only bounded.
TEST(Reslicer, PixelsMovedOntoLargePagesReadTheSame)
{
    core::Volume v = series(0.3, {0, 1, 2, 3, 4, 5, 6, 7});
    for (std::size_t z = 0; z < v.slices.size(); ++z) { // 512 x 512 slices: 4 MB in all
        core::Image& img = v.slices[z];
        img.width = img.height = 512;
        img.bytes.resize(512 * 512 * 2);
        for (std::size_t i = 0; i < img.bytes.size(); ++i)
            img.bytes[i] = std::uint8_t((i * 7 + z * 13) & 0xff);
    }
    const std::vector<std::vector<std::uint8_t>> before = [&] {
        std::vector<std::vector<std::uint8_t>> b;
        for (const auto& s : v.slices)
            b.push_back(s.bytes);
        return b;
    }();
    const core::Reslicer r(v, true);
    ASSERT_TRUE(r.alongPatient());
    const core::Image plane = r.image(v, Plane::Coronal, 3);
    const std::size_t collapsed = core::collapseIntoHugePages(v);
    EXPECT_LE(collapsed, 2 * v.slices.size()); // a 512 KB slice touches one or two 2 MB blocks
    for (std::size_t z = 0; z < v.slices.size(); ++z)
        EXPECT_TRUE(v.slices[z].bytes == before[z]) << z;
    EXPECT_TRUE(r.image(v, Plane::Coronal, 3).bytes == plane.bytes);
    EXPECT_EQ(core::collapseIntoHugePages({{nullptr, 100}, {plane.bytes.data(), 0}}), 0u);
}
