#pragma once
#include "delineo/core/SegmentationDataset.h"

#include <string>
#include <vector>

namespace delineo::core {

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
