#pragma once
#include "delineo/core/MaskEditor.h"
#include "delineo/core/Volume.h"

#include <map>
#include <string>
#include <vector>

namespace delineo::core {

// An opened volume with an editable label map per slice. Label maps are sparse: a slice has one only
// once it is loaded, stored or edited (a video of 90,000 frames holds the few that are annotated);
// the others read as blank. Masks are kept in the workspace store;
// mask files an older version or a person left at `<maskBase>.png` (a single image) or
// `<maskBase>/slice_NNNN.png` (1-based, a stack) are shown when the store has none for the slice.
// Only the most recently used label maps stay unpacked (a byte budget, at least kMinResident of
// them); the others are packed with their undo pixels and unpacked when read or edited again, so
// a reference from labels() or editor() holds until kMinResident other slices have been touched.
class AnnotationDocument {
public:
    // Loads mask files that match the slice size; mismatches are listed in warnings().
    void open(Volume volume, const std::string& maskBase, int numForeground);
    void close();

    bool empty() const { return volume_.empty(); }
    const Volume& volume() const { return volume_; }
    int depth() const { return volume_.depth(); }
    const Image& slice(int z) const { return volume_.slice(z); }
    MaskEditor& editor(int z);              // a blank one is made on first use
    const LabelMap& labels(int z) const;    // blank for a slice that has none
    bool hasMask(int z) const { return editors_.count(z) > 0; }
    bool anyLabel(int z) const;             // any foreground, without unpacking the slice
    // Slice z's map as a store keeps it (MaskEditor::adoptRuns): unpacked only when read or edited,
    // so opening a procedure with thousands of stored masks reads kilobytes each. Throws ImageError.
    void adoptRuns(int z, std::vector<std::uint8_t> runs);
    // Null for a slice without a label map. For its history and state: it may be packed (read its
    // labels through labels()).
    const MaskEditor* findEditor(int z) const;
    std::vector<int> maskedSlices() const;  // the slices that have a label map, in order
    std::string maskPath(int z) const;
    const std::vector<LoadWarning>& warnings() const { return warnings_; }

    int classes() const { return numForeground_; }
    bool modified() const;
    int modifiedSlices() const;
    void markSaved();             // every slice, once the store holds its edits

    static constexpr std::size_t kMinResident = 16;
    void setResidentBudget(std::size_t bytes) { budget_ = bytes; }
    std::size_t residentCount() const { return resident_.size(); }
    std::size_t heldBytes() const; // every label map with its undo pixels

private:
    struct Slot {
        MaskEditor editor;
        std::uint64_t used = 0;
        bool listed = false; // in resident_
    };
    // Unpacks slice z's editor, marks it used and packs the least recently used beyond the budget.
    MaskEditor& resident(Slot& slot, int z) const;

    Volume volume_;
    // Mutable: packing is how a slice is kept, not what it holds; reading a packed one unpacks it.
    mutable std::map<int, Slot> editors_;
    mutable std::vector<int> resident_;
    mutable std::uint64_t clock_ = 0;
    std::size_t budget_ = std::size_t(256) << 20;
    LabelMap blank_;
    std::string maskBase_;
    int numForeground_ = 1;
    std::vector<LoadWarning> warnings_;
};

} // namespace delineo::core
