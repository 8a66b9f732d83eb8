#include "CliTestSupport.h"
#include "OrthancServer.h"
#include "PostgresServer.h"
#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/Reslicer.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/ml/Checkpoint.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <future>
#include <thread>
#include <fstream>
#include <map>
#include <regex>

using namespace delineo;
using delineo::test::runCommand;
using delineo::test::TempDir;
using delineo::test::cli;
using delineo::test::writeDiscFrames;

// --help (and the man page made from it) names every option the commands read.
TEST(Cli, HelpDocumentsEveryOption)
{
    std::string help;
    ASSERT_EQ(runCommand(cli() + " --help", &help), 0);
    const std::regex option(R"re(args\.(get|has|getInt|getDouble|require)\("([a-z0-9-]+)")re");
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(DELINEO_SOURCE_DIR) + "/app/cli")) {
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it) {
            ++seen;
            const std::string name = "--" + (*it)[2].str();
            EXPECT_TRUE(std::regex_search(help, std::regex(name + "([^a-z0-9-]|$)")))
                << name << " (read in " << entry.path().filename() << ") is missing from delineo-cli --help";
        }
    }
    EXPECT_GT(seen, 50);
}

// Every command answers --help with its own options; unknown options and commands are refused
// with the nearest known one; the bash completion names the commands and their options.
TEST(Cli, EachCommandHasItsOwnHelpAndRefusesUnknownOptions)
{
    std::string out;
    for (const char* cmd : {"train", "segment", "evaluate", "import-model", "info", "deidentify", "import-dicom",
                            "workspace", "finetune", "models", "import-uw", "bench"}) {
        ASSERT_EQ(runCommand(cli() + " " + cmd + " --help", &out), 0) << cmd << ": " << out;
        EXPECT_NE(out.find("delineo-cli " + std::string(cmd)), std::string::npos) << out;
    }
    ASSERT_EQ(runCommand(cli() + " finetune --help", &out), 0);
    EXPECT_NE(out.find("--epochs"), std::string::npos) << out;
    EXPECT_NE(out.find("--time-budget"), std::string::npos) << out;
    EXPECT_EQ(out.find("--tile-zoom"), std::string::npos) << "only finetune's own options";
    ASSERT_EQ(runCommand(cli() + " workspace --help", &out), 0);
    for (const char* format : {"--png", "--nnunet", "--coco", "--nifti", "--dicom-seg", "--dicom-sr", "--measurements-csv", "--uw-csv"})
        EXPECT_NE(out.find(format), std::string::npos) << format << " comes from the exporter registry";

    EXPECT_EQ(runCommand(cli() + " finetune --workspace /nonexistent --epoch 3", &out), 2);
    EXPECT_NE(out.find("did you mean --epochs"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " segmnet x --out y", &out), 2);
    EXPECT_NE(out.find("did you mean 'segment'"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " info", &out), 2) << "a missing argument is a usage error";
    EXPECT_EQ(runCommand(cli() + " finetune --workspace /nonexistent/ws", &out), 3) << "exit codes unchanged: " << out;

    ASSERT_EQ(runCommand(cli() + " completion bash", &out), 0);
    EXPECT_NE(out.find("complete -o filenames -F _delineo_cli delineo-cli"), std::string::npos);
    EXPECT_NE(out.find("--time-budget"), std::string::npos);
    EXPECT_NE(out.find("--dicom-seg"), std::string::npos);
}

// Outputs never replace inputs; a store that should exist is never silently made anew.
TEST(Cli, NoInputIsOverwrittenAndNoStoreIsSilentlyCreated)
{
    TempDir dir;
    test::writeDiscImage(dir.file("x.png"), 40, 30, 20, 15, 6);
    test::writeDiscImage(dir.file("y.jpg"), 40, 30, 20, 15, 6);
    cv::imwrite(dir.file("y.png"), cv::Mat(30, 40, CV_16UC1, cv::Scalar(1234)));
    const std::string before = test::fileBytes(dir.file("y.png"));
    std::string out;
    ASSERT_EQ(runCommand("cd " + dir.path().string() + " && " + cli() + " segment x.png y.jpg y.png --out .", &out), 0) << out;
    EXPECT_EQ(test::fileBytes(dir.file("x.png")).size() > 0, true);
    EXPECT_EQ(test::fileBytes(dir.file("y.png")), before) << "the 16-bit source slice is untouched";
    EXPECT_TRUE(std::filesystem::exists(dir.file("x_mask.png"))) << out;
    EXPECT_TRUE(std::filesystem::exists(dir.file("y_mask.png"))) << out;
    EXPECT_TRUE(std::filesystem::exists(dir.file("y_mask2.png"))) << "two inputs named y get two masks: " << out;
    // The grey slice got the colour polyp model's classes: said, not written silently.
    EXPECT_NE(out.find("polyp-unet.pt is made for colour images (ES/XC/GM/OT), not for 1 of 3 images here (grey)"),
              std::string::npos)
        << out;
    ASSERT_EQ(runCommand(cli() + " segment " + dir.file("x.png") + " --out " + dir.file("colour"), &out), 0) << out;
    EXPECT_EQ(out.find("warning"), std::string::npos) << "a colour frame is what the polyp model is for: " << out;

    TempDir ws;
    EXPECT_EQ(runCommand(cli() + " workspace status " + ws.path().string(), &out), 3) << out;
    EXPECT_FALSE(std::filesystem::exists(ws.file("workspace.sqlite")));
    std::ofstream(ws.file("workspace.sqlite")).close();
    EXPECT_EQ(runCommand(cli() + " workspace status " + ws.path().string(), &out), 6) << out;
    EXPECT_EQ(std::filesystem::file_size(ws.file("workspace.sqlite")), 0u);
    // Every image failing the same way gives that failure's code, not a generic 1.
    std::ofstream(dir.file("broken.png")) << "\x89PNG\r\n\x1a\n truncated";
    EXPECT_EQ(runCommand(cli() + " segment " + dir.file("broken.png") + " --out " + dir.file("out"), &out), 6) << out;
}

// Frames in flight on one-thread workers, one batched pipeline, or batches of three: the same masks
// (up to pixels whose probability sits on 0.5, where the threads' summation order may tip them).
TEST(Cli, SegmentGivesTheSameMasksOnWorkersAndInBatches)
{
    TempDir dir;
    writeDiscFrames(dir, 7, 3);
    std::map<std::string, std::vector<std::uint8_t>> first;
    std::size_t foreground = 0;
    for (const char* how : {"--workers 2", "--workers 1", "--batch 3"}) {
        SCOPED_TRACE(how);
        std::string out;
        const std::string outDir = dir.file(std::string("out") + how[3]);
        ASSERT_EQ(runCommand(cli() + " segment " + how + " " + dir.file("frames") + " --out " + outDir, &out), 0) << out;
        for (int i = 0; i < 7; ++i) {
            const std::string name = "f" + std::to_string(i) + ".png";
            const auto mask = core::loadMask(outDir + "/" + name, 1);
            ASSERT_EQ(mask.width, 40);
            auto [at, fresh] = first.emplace(name, mask.labels);
            if (fresh) {
                foreground += static_cast<std::size_t>(std::count(mask.labels.begin(), mask.labels.end(), 1));
                continue;
            }
            std::size_t differ = 0;
            for (std::size_t k = 0; k < mask.labels.size(); ++k)
                differ += mask.labels[k] != at->second[k];
            EXPECT_LE(differ, 2u) << name;
        }
    }
    EXPECT_GT(foreground, 7u * 40) << "the shipped model finds the discs";
}

