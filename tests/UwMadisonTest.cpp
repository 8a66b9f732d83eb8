#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/UwMadison.h"

#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace delineo;
namespace uw = delineo::core::uw;

TEST(UwMadison, SliceNames)
{
    uw::SliceName s;
    ASSERT_TRUE(uw::parseSliceName("slice_0055_360_310_1.50_1.50.png", s));
    EXPECT_EQ(s.slice, 55);
    EXPECT_EQ(s.width, 360);
    EXPECT_EQ(s.height, 310);
    EXPECT_DOUBLE_EQ(s.spacingX, 1.5);
    EXPECT_FALSE(uw::parseSliceName("slice_0055_360.png", s));
    EXPECT_FALSE(uw::parseSliceName("frame.png", s));

    // Taken out of its folder (delineo-cli import-uw), a slice's name leads with its case-day.
    std::string day = "unset";
    ASSERT_TRUE(uw::parseSliceFile("slice_0055_360_310_1.50_1.50.png", s, &day));
    EXPECT_EQ(day, "");
    const std::string named = uw::sliceFileName("case102_day0", {75, 266, 266, 1.5, 1.63});
    EXPECT_EQ(named, "case102_day0_slice_0075_266_266_1.50_1.63.png");
    ASSERT_TRUE(uw::parseSliceFile(named, s, &day));
    EXPECT_EQ(day, "case102_day0");
    EXPECT_EQ(s.slice, 75);
    EXPECT_DOUBLE_EQ(s.spacingY, 1.63);
    EXPECT_FALSE(uw::parseSliceName(named, s)) << "a case-day folder holds the plain names only";
    EXPECT_FALSE(uw::parseSliceFile("_slice_0075_266_266_1.50_1.63.png", s));
    EXPECT_FALSE(uw::parseSliceFile("case102_day0_slice_0075.png", s)) << "no size or spacing";
    EXPECT_EQ(uw::sliceId("case102_day0", 75), "case102_day0_slice_0075");
}

// A slice saved under that name still opens with its pixel spacing and as MR: its structures are
// measured in mm² and mL, and the GI-tract model is the one made for it.
TEST(UwMadison, ASliceOutOfItsFolderKeepsItsSpacing)
{
    test::TempDir dir;
    const std::string path = dir.file(uw::sliceFileName("case7_day2", {55, 8, 6, 1.5, 1.5}));
    cv::imwrite(path, cv::Mat(6, 8, CV_16UC1, cv::Scalar(900)));
    const core::Volume v = core::loadVolume(path);
    ASSERT_EQ(v.depth(), 1);
    EXPECT_TRUE(v.slice(0).spacingKnown);
    EXPECT_DOUBLE_EQ(v.slice(0).spacingX, 1.5);
    EXPECT_EQ(v.slice(0).modality, "MR");
    const std::string wrongSize = dir.file(uw::sliceFileName("case7_day2", {56, 9, 6, 1.5, 1.5}));
    cv::imwrite(wrongSize, cv::Mat(6, 8, CV_16UC1, cv::Scalar(900)));
    EXPECT_FALSE(core::loadVolume(wrongSize).slice(0).spacingKnown) << "a name that does not match its pixels says nothing";
}

// A case-day holds mostly its slices; a workspace with two of them beside other pictures is a list.
TEST(UwMadison, ACaseDayIsAFolderOfSlicesAlone)
{
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "case1_day0" / "scans");
    std::ofstream(dir.file("case1_day0/scans/slice_0075_266_266_1.50_1.50.png")) << "x";
    std::ofstream(dir.file("case1_day0/notes.txt")) << "x";
    EXPECT_TRUE(uw::isCaseDay(dir.file("case1_day0")));
    EXPECT_TRUE(uw::isCaseDay(dir.file("case1_day0/scans")));
    std::ofstream(dir.file("case1_day0/scans/frame.jpg")) << "x";
    EXPECT_FALSE(uw::isCaseDay(dir.file("case1_day0"))) << "as many other pictures as slices";
    std::ofstream(dir.file("case1_day0/scans/slice_0076_266_266_1.50_1.50.png")) << "x";
    EXPECT_TRUE(uw::isCaseDay(dir.file("case1_day0"))) << "an export beside the slices";
    std::filesystem::create_directories(dir.path() / "workspace");
    std::ofstream(dir.file("workspace/slice_0075_266_266_1.50_1.50.png")) << "x";
    std::ofstream(dir.file("workspace/mr-abdomen-slice.dcm")) << "x";
    EXPECT_FALSE(uw::isCaseDay(dir.file("workspace")));
    EXPECT_FALSE(uw::isCaseDay(dir.file("missing")));
}

