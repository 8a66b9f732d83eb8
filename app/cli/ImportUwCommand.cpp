#include "Commands.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/UwMadison.h"

#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::cli {

// UW-Madison train/ + train.csv -> OUT/<case-day>_slice_NNNN_W_H_SX_SY.png (16-bit, as scanned;
// the name keeps the pixel spacing, so volumes and areas stay in mL and mm²) and OUT/masks/<same>.png
// with labels 1 stomach, 2 large bowel, 3 small bowel (4 tumour is unused).
int runImportUw(const CliArgs& args)
{
    const fs::path data = args.require("data");
    const fs::path out = args.require("out");
    const auto rows = core::uw::readCsv((data / "train.csv").string());
    fs::create_directories(out / "masks");
    int slices = 0, labelled = 0;
    for (const auto& caseDir : fs::directory_iterator(data / "train")) {
        if (!caseDir.is_directory())
            continue;
        for (const auto& dayDir : fs::directory_iterator(caseDir.path())) {
            if (!dayDir.is_directory())
                continue;
            std::vector<std::string> ids;
            std::vector<core::uw::SliceName> names;
            const core::Volume v = core::uw::loadCaseDay(dayDir.path().string(), &ids, &names);
            for (int z = 0; z < v.depth(); ++z) {
                const core::Image& s = v.slice(z);
                const std::string name = core::uw::sliceFileName(v.description, names[z]);
                const cv::Mat m(s.height, s.width, s.type == core::PixelType::U16 ? CV_16UC1 : CV_8UC1,
                                const_cast<std::uint8_t*>(s.bytes.data()));
                core::writeViaTempFile((out / name).string(), [&m](const std::string& temp) {
                    return cv::imwrite(temp, m) ? std::string() : std::string("the PNG encoder failed");
                });
                const core::LabelMap labels = core::uw::labelsFor(rows, ids[z], s.width, s.height);
                core::saveMask((out / "masks" / name).string(), labels, 4);
                ++slices;
                for (auto l : labels.labels)
                    if (l) {
                        ++labelled;
                        break;
                    }
            }
        }
    }
    std::printf("imported %s (%d with labels) into %s\n", counted(slices, "slice", "slices").c_str(), labelled, out.c_str());
    return 0;
}

} // namespace delineo::cli
