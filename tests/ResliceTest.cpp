// Multiplanar reslicing, plane edits written back to the axial slices, measurement in mm and the
// 3D mask operations, on small synthetic volumes whose every voxel is known.
#include "TestSupport.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/RegionStats.h"
#include "delineo/core/Reslice.h"
#include "delineo/core/VolumeOps.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace delineo;
using core::Plane;
using delineo::test::TempDir;

namespace {

// Voxel (x, y, z) holds 1000 z + 100 y + x (U16). Rows run along +x (patient left), columns along
// +y (posterior); slices step `step` mm from one to the next (a tilt steps off the normal).
core::Volume grid(int w, int h, int d, double sx, double sy, std::array<double, 3> step)
{
    core::Volume v;
    for (int z = 0; z < d; ++z) {
        core::Image img;
        img.width = w;
        img.height = h;
        img.type = core::PixelType::U16;
        img.bytes.resize(std::size_t(w) * h * 2);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const std::uint16_t value = std::uint16_t(1000 * z + 100 * y + x);
                std::memcpy(img.bytes.data() + (std::size_t(y) * w + x) * 2, &value, 2);
            }
        img.spacingX = sx;
        img.spacingY = sy;
        img.spacingKnown = true;
        img.position = {z * step[0], z * step[1], z * step[2]};
        img.hasPosition = img.hasOrientation = true;
        v.slices.push_back(img);
    }
    v.geometry.spacing = {sx, sy, step[2]};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    v.geometry.origin = {0, 0, 0};
    return v;
}

core::AnnotationDocument documentOf(core::Volume v, const TempDir& dir, int classes = 3)
{
    core::AnnotationDocument doc;
    doc.open(std::move(v), dir.file("masks/case"), classes);
    return doc;
}

void paint(core::AnnotationDocument& doc, int x0, int x1, int y0, int y1, int z0, int z1, std::uint8_t label)
{
    for (int z = z0; z <= z1; ++z) {
        core::LabelMap m = doc.labels(z);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m.at(x, y) = label;
        doc.editor(z).replace(m, "paint");
    }
}

} // namespace

TEST(Reslice, CoronalAndSagittalPlanesHoldTheVoxelsOfTheirRowAndColumn)
{
    const core::Volume v = grid(5, 4, 3, 1, 1, {0, 0, 2});
    const core::Image coronal = core::resliceImage(v, Plane::Coronal, 2);
    ASSERT_EQ(coronal.width, 5);
    ASSERT_EQ(coronal.height, 3);
    EXPECT_EQ(coronal.value(4, 1), 1000 * 1 + 100 * 2 + 4); // pixel (x, z) of row y = 2
    EXPECT_EQ(coronal.value(0, 2), 2000 + 200);
    const core::Image sagittal = core::resliceImage(v, Plane::Sagittal, 3);
    ASSERT_EQ(sagittal.width, 4);
    ASSERT_EQ(sagittal.height, 3);
    EXPECT_EQ(sagittal.value(1, 2), 2000 + 100 + 3); // pixel (y, z) of column x = 3
    EXPECT_EQ(sagittal.value(3, 0), 300 + 3);
    EXPECT_DOUBLE_EQ(sagittal.spacingY, 2.0);
    EXPECT_THROW(core::resliceImage(v, Plane::Sagittal, 5), core::ImageError);
    // Each sample size is copied whole: one byte, four (float), three (colour).
    for (const auto& [type, channels] : {std::pair{core::PixelType::U8, 1}, std::pair{core::PixelType::F32, 1},
                                         std::pair{core::PixelType::U8, 3}}) {
        core::Volume other = v;
        for (core::Image& s : other.slices) {
            core::Image c = s;
            c.type = type;
            c.channels = channels;
            c.bytes.assign(std::size_t(s.width) * s.height * channels * (type == core::PixelType::F32 ? 4 : 1), 0);
            for (int y = 0; y < s.height; ++y)
                for (int x = 0; x < s.width; ++x)
                    for (int k = 0; k < channels; ++k) {
                        const std::size_t at = (std::size_t(y) * s.width + x) * channels + k;
                        const float f = float(s.value(x, y)) + k;
                        if (type == core::PixelType::F32)
                            std::memcpy(c.bytes.data() + at * 4, &f, 4);
                        else
                            c.bytes[at] = std::uint8_t(int(f) % 251);
                    }
            s = c;
        }
        const core::Image cut = core::resliceImage(other, Plane::Sagittal, 3);
        for (int z = 0; z < 3; ++z)
            for (int y = 0; y < 4; ++y) {
                const std::size_t sample = std::size_t(channels) * (type == core::PixelType::F32 ? 4 : 1);
                EXPECT_EQ(std::memcmp(cut.bytes.data() + (std::size_t(z) * 4 + y) * sample,
                                      other.slices[std::size_t(z)].bytes.data() + (std::size_t(y) * 5 + 3) * sample, sample),
                          0);
            }
    }

    for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
        const core::Voxel voxel{3, 1, 2};
        int index = 0, u = 0, w = 0;
        core::planePixel(p, voxel, index, u, w);
        EXPECT_EQ(core::voxelAt(p, index, u, w), voxel) << core::planeName(p);
    }
}

