#include "delineo/ml/Sandbox.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

// Apart from Sandbox.cpp (which needs LibTorch): the video decoder helper links these alone.
namespace delineo::ml {

std::size_t pageRounded(std::size_t bytes)
{
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return (bytes + page - 1) / page * page;
}

void writeAll(int fd, const void* data, std::size_t size)
{
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        // A socket is written with MSG_NOSIGNAL: a reader that died must not kill the writer with
        // SIGPIPE before the writer sees its end. Pipes take write().
        ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK)
            n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

} // namespace delineo::ml
