// Agreement between annotators and their consensus, on both workspace backends: Dice and HD95 per
// class between every two members who corrected the same slices, and a majority or STAPLE
// consensus stored as a revision of its own.
#include "PostgresServer.h"
#include "TestSupport.h"

#include "delineo/core/Agreement.h"
#include "delineo/core/Workspace.h"

#include <cmath>

using namespace delineo;
using delineo::test::TempDir;

namespace {

class Agreement : public ::testing::TestWithParam<std::string> {};

core::LabelMap rect(int x0, int y0, int w, int h, std::uint8_t label, core::LabelMap m = core::LabelMap(32, 32))
{
    for (int y = y0; y < y0 + h; ++y)
        for (int x = x0; x < x0 + w; ++x)
            m.at(x, y) = label;
    return m;
}

} // namespace

TEST_P(Agreement, DiceAndHd95PerClassBetweenEveryTwoMembers)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto alice = core::Workspace::open(location);
    alice->setClasses({{1, "stomach", 255, 0, 0}, {2, "small bowel", 0, 255, 0}});
    alice->setUser("alice");
    auto bob = alice->secondConnection();
    bob->setUser("bob");
    auto carol = alice->secondConnection();
    carol->setUser("carol");
    const auto img = alice->addImage(alice->addCase("case1"), "vol.nii", 32, 32, 3);
    const auto model = alice->addModel("m.pt", "{}");
    alice->commitMask(img, 0, rect(0, 0, 32, 32, 2), core::MaskKind::AiDraft, model); // not anyone's annotation
    // Slices 0 and 1: stomach 8x8 at x=4 (alice) and x=8 (bob): 32 of 64 pixels shared on each.
    for (int z = 0; z < 2; ++z) {
        alice->commitMask(img, z, rect(4, 4, 8, 8, 1), core::MaskKind::Corrected);
        bob->commitMask(img, z, rect(8, 4, 8, 8, 1), core::MaskKind::Corrected);
    }
    // Small bowel on slice 1 only, by alice only; carol corrects slice 0 exactly as alice did.
    alice->commitMask(img, 1, rect(20, 20, 4, 4, 2, rect(4, 4, 8, 8, 1)), core::MaskKind::Corrected);
    carol->commitMask(img, 0, rect(4, 4, 8, 8, 1), core::MaskKind::Corrected);

    const auto pairs = core::annotatorAgreement(*alice, img);
    ASSERT_EQ(pairs.size(), 3u);
    const core::PairAgreement& ab = pairs[0];
    EXPECT_EQ(ab.a, "alice");
    EXPECT_EQ(ab.b, "bob");
    EXPECT_EQ(ab.slices, 2);
    ASSERT_EQ(ab.classes.size(), 2u);
    EXPECT_DOUBLE_EQ(ab.classes[0].dice, 0.5);
    EXPECT_EQ(ab.classes[0].pixelsA, 128u);
    EXPECT_GT(ab.classes[0].hd95, 0.0);
    EXPECT_LE(ab.classes[0].hd95, 4.0 + 1e-9) << "the boundaries are 4 px apart at most";
    EXPECT_DOUBLE_EQ(ab.classes[1].dice, 0.0) << "small bowel drawn by alice only";
    EXPECT_TRUE(std::isnan(ab.classes[1].hd95)) << "undefined where only one drew it";
    EXPECT_EQ(pairs[1].b, "carol");
    EXPECT_EQ(pairs[1].slices, 1);
    EXPECT_DOUBLE_EQ(pairs[1].classes[0].dice, 1.0);
    EXPECT_DOUBLE_EQ(pairs[1].classes[0].hd95, 0.0);
    EXPECT_TRUE(std::isnan(pairs[1].classes[1].dice)) << "neither drew it on slice 0";
    // Millimetres where the spacing is given.
    EXPECT_NEAR(core::annotatorAgreement(*alice, img, 0.5, 0.5)[0].classes[0].hd95, ab.classes[0].hd95 * 0.5, 1e-9);
}

TEST_P(Agreement, MajorityAndStapleConsensusAreRevisionsOfTheirOwn)
{
    TempDir dir;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), dir);
    auto alice = core::Workspace::open(location);
    alice->setUser("alice");
    auto bob = alice->secondConnection();
    bob->setUser("bob");
    auto carol = alice->secondConnection();
    carol->setUser("carol");
    const auto img = alice->addImage(alice->addCase("case1"), "frame.png", 32, 32, 1);
    const core::LabelMap a = rect(4, 4, 12, 12, 1), b = rect(5, 4, 12, 12, 1), c = rect(10, 10, 12, 12, 1);
    alice->commitMask(img, 0, a, core::MaskKind::Corrected);
    bob->commitMask(img, 0, b, core::MaskKind::Corrected);
    carol->commitMask(img, 0, c, core::MaskKind::Corrected);

    // Majority: a pixel is kept where at least two of the three drew it.
    const auto majority = core::consensusMasks(*alice, img, core::ConsensusMethod::Majority);
    ASSERT_EQ(majority.size(), 1u);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            const int votes = (a.at(x, y) == 1) + (b.at(x, y) == 1) + (c.at(x, y) == 1);
            ASSERT_EQ(majority[0].second.at(x, y), votes >= 2 ? 1 : 0) << x << "," << y;
        }
    // STAPLE: the two who agree outweigh the third.
    auto reviewer = alice->secondConnection();
    reviewer->setUser("dr.lead");
    const core::ConsensusResult r = core::makeConsensus(*reviewer, img, core::ConsensusMethod::Staple);
    EXPECT_EQ(r.slices, 1);
    EXPECT_EQ(r.annotators, (std::vector<std::string>{"alice", "bob", "carol"}));
    const auto stored = alice->latestMask(img, 0);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->author, "dr.lead");
    EXPECT_EQ(alice->history(img, 0).back().note, "consensus (STAPLE) of alice, bob, carol");
    int overlapA = 0, overlapC = 0, n = 0;
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            n += stored->labels.at(x, y) == 1;
            overlapA += stored->labels.at(x, y) == 1 && a.at(x, y) == 1;
            overlapC += stored->labels.at(x, y) == 1 && c.at(x, y) == 1 && a.at(x, y) == 0 && b.at(x, y) == 0;
        }
    EXPECT_GT(2.0 * overlapA / (n + 144), 0.9) << "close to the two who agree";
    EXPECT_EQ(overlapC, 0) << "what only carol drew is left out";
    // The consensus is nobody's annotation: agreement is measured as before, and each member's own
    // mask stays in the history.
    EXPECT_EQ(core::annotatorAgreement(*alice, img).size(), 3u);
    EXPECT_EQ(alice->annotations(img).size(), 3u);
    EXPECT_EQ(alice->history(img, 0).size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Agreement, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
