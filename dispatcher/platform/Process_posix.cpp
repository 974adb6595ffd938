#include "dispatcher/platform/Process.h"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace pt::platform {

void prepareProcess()
{
    std::signal(SIGPIPE, SIG_IGN);
}

bool writeAll(int fd, const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

} // namespace pt::platform