TEST(Cli, InfoPrintsJsonAndTypedExitCodes)
{
    TempDir dir;
    test::writeDiscImage(dir.file("a.png"), 30, 20, 10, 10, 5);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " info --json " + dir.file("a.png"), &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j["series"].size(), 1u);
    EXPECT_EQ(j["series"][0]["dims"], nlohmann::json::array({30, 20, 1}));
    EXPECT_EQ(j["series"][0]["frames"][0]["max"].get<double>(), 250.0);
    EXPECT_EQ(runCommand(cli() + " info " + dir.file("missing.png"), &out), 3);
    EXPECT_NE(out.find("not found"), std::string::npos);
    std::ofstream(dir.file("text.jpg")) << "hello";
    EXPECT_EQ(runCommand(cli() + " info " + dir.file("text.jpg"), &out), 5);
    EXPECT_EQ(runCommand(cli() + " frobnicate", &out), 2);
    ASSERT_EQ(runCommand(cli() + " --version", &out), 0);
    for (const char* part : {"LibTorch", "DCMTK", "ITK", "OpenCV", "SQLite"})
        EXPECT_NE(out.find(part), std::string::npos) << part;
    EXPECT_EQ(runCommand(cli() + " segment --out " + dir.file("o"), &out), 2);
    EXPECT_FALSE(j["series"][0]["oblique"].get<bool>()) << "a picture has no place in the patient";
    // A volume turned 20 degrees about the head-foot axis is said to be oblique, a straight one not.
    core::Volume v;
    for (int z = 0; z < 3; ++z) {
        core::Image img;
        img.width = img.height = 8;
        img.bytes.assign(64, std::uint8_t(z));
        v.slices.push_back(img);
    }
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    core::writeItkImage(dir.file("straight.nii.gz"), v);
    const double c = std::cos(20 * M_PI / 180), s = std::sin(20 * M_PI / 180);
    v.geometry.direction = {c, s, 0, -s, c, 0, 0, 0, 1};
    core::writeItkImage(dir.file("turned.nii.gz"), v);
    ASSERT_EQ(runCommand(cli() + " info " + dir.file("turned.nii.gz"), &out), 0) << out;
    EXPECT_NE(out.find("oblique: turned"), std::string::npos) << out;
    EXPECT_NE(out.find(": 1 series\n"), std::string::npos) << out;
    EXPECT_NE(out.find(", 1 channel, "), std::string::npos) << out;
    ASSERT_EQ(runCommand(cli() + " info --json " + dir.file("straight.nii.gz"), &out), 0) << out;
    EXPECT_FALSE(nlohmann::json::parse(out)["series"][0]["oblique"].get<bool>());
}

// `resample`: a double-oblique volume (slices tipped 25 degrees about the left-right axis) and its
// label map, written on the patient's axes; the labels keep their volume in mm3. A straight volume
// and a missing --out are refused.
TEST(Cli, ResampleWritesAnObliqueSeriesOnThePatientsAxesWithItsLabels)
{
    TempDir dir;
    core::Volume v;
    std::vector<core::LabelMap> labels;
    for (int z = 0; z < 10; ++z) {
        core::Image img;
        img.width = img.height = 24;
        img.type = core::PixelType::U16;
        img.bytes.assign(24 * 24 * 2, 0);
        for (int i = 0; i < 24 * 24; ++i)
            img.bytes[std::size_t(2 * i)] = std::uint8_t(10 + i % 24 + z);
        v.slices.push_back(img);
        core::LabelMap m(24, 24);
        for (int y = 6; y < 16; ++y)
            for (int x = 4; x < 14; ++x)
                m.at(x, y) = z >= 3 && z < 7 ? 1 : 0;
        labels.push_back(m);
    }
    v.geometry.spacing = {1, 1, 2};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    core::writeItkImage(dir.file("straight.nii.gz"), v);
    const double a = 25 * M_PI / 180;
    v.geometry.direction = {1, 0, 0, 0, std::cos(a), std::sin(a), 0, -std::sin(a), std::cos(a)};
    core::writeItkImage(dir.file("tipped.nii.gz"), v);
    core::writeItkLabels(dir.file("tipped-labels.nii.gz"), labels, v.geometry);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " resample " + dir.file("tipped.nii.gz") + " --out " + dir.file("axial.nii.gz") +
                             " --labels " + dir.file("tipped-labels.nii.gz") + " --labels-out " + dir.file("axial-labels.nii.gz"),
                         &out), 0) << out;
    const core::Volume copy = core::loadVolume(dir.file("axial.nii.gz"));
    EXPECT_FALSE(core::Reslicer::oblique(copy)) << out;
    EXPECT_EQ(copy.slice(0).type, core::PixelType::U16) << "in the image's own pixel type";
    core::Geometry g;
    const auto resampled = core::readItkLabels(dir.file("axial-labels.nii.gz"), &g);
    ASSERT_EQ(int(resampled.size()), copy.depth());
    int voxels = 0;
    for (const auto& m : resampled)
        voxels += int(std::count(m.labels.begin(), m.labels.end(), std::uint8_t(1)));
    const double mm3 = voxels * g.spacing[0] * g.spacing[1] * std::abs(g.spacing[2]);
    EXPECT_NEAR(mm3, 10 * 10 * 4 * 2.0, 0.2 * 800) << voxels << " voxels";
    EXPECT_EQ(runCommand(cli() + " resample " + dir.file("straight.nii.gz") + " --out " + dir.file("s.nii.gz"), &out), 5) << out;
    EXPECT_NE(out.find("along the patient's axes"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir.file("s.nii.gz")));
    EXPECT_EQ(runCommand(cli() + " resample " + dir.file("tipped.nii.gz"), &out), 2) << out;
}

