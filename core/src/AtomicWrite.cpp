#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace delineo::core {

void writeViaTempFile(const std::string& target, const std::function<std::string(const std::string&)>& write)
{
    const fs::path t(target);
    const fs::path tmp = t.parent_path() / (".tmp" + std::to_string(::getpid()) + "-" + t.filename().string());
    std::string error;
    try {
        error = write(tmp.string());
    } catch (const std::exception& e) {
        error = e.what();
    }
    std::error_code ec;
    if (error.empty()) {
        const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0)
            error = "cannot flush the written file to disk";
        if (fd >= 0)
            ::close(fd);
    }
    if (error.empty()) {
        fs::rename(tmp, t, ec);
        if (ec)
            error = ec.message();
    }
    if (!error.empty()) {
        fs::remove(tmp, ec);
        throw ImageError(ErrorCode::WriteFailed, "cannot write " + target + ": " + error);
    }
}

void writeTextFile(const std::string& target, const std::string& text)
{
    writeViaTempFile(target, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        out.close();
        return out ? std::string() : std::string("write error");
    });
}

} // namespace delineo::core