// A gantry tilt moves each slice along the columns: the sagittal plane (which holds the columns
// and the slice step) is a parallelogram, drawn sheared; the coronal plane is not affected.
TEST(Reslice, ATiltedSeriesIsDrawnShearedHeadUpWithItsSpacing)
{
    const double shift = 3 * std::tan(20.0 * M_PI / 180); // 3 mm slices, 20 degrees of tilt
    const core::Volume v = grid(8, 8, 4, 0.5, 0.5, {0, shift, 3});
    const core::PlaneTransform sag = core::planeTransform(v, Plane::Sagittal);
    // u: 0.5 mm along y; v: (0, shift, 3). Units of the finer axis (0.5 mm); head (+z) up, and
    // each slice up drawn `shift` further posterior (right), as it lies: the shear is not mirrored
    // by turning the head up.
    EXPECT_NEAR(sag.m11, 1.0, 1e-9);
    EXPECT_NEAR(sag.m12, 0.0, 1e-9);
    EXPECT_NEAR(sag.m21, shift / 0.5, 1e-9);
    EXPECT_NEAR(sag.m22, -3 / 0.5, 1e-9);
    const core::PlaneTransform cor = core::planeTransform(v, Plane::Coronal);
    EXPECT_NEAR(cor.m21, 0.0, 1e-9);
    EXPECT_NEAR(cor.m22, -std::sqrt(9 + shift * shift) / 0.5, 1e-9); // the step's length across x
    const core::PlaneTransform ax = core::planeTransform(v, Plane::Axial);
    EXPECT_NEAR(ax.m11, 1.0, 1e-9);
    EXPECT_NEAR(ax.m22, 1.0, 1e-9);
    // One voxel: 0.5 x 0.5 in plane, 3 mm across it whatever the tilt.
    EXPECT_NEAR(core::voxelVolumeMm3(v), 0.75, 1e-9);
}

