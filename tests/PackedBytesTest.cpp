#include "delineo/core/PackedBytes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

using namespace delineo;

TEST(PackedBytes, RoundTripsAndShrinksRuns)
{
    std::vector<std::uint8_t> labels(1920 * 1080, 0);
    std::fill(labels.begin() + 500000, labels.begin() + 600000, 1);
    const auto packed = core::packBytes(labels);
    EXPECT_LT(packed.size(), labels.size() / 100);
    EXPECT_EQ(core::unpackBytes(packed, labels.size()), labels);
    EXPECT_THROW(core::unpackBytes(packed, labels.size() + 1), std::runtime_error);
    EXPECT_TRUE(core::unpackBytes(core::packBytes({}), 0).empty());
}
