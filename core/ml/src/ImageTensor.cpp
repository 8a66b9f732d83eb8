#include "ImageTensor.h"
#include "ChannelStats.h"

namespace delineo::ml {

namespace F = torch::nn::functional;

// Converts an 8-bit image to the normalised 1 x C x height x width float tensor the network expects.
torch::Tensor imageTensor(const ImageU8View& img, const ModelConfig& c, std::int64_t height, std::int64_t width)
{
    auto t = torch::from_blob(const_cast<std::uint8_t*>(img.data), {img.height, img.width, img.channels},
                              torch::kUInt8)
                 .permute({2, 0, 1})
                 .to(torch::kFloat32)
                 .div_(255.0f)
                 .unsqueeze(0);
    if (img.channels == 1 && c.inChannels == 3)
        t = t.expand({1, 3, img.height, img.width});
    else if (img.channels == 3 && c.inChannels == 1)
        t = t.mean(1, true);
    if (height != img.height || width != img.width)
        t = F::interpolate(t, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{height, width})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    // HWC data permuted to CHW keeps channels-last strides; convolutions are much faster on
    // contiguous NCHW here.
    return normalised(t, c);
}

} // namespace delineo::ml
