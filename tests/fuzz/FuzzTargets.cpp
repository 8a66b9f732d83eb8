#include "FuzzTargets.h"
#include "FuzzSupport.h"

#include "delineo/core/DicomSeg.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/ModelTrust.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/PackedDataset.h"
#include "delineo/ml/Segmenter.h"
#include "../../core/src/DicomWeb.h"

#include <algorithm>
#include <cstdlib>

namespace delineo::fuzz {

namespace {

// One DICOM file, through the path every opening takes (the reader registry's DICOM reader).
void dicom(const std::uint8_t* data, std::size_t size)
{
    const std::string path = writeInput(data, size, "input.dcm");
    expectTyped([&] { core::loadVolume(path); });
}

// A folder of DICOM files: the input split in three mutants, scanned as series, the largest loaded.
void dicomFolder(const std::uint8_t* data, std::size_t size)
{
    const auto dir = workDir() / "series";
    std::filesystem::remove_all(dir);
    const std::size_t third = size / 3;
    for (std::size_t i = 0; i < 3; ++i)
        writeInput(data + i * third, i == 2 ? size - 2 * third : third, "series/f" + std::to_string(i) + ".dcm");
    expectTyped([&] {
        const core::DicomScan scan = core::scanDicomFolder(dir.string(), 1);
        if (!scan.series.empty())
            core::loadDicomSeries(scan.series.front(), 1);
    });
}

// A DICOM SEG read against a small source series of two 8x6 slices.
void dicomSeg(const std::uint8_t* data, std::size_t size)
{
    static const core::Volume source = [] {
        core::Volume v;
        for (int z = 0; z < 2; ++z) {
            core::Image s;
            s.width = 8;
            s.height = 6;
            s.bytes.assign(48, 0);
            s.path = "slice" + std::to_string(z) + ".dcm";
            v.slices.push_back(s);
        }
        return v;
    }();
    const std::string path = writeInput(data, size, "seg.dcm");
    expectTyped([&] { core::readDicomSeg(path, source, {{1, "stomach", 255, 0, 0}, {2, "large_bowel", 0, 255, 0}}); });
}

// 8/16-bit endoscopy frames and image slices: JPEG/PNG/BMP/TIFF recognised by content.
void frame(const std::uint8_t* data, std::size_t size)
{
    const std::string path = writeInput(data, size, "input.img");
    expectTyped([&] { core::modelInput8(core::loadImage(path)); });
}

// NIfTI and NRRD through ITK: the first byte picks the container, the rest is the file.
void itkVolume(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return;
    static const char* names[] = {"input.nii", "input.nii.gz", "input.nrrd"};
    const std::string path = writeInput(data + 1, size - 1, names[data[0] % 3]);
    expectTyped([&] { core::readItkVolume(path); });
    // The same file as a segmentation placed on an oblique 12 x 10 x 4 volume by its geometry, and
    // the bytes as a label description (ITK-SNAP or 3D Slicer).
    static const core::Volume onto = [] {
        core::Volume v;
        v.geometry.spacing = {0.7, 0.9, 2.5};
        v.geometry.origin = {-30, 12, 5};
        v.geometry.direction = {0, 1, 0, -1, 0, 0, 0, 0, 1};
        v.geometry.spacingKnown = v.geometry.sliceSpacingKnown = true;
        for (int z = 0; z < 4; ++z) {
            core::Image s;
            s.width = 12;
            s.height = 10;
            s.format = "nifti";
            s.bytes.assign(120, 0);
            v.slices.push_back(s);
        }
        return v;
    }();
    expectTyped([&] { core::readLabelFile(path, onto, {}); });
    expectTyped([&] { core::readLabelDescriptions(path); });
}

// UW-Madison slice file names and train.csv with its run-length masks.
void uwMadison(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    core::uw::SliceName name;
    core::uw::parseSliceName(text.substr(0, 200), name);
    const std::string path = writeInput(data, size, "train.csv");
    expectTyped([&] {
        const auto rows = core::uw::readCsv(path);
        for (std::size_t i = 0; i < rows.size() && i < 16; ++i)
            core::uw::labelsFor(rows, rows[i].id, 64, 48);
    });
}

// A model's sidecar JSON (what a colleague's model file comes with).
void sidecar(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectTyped([&] { ml::ModelConfig::fromJson(text); });
}

// A workspace database from a shared drive: opened, migrated, checked and read.
void workspace(const std::uint8_t* data, std::size_t size)
{
    const auto dir = workDir() / "ws";
    std::filesystem::remove_all(dir);
    writeInput(data, size, "ws/workspace.sqlite");
    expectTyped([&] {
        auto ws = core::Workspace::open(dir.string());
        ws->integrityOk();
        for (const auto& c : ws->cases())
            for (const auto& image : ws->images(c.id))
                for (const auto& [z, kind] : ws->latestKinds(image.id))
                    ws->latestMask(image.id, z);
        ws->models();
        ws->trainingRuns();
        ws->reviewedSlices();
    });
}

// A packed training set (delineo-cli train --pack) for a 32x32 binary model; every sample decoded.
void packedDataset(const std::uint8_t* data, std::size_t size)
{
    const std::string path = writeInput(data, size, "train.pack");
    ml::ModelConfig config;
    config.inputSize = 32;
    expectTyped([&] {
        auto pack = ml::PackedDataset::read(path, config);
        for (std::size_t i = 0; i < pack->size() && i < 8; ++i)
            pack->sample(i, true, 1);
    });
}

// Video containers (AVI, MP4, MKV by the first byte) through FFmpeg: probing and the first frames,
// with the frame budget a GUI open would use.
void video(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return;
    static const char* names[] = {"input.avi", "input.mp4", "input.mkv"};
    const std::string path = writeInput(data + 1, size - 1, names[data[0] % 3]);
    expectTyped([&] { core::loadVideo(path, 4, std::size_t(64) << 20); });
}

// A checkpoint beside a valid sidecar (a 2-level, width-4 UNet): the weights file goes through
// LibTorch's archive reader (zip + pickle) and every tensor is checked against the architecture.
void checkpoint(const std::uint8_t* data, std::size_t size)
{
    const std::string path = writeInput(data, size, "model.pt");
    static const std::string sidecar = [] {
        ml::ModelConfig c;
        c.baseWidth = 4;
        c.depth = 2;
        c.inputSize = 32;
        return c.toJson();
    }();
    writeInput(reinterpret_cast<const std::uint8_t*>(sidecar.data()), sidecar.size(), "model.json");
    expectTyped([&] { ml::Segmenter::load(path); });
}

// A TorchScript model from a colleague, imported with its sidecar: loaded, checked against the
// sidecar by one run, hashed and copied (what `delineo-cli import-model` does).
void torchscript(const std::uint8_t* data, std::size_t size)
{
    const std::string path = writeInput(data, size, "script.pt");
    static const std::string sidecar =
        R"({"classes":[{"name":"polyp","colour":[255,64,64]}],"inChannels":3,"inputSize":64,)"
        R"("normalisation":{"mean":[0,0,0],"std":[1,1,1]}})";
    const std::string json = writeInput(reinterpret_cast<const std::uint8_t*>(sidecar.data()), sidecar.size(), "script.json");
    const auto out = workDir() / "imported";
    std::filesystem::remove_all(out);
    expectTyped([&] { core::importModel(path, json, out.string(), "fuzzed"); });
}

// What a DICOMweb server answers: the first byte picks a QIDO-RS study or series answer (DICOM
// JSON) or a WADO-RS multipart stream, which is fed in chunks of the size the second byte says.
void dicomweb(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return;
    const std::string body(reinterpret_cast<const char*>(data) + 2, size - 2);
    if (data[0] % 3 == 0)
        expectTyped([&] { core::studiesFromJson(body, "fuzz"); });
    else if (data[0] % 3 == 1)
        expectTyped([&] { core::seriesFromJson(body, "fuzz"); });
    else {
        core::MultipartReader reader(core::MultipartReader::boundaryOf("multipart/related; boundary=B"));
        const std::size_t chunk = std::size_t(data[1]) + 1;
        std::size_t bytes = 0;
        for (std::size_t at = 0; at < body.size(); at += chunk)
            reader.feed(body.data() + at, std::min(chunk, body.size() - at), [&](std::string&& part) {
                bytes += part.size();
                if (bytes > body.size())
                    std::abort(); // parts are pieces of the stream, never more than it
                return true;
            });
    }
}

} // namespace

const std::vector<Target>& targets()
{
    static const std::vector<Target> list = {
        {"dicom", dicom},     {"dicom-folder", dicomFolder}, {"dicom-seg", dicomSeg},   {"frame", frame},
        {"itk-volume", itkVolume}, {"uw-madison", uwMadison}, {"sidecar", sidecar},   {"workspace", workspace},
        {"packed-dataset", packedDataset}, {"video", video}, {"checkpoint", checkpoint}, {"torchscript", torchscript},
        {"dicomweb", dicomweb},
    };
    return list;
}

const Target* target(const std::string& name)
{
    for (const auto& t : targets())
        if (t.name == name)
            return &t;
    return nullptr;
}

} // namespace delineo::fuzz