// An enhanced file holding both echoes of a multi-echo MR: `info` lists each echo with the name
// that opens it, and every other command reading the file opens the largest, saying so.
TEST(Cli, InfoListsTheStacksOfAnEnhancedFileAndHowToOpenEach)
{
    TempDir dir;
    const std::string file = dir.file("enhanced.dcm");
    ASSERT_TRUE(test::enhancedMr({4, 4, 0, 0, 2, 2}, 2)->saveFile(file.c_str(), EXS_LittleEndianExplicit).good());
    std::string out;
    ASSERT_EQ(runCommand(cli() + " info --json " + file, &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j["series"].size(), 2u);
    const std::string echo2 = j["series"][1]["open"];
    EXPECT_EQ(echo2, file + "#series=enhanced-2.1125.9-echo-2");
    EXPECT_EQ(j["series"][1]["dims"], nlohmann::json::array({4, 4, 3}));
    ASSERT_EQ(runCommand(cli() + " info --json '" + echo2 + "'", &out), 0) << out;
    const auto one = nlohmann::json::parse(out);
    ASSERT_EQ(one["series"].size(), 1u);
    EXPECT_EQ(one["series"][0]["frames"][0]["max"].get<double>(), 2 * (100 + 0 + 50) - 10) << "echo 2, z = 0";
    EXPECT_TRUE(one["series"][0]["warnings"].empty()) << out;
    // A damaged series beside it: described with its error, the others still listed, the exit
    // code that of the error.
    test::writeDicomSlice(dir.file("broken.dcm"), "1.2.3.77", 1, 0, 0, 0, 5);
    {
        DcmFileFormat broken;
        ASSERT_TRUE(broken.loadFile(dir.file("broken.dcm").c_str()).good());
        broken.getDataset()->putAndInsertUint16Array(DCM_PixelData, std::vector<Uint16>(7).data(), 7);
        ASSERT_TRUE(broken.saveFile(dir.file("broken.dcm").c_str(), EXS_LittleEndianExplicit).good());
    }
    EXPECT_EQ(runCommand(cli() + " info --json " + dir.path().string(), &out), 6) << out; // corrupt
    const auto folder = nlohmann::json::parse(out.substr(0, out.rfind('}') + 1)); // then the error, on stderr
    ASSERT_EQ(folder["series"].size(), 3u);
    int errors = 0;
    for (const auto& s : folder["series"])
        errors += s.contains("error");
    EXPECT_EQ(errors, 1) << out;
    const core::Volume largest = core::loadVolume(file);
    ASSERT_EQ(largest.depth(), 3);
    ASSERT_EQ(largest.warnings.size(), 1u);
    EXPECT_EQ(largest.warnings[0].text(), "2 series or stacks here: the largest, enhanced-2.1125.9-echo-1, is open; open "
                                          "another as PATH#series=NAME (delineo-cli info lists them)");
}

TEST(Cli, InfoOnDicomFolderListsSeriesWithWarnings)
{
    const std::string dir = test::sharedData("dicom/ge-ct-head-gantry-tilt/In/GE");
    SKIP_WITHOUT_SHARED(dir);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " info --json " + dir + " 2>/dev/null", &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j["series"].size(), 1u);
    const auto& s = j["series"][0];
    EXPECT_EQ(s["dims"], nlohmann::json::array({512, 512, 28}));
    EXPECT_EQ(s["frames"].size(), 28u);
    EXPECT_EQ(s["modality"], "CT");
    EXPECT_EQ(s["warnings"].size(), 2u); // irregular spacing and gantry tilt
}

TEST(Cli, ImportDicomDeidentifiesUnlessTheWorkspaceKeepsIdentities)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("in"));
    test::writeDicomSlice(dir.file("in/a.dcm"), "1.2.826.0.1.3680043.2.1125.4242", 1, 0, 0, 0, 9);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " import-dicom " + dir.file("in") + " --workspace " + dir.file("ws"), &out), 0) << out;
    EXPECT_NE(out.find("de-identified 1 DICOM file into"), std::string::npos) << out;
    std::ifstream in(dir.file("ws/dicom/in/a.dcm"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("1.2.826.0.1.3680043.2.1125.4242"), std::string::npos);
    ASSERT_EQ(runCommand(cli() + " import-dicom " + dir.file("in") + " --workspace " + dir.file("ws2") + " --keep-identity", &out), 0);
    EXPECT_NE(out.find("identities kept"), std::string::npos) << out;
    // The choice sticks to the workspace.
    ASSERT_EQ(runCommand(cli() + " import-dicom " + dir.file("in") + " --workspace " + dir.file("ws2"), &out), 0);
    EXPECT_NE(out.find("identities kept"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " import-dicom " + dir.file("nope") + " --workspace " + dir.file("ws"), &out), 3);
    // A copy de-identified later with the workspace's key is the same patient and image.
    ASSERT_EQ(runCommand(cli() + " deidentify " + dir.file("in") + " --out " + dir.file("later") + " --workspace " + dir.file("ws"), &out), 0) << out;
    std::ifstream again(dir.file("later/in/a.dcm"), std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()), bytes);
    // Without it: a key of its own, other UIDs.
    ASSERT_EQ(runCommand(cli() + " deidentify " + dir.file("in") + " --out " + dir.file("other"), &out), 0) << out;
    EXPECT_NE(out.find("a key of this run's own"), std::string::npos) << out;
    std::ifstream other(dir.file("other/in/a.dcm"), std::ios::binary);
    EXPECT_NE(std::string((std::istreambuf_iterator<char>(other)), std::istreambuf_iterator<char>()), bytes);
    // A format that carries no de-identification refuses the flag rather than ignore it.
    ASSERT_EQ(runCommand(cli() + " workspace create " + dir.file("made") + " --classes polyp", &out), 0) << out;
    EXPECT_EQ(runCommand(cli() + " workspace export " + dir.file("made") + " --measurements-csv " + dir.file("m.csv") + " --deidentify", &out), 2);
    EXPECT_NE(out.find("--dicom-seg, --dicom-sr"), std::string::npos) << out;
}