TEST(Reslice, EdgeLettersNameThePatientsDirectionsAsEachViewDrawsIt)
{
    using Letters = std::array<std::string, 4>; // left, right, top, bottom
    const auto letters = [](const core::Volume& v, Plane p) {
        return core::edgeLetters(core::planeAxes(v, p),
                                 p == Plane::Axial ? core::PlaneTransform{} : core::planeTransform(v, p));
    };
    // Axis-aligned: the radiological convention, the patient's right on the screen's left.
    const core::Volume v = grid(8, 8, 4, 0.5, 0.5, {0, 0, 3});
    EXPECT_EQ(letters(v, Plane::Axial), (Letters{"R", "L", "A", "P"}));
    EXPECT_EQ(letters(v, Plane::Coronal), (Letters{"R", "L", "S", "I"}));
    EXPECT_EQ(letters(v, Plane::Sagittal), (Letters{"A", "P", "S", "I"}));
    // Tilted 20 degrees: the slice step leans posterior ("SP" on its own), but the sagittal view
    // is drawn sheared, so its vertical is still the head's.
    const core::Volume tilted = grid(8, 8, 4, 0.5, 0.5, {0, 3 * std::tan(20.0 * M_PI / 180), 3});
    EXPECT_EQ(core::directionLetters(core::planeAxes(tilted, Plane::Sagittal).v), "SP");
    EXPECT_EQ(letters(tilted, Plane::Sagittal), (Letters{"A", "P", "S", "I"}));
    // Rows turned 30 degrees about the head-foot axis: an oblique axial slice.
    core::Volume turned = v;
    const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
    turned.geometry.direction = {c, s, 0, -s, c, 0, 0, 0, 1};
    EXPECT_EQ(letters(turned, Plane::Axial), (Letters{"RA", "LP", "AL", "PR"}));
    EXPECT_EQ(core::directionLetters({0.99, 0.1, -0.05}), "L") << "components under sin 15 degrees left out";
    EXPECT_EQ(core::directionLetters({0, 0, 0}), "");
}

TEST(Reslice, UnevenlySpacedSlicesGetBandsOfTheirOwnHeight)
{
    EXPECT_TRUE(core::sliceBands(grid(4, 4, 5, 1, 1, {0, 0, 2})).empty()) << "even slices: one transform draws them";
    // Slices at 0, 2, 4 and 10 mm (a thin block, then a thick slice): the mean step is 10/3 mm;
    // centres at 0.5, 1.1, 1.7 and 3.5 mean steps, band edges halfway between them.
    core::Volume v = grid(4, 4, 4, 1, 1, {0, 0, 2});
    v.slices[3].position[2] = 10;
    const std::vector<double> bands = core::sliceBands(v);
    ASSERT_EQ(bands.size(), 9u);
    const double expected[] = {0, 0.5, 0.8, 1.1, 1.4, 1.7, 2.6, 3.5, 4};
    for (int i = 0; i < 9; ++i)
        EXPECT_NEAR(bands[std::size_t(i)], expected[i], 1e-9) << i;
    EXPECT_NEAR(core::bandedRow(bands, 3.5), 3.5, 1e-9) << "the thick slice's centre, where it lies";
    EXPECT_NEAR(core::bandedRow(bands, 3.0), 2.6, 1e-9) << "its band's edge, halfway to the slice before";
    for (double row : {0.0, 0.25, 1.5, 2.99, 3.5, 4.0})
        EXPECT_NEAR(core::unbandedRow(bands, core::bandedRow(bands, row)), row, 1e-9) << row;
    EXPECT_NEAR(core::bandedRow({}, 2.5), 2.5, 0.0);
    // The ruler across the plane between the first and last slice centres reads their 10 mm.
    const core::PlaneAxes axes = core::planeAxes(v, Plane::Coronal);
    EXPECT_NEAR(core::distanceMm(axes, {1, core::bandedRow(bands, 0.5)}, {1, core::bandedRow(bands, 3.5)}), 10.0, 1e-9);
}

