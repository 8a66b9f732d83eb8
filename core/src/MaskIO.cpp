#include "delineo/core/MaskIO.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/ml/Checkpoint.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace delineo::core {

LabelMap loadMask(const std::string& path, int numForeground)
{
    Image img = loadImage(path);
    LabelMap out(img.width, img.height);
    const std::size_t n = img.pixelCount();
    for (std::size_t i = 0; i < n; ++i) {
        // The first channel suffices: mask colours are grey.
        const int x = static_cast<int>(i % img.width), y = static_cast<int>(i / img.width);
        const double v = img.value(x, y, 0);
        if (numForeground <= 1)
            out.labels[i] = v >= 128 ? 1 : 0;
        else
            out.labels[i] = static_cast<std::uint8_t>(v > numForeground ? 0 : (v < 0 ? 0 : v));
    }
    return out;
}

void saveMask(const std::string& path, const LabelMap& labels, int numForeground)
{
    if (labels.empty())
        throw ImageError(ErrorCode::WrongSize, "cannot save an empty mask to " + path);
    cv::Mat m(labels.height, labels.width, CV_8UC1, const_cast<std::uint8_t*>(labels.labels.data()));
    cv::Mat out = numForeground <= 1 ? (m > 0) : m;
    std::vector<unsigned char> png;
    if (!cv::imencode(".png", out, png))
        throw ImageError(ErrorCode::WriteFailed, "cannot encode mask for " + path);
    try {
        delineo::ml::writeFileAtomic(path, std::string(png.begin(), png.end()));
    } catch (const std::exception& e) {
        throw ImageError(ErrorCode::WriteFailed, e.what());
    }
}

} // namespace delineo::core
