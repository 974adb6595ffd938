#include "dispatcher/core/IpcWriter.h"

#include <cerrno>
#include <unistd.h>

namespace pt {

IpcWriter& IpcWriter::instance()
{
    static IpcWriter writer;
    return writer;
}

void IpcWriter::setDescriptors(int out, int err)
{
    QMutexLocker lock(&m_mutex);
    m_out = out;
    m_err = err;
}

void IpcWriter::send(const ipc::Message& m)
{
    writeLine(ipc::goesToStderr(m.kind) ? m_err : m_out, ipc::format(m));
}

void IpcWriter::log(ipc::LogLevel level, const QString& message)
{
    if (!wants(level))
        return;
    writeLine(m_out, m_torFormat ? ipc::formatTorLog(level, message) : ipc::format(ipc::Message::log(level, message)));
}

void IpcWriter::writeLine(int fd, QByteArray line)
{
    line.append('\n');
    QMutexLocker lock(&m_mutex);
    const char* p = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; // parent gone: nothing sensible left to do with the line
        }
        p += n;
        left -= n;
    }
}

} // namespace pt