TEST(Reslice, RowsBetweenSlicesBlendTheSlicesEitherSideByWhereTheyLie)
{
    // Even slices, two drawn rows each: the first and last half rows hold the end slices.
    const auto even = core::sliceRowBlends({}, 3, 2);
    const int expected[6][3] = {{0, 0, 0}, {0, 1, 64}, {0, 1, 192}, {1, 2, 64}, {1, 2, 192}, {2, 2, 0}};
    ASSERT_EQ(even.size(), 6u);
    for (std::size_t r = 0; r < 6; ++r) {
        EXPECT_EQ(even[r].from, expected[r][0]) << r;
        EXPECT_EQ(even[r].to, expected[r][1]) << r;
        EXPECT_EQ(even[r].weight, expected[r][2]) << r;
    }
    // Slices at 0, 2, 4 and 10 mm, two drawn rows per mean step (10/3 mm): each row blends the
    // slices either side of its place in mm, in proportion to its distance from each.
    core::Volume v = grid(4, 4, 4, 1, 1, {0, 0, 2});
    v.slices[3].position[2] = 10;
    const double at[] = {0, 2, 4, 10}, step = 10.0 / 3;
    const auto uneven = core::sliceRowBlends(core::sliceBands(v), 4, 2);
    ASSERT_EQ(uneven.size(), 8u);
    int inGap = 0;
    for (int r = 0; r < 8; ++r) {
        const double mm = ((r + 0.5) / 2 - 0.5) * step;
        const auto& b = uneven[std::size_t(r)];
        if (mm <= 0 || mm >= 10) {
            EXPECT_EQ(b.from, b.to) << r;
            EXPECT_EQ(b.weight, 0) << r;
            continue;
        }
        const int from = mm < 2 ? 0 : mm < 4 ? 1 : 2;
        EXPECT_EQ(b.from, from) << r << " at " << mm << " mm";
        EXPECT_EQ(b.to, from + 1) << r;
        EXPECT_NEAR(b.weight, (mm - at[from]) / (at[from + 1] - at[from]) * 256, 0.5) << r;
        inGap += from == 2;
    }
    EXPECT_EQ(inGap, 4) << "the 6 mm gap takes half the drawn rows, as it takes half the plane's height";
}

TEST(Reslice, RulerAndAreaAreInMillimetresWithAnisotropicSpacing)
{
    const core::Volume v = grid(8, 8, 6, 0.5, 0.5, {0, 0, 3});
    const core::PlaneAxes coronal = core::planeAxes(v, Plane::Coronal);
    // 4 pixels along x (2 mm) and 3 slices (9 mm).
    EXPECT_NEAR(core::distanceMm(coronal, {0, 0}, {4, 3}), std::sqrt(4.0 + 81.0), 1e-9);
    const core::PlaneAxes axial = core::planeAxes(v, Plane::Axial);
    EXPECT_NEAR(core::distanceMm(axial, {1, 1}, {1, 7}), 3.0, 1e-9);
    // A 4 x 2 pixel rectangle on the coronal plane: 2 mm x 6 mm.
    EXPECT_NEAR(core::polygonAreaMm2(coronal, {{0, 0}, {4, 0}, {4, 2}, {0, 2}}), 12.0, 1e-9);
}

// A coronal edit lands in the voxels of its row on each slice it crosses, and nowhere else.
TEST(Reslice, ACoronalEditLandsInTheAxialSlicesItCrosses)
{
    TempDir dir;
    core::AnnotationDocument doc = documentOf(grid(6, 5, 4, 1, 1, {0, 0, 2}), dir);
    paint(doc, 0, 0, 0, 0, 3, 3, 2); // a voxel elsewhere, kept
    core::LabelMap plane = core::resliceLabels(doc, Plane::Coronal, 3);
    ASSERT_EQ(plane.width, 6);
    ASSERT_EQ(plane.height, 4);
    plane.at(1, 1) = 1; // x 1, z 1
    plane.at(4, 2) = 3; // x 4, z 2
    const auto changed = core::writePlane(doc, Plane::Coronal, 3, plane);
    ASSERT_EQ(changed.size(), 2u);
    EXPECT_EQ(changed.at(1).at(1, 3), 1);
    EXPECT_EQ(changed.at(2).at(4, 3), 3);
    int nonzero = 0;
    for (const auto& [z, m] : changed)
        for (auto l : m.labels)
            nonzero += l != 0;
    EXPECT_EQ(nonzero, 2);
    // Written back, the sagittal plane through x = 4 shows the voxel at (y 3, z 2).
    for (const auto& [z, m] : changed)
        doc.editor(z).replace(m, "coronal edit");
    EXPECT_EQ(core::resliceLabels(doc, Plane::Sagittal, 4).at(3, 2), 3);
    EXPECT_EQ(doc.labels(3).at(0, 0), 2);
    EXPECT_THROW(core::writePlane(doc, Plane::Coronal, 3, core::LabelMap(5, 4)), core::ImageError);
}

