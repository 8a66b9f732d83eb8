#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace delineo::core {

enum class PixelType { U8, U16, I16, F32 };
int bytesPerSample(PixelType type);
const char* pixelTypeName(PixelType type);

struct Window {
    double center = 127.5;
    double width = 255.0;
    std::string name;
};

// One 2D image (a DICOM slice or an endoscopy frame), interleaved samples, values after the
// modality LUT. Colour images are RGB.
struct Image {
    int width = 0, height = 0, channels = 1;
    PixelType type = PixelType::U8;
    std::vector<std::uint8_t> bytes;
    double spacingX = 1.0, spacingY = 1.0;  // mm per pixel
    bool spacingKnown = false;
    bool invertDisplay = false;             // MONOCHROME1
    std::vector<Window> windows;            // presets from the file, first is the default
    std::string path, format, modality, transferSyntax, photometric;
    // DICOM geometry of this slice (patient space, mm), when the file has it.
    std::array<double, 3> position{0, 0, 0};
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
    bool hasPosition = false, hasOrientation = false;
    int instanceNumber = 0;
    int fileFrame = 0;   // which frame of a multi-frame file (1-based; 0: the file's only image)
    // VOI LUT from the file (window named "VOI LUT" selects it), entries in voiLutBits.
    std::vector<std::uint16_t> voiLut;
    long voiLutFirst = 0;
    std::string seriesUid;

    bool empty() const { return width <= 0 || height <= 0 || bytes.empty(); }
    std::size_t pixelCount() const { return static_cast<std::size_t>(width) * height; }
    double value(int x, int y, int c = 0) const;
    // Smallest and largest value over all samples.
    void range(double& lo, double& hi) const;
    Window defaultWindow() const;
    // The slice plane's normal (row x column direction), and the slice's place along it in mm: the
    // order of a series' slices, and the location a reading workstation prints.
    std::array<double, 3> normal() const;
    double location() const;
    // Where pixel (x, y) lies in the patient (mm, DICOM LPS: +x left, +y posterior, +z superior);
    // false when the image has no position, orientation or spacing.
    bool patientPoint(double x, double y, std::array<double, 3>& out) const;
};

// A label map: one class index per pixel, 0 = background.
struct LabelMap {
    int width = 0, height = 0;
    std::vector<std::uint8_t> labels;

    LabelMap() = default;
    LabelMap(int w, int h) : width(w), height(h), labels(static_cast<std::size_t>(w) * h, 0) {}
    bool empty() const { return labels.empty(); }
    std::uint8_t at(int x, int y) const { return labels[static_cast<std::size_t>(y) * width + x]; }
    std::uint8_t& at(int x, int y) { return labels[static_cast<std::size_t>(y) * width + x]; }
    bool operator==(const LabelMap& o) const
    {
        return width == o.width && height == o.height && labels == o.labels;
    }
};

} // namespace delineo::core
