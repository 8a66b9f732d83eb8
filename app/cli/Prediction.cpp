#include "Prediction.h"

#include "delineo/core/Rendering.h"

namespace delineo::cli {

ml::Prediction predictImage(const ml::Segmenter& seg, const core::Image& img, const ml::PredictOptions& options)
{
    const std::vector<std::uint8_t> px = core::modelInput8(img);
    return seg.predict(ml::ImageU8View{px.data(), img.width, img.height, img.channels}, options);
}

ml::PredictOptions predictOptions(const CliArgs& args)
{
    ml::PredictOptions options;
    options.flipTta = args.has("tta");
    options.tiled = args.has("tiles");
    options.tileZoom = args.getDouble("tile-zoom", 1.0);
    if (options.tileZoom <= 0 || options.tileZoom > 4)
        throw UsageError("--tile-zoom must be in (0, 4]");
    return options;
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
