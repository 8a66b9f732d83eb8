#pragma once
#include <stdexcept>
#include <string>

namespace delineo::core {

enum class ErrorCode {
    NotFound = 3,             // the file or folder does not exist
    Unreadable = 4,           // exists but cannot be read (permissions, I/O)
    UnsupportedFormat = 5,    // not an image format Delineo reads
    Corrupt = 6,              // recognised format but broken/truncated data
    UnsupportedCompression = 7,
    WrongSize = 8,            // e.g. a mask that does not match its image
    WriteFailed = 9,
    Busy = 12,                // e.g. a workspace another Delineo process holds open
    TooLarge = 13,            // sizes in a header over what Delineo allows itself to allocate
};

// A typed failure of image or mask I/O; the code doubles as the CLI exit status.
class ImageError : public std::runtime_error {
public:
    ImageError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ErrorCode code() const { return code_; }
    int exitCode() const { return static_cast<int>(code_); }
    static const char* codeName(ErrorCode code);
    // "PATH: message [code]", one line of a report that lists what failed and goes on.
    std::string reportLine(const std::string& path) const { return path + ": " + what() + " [" + codeName(code_) + "]"; }

private:
    ErrorCode code_;
};

} // namespace delineo::core
