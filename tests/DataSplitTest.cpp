#include "TestSupport.h"

#include "delineo/core/DataSplit.h"
#include "delineo/core/Errors.h"

#include <algorithm>
#include <fstream>
#include <set>

using namespace delineo;
using delineo::test::TempDir;

namespace {

std::vector<core::SamplePair> pairs(int from, int to)
{
    std::vector<core::SamplePair> p;
    for (int i = from; i < to; ++i)
        p.push_back({"/data/img" + std::to_string(i) + ".png", "/data/masks/img" + std::to_string(i) + ".png"});
    return p;
}

std::set<std::string> names(const std::vector<core::SamplePair>& p)
{
    std::set<std::string> s;
    for (const auto& x : p)
        s.insert(x.image);
    return s;
}

} // namespace

TEST(DataSplit, FrozenOnFirstUseAndNeverReshuffled)
{
    TempDir dir;
    const std::string file = dir.file("split.json");
    const auto first = core::frozenSplit(pairs(0, 40), file, 0.25);
    EXPECT_EQ(first.added, 40);
    EXPECT_EQ(first.train.size() + first.val.size(), 40u);
    EXPECT_GE(first.val.size(), 4u); // about a quarter
    EXPECT_LE(first.val.size(), 18u);

    // Same data, other order, other fraction: the recorded split wins.
    auto shuffled = pairs(0, 40);
    std::reverse(shuffled.begin(), shuffled.end());
    const auto again = core::frozenSplit(shuffled, file, 0.9);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(names(again.val), names(first.val));

    // New corrected cases join; the old ones keep their side.
    const auto grown = core::frozenSplit(pairs(0, 60), file, 0.25);
    EXPECT_EQ(grown.added, 20);
    for (const auto& v : names(first.val))
        EXPECT_TRUE(names(grown.val).count(v)) << v;
    for (const auto& t : names(first.train))
        EXPECT_TRUE(names(grown.train).count(t)) << t;
}

TEST(DataSplit, SmallSetsHoldOneOutAndBadFilesAreTypedErrors)
{
    TempDir dir;
    const auto small = core::frozenSplit(pairs(0, 4), dir.file("s.json"), 0.01);
    EXPECT_EQ(small.val.size(), 1u);
    EXPECT_EQ(small.train.size(), 3u);
    const auto tiny = core::frozenSplit(pairs(0, 2), dir.file("t.json"), 0.01);
    EXPECT_EQ(tiny.train.size() + tiny.val.size(), 2u);
    std::ofstream(dir.file("bad.json")) << "{ not json";
    EXPECT_THROW(core::frozenSplit(pairs(0, 4), dir.file("bad.json")), core::ImageError);
}
