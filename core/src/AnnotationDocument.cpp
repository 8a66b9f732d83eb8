#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MaskIO.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

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
    resident_.clear();
    blank_ = LabelMap(volume_.width(), volume_.height());
    // The mask files that exist, found by listing the folder (not by asking for every slice's name).
    std::vector<std::pair<int, std::string>> files;
    std::error_code ec;
    if (maskBase_.empty()) {
        // No mask files: the labels come from a workspace store (or nowhere).
    } else if (depth() == 1 && fs::exists(maskPath(0), ec)) {
        files.emplace_back(0, maskPath(0));
    } else if (depth() > 1 && fs::is_directory(maskBase_, ec)) {
        for (const auto& entry : fs::directory_iterator(maskBase_, ec)) {
            const std::string name = entry.path().filename().string();
            int number = 0;
            char tail[8] = {};
            if (std::sscanf(name.c_str(), "slice_%d.%4s", &number, tail) == 2 && std::string(tail) == "png" &&
                number >= 1 && number <= depth() && fs::path(maskPath(number - 1)).filename() == name)
                files.emplace_back(number - 1, entry.path().string());
        }
    }
    for (const auto& [z, path] : files) {
        try {
            LabelMap saved = loadMask(path, numForeground_);
            if (saved.width == blank_.width && saved.height == blank_.height)
                editor(z).reset(std::move(saved));
            else
                warnings_.push_back({warning::kMaskWrongSize, {path}});
        } catch (const ImageError& e) {
            warnings_.push_back({warning::kMaskUnreadable, {e.what()}});
        }
    }
}

MaskEditor& AnnotationDocument::editor(int z)
{
    if (z < 0 || z >= depth())
        throw std::out_of_range("slice " + std::to_string(z) + " of " + std::to_string(depth()));
    auto it = editors_.find(z);
    if (it == editors_.end()) {
        it = editors_.emplace(z, Slot()).first;
        it->second.editor.reset(blank_);
    }
    return resident(it->second, z);
}

void AnnotationDocument::adoptRuns(int z, std::vector<std::uint8_t> runs)
{
    if (z < 0 || z >= depth())
        throw std::out_of_range("slice " + std::to_string(z) + " of " + std::to_string(depth()));
    MaskEditor adopted;
    adopted.adoptRuns(blank_.width, blank_.height, std::move(runs)); // throws before the document changes
    Slot& slot = editors_[z];
    slot.editor = std::move(adopted);
    if (slot.listed) {
        resident_.erase(std::find(resident_.begin(), resident_.end(), z));
        slot.listed = false;
    }
}

MaskEditor& AnnotationDocument::resident(Slot& slot, int z) const
{
    slot.used = ++clock_;
    slot.editor.unpack();
    if (!slot.listed) {
        resident_.push_back(z);
        slot.listed = true;
    }
    const std::size_t sliceBytes = std::max<std::size_t>(1, std::size_t(blank_.width) * blank_.height);
    const std::size_t keep = std::max(kMinResident, budget_ / sliceBytes);
    while (resident_.size() > keep) {
        // The least recently used that is not in a stroke; a scan of at most `keep` slices.
        auto oldest = resident_.end();
        for (auto r = resident_.begin(); r != resident_.end(); ++r) {
            const Slot& s = editors_.at(*r);
            if (*r != z && !s.editor.inStroke() && (oldest == resident_.end() || s.used < editors_.at(*oldest).used))
                oldest = r;
        }
        if (oldest == resident_.end())
            break;
        Slot& packed = editors_.at(*oldest);
        packed.editor.pack();
        packed.listed = false;
        resident_.erase(oldest);
    }
    return slot.editor;
}

const LabelMap& AnnotationDocument::labels(int z) const
{
    if (z < 0 || z >= depth())
        throw std::out_of_range("slice " + std::to_string(z) + " of " + std::to_string(depth()));
    const auto it = editors_.find(z);
    return it == editors_.end() ? blank_ : resident(it->second, z).labels();
}

std::size_t AnnotationDocument::heldBytes() const
{
    std::size_t n = 0;
    for (const auto& [z, slot] : editors_)
        n += slot.editor.heldBytes();
    return n;
}

bool AnnotationDocument::anyLabel(int z) const
{
    const auto it = editors_.find(z);
    return it != editors_.end() && it->second.editor.hasLabel();
}

const MaskEditor* AnnotationDocument::findEditor(int z) const
{
    const auto it = editors_.find(z);
    return it == editors_.end() ? nullptr : &it->second.editor;
}

std::vector<int> AnnotationDocument::maskedSlices() const
{
    std::vector<int> out;
    for (const auto& [z, e] : editors_)
        out.push_back(z);
    return out;
}

void AnnotationDocument::close()
{
    volume_ = Volume();
    editors_.clear();
    resident_.clear();
    blank_ = LabelMap();
    warnings_.clear();
}

bool AnnotationDocument::modified() const
{
    for (const auto& [z, e] : editors_)
        if (e.editor.modified())
            return true;
    return false;
}

int AnnotationDocument::modifiedSlices() const
{
    return static_cast<int>(
        std::count_if(editors_.begin(), editors_.end(), [](const auto& entry) { return entry.second.editor.modified(); }));
}

void AnnotationDocument::markSaved()
{
    for (auto& [z, e] : editors_)
        e.editor.markSaved();
}

} // namespace delineo::core