// Import frames with masks (one broken file), check the status, export PNG masks, re-import the
// export into a second workspace and compare labels pixel for pixel.
TEST(Cli, WorkspaceImportExportRoundTrip)
{
    TempDir dir;
    writeDiscFrames(dir, 3, 5);
    std::ofstream(dir.file("frames/broken.jpg")) << "not a jpeg";
    std::string out;
    const std::string ws = dir.file("ws");
    ASSERT_EQ(runCommand(cli() + " workspace create " + ws + " --classes polyp", &out), 0) << out;
    EXPECT_EQ(runCommand(cli() + " workspace import " + ws + " " + dir.file("frames"), &out), 1) << out; // partial
    EXPECT_NE(out.find("imported 3 images, 3 masks"), std::string::npos) << out;
    EXPECT_NE(out.find("broken.jpg"), std::string::npos) << out;
    ASSERT_EQ(runCommand(cli() + " workspace status --json " + ws, &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j["integrity"], "ok");
    EXPECT_EQ(j["revisions"], 3);
    ASSERT_EQ(j["cases"].size(), 1u);
    EXPECT_EQ(j["cases"][0]["name"], "frames");
    EXPECT_EQ(j["cases"][0]["images"], 3);
    ASSERT_EQ(runCommand(cli() + " workspace export " + ws + " --png " + dir.file("export"), &out), 0) << out;
    for (int i = 0; i < 3; ++i) {
        const std::string name = "f" + std::to_string(i) + ".png";
        EXPECT_EQ(core::loadMask(dir.file("export/frames/" + name), 1), core::loadMask(dir.file("frames/masks/" + name), 1));
    }
    // nnU-Net/MONAI dataset folder: labels are the class indices, the json lists the classes.
    ASSERT_EQ(runCommand(cli() + " workspace export " + ws + " --nnunet " + dir.file("nnunet"), &out), 0) << out;
    EXPECT_TRUE(std::filesystem::exists(dir.file("nnunet/imagesTr/frames_f1_0000.png")));
    EXPECT_EQ(core::loadMask(dir.file("nnunet/labelsTr/frames_f1.png"), 3), core::loadMask(dir.file("frames/masks/f1.png"), 1)); // indices
    std::ifstream ds(dir.file("nnunet/dataset.json"));
    const auto dj = nlohmann::json::parse(ds);
    EXPECT_EQ(dj["numTraining"], 3);
    EXPECT_EQ(dj["labels"]["polyp"], 1);
    // COCO: decoding each annotation's RLE gives the mask back.
    ASSERT_EQ(runCommand(cli() + " workspace export " + ws + " --coco " + dir.file("coco.json"), &out), 0) << out;
    std::ifstream cf(dir.file("coco.json"));
    const auto cj = nlohmann::json::parse(cf);
    ASSERT_EQ(cj["annotations"].size(), 3u);
    for (const auto& a : cj["annotations"]) {
        const auto& img = cj["images"][a["image_id"].get<int>() - 1];
        const auto name = std::filesystem::path(img["file_name"].get<std::string>()).stem().string();
        const auto decoded = core::cocoRleDecode(a["segmentation"]["counts"].get<std::vector<std::uint32_t>>(),
                                                 img["width"], img["height"]);
        EXPECT_EQ(decoded, core::loadMask(dir.file("frames/masks/" + name + ".png"), 1)) << name;
    }
    ASSERT_EQ(runCommand(cli() + " workspace import " + dir.file("ws2") + " " + dir.file("frames") + " --masks " +
                             dir.file("export/frames") + " 2>/dev/null", &out), 1);
    ASSERT_EQ(runCommand(cli() + " workspace export " + dir.file("ws2") + " --png " + dir.file("export2"), &out), 0);
    for (int i = 0; i < 3; ++i) {
        const std::string name = "frames/f" + std::to_string(i) + ".png";
        EXPECT_EQ(core::loadMask(dir.file("export2/" + name), 1), core::loadMask(dir.file("export/" + name), 1));
    }
    // Imported into a new folder, the workspace has a class list as `create` gives one: polyp, or
    // the names given; the COCO export lists it.
    const auto cocoNames = [&](const std::string& workspace) {
        std::string ignored;
        EXPECT_EQ(runCommand(cli() + " workspace export " + workspace + " --coco " + workspace + "-coco.json", &ignored), 0)
            << ignored;
        std::ifstream in(workspace + "-coco.json");
        const auto j = nlohmann::json::parse(in);
        std::vector<std::string> names;
        for (const auto& c : j["categories"])
            names.push_back(c["name"]);
        return names;
    };
    EXPECT_EQ(cocoNames(dir.file("ws2")), std::vector<std::string>{"polyp"});
    ASSERT_EQ(runCommand(cli() + " workspace import " + dir.file("ws3") + " " + dir.file("frames") +
                             " --classes bleeding 2>/dev/null", &out), 1);
    EXPECT_EQ(cocoNames(dir.file("ws3")), std::vector<std::string>{"bleeding"});
}

TEST(Cli, CorruptDicomFromSharedData)
{
    const std::string f = test::sharedData("dicom/pydicom-debian-testfiles/MR_truncated.dcm");
    SKIP_WITHOUT_SHARED(f);
    std::string out;
    EXPECT_EQ(runCommand(cli() + " info " + f, &out), 6) << out;
    EXPECT_NE(out.find("corrupt"), std::string::npos);
}

namespace {

// DIR/images/fI.png and DIR/masks/fI.png: six 64x48 frames with a disc each (radius r0 + I % 3).
// Returns the --images/--masks options for them.
std::string writeDiscFolder(const TempDir& dir, int cx0, int cy0, int r0)
{
    std::filesystem::create_directories(dir.path() / "images");
    std::filesystem::create_directories(dir.path() / "masks");
    for (int i = 0; i < 6; ++i) {
        const int cx = cx0 + 5 * i, cy = cy0 - 2 * i, r = r0 + i % 3;
        const std::string name = "f" + std::to_string(i);
        test::writeDiscImage(dir.file("images/" + name + ".png"), 64, 48, cx, cy, r);
        core::saveMask(dir.file("masks/" + name + ".png"), test::discMask(64, 48, cx, cy, r), 1);
    }
    return " --images " + dir.file("images") + " --masks " + dir.file("masks");
}

} // namespace

TEST(Cli, TrainSegmentEvaluateEndToEnd)
{
    TempDir dir;
    const std::string data = writeDiscFolder(dir, 12, 30, 7);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " train" + data + " --out " + dir.file("model/m.pt") +
                             " --size 32 --base 4 --depth 2 --epochs 3 --batch 3 --lr 0.01 --arch unetpp --loss 0.5*focal+dice",
                         &out), 0) << out;
    EXPECT_NE(out.find("done: 3 epochs"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " train" + data + " --out " + dir.file("bad/m.pt") + " --size 32 --epochs 1 --loss hinge",
                         &out), 11) << out;
    EXPECT_NE(out.find("unknown term 'hinge'"), std::string::npos) << out;
    // --pack writes the same samples for delineo-ml-train, creating the folder.
    ASSERT_EQ(runCommand(cli() + " train" + data + " --pack " + dir.file("packs/p1") + " --size 32 --base 4 --depth 2",
                         &out), 0) << out;
    for (const char* file : {"config.json", "train.pack", "val.pack"})
        EXPECT_TRUE(std::filesystem::is_regular_file(dir.path() / "packs" / "p1" / file)) << file;
    ASSERT_EQ(runCommand(cli() + " segment --model " + dir.file("model/m.pt") + " " + dir.file("images") +
                             " --out " + dir.file("pred"), &out), 0) << out;
    for (int i = 0; i < 6; ++i) {
        auto m = core::loadMask(dir.file("pred/f" + std::to_string(i) + ".png"), 1);
        EXPECT_EQ(m.width, 64);
        EXPECT_EQ(m.height, 48);
    }
    ASSERT_EQ(runCommand(cli() + " evaluate --json --model " + dir.file("model/m.pt") + data + " --report " +
                             dir.file("report.html") + " --worst 2", &out), 0) << out;
    for (const char* key : {"\"dice\"", "\"iou\"", "\"precision\"", "\"recall\"", "\"pixelAccuracy\"", "\"hd95\"",
                            "\"count\": 6"})
        EXPECT_NE(out.find(key), std::string::npos) << key << "\n" << out;
    std::ifstream html(dir.file("report.html"));
    const std::string page((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
    EXPECT_NE(page.find("HD95 (pixels)"), std::string::npos);
    EXPECT_NE(page.find("unetpp"), std::string::npos);
    std::size_t cases = 0;
    for (std::size_t at = 0; (at = page.find("class=\"case\"", at)) != std::string::npos; ++at)
        ++cases;
    EXPECT_EQ(cases, 2u);
    EXPECT_NE(page.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos); // inline PNGs
    ASSERT_EQ(runCommand(cli() + " evaluate --no-report --model " + dir.file("model/m.pt") + data, &out), 0) << out;
    EXPECT_NE(out.find("hd95"), std::string::npos) << out;
    EXPECT_NE(out.find("MEAN (1 classes, 6 images)"), std::string::npos) << out;
    // A corrupt model is a typed error, not a crash.
    std::ofstream(dir.file("model/m.pt"), std::ios::trunc) << "garbage";
    EXPECT_EQ(runCommand(cli() + " segment --model " + dir.file("model/m.pt") + " " + dir.file("images") +
                             " --out " + dir.file("pred2"), &out), 10) << out;
    EXPECT_NE(out.find("model error"), std::string::npos);
}

// A model exported from PyTorch (tests/data/torchscript-tiny.pt: logits = red - 0.5) is checked,
// imported, and then segments like a built-in model.
TEST(Cli, ImportedTorchScriptModelSegments)
{
    const std::string data = std::string(DELINEO_TESTDATA);
    TempDir dir;
    std::string out;
    ASSERT_EQ(runCommand(cli() + " import-model " + data + "/torchscript-tiny.pt --sidecar " + data +
                             "/torchscript-tiny.json --out " + dir.file("models") + " --name tiny", &out), 0) << out;
    EXPECT_NE(out.find("1 class, 64x64 input"), std::string::npos) << out;
    // Left half red, right half dark.
    cv::Mat img(40, 60, CV_8UC3, cv::Scalar(0, 0, 0));
    img(cv::Rect(0, 0, 30, 40)).setTo(cv::Scalar(0, 0, 255));
    cv::imwrite(dir.file("frame.png"), img);
    ASSERT_EQ(runCommand(cli() + " segment --model " + dir.file("models/tiny.pt") + " " + dir.file("frame.png") +
                             " --out " + dir.file("pred"), &out), 0) << out;
    const auto m = core::loadMask(dir.file("pred/frame.png"), 1);
    ASSERT_EQ(m.width, 60);
    EXPECT_EQ(m.at(5, 20), 1);
    EXPECT_EQ(m.at(54, 20), 0);

    // A sidecar that promises three classes to a one-channel model is refused with the reason.
    std::ifstream in(data + "/torchscript-tiny.json");
    auto side = nlohmann::json::parse(in);
    side["classes"].push_back({{"name", "b"}, {"colour", {1, 2, 3}}});
    side["classes"].push_back({{"name", "c"}, {"colour", {1, 2, 3}}});
    std::ofstream(dir.file("three.json")) << side.dump();
    EXPECT_EQ(runCommand(cli() + " import-model " + data + "/torchscript-tiny.pt --sidecar " + dir.file("three.json") +
                             " --out " + dir.file("models2"), &out), 10) << out;
    EXPECT_NE(out.find("returns 1 x 1 x 64 x 64"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir.file("models2/torchscript-tiny.pt")));
    // A damaged file is a model error too.
    std::ofstream(dir.file("broken.pt")) << "PK not really";
    EXPECT_EQ(runCommand(cli() + " import-model " + dir.file("broken.pt") + " --sidecar " + data +
                             "/torchscript-tiny.json --out " + dir.file("models3"), &out), 10) << out;
    EXPECT_NE(out.find("not a TorchScript archive"), std::string::npos) << out;
}

TEST(Cli, ShippedModelSegmentsARealFrame)
{
    const std::string model = std::string(DELINEO_RESOURCES) + "/models/polyp-unet.pt";
    const std::string frame = test::sharedData("kvasir-seg/images/cju0qoxqj9q6s0835b43399p4.jpg");
    if (!std::filesystem::exists(model))
        GTEST_SKIP() << "no shipped model in resources/models";
    SKIP_WITHOUT_SHARED(frame);
    TempDir dir;
    std::string out;
    ASSERT_EQ(runCommand(cli() + " segment --model " + model + " " + frame + " --out " + dir.path().string(), &out), 0)
        << out;
    auto m = core::loadMask(dir.file("cju0qoxqj9q6s0835b43399p4.png"), 1);
    EXPECT_EQ(m.width, 1348);
    std::size_t fg = 0;
    for (auto v : m.labels)
        fg += v;
    EXPECT_GT(fg, 0u); // this frame has a large polyp
}

// Without --model, an input gets the shipped model made for it, as the window picks one: the
// demo's MR slice the GI-tract model (its mask holds MRI labels), a colour frame the polyp model.
TEST(Cli, SegmentPicksTheShippedModelMadeForTheFirstInput)
{
    const std::string mr = std::string(DELINEO_RESOURCES) + "/demo/mr-abdomen-slice.dcm";
    if (!std::filesystem::exists(std::string(DELINEO_RESOURCES) + "/models/gi-mri-unet.pt") || !std::filesystem::exists(mr))
        GTEST_SKIP() << "no shipped GI-tract model or demo MR slice in resources/";
    TempDir dir;
    std::string out;
    ASSERT_EQ(runCommand(cli() + " segment " + mr + " --out " + dir.file("mr"), &out), 0) << out;
    EXPECT_NE(out.find("using the shipped gi-mri-unet model, the one made for images like mr-abdomen-slice.dcm (MR, grey)"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("warning"), std::string::npos) << out;
    EXPECT_NO_THROW(core::loadMask(dir.file("mr/mr-abdomen-slice.png"), 4));
    test::writeDiscImage(dir.file("frame.png"), 40, 30, 20, 15, 6);
    ASSERT_EQ(runCommand(cli() + " segment " + dir.file("frame.png") + " --out " + dir.file("colour"), &out), 0) << out;
    EXPECT_EQ(out.find("using the shipped"), std::string::npos) << "the polyp model, as without a choice: " << out;
    // evaluate chooses the same way, by its first image: the MR slice against its own mask.
    std::filesystem::create_directories(dir.path() / "eval" / "masks");
    std::filesystem::copy_file(mr, dir.file("eval/mr-abdomen-slice.dcm"));
    std::filesystem::copy_file(dir.file("mr/mr-abdomen-slice.png"), dir.file("eval/masks/mr-abdomen-slice.png"));
    ASSERT_EQ(runCommand(cli() + " evaluate --images " + dir.file("eval") + " --masks " + dir.file("eval/masks") +
                             " --no-report --json", &out), 0) << out;
    EXPECT_NE(out.find("using the shipped gi-mri-unet model"), std::string::npos) << out;
    EXPECT_NE(out.find("\"small_bowel\""), std::string::npos) << "the MRI classes measured: " << out;
}

// The interactive model from the command line: trained from an automatic model's filters, measured
// as an annotator uses it (with the HTML report of the worst objects and their clicks), and carrying
// masks through simulated sequences.
TEST(Cli, InteractiveTrainEvaluateAndPropagate)
{
    TempDir dir;
    const std::string data = writeDiscFolder(dir, 14, 28, 8);
    std::string out;
    ASSERT_EQ(runCommand(cli() + " train" + data + " --out " + dir.file("auto.pt") +
                             " --size 32 --base 4 --depth 2 --epochs 1 --batch 3", &out), 0) << out;
    ASSERT_EQ(runCommand(cli() + " train --interactive --init " + dir.file("auto.pt") + data + " --out " +
                             dir.file("assist.pt") + " --epochs 2 --batch 3", &out), 0) << out;
    const ml::ModelConfig cfg = ml::readSidecar(dir.file("assist.pt"));
    EXPECT_EQ(cfg.promptChannels, 4);
    EXPECT_EQ(cfg.architecture, "prompt_unet");
    EXPECT_EQ(cfg.inputSize, 32) << "the automatic model's shape carries over";
    // An interactive model is not an automatic one, and back: typed errors.
    EXPECT_NE(runCommand(cli() + " segment --model " + dir.file("assist.pt") + " " + dir.file("images") + " --out " +
                             dir.file("pred"), &out), 0);
    EXPECT_NE(out.find("interactive model"), std::string::npos) << out;
    EXPECT_NE(runCommand(cli() + " evaluate --interactive --model " + dir.file("auto.pt") + data, &out), 0);
    EXPECT_NE(out.find("not an interactive model"), std::string::npos) << out;

    ASSERT_EQ(runCommand(cli() + " evaluate --interactive --json --max-clicks 3 --worst 2 --model " +
                             dir.file("assist.pt") + data + " --report " + dir.file("clicks.html"), &out), 0) << out;
    for (const char* key : {"\"NoC@85\"", "\"NoC@90\"", "\"dice@1\"", "\"dice@5\"", "\"diceFromBoxAlone\"", "\"objects\": 6"})
        EXPECT_NE(out.find(key), std::string::npos) << key << "\n" << out;
    const std::string page = test::fileBytes(dir.file("clicks.html"));
    std::size_t cases = 0;
    for (std::size_t at = 0; (at = page.find("class=\"case\"", at)) != std::string::npos; ++at)
        ++cases;
    EXPECT_EQ(cases, 2u);
    EXPECT_NE(page.find("result with the clicks"), std::string::npos);

    ASSERT_EQ(runCommand(cli() + " evaluate --propagation --json --frames 3 --limit 2 --model " + dir.file("assist.pt") +
                             data, &out), 0) << out;
    for (const char* key : {"\"meanDice\"", "\"copyFirstMaskDice\"", "\"meanWorstFrameDice\"", "\"sequences\": 2"})
        EXPECT_NE(out.find(key), std::string::npos) << key << "\n" << out;
    EXPECT_EQ(runCommand(cli() + " evaluate --propagation --frames 1 --model " + dir.file("assist.pt") + data, &out), 2)
        << out;
}

// Structure volumes from the store: a 27-voxel cube of 0.5 x 0.5 x 2 mm voxels is 0.0135 mL; the
// text and JSON forms agree; a workspace without masks is a typed error.
TEST(Cli, StatsReportVolumesInMillilitresFromTheWorkspace)
{
    TempDir dir;
    core::Volume v;
    std::vector<core::LabelMap> labels;
    for (int z = 0; z < 5; ++z) {
        core::Image img;
        img.width = img.height = 10;
        img.bytes.assign(100, std::uint8_t(20 * z));
        v.slices.push_back(img);
        core::LabelMap m(10, 10);
        for (int y = 2; y < 5; ++y)
            for (int x = 2; x < 5; ++x)
                m.at(x, y) = z >= 1 && z <= 3 ? 1 : 0;
        m.at(8, 8) = z == 4 ? 2 : 0;
        labels.push_back(m);
    }
    v.geometry.spacing = {0.5, 0.5, 2.0};
    v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
    core::writeItkImage(dir.file("ct.nii.gz"), v);
    core::writeItkLabels(dir.file("ct-labels.nii.gz"), labels, v.geometry);
    const std::string ws = dir.file("ws");
    std::string out;
    ASSERT_EQ(runCommand(cli() + " workspace create " + ws + " --classes stomach,large_bowel,small_bowel", &out), 0) << out;
    ASSERT_EQ(runCommand(cli() + " stats --workspace " + ws + " 2>&1", &out), 3) << out; // nothing annotated yet
    ASSERT_EQ(runCommand(cli() + " workspace import " + ws + " " + dir.file("ct.nii.gz") + " --labels " +
                             dir.file("ct-labels.nii.gz"), &out), 0) << out;
    ASSERT_EQ(runCommand(cli() + " stats --json --workspace " + ws, &out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j["images"].size(), 1u);
    const auto& s = j["images"][0]["structures"];
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0]["name"], "stomach");
    EXPECT_EQ(s[0]["voxels"], 27);
    EXPECT_NEAR(s[0]["volume_ml"].get<double>(), 0.0135, 1e-9);
    EXPECT_EQ(s[0]["slices"], nlohmann::json::array({2, 4}));
    EXPECT_EQ(s[0]["components"], 1);
    EXPECT_EQ(s[0]["centre"], (nlohmann::json{{"x", 3}, {"y", 3}, {"slice", 3}})) << "the cube's middle voxel";
    EXPECT_EQ(s[1]["voxels"], 1);
    EXPECT_EQ(s[1]["centre"], (nlohmann::json{{"x", 8}, {"y", 8}, {"slice", 5}}));
    EXPECT_EQ(s[2]["voxels"], 0);
    EXPECT_TRUE(s[2]["slices"].is_null());
    EXPECT_TRUE(s[2]["centre"].is_null());
    // The values under each class: 20, 40 and 60 on the cube's three slices, 80 under the voxel.
    EXPECT_NEAR(s[0]["values"]["mean"].get<double>(), 40, 1e-9);
    EXPECT_NEAR(s[0]["values"]["sd"].get<double>(), std::sqrt(800.0 / 3), 1e-9);
    EXPECT_EQ(s[0]["values"]["min"], 20);
    EXPECT_EQ(s[0]["values"]["max"], 60);
    EXPECT_EQ(s[1]["values"]["mean"], 80);
    EXPECT_TRUE(s[2]["values"].is_null());
    ASSERT_EQ(runCommand(cli() + " stats --workspace " + ws, &out), 0) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex("stomach +0\\.01 +27 +2-4 +1  40\\.0 ± 16\\.3"))) << out;
    // Measurements kept with the image, as the window keeps them (voxel coordinates): a ruler on
    // axial slice 3 across 3 x 4 voxels of 0.5 mm (2.5 mm), and an outline on coronal plane 4 of
    // 4 columns by 2 slices (2 mm x 4 mm).
    {
        auto store = core::Workspace::openExisting(ws);
        store->setUser("reader");
        const auto image = *store->imageId(store->imagePaths().at(0));
        store->addMeasurement(image, {"r", false, {{1, 1, 2}, {4, 5, 2}}, {}, {}, "lesion 1"});
        store->addMeasurement(image, {"a", true, {{1.5, 3, 0.5}, {5.5, 3, 0.5}, {5.5, 3, 2.5}, {1.5, 3, 2.5}}, {}, {}});
    }
    ASSERT_EQ(runCommand(cli() + " stats --json --workspace " + ws, &out), 0) << out;
    const auto m = nlohmann::json::parse(out)["images"][0]["measurements"];
    ASSERT_EQ(m.size(), 2u) << out;
    EXPECT_EQ(m[0]["kind"], "ruler");
    EXPECT_EQ(m[0]["plane"], "axial");
    EXPECT_EQ(m[0]["slice"], 3);
    EXPECT_NEAR(m[0]["length_mm"].get<double>(), 2.5, 1e-9);
    EXPECT_EQ(m[0]["author"], "reader");
    EXPECT_EQ(m[0]["label"], "lesion 1");
    EXPECT_EQ(m[1]["label"], "") << "unnamed";
    EXPECT_EQ(m[1]["kind"], "area");
    EXPECT_EQ(m[1]["plane"], "coronal");
    EXPECT_EQ(m[1]["slice"], 4);
    EXPECT_NEAR(m[1]["area_mm2"].get<double>(), 8.0, 1e-9);
    // The outline's values: the pixels it encloses, columns 2 to 5 of slices 1 (20) and 2 (40).
    EXPECT_FALSE(m[0].contains("values")) << "a ruler encloses nothing";
    EXPECT_EQ(m[1]["values"], (nlohmann::json{{"mean", 30.0}, {"sd", 10.0}, {"min", 20.0}, {"max", 40.0}, {"pixels", 8}}));
    ASSERT_EQ(runCommand(cli() + " stats --workspace " + ws, &out), 0) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex("ruler +axial 3 +2\\.5 mm  reader .*  \"lesion 1\"\n"))) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex("area +coronal 4 +8\\.0 mm²  reader .*  mean 30\\.0 ± 10\\.0 \\(20 to 40, 8 px\\)"))) << out;

    // One MR slice on its own, as import-uw names it (1.5 mm pixels): its classes are areas, as the
    // Structures panel shows them.
    const std::string slice = core::uw::sliceFileName("case7_day2", {55, 10, 10, 1.5, 1.5});
    std::filesystem::create_directories(dir.path() / "uw" / "masks");
    cv::imwrite(dir.file("uw/" + slice), cv::Mat(10, 10, CV_16UC1, cv::Scalar(300)));
    core::LabelMap eight(10, 10);
    std::fill(eight.labels.begin(), eight.labels.begin() + 8, std::uint8_t(1));
    core::saveMask(dir.file("uw/masks/" + slice), eight, 3);
    ASSERT_EQ(runCommand(cli() + " workspace import " + ws + " " + dir.file("uw"), &out), 0) << out;
    ASSERT_EQ(runCommand(cli() + " stats --json --workspace " + ws + " " + dir.file("uw/" + slice), &out), 0) << out;
    const auto flat = nlohmann::json::parse(out)["images"].at(0)["structures"];
    EXPECT_NEAR(flat[0]["area_mm2"].get<double>(), 8 * 2.25, 1e-9) << out;
    EXPECT_EQ(flat[1]["area_mm2"], 0.0);
    ASSERT_EQ(runCommand(cli() + " stats --workspace " + ws + " " + dir.file("uw/" + slice), &out), 0) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex("class +area \\(mm²\\) +voxels.*\n +stomach +18\\.0 +8 +1-1 +1  300\\.0"))) << out;
}