TEST(VolumeOps, StatsCountVoxelsComponentsAndMillilitres)
{
    TempDir dir;
    core::AnnotationDocument doc = documentOf(grid(10, 10, 6, 0.5, 0.5, {0, 0, 2}), dir);
    paint(doc, 1, 3, 1, 3, 1, 3, 1);   // 27 voxels
    paint(doc, 8, 8, 8, 8, 5, 5, 1);   // a separate voxel
    paint(doc, 4, 4, 4, 4, 4, 4, 1);   // touches the cube's corner (3,3,3) diagonally: the same piece
    paint(doc, 6, 7, 0, 0, 0, 0, 3);
    const auto stats = core::structureStats(doc, 4);
    ASSERT_EQ(stats.size(), 4u);
    EXPECT_EQ(stats[0].voxels, 29u);
    EXPECT_EQ(stats[0].components, 2);
    EXPECT_EQ(stats[0].firstSlice, 1);
    EXPECT_EQ(stats[0].lastSlice, 5);
    EXPECT_NEAR(stats[0].volumeMl, 29 * 0.5 / 1000, 1e-12); // 0.5 x 0.5 x 2 mm voxels
    ASSERT_TRUE(stats[0].areaMm2);
    EXPECT_NEAR(*stats[0].areaMm2, 29 * 0.25, 1e-12); // what an image on its own or a frame shows
    EXPECT_EQ(stats[1].voxels, 0u);
    EXPECT_EQ(stats[1].areaMm2, 0.0);
    EXPECT_EQ(stats[1].firstSlice, -1);
    EXPECT_EQ(stats[2].voxels, 2u);
    EXPECT_EQ(stats[2].components, 1);
    // The values under each class (1000 z + 100 y + x): the cube's 27 average 2202, with 5808 and 4404.
    ASSERT_TRUE(stats[0].valuesKnown);
    EXPECT_NEAR(stats[0].mean, (27 * 2202 + 5808 + 4404) / 29.0, 1e-9);
    EXPECT_EQ(stats[0].min, 1101);
    EXPECT_EQ(stats[0].max, 5808);
    EXPECT_FALSE(stats[1].valuesKnown);
    EXPECT_NEAR(stats[2].mean, 6.5, 1e-12);
    EXPECT_NEAR(stats[2].sd, 0.5, 1e-12);
}

TEST(VolumeOps, RemovesSmallIslandsIn3D)
{
    TempDir dir;
    core::AnnotationDocument doc = documentOf(grid(10, 10, 6, 1, 1, {0, 0, 1}), dir);
    paint(doc, 1, 3, 1, 3, 1, 3, 1);
    paint(doc, 8, 8, 8, 8, 5, 5, 1);
    paint(doc, 8, 8, 1, 1, 2, 2, 2); // another class is never touched
    const auto changed = core::removeSmallIslands3D(doc, 1, 2);
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed.at(5).at(8, 8), 0);
    // Each slice of the cube is a 9-pixel piece; in 3D it is one 27-voxel piece, kept at 10.
    EXPECT_TRUE(core::removeSmallIslands3D(doc, 1, 27).size() == 1);
    const auto big = core::removeSmallIslands3D(doc, 1, 28);
    EXPECT_EQ(big.size(), 4u);
    EXPECT_EQ(big.at(2).at(8, 1), 2);
}

// A closed cavity fills in 3D; a tube open at its ends has no 3D hole, though every slice of it
// shows one.
TEST(VolumeOps, FillsHolesEnclosedIn3DOnly)
{
    TempDir dir;
    core::AnnotationDocument doc = documentOf(grid(12, 12, 8, 1, 1, {0, 0, 1}), dir);
    paint(doc, 1, 5, 1, 5, 1, 5, 1);
    paint(doc, 2, 4, 2, 4, 2, 4, 0); // a 27-voxel cavity
    paint(doc, 7, 10, 7, 10, 1, 6, 2);
    paint(doc, 8, 9, 8, 9, 1, 6, 0); // a tube along z, open at slices 1 and 6
    const auto filled = core::fillHoles3D(doc, 1);
    ASSERT_EQ(filled.size(), 3u);
    EXPECT_EQ(filled.at(3).at(3, 3), 1);
    EXPECT_TRUE(core::fillHoles3D(doc, 2).empty());
}

