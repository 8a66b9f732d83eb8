#pragma once
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"

#include <array>
#include <cstdint>
#include <vector>

namespace delineo::core {

using Rgb = std::array<std::uint8_t, 3>;

// Applies a window (centre/width, in modality units) and returns packed RGB888 rows.
std::vector<std::uint8_t> renderRgb(const Image& image, const Window& window);
// The same as 32-bit 0xffRRGGBB pixels (a screen image's own format), pixelCount() of them.
void renderArgb32(const Image& image, const Window& window, std::uint32_t* out);

// Window presets for an image: the file's own (or its VOI LUT), modality defaults (CT: brain,
// soft tissue, lung, bone), and the full value range.
std::vector<Window> windowPresets(const Image& image);
// The window a volume opens with: its file's own (or VOI LUT) and 8-bit data's full range as
// Image::defaultWindow gives them; otherwise the 0.5th to 99.5th percentile of the values over the
// whole volume (a sample of up to 32 slices), as 3D Slicer's automatic window/level does, so that
// every slice is seen in one window and a few hot pixels do not flatten an MR series' contrast.
Window volumeWindow(const Volume& volume, int shownSlice);
// The name volumeWindow gives the window it computes from the values (not a file's own).
inline constexpr const char* kAutomaticWindow = "Automatic";
// The unit of the image's values as shown ("HU" for CT, whose values are rescaled), else "".
const char* valueUnit(const Image& image);

// 8-bit version of the image the models see: 8-bit data as is, anything deeper scaled by its
// own min/max (per-image normalisation, as the MRI models are trained). Channels unchanged.
std::vector<std::uint8_t> modelInput8(const Image& image);
// The same with `channels` (1 or 3) per pixel whatever the image has: grey repeated into colour,
// colour to luma (OpenCV's conversion, as the training data loader uses).
std::vector<std::uint8_t> modelInput8(const Image& image, int channels);
// 8-bit pixels (`channels` each) scaled to toWidth x toHeight: linear for images, nearest for
// masks (their values kept).
std::vector<std::uint8_t> resizeU8(const std::vector<std::uint8_t>& pixels, int width, int height, int channels,
                                   int toWidth, int toHeight, bool nearest);

// Blends class colours over an RGB888 buffer. colours[k-1] is the colour of class k;
// visible[k-1] false hides a class. opacity in 0..1.
void blendLabels(std::uint8_t* rgb, const LabelMap& labels, const std::vector<Rgb>& colours,
                 const std::vector<bool>& visible, double opacity);

} // namespace delineo::core
