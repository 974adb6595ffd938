#pragma once

// The dispatcher's voice towards its parent (DESIGN.md principle 6): only IPC lines
// on stdout, each written whole with one write() and so flushed at once; the
// *-ERROR lines on stderr. Thread-safe: worker threads log through it. It is also the
// sink of pt::log (base/Log.h), through which the layers below core/ log.

#include "shared/ipc/IpcMessage.h"

#include <mutex>

namespace pt {

class IpcWriter
{
public:
    static IpcWriter& instance();

    // LOG lines at or above this level are sent; NONE sends none (the default).
    void setLogLevel(ipc::LogLevel level) { m_level = level; }
    ipc::LogLevel logLevel() const { return m_level; }
    // Tor's managed-proxy parents (PT 1.0) read LOG SEVERITY=… MESSAGE=… instead.
    void setTorLogFormat(bool tor) { m_torFormat = tor; }

    void send(const ipc::Message& m);
    void log(ipc::LogLevel level, const QString& message);
    bool wants(ipc::LogLevel level) const
    {
        return level != ipc::LogLevel::None && m_level != ipc::LogLevel::None && int(level) <= int(m_level);
    }

    // For tests: redirect output to other descriptors.
    void setDescriptors(int out, int err);

private:
    IpcWriter();
    void writeLine(bool toStderr, QByteArray line);

    std::mutex m_mutex; // std::mutex, not QMutex: ThreadSanitizer sees it
    ipc::LogLevel m_level = ipc::LogLevel::None;
    bool m_torFormat = false;
    int m_out = 1;
    int m_err = 2;
};

} // namespace pt
