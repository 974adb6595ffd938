#include "dispatcher/platform/Process.h"

#include "dispatcher/platform/Socket.h"

#include <fcntl.h>
#include <io.h>
#include <windows.h>

namespace pt::platform {

void prepareProcess()
{
    ::_setmode(1, _O_BINARY);
    ::_setmode(2, _O_BINARY);
    ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
    initSockets();
}

bool writeAll(int fd, const char* data, qint64 size)
{
    while (size > 0) {
        const int n = ::_write(fd, data, unsigned(qMin<qint64>(size, 1 << 30)));
        if (n <= 0) return false;
        data += n;
        size -= n;
    }
    return true;
}

} // namespace pt::platform