// Every command that takes a workspace takes a team workspace's postgresql:// URL too: an empty
// database is no workspace (exit 3, nothing created) until `workspace create`; a server that is down
// is exit 3 with its address and without the password.
TEST(Cli, TeamWorkspaceByUrl)
{
    TempDir dir;
    POSTGRES_OR_SKIP(server);
    writeDiscFrames(dir, 3, 4);
    const std::string url = "'" + server->newDatabase() + "'";
    const std::string env = "XDG_DATA_HOME=" + dir.file("xdg") + " ";
    std::string out;
    EXPECT_EQ(runCommand(env + cli() + " workspace status " + url, &out), 3) << out;
    ASSERT_EQ(runCommand(env + cli() + " workspace create " + url + " --classes polyp", &out), 0) << out;
    ASSERT_EQ(runCommand(env + cli() + " workspace import " + url + " " + dir.file("frames") + " --masks " +
                             dir.file("frames/masks") + " --user coordinator", &out), 0) << out;
    ASSERT_EQ(runCommand(env + cli() + " workspace status " + url + " --json", &out), 0) << out;
    const auto status = nlohmann::json::parse(out.substr(out.find('{')));
    EXPECT_EQ(status["revisions"].get<int>(), 3) << out;
    EXPECT_EQ(status["store"], "postgresql");
    EXPECT_EQ(status["authors"]["coordinator"].get<int>(), 3) << "who imported the masks: " << out;
    EXPECT_EQ(runCommand(env + cli() + " models list --workspace " + url + " --json", &out), 0) << out;
    EXPECT_EQ(runCommand(env + cli() + " workspace status 'postgresql://delineo:secret@127.0.0.1:1/x?connect_timeout=2&gssencmode=disable'", &out), 3) << out;
    EXPECT_NE(out.find("127.0.0.1:1/x"), std::string::npos) << out;
    EXPECT_EQ(out.find("secret"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir.file("frames/workspace.sqlite")));
}

