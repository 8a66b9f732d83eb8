#pragma once
// Order statistics the benchmark programs report.
#include <algorithm>
#include <vector>

namespace delineo::bench {

// The p-quantile (0..1) of `v`, nearest rank.
inline double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

} // namespace delineo::bench
