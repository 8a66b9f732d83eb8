#pragma once
#include "delineo/core/Workspace.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::core {

using Rgb = std::array<std::uint8_t, 3>;

// The colours classes get when nothing names one: distinct on grey MRI and on pink mucosa, red
// first (the GI-tract model's stomach), then sky, yellow, green (its bowels and tumour).
const std::vector<Rgb>& classPalette();
// The palette's n-th colour (it repeats past its end).
Rgb paletteColour(std::size_t n);
// The first palette colour no class of `have` uses (the first one when all are taken).
Rgb unusedColour(const std::vector<WorkspaceClass>& have);

// Names as classes: labels 1, 2… in order, each in the palette colour of its place.
std::vector<WorkspaceClass> classesNamed(const std::vector<std::string>& names);
// Delineo's MRI class set (1 stomach, 2 large_bowel, 3 small_bowel, 4 tumour) in the palette's
// colours: how the shipped GI-tract model and a UW-Madison import name and colour them.
std::vector<WorkspaceClass> giTractClasses();

} // namespace delineo::core
