// Every exporter writes every annotated slice of a volume and every annotated frame of a video:
// the masks are read back from what each one wrote and compared pixel for pixel.
#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Exporter.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <atomic>
#include <map>
#include <set>

using namespace delineo;
using test::TempDir;

namespace {

// Stomach (1) and large bowel (2) rectangles that move with `k`, so every slice differs.
core::LabelMap sliceMask(int w, int h, int k)
{
    core::LabelMap m(w, h);
    for (int y = 1; y < h / 2; ++y)
        for (int x = k % (w - 3); x < k % (w - 3) + 3; ++x)
            m.at(x, y) = 1;
    for (int x = 0; x < w; ++x)
        m.at(x, h - 1 - k % 2) = 2;
    return m;
}

std::unique_ptr<core::Workspace> twoClassWorkspace(const TempDir& dir)
{
    auto ws = core::Workspace::open(dir.file("ws"));
    ws->setClasses({{1, "stomach", 255, 0, 0}, {2, "large_bowel", 0, 255, 0}});
    return ws;
}

nlohmann::json readJson(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// COCO annotations of each image entry, painted back into one label map per entry.
std::map<int, core::LabelMap> cocoMasks(const nlohmann::json& j)
{
    std::map<int, core::LabelMap> out;
    for (const auto& image : j["images"])
        out[image["id"].get<int>()] = core::LabelMap(image["width"].get<int>(), image["height"].get<int>());
    for (const auto& a : j["annotations"]) {
        core::LabelMap& m = out.at(a["image_id"].get<int>());
        const auto bits = core::cocoRleDecode(a["segmentation"]["counts"].get<std::vector<std::uint32_t>>(), m.width, m.height);
        for (std::size_t i = 0; i < bits.labels.size(); ++i)
            if (bits.labels[i])
                m.labels[i] = a["category_id"].get<std::uint8_t>();
    }
    return out;
}

core::TransferReport runExport(const core::Workspace& ws, const std::string& id, const std::string& out)
{
    core::ExportOptions options;
    options.destination = out;
    const auto report = core::exporter(id).run(ws, options);
    EXPECT_TRUE(report.failed.empty()) << id << ": " << report.failed.front();
    return report;
}

} // namespace

TEST(Export, EveryExporterIsRegisteredOnceAndRefusesUnknownIds)
{
    std::set<std::string> ids;
    for (const auto& e : core::exporters()) {
        EXPECT_TRUE(ids.insert(e->id()).second) << e->id();
        EXPECT_FALSE(e->title().empty());
        EXPECT_FALSE(e->description().empty());
    }
    for (const char* id : {"png", "nnunet", "coco", "nifti", "dicom-seg", "dicom-sr", "measurements-csv", "uw-csv"})
        EXPECT_TRUE(ids.count(id)) << id;
    EXPECT_THROW(core::exporter("jpeg2000"), core::ImageError);
}

// A four-slice DICOM series with masks on slices 1, 2 and 4: PNG, COCO, nnU-Net (3D NIfTI), NIfTI and
// the Kaggle CSV all carry all three, and the unannotated slice is background where a format needs it.
TEST(Export, AMultiSliceVolumeExportsEveryAnnotatedSlice)
{
    TempDir dir;
    const std::string series = dir.file("series");
    std::filesystem::create_directories(series);
    for (int z = 0; z < 4; ++z)
        test::writeDicomSlice(series + "/s" + std::to_string(z) + ".dcm", "1.2.826.0.1.3680043.2.1125.77", z + 1, 0, 0,
                              2.5 * z, static_cast<unsigned short>(100 + z));
    auto ws = twoClassWorkspace(dir);
    const auto image = ws->addImage(ws->addCase("series"), series, 8, 6, 4);
    const std::vector<int> annotated = {0, 1, 3};
    for (int z : annotated)
        ws->commitMask(image, z, sliceMask(8, 6, z), core::MaskKind::Corrected);

    auto png = runExport(*ws, "png", dir.file("png"));
    EXPECT_EQ(png.masks, 3);
    for (int z : annotated)
        EXPECT_EQ(core::loadMask(dir.file("png/series/series/slice_000" + std::to_string(z + 1) + ".png"), 2),
                  sliceMask(8, 6, z)) << z;
    EXPECT_FALSE(std::filesystem::exists(dir.file("png/series/series/slice_0003.png"))) << "unannotated";

    runExport(*ws, "coco", dir.file("coco/all.json"));
    const auto coco = readJson(dir.file("coco/all.json"));
    ASSERT_EQ(coco["images"].size(), 3u);
    const auto masks = cocoMasks(coco);
    for (std::size_t k = 0; k < annotated.size(); ++k) {
        const auto& entry = coco["images"][k];
        EXPECT_EQ(entry["delineo_slice"].get<int>(), annotated[k]);
        EXPECT_TRUE(std::filesystem::exists(dir.file("coco/" + entry["file_name"].get<std::string>())));
        EXPECT_EQ(masks.at(entry["id"].get<int>()), sliceMask(8, 6, annotated[k])) << annotated[k];
    }

    const auto nn = runExport(*ws, "nnunet", dir.file("nnunet"));
    EXPECT_EQ(nn.images, 1);
    EXPECT_EQ(readJson(dir.file("nnunet/dataset.json"))["file_ending"], ".nii.gz");
    const auto labels = core::readItkLabels(dir.file("nnunet/labelsTr/series_series.nii.gz"));
    ASSERT_EQ(labels.size(), 4u);
    const auto images = core::readItkVolume(dir.file("nnunet/imagesTr/series_series_0000.nii.gz"));
    ASSERT_EQ(images.depth(), 4);
    for (int z = 0; z < 4; ++z) {
        const bool has = z != 2;
        EXPECT_EQ(labels[std::size_t(z)], has ? sliceMask(8, 6, z) : core::LabelMap(8, 6)) << z;
        EXPECT_EQ(images.slice(z).value(3, 3), 100 + z) << "slice order and values kept";
    }

    runExport(*ws, "nifti", dir.file("nifti"));
    EXPECT_EQ(core::readItkLabels(dir.file("nifti/series/series.nii.gz")), labels);
    // Read back onto the series as ITK-SNAP or 3D Slicer users would hand it over: the class names
    // and colours come from the label description written beside the maps.
    const core::LabelFile back = core::readLabelFile(dir.file("nifti/series/series.nii.gz"), core::withoutPixels(core::loadVolume(series)), {});
    EXPECT_EQ(back.slices, labels);
    EXPECT_EQ(back.namesFrom, dir.file("nifti/labels.txt"));
    ASSERT_EQ(back.classes.size(), 2u);
    EXPECT_EQ(back.classes[1].name, "large_bowel");
    EXPECT_EQ(int(back.classes[1].g), 255);
    EXPECT_EQ(core::readLabelDescriptions(dir.file("nifti/labels.ctbl")).size(), 2u);

    runExport(*ws, "uw-csv", dir.file("train.csv"));
    const auto rows = core::uw::readCsv(dir.file("train.csv"));
    EXPECT_EQ(rows.size(), 3u * 3u) << "three classes for each of three slices";
    for (int z : annotated)
        EXPECT_EQ(core::uw::labelsFor(rows, "series_slice_000" + std::to_string(z + 1), 8, 6), sliceMask(8, 6, z)) << z;
}

// A slice that `delineo-cli import-uw` took out of its case-day folder goes back into train.csv
// under its own id (the case-day from its name, not from the folder it now lies in).
TEST(Export, UwCsvNamesASliceTakenOutOfItsFolderByItsId)
{
    TempDir dir;
    auto ws = twoClassWorkspace(dir);
    const std::string path = dir.file(core::uw::sliceFileName("case7_day2", {55, 8, 6, 1.5, 1.5}));
    const auto image = ws->addImage(ws->addCase("case7_day2"), path, 8, 6, 1);
    ws->commitMask(image, 0, sliceMask(8, 6, 1), core::MaskKind::Corrected);
    runExport(*ws, "uw-csv", dir.file("train.csv"));
    const auto rows = core::uw::readCsv(dir.file("train.csv"));
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().id, "case7_day2_slice_0055");
    EXPECT_EQ(core::uw::labelsFor(rows, "case7_day2_slice_0055", 8, 6), sliceMask(8, 6, 1));
}

