// Endoscopy frames and image slices through OpenCV; a UW-Madison slice keeps the spacing its name gives.
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/UwMadison.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::core {

class FrameReader : public Reader {
public:
    std::string id() const override { return "frame"; }
    std::string title() const override { return "Endoscopy frames and image slices"; }
    std::vector<std::string> patterns() const override
    {
        return {"*.jpg", "*.jpeg", "*.png", "*.bmp", "*.tif", "*.tiff"};
    }
    bool canRead(const std::string& path) const override
    {
        return !reading::isDirectory(path) && reading::nameMatches(path, patterns());
    }
    Volume read(const std::string& path, const std::atomic<bool>*, const LoadProgress&) const override
    {
        Image img = loadImage(path);
        uw::SliceName n;
        if (uw::parseSliceFile(fs::path(path).filename().string(), n) && n.width == img.width && n.height == img.height) {
            // A UW-Madison slice on its own still carries its pixel spacing in its name (after its
            // case-day, when taken out of its folder).
            img.spacingX = n.spacingX;
            img.spacingY = n.spacingY;
            img.spacingKnown = true;
            img.modality = "MR";
        }
        return volumeFromImage(std::move(img));
    }
};

std::unique_ptr<Reader> makeFrameReader() { return std::make_unique<FrameReader>(); }

} // namespace delineo::core
