// A folder of DICOM files: its largest series, with a warning when there are others (the GUI asks).
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
        return loadLargestSeries(path, cancel, progress);
    }
};

std::unique_ptr<Reader> makeDicomFolderReader() { return std::make_unique<DicomFolderReader>(); }

} // namespace delineo::core