// A five-frame video with masks on frames 1, 3 and 5: PNG, COCO and nnU-Net (2D) write each frame.
TEST(Export, AVideoExportsEveryAnnotatedFrame)
{
    TempDir dir;
    ASSERT_TRUE(test::writeMjpegClip(dir.file("clip.avi"), 5, 32, 24, [](int i) { return std::array{40 * i, 80, 120}; }));
    auto ws = twoClassWorkspace(dir);
    const auto image = ws->addImage(ws->addCase("clip.avi"), dir.file("clip.avi"), 32, 24, 5);
    const std::vector<int> annotated = {0, 2, 4};
    for (int z : annotated)
        ws->commitMask(image, z, sliceMask(32, 24, z), core::MaskKind::Corrected);

    EXPECT_EQ(runExport(*ws, "png", dir.file("png")).masks, 3);
    for (int z : annotated)
        EXPECT_EQ(core::loadMask(dir.file("png/clip.avi/clip/frame_000" + std::to_string(z + 1) + ".png"), 2),
                  sliceMask(32, 24, z)) << z;

    runExport(*ws, "coco", dir.file("clip.json"));
    const auto coco = readJson(dir.file("clip.json"));
    ASSERT_EQ(coco["images"].size(), 3u);
    const auto masks = cocoMasks(coco);
    for (std::size_t k = 0; k < annotated.size(); ++k) {
        const auto& entry = coco["images"][k];
        EXPECT_TRUE(std::filesystem::exists(dir.file(entry["file_name"].get<std::string>())));
        EXPECT_EQ(masks.at(entry["id"].get<int>()), sliceMask(32, 24, annotated[k]));
    }

    const auto nn = runExport(*ws, "nnunet", dir.file("nnunet"));
    EXPECT_EQ(nn.images, 3);
    EXPECT_EQ(readJson(dir.file("nnunet/dataset.json"))["file_ending"], ".png");
    for (int z : annotated) {
        const std::string id = "clip.avi_clip_frame_000" + std::to_string(z + 1);
        EXPECT_TRUE(std::filesystem::exists(dir.file("nnunet/imagesTr/" + id + "_0000.png"))) << id;
        EXPECT_EQ(core::loadMask(dir.file("nnunet/labelsTr/" + id + ".png"), 2), sliceMask(32, 24, z)) << id;
    }
}

