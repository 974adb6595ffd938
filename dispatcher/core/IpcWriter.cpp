#include "dispatcher/core/IpcWriter.h"

#include "dispatcher/platform/Process.h"

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
    // A failed write means the parent is gone: nothing sensible left to do with the line.
    platform::writeAll(toStderr ? m_err : m_out, line.constData(), line.size());
}

} // namespace pt
