#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ItkVolumeIO.h"

#include <fstream>

using namespace delineo;
using delineo::test::TempDir;

namespace {

std::vector<core::LabelMap> labelStack()
{
    std::vector<core::LabelMap> slices;
    for (int z = 0; z < 4; ++z) {
        core::LabelMap m(7, 5);
        for (int y = 0; y < 5; ++y)
            for (int x = 0; x < 7; ++x)
                m.at(x, y) = static_cast<std::uint8_t>((x + 2 * y + 3 * z) % 5);
        slices.push_back(m);
    }
    return slices;
}

core::Geometry obliqueGeometry()
{
    core::Geometry g;
    g.spacing = {0.7, 0.8, 2.5};
    g.origin = {-120.5, 33.0, 7.25};
    g.direction = {0, 1, 0, -1, 0, 0, 0, 0, 1}; // rows run along +y, columns along -x
    return g;
}

} // namespace

TEST(ItkVolumeIO, LabelRoundTripKeepsValuesAndGeometry)
{
    TempDir dir;
    for (const char* name : {"labels.nii.gz", "labels.nii", "labels.nrrd"}) {
        const auto slices = labelStack();
        core::writeItkLabels(dir.file(name), slices, obliqueGeometry());
        core::Geometry g;
        const auto back = core::readItkLabels(dir.file(name), &g);
        ASSERT_EQ(back.size(), slices.size()) << name;
        for (std::size_t z = 0; z < slices.size(); ++z)
            EXPECT_EQ(back[z], slices[z]) << name << " slice " << z;
        for (int i = 0; i < 3; ++i) {
            EXPECT_NEAR(g.spacing[i], obliqueGeometry().spacing[i], 1e-5) << name;
            EXPECT_NEAR(g.origin[i], obliqueGeometry().origin[i], 1e-4) << name;
        }
        for (int i = 0; i < 9; ++i)
            EXPECT_NEAR(g.direction[i], obliqueGeometry().direction[i], 1e-5) << name << " " << i;
    }
    int leftovers = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        leftovers += e.path().filename().string().rfind(".tmp", 0) == 0;
    EXPECT_EQ(leftovers, 0);
}

TEST(ItkVolumeIO, OpensAsVolumeAndRejectsBrokenFiles)
{
    TempDir dir;
    core::writeItkLabels(dir.file("v.nii.gz"), labelStack(), obliqueGeometry());
    core::Volume v = core::loadVolume(dir.file("v.nii.gz"));
    EXPECT_EQ(v.depth(), 4);
    EXPECT_EQ(v.width(), 7);
    EXPECT_EQ(v.slice(0).type, core::PixelType::U8);
    EXPECT_EQ(v.slice(0).format, "nifti");
    EXPECT_DOUBLE_EQ(v.slice(2).value(1, 1), (1 + 2 + 6) % 5);
    std::ofstream(dir.file("bad.nii.gz")) << "not a nifti file at all";
    EXPECT_THROW(core::loadVolume(dir.file("bad.nii.gz")), core::ImageError);
    EXPECT_THROW(core::loadVolume(dir.file("missing.nrrd")), core::ImageError);
    EXPECT_TRUE(core::isItkVolumePath("A/B.NII.GZ"));
    EXPECT_FALSE(core::isItkVolumePath("a.png"));
}

// A copy written from a DICOM series keeps its modality and window (NIfTI's aux_file field, a NRRD
// key), so a CT copy opens in its window with the CT presets; another tool's description is
// only text.
TEST(ItkVolumeIO, ACopyKeepsTheModalityAndWindowOfItsSeries)
{
    TempDir dir;
    core::Volume v;
    for (int z = 0; z < 3; ++z) {
        core::Image img;
        img.width = 4;
        img.height = 3;
        img.type = core::PixelType::I16;
        img.bytes.assign(4 * 3 * 2, 0);
        img.modality = "CT";
        img.windows = {core::Window{35, 85, "BRAIN"}, core::Window{400, 2000, "BONE"}};
        v.slices.push_back(img);
    }
    v.geometry.spacingKnown = true;
    for (const char* name : {"copy.nii.gz", "copy.nrrd"}) {
        core::writeItkImage(dir.file(name), v);
        const core::Volume back = core::readItkVolume(dir.file(name));
        ASSERT_EQ(back.depth(), 3) << name;
        EXPECT_EQ(back.slice(2).modality, "CT") << name;
        ASSERT_EQ(back.slice(0).windows.size(), 1u) << name;
        EXPECT_EQ(back.slice(0).windows[0].center, 35) << name;
        EXPECT_EQ(back.slice(0).windows[0].width, 85) << name;
    }
    // Nothing to keep: nothing written, nothing read back.
    for (auto& s : v.slices) {
        s.modality.clear();
        s.windows.clear();
    }
    core::writeItkImage(dir.file("plain.nii.gz"), v);
    std::map<std::string, std::string> header;
    const core::Volume plain = core::readItkVolume(dir.file("plain.nii.gz"), &header);
    EXPECT_TRUE(plain.slice(0).modality.empty());
    EXPECT_TRUE(plain.slice(0).windows.empty());
    // Another tool's description, or a damaged one of ours, is left alone.
    for (const char* notes : {"scanner 3 protocol", "delineo CT 40/-5", "delineo CT x"}) {
        core::writeItkLabels(dir.file("other.nii.gz"), {core::LabelMap(4, 3)}, v.geometry, {{"aux_file", notes}});
        const core::Volume other = core::readItkVolume(dir.file("other.nii.gz"));
        EXPECT_TRUE(other.slice(0).windows.empty()) << notes;
        EXPECT_EQ(other.slice(0).modality, std::string(notes).rfind("delineo", 0) == 0 ? "CT" : "") << notes;
    }
}
