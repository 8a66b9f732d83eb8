// NIfTI and NRRD volumes through ITK, with their geometry.
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"
#include "delineo/core/ItkVolumeIO.h"

namespace delineo::core {

class ItkVolumeReader : public Reader {
public:
    std::string id() const override { return "nifti-nrrd"; }
    std::string title() const override { return "NIfTI and NRRD volumes"; }
    std::vector<std::string> patterns() const override { return {"*.nii", "*.nii.gz", "*.nrrd", "*.nhdr"}; }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override { return reading::nameMatches(path, patterns()); }
    Volume read(const std::string& path, const std::atomic<bool>*, const LoadProgress&) const override
    {
        return readItkVolume(path);
    }
};

std::unique_ptr<Reader> makeItkVolumeReader() { return std::make_unique<ItkVolumeReader>(); }

} // namespace delineo::core