// The views go to a structure's largest piece, to a voxel inside it: a U-shaped piece's centre lies
// in its opening, so the voxel of the piece nearest that centre (in mm) is given, not the centre.
TEST(VolumeOps, AStructuresCentreIsAVoxelOfItsLargestPiece)
{
    TempDir dir;
    core::AnnotationDocument doc = documentOf(grid(20, 20, 8, 1, 1, {0, 0, 4}), dir);
    EXPECT_FALSE(core::structureCentre(doc, 1)) << "an absent class has no centre";
    paint(doc, 2, 12, 2, 3, 2, 4, 1);   // the U: a bar along x at rows 2-3 ...
    paint(doc, 2, 3, 2, 12, 2, 4, 1);   // ... and two arms along y
    paint(doc, 11, 12, 2, 12, 2, 4, 1);
    paint(doc, 17, 18, 17, 18, 7, 7, 1); // a smaller piece elsewhere
    const auto c = core::structureCentre(doc, 1);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->z, 3);
    EXPECT_EQ(doc.labels(c->z).at(c->x, c->y), 1) << c->x << "," << c->y;
    EXPECT_LT(c->y, 8) << "on the bar, nearest the centre of the piece (x 7, y ~5.6)";
    EXPECT_TRUE(c->x >= 5 && c->x <= 9) << c->x;
    EXPECT_FALSE(core::structureCentre(doc, 2));
}

// A region of interest's values: the pixels whose centres the outline encloses, in the image's own
// type (signed CT values), none for an outline off the image or thinner than a pixel.
TEST(RegionStats, AnOutlineGivesTheValuesOfThePixelsItEncloses)
{
    core::Image img;
    img.width = 10;
    img.height = 8;
    img.type = core::PixelType::I16;
    img.bytes.resize(10 * 8 * 2);
    auto* v = reinterpret_cast<std::int16_t*>(img.bytes.data());
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 10; ++x)
            v[y * 10 + x] = std::int16_t(10 * x + y - 1000);
    // Pixels x 2..4, y 2..4: 10x + y - 1000 has mean -967, range -978..-956, and a population
    // variance of 100 var(x) + var(y) = 101 * 2/3.
    const core::RegionStats r = core::regionStats(img, {{2.2, 2.2}, {4.8, 2.2}, {4.8, 4.8}, {2.2, 4.8}});
    EXPECT_EQ(r.pixels, 9u);
    EXPECT_NEAR(r.mean, -967, 1e-9);
    EXPECT_NEAR(r.sd, std::sqrt(101 * 2.0 / 3), 1e-9);
    EXPECT_EQ(r.min, -978);
    EXPECT_EQ(r.max, -956);
    // A triangle: the centres with x + y <= 5 (the diagonal passes 0.2 beyond them), 6 + 5 + ... + 1.
    const core::RegionStats t = core::regionStats(img, {{0.1, 0.1}, {6.1, 0.1}, {0.1, 6.1}});
    EXPECT_EQ(t.pixels, 21u);
    EXPECT_EQ(t.min, -1000);
    EXPECT_EQ(core::regionStats(img, {{20, 20}, {30, 20}, {30, 30}}).pixels, 0u) << "off the image";
    EXPECT_EQ(core::regionStats(img, {{1, 1}, {5, 1}, {5, 1.2}}).pixels, 0u) << "thinner than a pixel";
    EXPECT_EQ(core::regionStats(img, {{1, 1}, {5, 5}}).pixels, 0u) << "a line encloses nothing";
}
