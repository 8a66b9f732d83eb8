// Endoscopy videos: a short one decoded up front into a stack of frames, a long one streamed
// (opened in well under a second whatever its length; frames decoded on demand).
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/VideoStream.h"
#include "delineo/core/DicomSeries.h"

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
        std::shared_ptr<VideoStream> stream = VideoStream::open(path, VideoStream::defaultOptions());
        const std::size_t decoded = std::size_t(stream->frameCount()) * stream->width() * stream->height() * 3;
        if (decoded > kStreamVideoBytes)
            return streamedVideo(std::move(stream));
        stream.reset();
        return loadVideo(path, kMaxVideoFrames, kMaxVideoBytes, cancel, progress);
    }
};

std::unique_ptr<Reader> makeVideoReader() { return std::make_unique<VideoFileReader>(); }

} // namespace delineo::core
