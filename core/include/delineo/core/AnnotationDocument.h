#pragma once
#include "delineo/core/MaskEditor.h"
#include "delineo/core/Volume.h"

#include <string>
#include <vector>

namespace delineo::core {

// An opened volume with one editable label map per slice. Masks are kept in the workspace store;
// mask files an older version or a person left at `<maskBase>.png` (a single image) or
// `<maskBase>/slice_NNNN.png` (1-based, a stack) are shown when the store has none for the slice.
class AnnotationDocument {
public:
    // Loads mask files that match the slice size; mismatches are listed in warnings().
    void open(Volume volume, const std::string& maskBase, int numForeground);
    void close();

    bool empty() const { return volume_.empty(); }
    const Volume& volume() const { return volume_; }
    int depth() const { return volume_.depth(); }
    const Image& slice(int z) const { return volume_.slice(z); }
    MaskEditor& editor(int z) { return editors_.at(static_cast<std::size_t>(z)); }
    const LabelMap& labels(int z) const { return editors_.at(static_cast<std::size_t>(z)).labels(); }
    std::string maskPath(int z) const;
    const std::vector<std::string>& warnings() const { return warnings_; }

    int classes() const { return numForeground_; }
    bool modified() const;
    int modifiedSlices() const;
    void markSaved();             // every slice, once the store holds its edits

private:
    Volume volume_;
    std::vector<MaskEditor> editors_;
    std::string maskBase_;
    int numForeground_ = 1;
    std::vector<std::string> warnings_;
};

} // namespace delineo::core
