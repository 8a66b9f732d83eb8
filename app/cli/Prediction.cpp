#include "Prediction.h"

#include "delineo/core/Rendering.h"

namespace delineo::cli {

ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img)
{
    const std::vector<std::uint8_t> px = core::modelInput8(img);
    return seg.predict(ml::ImageU8View{px.data(), img.width, img.height, img.channels});
}

core::LabelMap toLabelMap(ml::Prediction&& p)
{
    core::LabelMap m;
    m.width = p.width;
    m.height = p.height;
    m.labels = std::move(p.labels);
    return m;
}

} // namespace delineo::cli
