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
    std::lock_guard<std::mutex> lock(m_mutex);
    m_out = out;
    m_err = err;
}

void IpcWriter::send(const ipc::Message& m)
{
    writeLine(ipc::goesToStderr(m.kind), ipc::format(m));
}

void IpcWriter::log(ipc::LogLevel level, const QString& message)
{
    if (!wants(level))
        return;
    writeLine(false, m_torFormat ? ipc::formatTorLog(level, message) : ipc::format(ipc::Message::log(level, message)));
}

void IpcWriter::writeLine(bool toStderr, QByteArray line)
{
    line.append('\n');
    std::lock_guard<std::mutex> lock(m_mutex);
    const int fd = toStderr ? m_err : m_out;
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
