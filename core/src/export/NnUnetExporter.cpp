// An nnU-Net v2 / MONAI dataset folder: imagesTr/ID_0000.EXT, labelsTr/ID.EXT and dataset.json.
// Frames (2D images and each annotated video frame) are 2D PNG cases; volumes are 3D NIfTI cases
// with their geometry. nnU-Net reads one file type per dataset, so a workspace that holds both
// exports its volumes and lists the frames as left out (export those from a workspace of frames).
#include "ExportSupport.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/VideoReader.h"

#include <nlohmann/json.hpp>

#include <set>

namespace fs = std::filesystem;

namespace delineo::core {


class NnUnetExporter : public Exporter {
public:
    std::string id() const override { return "nnunet"; }
    std::string title() const override { return "nnU-Net v2 / MONAI dataset"; }
    std::string description() const override
    {
        return "imagesTr/, labelsTr/ and dataset.json: volumes as 3D NIfTI, frames and video frames as 2D PNG";
    }
    TransferReport run(const Workspace& ws, const ExportOptions& options) const override
    {
        using namespace exporting;
        TransferReport report;
        const fs::path root(options.destination);
        std::error_code ec;
        fs::create_directories(root / "imagesTr", ec);
        fs::create_directories(root / "labelsTr", ec);
        if (ec)
            throw ImageError(ErrorCode::WriteFailed, "cannot create " + root.string() + ": " + ec.message());
        // One file type per dataset: 3D when any annotated image is a volume.
        bool threeD = false;
        for (const auto& c : ws.cases())
            for (const auto& image : ws.images(c.id))
                threeD = threeD || (image.slices > 1 && !VideoReader::isVideoPath(image.path) &&
                                    !ws.latestKinds(image.id).empty());
        int channels = 1, leftOut = 0, background = 0;
        std::set<int> used;
        std::string channelName = "image"; // nnU-Net normalises a channel named CT by Hounsfield units
        forEachAnnotated(ws, options, report, [&](const AnnotatedImage& a) {
            const std::string id = flatId(a);
            try {
                if (threeD && !a.volume()) {
                    ++leftOut;
                    throw ImageError(ErrorCode::UnsupportedFormat, "a 2D frame in a 3D dataset: left out");
                }
                if (!threeD && a.volume())
                    throw ImageError(ErrorCode::UnsupportedFormat, "unexpected volume in a 2D dataset");
                const Volume source = loadVolume(a.image.path);
                if (source.depth() != a.image.slices)
                    throw ImageError(ErrorCode::WrongSize, "the source has " + std::to_string(source.depth()) +
                                                               " slices; the workspace recorded " +
                                                               std::to_string(a.image.slices));
                if (threeD) {
                    int unannotated = 0;
                    const auto labels = allSlices(ws, a, &unannotated);
                    for (const auto& m : labels)
                        noteLabels(m, used);
                    writeItkImage((root / "imagesTr" / (id + "_0000.nii.gz")).string(), source);
                    writeItkLabels((root / "labelsTr" / (id + ".nii.gz")).string(), labels, source.geometry);
                    background += unannotated;
                    if (source.slice(0).modality == "CT")
                        channelName = "CT";
                    report.masks += static_cast<int>(a.slices.size());
                    ++report.images;
                    return;
                }
                for (int z : a.slices) {
                    const std::string caseId = a.image.slices == 1 ? id : id + "_" + sliceName(a, z);
                    writeModelViewPng(root / "imagesTr" / (caseId + "_0000.png"), source.slice(z));
                    const LabelMap labels = maskOf(ws, a, z);
                    noteLabels(labels, used);
                    writeIndexPng(root / "labelsTr" / (caseId + ".png"), labels);
                    channels = source.slice(z).channels;
                    ++report.images;
                    ++report.masks;
                }
            } catch (const ImageError& e) {
                report.failed.push_back(e.reportLine(fs::path(a.image.path).string()));
            }
        });
        if (background > 0)
            report.notes.push_back(std::to_string(background) +
                                   " unannotated slices of exported volumes are background in labelsTr");
        if (leftOut > 0)
            report.notes.push_back(std::to_string(leftOut) + " 2D images left out: nnU-Net reads one file type per "
                                                              "dataset; export frames from a workspace of frames");
        nlohmann::json j;
        if (channels == 3)
            j["channel_names"] = {{"0", "R"}, {"1", "G"}, {"2", "B"}};
        else
            j["channel_names"] = {{"0", channelName}};
        j["labels"]["background"] = 0;
        for (const auto& c : exportedClasses(ws, used, report))
            j["labels"][c.name] = c.label;
        j["numTraining"] = report.images;
        j["file_ending"] = threeD ? ".nii.gz" : ".png";
        if (!threeD)
            j["overwrite_image_reader_writer"] = "NaturalImage2DIO";
        writeTextFile((root / "dataset.json").string(), j.dump(2) + "\n");
        return report;
    }
};

std::unique_ptr<Exporter> makeNnUnetExporter() { return std::make_unique<NnUnetExporter>(); }

} // namespace delineo::core
