#include "delineo/core/Volume.h"

namespace delineo::core {

std::size_t Volume::bytes() const
{
    std::size_t n = 0;
    for (const auto& s : slices)
        n += s.bytes.size();
    return n;
}

Volume volumeFromImage(Image image)
{
    Volume v;
    v.source = image.path;
    v.geometry.spacing = {image.spacingX, image.spacingY, 1.0};
    v.geometry.spacingKnown = image.spacingKnown;
    v.slices.push_back(std::move(image));
    return v;
}

} // namespace delineo::core
