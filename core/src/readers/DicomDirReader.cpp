// A DICOMDIR file stands for the folder it indexes.
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::core {

class DicomDirReader : public Reader {
public:
    std::string id() const override { return "dicomdir"; }
    std::string title() const override { return "DICOMDIR"; }
    std::vector<std::string> patterns() const override { return {"DICOMDIR"}; }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override { return reading::nameMatches(path, patterns()); }
    Volume read(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress) const override
    {
        return loadVolume(fs::path(path).parent_path().string(), cancel, progress);
    }
};

std::unique_ptr<Reader> makeDicomDirReader() { return std::make_unique<DicomDirReader>(); }

} // namespace delineo::core
