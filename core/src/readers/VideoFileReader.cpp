// Endoscopy videos through OpenCV, as a stack of frames (decoded up front, capped).
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"
#include "delineo/core/VideoReader.h"

namespace delineo::core {

class VideoFileReader : public Reader {
public:
    std::string id() const override { return "video"; }
    std::string title() const override { return "Endoscopy videos"; }
    std::vector<std::string> patterns() const override
    {
        return {"*.avi", "*.mp4", "*.mkv", "*.mov", "*.mpg", "*.mpeg", "*.webm", "*.m4v"};
    }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override { return reading::nameMatches(path, patterns()); }
    Volume read(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress) const override
    {
        return loadVideo(path, kMaxVideoFrames, kMaxVideoBytes, cancel, progress);
    }
};

std::unique_ptr<Reader> makeVideoReader() { return std::make_unique<VideoFileReader>(); }

} // namespace delineo::core
