#include "dispatcher/core/IpcWriter.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/platform/Process.h"

namespace pt {

namespace {

ipc::LogLevel ipcLevel(log::Level level)
{
    switch (level) {
    case log::Level::Error:
        return ipc::LogLevel::Error;
    case log::Level::Warn:
        return ipc::LogLevel::Warn;
    case log::Level::Info:
        return ipc::LogLevel::Info;
    case log::Level::Debug:
        return ipc::LogLevel::Debug;
    }
    return ipc::LogLevel::None;
}

void logToIpc(log::Level level, const QString& message)
{
    IpcWriter::instance().log(ipcLevel(level), message);
}

} // namespace

IpcWriter& IpcWriter::instance()
{
    static IpcWriter writer;
    return writer;
}

// The sink is installed when the writer is made. Before that no LOG line could be
// sent (the level is NONE until setLogLevel(), which makes the writer), so pt::log
// drops nothing IpcWriter would have sent.
IpcWriter::IpcWriter()
{
    log::setSink(&logToIpc);
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
    if (!wants(level)) return;
    writeLine(false, m_torFormat ? ipc::formatTorLog(level, message)
                                 : ipc::format(ipc::Message::log(level, message)));
}

void IpcWriter::writeLine(bool toStderr, QByteArray line)
{
    line.append('\n');
    std::lock_guard<std::mutex> lock(m_mutex);
    // A failed write means the parent is gone: nothing sensible left to do with the line.
    platform::writeAll(toStderr ? m_err : m_out, line.constData(), line.size());
}

} // namespace pt
