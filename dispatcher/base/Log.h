#pragma once

// Logging for the layers below core/: they say what happened, core/ decides where it
// goes. core/IpcWriter installs itself as the sink (LOG lines, filtered by
// -ipcLogLevel); without a sink nothing is written. Callable from any thread.

#include <QString>

namespace pt::log {

enum class Level
{
    Error,
    Warn,
    Info,
    Debug
};

// Called on the logging thread; must be thread-safe.
using Sink = void (*)(Level level, const QString& message);
void setSink(Sink sink);

void write(Level level, const QString& message);
inline void error(const QString& m)
{
    write(Level::Error, m);
}
inline void warn(const QString& m)
{
    write(Level::Warn, m);
}
inline void info(const QString& m)
{
    write(Level::Info, m);
}
inline void debug(const QString& m)
{
    write(Level::Debug, m);
}

} // namespace pt::log