// workspace agreement: Dice and HD95 per class between two members, then a consensus stored.
TEST(Cli, WorkspaceAgreementAndConsensus)
{
    TempDir dir;
    {
        auto ws = core::Workspace::open(dir.file("ws"));
        ws->setClasses({{1, "stomach", 255, 0, 0}, {2, "small bowel", 0, 255, 0}});
        const auto image = ws->addImage(ws->addCase("case1"), dir.file("ws/slice.png"), 20, 20);
        core::LabelMap a(20, 20), b(20, 20);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x) {
                a.at(x, y) = 1;
                b.at(x + 5, y) = 1;
            }
        ws->setUser("alice");
        ws->commitMask(image, 0, a, core::MaskKind::Corrected);
        ws->setUser("bob");
        ws->commitMask(image, 0, b, core::MaskKind::Corrected);
    }
    std::string out;
    ASSERT_EQ(runCommand(cli() + " workspace agreement " + dir.file("ws") + " --json", &out), 0) << out;
    const auto j = nlohmann::json::parse(out.substr(out.find('[')));
    ASSERT_EQ(j.size(), 1u) << out;
    const auto& pair = j[0]["pairs"][0];
    EXPECT_EQ(pair["a"], "alice");
    EXPECT_EQ(pair["b"], "bob");
    EXPECT_DOUBLE_EQ(pair["classes"]["stomach"]["dice"].get<double>(), 0.5);
    EXPECT_GT(pair["classes"]["stomach"]["hd95"].get<double>(), 0.0);
    EXPECT_TRUE(pair["classes"]["small bowel"]["dice"].is_null()) << "neither drew it";
    ASSERT_EQ(runCommand(cli() + " workspace agreement " + dir.file("ws") + " --image slice.png --consensus staple", &out), 0)
        << out;
    EXPECT_NE(out.find("alice vs bob, 1 slice\n"), std::string::npos) << out;
    EXPECT_NE(out.find("consensus (STAPLE) stored for 1 slice\n"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " workspace agreement " + dir.file("ws") + " --consensus vote", &out), 2) << out;
    EXPECT_EQ(runCommand(cli() + " workspace agreement " + dir.file("ws") + " --image nope.png", &out), 3) << out;
    auto ws = core::Workspace::openExisting(dir.file("ws"));
    const auto latest = ws->latestMask(*ws->imageId(dir.file("ws/slice.png")), 0);
    ASSERT_TRUE(latest);
    EXPECT_EQ(ws->history(*ws->imageId(dir.file("ws/slice.png")), 0).back().note, "consensus (STAPLE) of alice, bob");
}

