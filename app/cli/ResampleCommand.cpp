// delineo-cli resample: an oblique series resampled on the patient's axes, as the window's
// View → Open a Copy on the Patient's Axes… makes it, for scripts and batches.
#include "CliArgs.h"
#include "Commands.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/LabelFiles.h"
#include "delineo/core/Reslicer.h"

#include <cstdio>

namespace delineo::cli {

int runResample(const CliArgs& args)
{
    if (args.positional().size() != 1)
        throw UsageError("resample needs exactly one image, DICOM folder or series");
    const std::string input = args.positional()[0];
    const std::string out = args.require("out");
    if (args.has("labels") != args.has("labels-out"))
        throw UsageError("--labels and --labels-out go together");
    const core::Volume volume = core::loadVolume(input);
    if (!core::Reslicer::oblique(volume))
        throw core::ImageError(core::ErrorCode::UnsupportedFormat,
                               input + " lies along the patient's axes (or has no place in the patient): nothing to resample");
    const core::Reslicer reslicer(volume, true);
    const core::Volume copy = reslicer.resampledVolume(volume);
    core::writeItkImage(out, copy);
    const auto& g = copy.geometry;
    std::printf("%s: %d x %d x %d -> %s: %d x %d x %d, %.3g x %.3g x %.3g mm, true axial slices from the head down\n",
                input.c_str(), volume.width(), volume.height(), volume.depth(), out.c_str(), copy.width(), copy.height(),
                copy.depth(), g.spacing[0], g.spacing[1], std::abs(g.spacing[2]));
    if (args.has("labels")) {
        // Placed on the image by its geometry first (readLabelFile), then resampled with it.
        const core::LabelFile file = core::readLabelFile(args.get("labels"), volume, {});
        const auto labels = reslicer.resampledLabels([&](int z) -> const core::LabelMap* {
            const int i = z - file.first;
            return i >= 0 && i < int(file.slices.size()) ? &file.slices[std::size_t(i)] : nullptr;
        });
        core::writeLabelFile(args.get("labels-out"), core::withoutPixels(copy), labels, file.classes, 0);
        std::printf("%s -> %s\n", args.get("labels").c_str(), args.get("labels-out").c_str());
    }
    return 0;
}

} // namespace delineo::cli
