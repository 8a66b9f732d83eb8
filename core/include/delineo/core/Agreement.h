#pragma once
#include "delineo/core/Image.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace delineo::core {

class Workspace;

// How two members' masks of one class agree, over the slices both corrected.
struct ClassAgreement {
    int label = 0;
    // Dice over the pixels of all those slices together; NaN where neither drew the class.
    double dice = std::numeric_limits<double>::quiet_NaN();
    // 95th percentile Hausdorff distance between their boundaries (mm where the pixel spacing is
    // given, else pixels), the mean over slices where both drew the class; NaN where none.
    double hd95 = std::numeric_limits<double>::quiet_NaN();
    std::uint64_t pixelsA = 0, pixelsB = 0;
};

struct PairAgreement {
    std::string a, b;      // the two members, a < b
    int slices = 0;        // slices both corrected
    std::vector<ClassAgreement> classes;   // labels 1..numForeground
};

// Every pair of members who corrected at least one common slice of the image (their newest
// correction or approval of each slice, Workspace::annotations).
std::vector<PairAgreement> annotatorAgreement(const Workspace& ws, std::int64_t imageId, double spacingX = 1.0,
                                              double spacingY = 1.0);

enum class ConsensusMethod {
    Majority,   // the label most members gave the pixel; a tie is background (two members: where they agree)
    Staple      // ITK's multi-label STAPLE: each member weighted by their estimated performance
};

struct ConsensusResult {
    int slices = 0;                        // slices given a consensus revision
    std::vector<std::string> annotators;   // whose masks went into it
};

// The consensus of the members' newest corrections of each slice that at least two corrected, each
// stored as a revision of its own (this user's, with a note naming the method and the members), so
// it becomes the slice's mask and every member's own stays in the history.
ConsensusResult makeConsensus(Workspace& ws, std::int64_t imageId, ConsensusMethod method);
// Per slice, without storing: the same masks makeConsensus() would store (slice -> labels).
std::vector<std::pair<int, LabelMap>> consensusMasks(const Workspace& ws, std::int64_t imageId, ConsensusMethod method,
                                                     std::vector<std::string>* annotators = nullptr);
const char* consensusName(ConsensusMethod method);   // "majority", "STAPLE"

} // namespace delineo::core