TEST(UwMadison, RleIsOneBasedRowMajor)
{
    // 4x3: pixels 1-based 2..3 and 9 set -> (1,0),(2,0) and (0,2).
    const auto m = uw::decodeRle("2 2 9 1", 4, 3);
    const std::vector<std::uint8_t> expected{0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0};
    EXPECT_EQ(m, expected);
    EXPECT_EQ(uw::encodeRle(m.data(), 4, 3), "2 2 9 1");
    EXPECT_EQ(uw::encodeRle(expected.data(), 4, 3), "2 2 9 1");
    EXPECT_TRUE(uw::decodeRle("", 4, 3) == std::vector<std::uint8_t>(12, 0));
    EXPECT_THROW(uw::decodeRle("11 5", 4, 3), core::ImageError); // runs past the end
    EXPECT_THROW(uw::decodeRle("0 1", 4, 3), core::ImageError);  // 1-based
    EXPECT_THROW(uw::decodeRle("3 x", 4, 3), core::ImageError);
}

TEST(UwMadison, TrainCsvRoundTripsIdenticallyAndBuildsLabelVolumes)
{
    const std::string root = test::sharedData("uw-madison-gi");
    SKIP_WITHOUT_SHARED(root);
    const auto rows = uw::readCsv(root + "/train.csv");
    ASSERT_GT(rows.size(), 50u);
    // Decode every mask at its slice's size and encode it again.
    std::map<std::string, std::vector<std::string>> idsByCaseDay;
    std::map<std::string, core::Volume> volumes;
    std::vector<uw::CsvRow> again;
    for (const auto& r : rows) {
        const std::string caseDay = r.id.substr(0, r.id.find("_slice_"));
        if (!volumes.count(caseDay)) {
            const std::string caseName = caseDay.substr(0, caseDay.find('_'));
            volumes[caseDay] = uw::loadCaseDay(root + "/train/" + caseName + "/" + caseDay, &idsByCaseDay[caseDay]);
        }
        const auto& ids = idsByCaseDay[caseDay];
        const auto it = std::find(ids.begin(), ids.end(), r.id);
        ASSERT_NE(it, ids.end()) << r.id;
        const core::Image& slice = volumes[caseDay].slice(static_cast<int>(it - ids.begin()));
        const auto mask = uw::decodeRle(r.rle, slice.width, slice.height);
        again.push_back({r.id, r.cls, uw::encodeRle(mask.data(), slice.width, slice.height)});
        EXPECT_EQ(again.back().rle, r.rle) << r.id << " " << r.cls;
    }
    test::TempDir dir;
    uw::writeCsv(dir.file("train.csv"), again);
    std::ifstream a(root + "/train.csv"), b(dir.file("train.csv"));
    std::stringstream sa, sb;
    sa << a.rdbuf();
    sb << b.rdbuf();
    EXPECT_EQ(sa.str(), sb.str());

    // Volumes: 18 slices in 4 case-days, 16-bit, spacing from the names; labels in the MRI class set.
    int slices = 0, labelled = 0;
    for (const auto& [caseDay, vol] : volumes) {
        slices += vol.depth();
        EXPECT_EQ(vol.slice(0).type, core::PixelType::U16);
        EXPECT_DOUBLE_EQ(vol.geometry.spacing[0], 1.5);
        for (int z = 0; z < vol.depth(); ++z) {
            const auto lab = uw::labelsFor(rows, idsByCaseDay[caseDay][z], vol.width(), vol.height());
            for (auto v : lab.labels) {
                ASSERT_LE(v, 3);
                labelled += v > 0;
            }
        }
    }
    EXPECT_EQ(slices, 18);
    EXPECT_GT(labelled, 1000);
}
