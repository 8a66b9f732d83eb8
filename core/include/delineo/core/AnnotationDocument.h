#pragma once
#include "delineo/core/MaskEditor.h"
#include "delineo/core/Volume.h"

#include <string>
#include <vector>

namespace delineo::core {

// An opened volume with one editable label map per slice and where each is saved:
// `<maskBase>.png` for a single image, `<maskBase>/slice_NNNN.png` (1-based) for a stack.
class AnnotationDocument {
public:
    // Loads saved masks that match the slice size; mismatches are listed in warnings().
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

    bool modified() const;
    // Atomically writes every modified slice; returns how many. Throws ImageError.
    int save();

private:
    Volume volume_;
    std::vector<MaskEditor> editors_;
    std::string maskBase_;
    int numForeground_ = 1;
    std::vector<std::string> warnings_;
};

} // namespace delineo::core