// A cancelled export stops between images and says so.
TEST(Export, CancelStopsBetweenImages)
{
    TempDir dir;
    auto ws = twoClassWorkspace(dir);
    for (int i = 0; i < 3; ++i) {
        test::writeDiscImage(dir.file("f" + std::to_string(i) + ".png"), 16, 12, 8, 6, 3);
        const auto id = ws->addImage(ws->addCase("frames"), dir.file("f" + std::to_string(i) + ".png"), 16, 12);
        ws->commitMask(id, 0, sliceMask(16, 12, i), core::MaskKind::Corrected);
    }
    std::atomic<bool> cancel{false};
    core::ExportOptions options;
    options.destination = dir.file("png");
    options.cancel = &cancel;
    options.progress = [&](int done, int) { cancel = done >= 1; };
    const auto report = core::exporter("png").run(*ws, options);
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(report.masks, 1);
}

// A workspace whose masks use labels its class list does not name (masks adopted from files, an
// older store): COCO and nnU-Net still name every label they write, as "class N" (the DICOM SEG
// writer's name), and say so; a dataset tool never meets a category it cannot resolve.
TEST(Export, LabelsWithoutAClassAreNamedAndTheReportSaysSo)
{
    TempDir dir;
    auto ws = core::Workspace::open(dir.file("ws"));
    ws->setClasses({{1, "polyp", 255, 0, 0}});
    test::writeDiscImage(dir.file("f0.png"), 16, 12, 8, 6, 3);
    const auto id = ws->addImage(ws->addCase("frames"), dir.file("f0.png"), 16, 12);
    ws->commitMask(id, 0, sliceMask(16, 12, 0), core::MaskKind::Corrected); // labels 1 and 2

    const auto coco = runExport(*ws, "coco", dir.file("coco.json"));
    const auto j = readJson(dir.file("coco.json"));
    std::map<int, std::string> categories;
    for (const auto& c : j["categories"])
        categories[c["id"].get<int>()] = c["name"].get<std::string>();
    EXPECT_EQ(categories, (std::map<int, std::string>{{1, "polyp"}, {2, "class 2"}}));
    ASSERT_EQ(coco.notes.size(), 1u);
    EXPECT_NE(coco.notes[0].find("class N"), std::string::npos) << coco.notes[0];

    const auto nnunet = runExport(*ws, "nnunet", dir.file("nnunet"));
    const auto dataset = readJson(dir.file("nnunet/dataset.json"));
    EXPECT_EQ(dataset["labels"]["polyp"], 1);
    EXPECT_EQ(dataset["labels"]["class 2"], 2);
    EXPECT_EQ(std::count_if(nnunet.notes.begin(), nnunet.notes.end(),
                            [](const std::string& n) { return n.find("class N") != std::string::npos; }),
              1);

    ws->setClasses({{1, "polyp", 255, 0, 0}, {2, "bleeding", 0, 0, 255}});
    EXPECT_TRUE(runExport(*ws, "coco", dir.file("coco2.json")).notes.empty()) << "every label named: nothing to say";
}

