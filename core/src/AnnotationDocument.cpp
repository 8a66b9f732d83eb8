#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MaskIO.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::core {

std::string AnnotationDocument::maskPath(int z) const
{
    if (depth() <= 1)
        return maskBase_ + ".png";
    char name[32];
    std::snprintf(name, sizeof name, "/slice_%04d.png", z + 1);
    return maskBase_ + name;
}

void AnnotationDocument::open(Volume volume, const std::string& maskBase, int numForeground)
{
    volume_ = std::move(volume);
    maskBase_ = maskBase;
    numForeground_ = numForeground;
    warnings_ = volume_.warnings;
    editors_.clear();
    editors_.resize(volume_.slices.size());
    for (int z = 0; z < depth(); ++z) {
        const Image& s = slice(z);
        LabelMap labels(s.width, s.height);
        const std::string path = maskPath(z);
        std::error_code ec;
        if (fs::exists(path, ec)) {
            try {
                LabelMap saved = loadMask(path, numForeground_);
                if (saved.width == s.width && saved.height == s.height)
                    labels = std::move(saved);
                else
                    warnings_.push_back("saved mask " + path + " does not match the image size: ignored");
            } catch (const ImageError& e) {
                warnings_.push_back(std::string("saved mask unreadable: ") + e.what());
            }
        }
        editors_[z].reset(std::move(labels));
    }
}

void AnnotationDocument::close()
{
    volume_ = Volume();
    editors_.clear();
    warnings_.clear();
}

bool AnnotationDocument::modified() const
{
    for (const auto& e : editors_)
        if (e.modified())
            return true;
    return false;
}

int AnnotationDocument::modifiedSlices() const
{
    return static_cast<int>(std::count_if(editors_.begin(), editors_.end(), [](const MaskEditor& e) { return e.modified(); }));
}

void AnnotationDocument::markSaved()
{
    for (auto& e : editors_)
        e.markSaved();
}

} // namespace delineo::core
