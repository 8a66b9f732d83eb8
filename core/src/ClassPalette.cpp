#include "delineo/core/ClassPalette.h"

#include <algorithm>

namespace delineo::core {

const std::vector<Rgb>& classPalette()
{
    static const std::vector<Rgb> colours{{255, 64, 64},  {64, 200, 255}, {255, 210, 0},  {60, 220, 90},
                                          {200, 90, 255}, {255, 140, 0},  {255, 120, 180}, {0, 170, 170},
                                          {150, 100, 50}, {180, 180, 255}};
    return colours;
}

Rgb paletteColour(std::size_t n)
{
    const auto& p = classPalette();
    return p[n % p.size()];
}

Rgb unusedColour(const std::vector<WorkspaceClass>& have)
{
    for (const Rgb& c : classPalette())
        if (std::none_of(have.begin(), have.end(),
                         [&](const WorkspaceClass& k) { return k.r == c[0] && k.g == c[1] && k.b == c[2]; }))
            return c;
    return classPalette().front();
}

std::vector<WorkspaceClass> classesNamed(const std::vector<std::string>& names)
{
    std::vector<WorkspaceClass> out;
    for (const std::string& n : names) {
        const Rgb c = paletteColour(out.size());
        out.push_back({static_cast<int>(out.size()) + 1, n, c[0], c[1], c[2]});
    }
    return out;
}

std::vector<WorkspaceClass> giTractClasses()
{
    return classesNamed({"stomach", "large_bowel", "small_bowel", "tumour"});
}

} // namespace delineo::core