// Every ruler and outline in one CSV, whatever its image: a DICOM series' in mm and mm², a picture's
// and a video frame's in px; names with a comma, a quote or a leading "=" stay one harmless field.
// An outline's values are those of the pixels it encloses on its plane (HU on CT).
TEST(Export, MeasurementsCsvListsEveryRulerAndOutlineWithItsUnit)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("series"));
    for (int i = 0; i < 4; ++i) // 0.8 mm pixels, slices 2 mm apart, slice i all 10 (i + 1)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.813", i + 1,
                              -20, -30, 2.0 * i, static_cast<unsigned short>(10 * (i + 1)));
    auto ws = core::Workspace::open(dir.file("ws"));
    ws->setUser("reader");
    core::importVolume(*ws, dir.file("series"));
    const auto series = ws->imageId(dir.file("ws/dicom/series"));
    ASSERT_TRUE(series);
    // A ruler on axial slice 2 across 4 x 0.8 mm = 3.2 mm; an outline on coronal row 2 of 3.2 mm by 6 mm.
    ws->addMeasurement(*series, {"r1", false, {{1, 1, 1}, {5, 1, 1}}, {}, "2026-01-01T10:00:00.000Z", "lesion 1, \"long\" axis"});
    ws->addMeasurement(*series, {"a1", true, {{1, 2, 0}, {5, 2, 0}, {5, 2, 3}, {1, 2, 3}}, {}, "2026-01-01T10:01:00.000Z", "=SUM(A1)"});
    // Enclosing the centres of columns 1 to 4 of slices 1 and 2 on coronal row 2: 4 of 20, 4 of 30.
    ws->addMeasurement(*series, {"a2", true, {{0.7, 2, 0.7}, {4.3, 2, 0.7}, {4.3, 2, 2.3}, {0.7, 2, 2.3}}, {}, "2026-01-01T10:02:00.000Z"});
    const std::string png = dir.file("frame.png");
    test::writeDiscImage(png, 16, 16, 8, 8, 4);
    const auto picture = ws->addImage(ws->addCase("pictures"), png, 16, 16);
    ws->addMeasurement(picture, {"p1", false, {{1, 1, 0}, {4, 5, 0}}, {}, {}}); // 5 px
    const std::string video = dir.file("clip.avi");
    test::writeNumberedVideo(video, 6);
    const auto clip = ws->addImage(ws->addCase("videos"), video, 64, 48, 6);
    ws->addMeasurement(clip, {"v1", false, {{0, 0, 3}, {6, 8, 3}}, {}, {}}); // 10 px on frame 4

    const auto report = core::exporter("measurements-csv").run(*ws, {dir.file("out/measurements.csv")});
    EXPECT_TRUE(report.failed.empty());
    EXPECT_TRUE(report.ofMeasurements) << "the CLI and the window count measurements, not masks";
    EXPECT_EQ(report.measurements, 5);
    EXPECT_EQ(report.images, 3);
    std::ifstream in(dir.file("out/measurements.csv"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0], "case,image,key,name,kind,plane,slice,value,unit,mean,sd,min,max,pixels,value_unit,author,created,points");
    const auto row = [&](const std::string& key) {
        for (const auto& l : lines)
            if (l.find("," + key + ",") != std::string::npos)
                return l;
        return std::string();
    };
    EXPECT_NE(row("r1").find(",r1,\"lesion 1, \"\"long\"\" axis\",ruler,axial,2,3.20,mm,,,,,,,reader,2026-01-01T10:00:00.000Z,"
                             "1.00 1.00 1.00;5.00 1.00 1.00"),
              std::string::npos) << row("r1");
    EXPECT_NE(row("a1").find(",a1,'=SUM(A1),area,coronal,3,19.20,mm2,"), std::string::npos) << row("a1");
    EXPECT_NE(row("a2").find(",a2,,area,coronal,3,9.22,mm2,25.00,5.00,20.00,30.00,8,HU,reader,"), std::string::npos) << row("a2");
    EXPECT_NE(row("p1").find(",p1,,ruler,axial,1,5.00,px,,,,,,,reader,"), std::string::npos) << row("p1");
    EXPECT_NE(row("v1").find(",v1,,ruler,axial,4,10.00,px,,,,,,,reader,"), std::string::npos) << row("v1");
}
