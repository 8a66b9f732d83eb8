#pragma once
// Internal: the few operations on 3-vectors (patient-space mm) that reslicing and series
// ordering share.
#include <array>
#include <cmath>

namespace delineo::core::vec3 {

using Vec = std::array<double, 3>;

inline Vec scaled(const Vec& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
inline double dot(const Vec& a, const Vec& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
inline double norm(const Vec& a) { return std::sqrt(dot(a, a)); }
inline Vec cross(const Vec& a, const Vec& b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

} // namespace delineo::core::vec3
