#pragma once
#include "delineo/core/SegmentationDataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace delineo::core {

// 64-bit FNV-1a of `text`, continuing from `h`: stable across machines and runs (splits,
// data fingerprints).
constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
std::uint64_t fnv1a(const std::string& text, std::uint64_t h = kFnvOffset);

struct SplitPairs {
    std::vector<SamplePair> train, val;
    int added = 0; // pairs seen for the first time (and now recorded)
};

// A train/validation split frozen in `splitFile` (JSON, kept with the data) so validation figures
// stay comparable across retrains: a name once recorded keeps its side forever. New names go to
// validation when a stable hash of their file stem falls under `valFraction`; with four or more
// pairs at least one is held out. The file is rewritten atomically when names are added.
// Throws ImageError on an unreadable or unwritable split file.
SplitPairs frozenSplit(const std::vector<SamplePair>& pairs, const std::string& splitFile, double valFraction = 0.2);

} // namespace delineo::core
