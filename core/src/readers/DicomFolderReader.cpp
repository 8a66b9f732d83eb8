// A folder of DICOM files: its largest series (the GUI asks when there are several).
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"

namespace delineo::core {

class DicomFolderReader : public Reader {
public:
    std::string id() const override { return "dicom-folder"; }
    std::string title() const override { return "DICOM series folders"; }
    std::vector<std::string> patterns() const override { return {}; }
    bool readsFolders() const override { return true; }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override { return reading::isDirectory(path); }
    Volume read(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress) const override
    {
        DicomScan scan = scanDicomFolder(path);
        if (scan.series.empty())
            throw ImageError(ErrorCode::UnsupportedFormat, "no DICOM images found in " + path);
        return loadDicomSeries(scan.series.front(), 0, cancel, progress);
    }
};

std::unique_ptr<Reader> makeDicomFolderReader() { return std::make_unique<DicomFolderReader>(); }

} // namespace delineo::core