// pacs echo|find|series|get|send against a real Orthanc, over DICOM networking and DICOMweb; a PACS
// that is down exits 3 and says so.
TEST(Cli, PacsFindGetAndSend)
{
    const std::string series = test::sharedData("dicom/ge-ct-head-gantry-tilt/In");
    SKIP_WITHOUT_SHARED(series);
    TempDir dir;
    ORTHANC_WEB_OR_SKIP(orthanc, dir);
    std::string out;
    EXPECT_EQ(runCommand(cli() + " pacs echo --pacs ORTHANC@127.0.0.1:" + std::to_string(test::OrthancServer::freePort()) +
                             " --timeout 3", &out), 3) << out;
    EXPECT_NE(out.find("cannot be reached"), std::string::npos) << out;
    std::string files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(series))
        if (e.is_regular_file())
            files += " " + e.path().string();
    int copies = 0;
    for (const std::string& pacs : {orthanc.node(), orthanc.webUrl()}) {
        SCOPED_TRACE(pacs);
        const std::string node = " --pacs " + pacs;
        ASSERT_EQ(runCommand(cli() + " pacs echo" + node, &out), 0) << out;
        ASSERT_EQ(runCommand(cli() + " pacs send" + node + files, &out), 0) << out;
        EXPECT_NE(out.find("sent 28 of 28 files"), std::string::npos) << out;
        ASSERT_EQ(runCommand(cli() + " pacs find" + node + " --modality CT --json", &out), 0) << out;
        const auto studies = nlohmann::json::parse(out.substr(out.find('[')));
        ASSERT_EQ(studies.size(), 1u) << out;
        const std::string study = studies[0]["study"];
        ASSERT_EQ(runCommand(cli() + " pacs series" + node + " --study " + study + " --json", &out), 0) << out;
        const auto found = nlohmann::json::parse(out.substr(out.find('[')));
        ASSERT_EQ(found.size(), 1u) << out;
        EXPECT_EQ(found[0]["instances"], 28);
        ASSERT_EQ(runCommand(cli() + " pacs get" + node + " --study " + study + " --series " +
                                 found[0]["series"].get<std::string>() + " --workspace " + dir.file("ws"), &out), 0) << out;
        EXPECT_NE(out.find("de-identified 28 images into"), std::string::npos) << out;
        EXPECT_TRUE(std::filesystem::is_directory(dir.file("ws/dicom/pacs-00" + std::to_string(++copies))));
    }
    // Into a team workspace: this member's folder for it, listed in the store; a second get finds it here.
    test::PostgresServer* pg = test::PostgresServer::instance();
    if (!pg)
        return; // the PostgreSQL half needs a server (see PostgresServer::why)
    ::setenv("XDG_DATA_HOME", dir.file("xdg").c_str(), 1);
    const std::string url = pg->newDatabase();
    core::Workspace::open(url);
    ASSERT_EQ(runCommand(cli() + " pacs find --pacs " + orthanc.node() + " --json", &out), 0) << out;
    const std::string study = nlohmann::json::parse(out.substr(out.find('[')))[0]["study"];
    ASSERT_EQ(runCommand(cli() + " pacs series --pacs " + orthanc.node() + " --study " + study + " --json", &out), 0) << out;
    const std::string seriesUid = nlohmann::json::parse(out.substr(out.find('[')))[0]["series"];
    const std::string get = cli() + " pacs get --pacs " + orthanc.node() + " --study " + study + " --series " + seriesUid +
                            " --workspace '" + url + "'";
    ASSERT_EQ(runCommand(get, &out), 0) << out;
    EXPECT_NE(out.find("de-identified 28 images into"), std::string::npos) << out;
    ASSERT_EQ(runCommand(get, &out), 0) << out;
    EXPECT_NE(out.find("has the series already"), std::string::npos) << out;
    auto ws = core::Workspace::openExisting(url);
    const auto paths = ws->imagePaths();
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0], core::Workspace::localFolderFor(url) + "/dicom/pacs/" + study + "/" + seriesUid);
    EXPECT_EQ(ws->images(ws->addCase("pacs " + study)).at(0).slices, 28);
}

// prepare-video writes the copy of an H.264 video whose keyframes lie far apart, none for an MJPEG
// one, keeps what it wrote on a second run, and types a missing video's error.
TEST(Cli, PrepareVideoWritesTheCopiesThatAreNeededOnce)
{
    TempDir dir;
    const std::string h264 = dir.file("procedure.mp4"), mjpeg = dir.file("frames.avi");
    test::writeNumberedVideo(h264, 200); // OpenCV's H.264: a keyframe every 42 frames here
    test::writeNumberedVideo(mjpeg, 50);
    const std::string prepare = cli() + " prepare-video --json --cache " + dir.file("copies") + " ";
    std::string out;
    ASSERT_EQ(runCommand(prepare + h264 + " " + mjpeg, &out), 0) << out;
    auto rows = nlohmann::json::parse(out.substr(out.find('[')));
    ASSERT_EQ(rows.size(), 2u) << out;
    EXPECT_EQ(rows[0]["outcome"], "built");
    const std::string copy = rows[0]["copy"];
    ASSERT_TRUE(std::filesystem::is_regular_file(copy)) << out;
    EXPECT_EQ(std::filesystem::path(copy).parent_path(), std::filesystem::path(dir.file("copies")));
    EXPECT_EQ(core::VideoReader(copy).frameCount(), 200);
    EXPECT_EQ(rows[1]["outcome"], "not-needed") << "every MJPEG frame is a keyframe";
    const auto written = std::filesystem::last_write_time(copy);
    ASSERT_EQ(runCommand(prepare + h264, &out), 0) << out;
    rows = nlohmann::json::parse(out.substr(out.find('[')));
    EXPECT_EQ(rows[0]["outcome"], "present") << out;
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.file("copies")), {}), 1) << "nothing written again";
    EXPECT_GE(std::filesystem::last_write_time(copy), written) << "its use noted, for the budget";
    EXPECT_EQ(runCommand(cli() + " prepare-video --cache " + dir.file("copies") + " " + dir.file("missing.mp4"), &out), 3)
        << out;
    EXPECT_NE(out.find("not found"), std::string::npos) << out;
    EXPECT_EQ(runCommand(cli() + " prepare-video", &out), 2) << out;
}
