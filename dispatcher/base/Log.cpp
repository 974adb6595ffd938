#include "dispatcher/base/Log.h"

#include <atomic>

namespace pt::log {

namespace {

std::atomic<Sink> g_sink{nullptr};

} // namespace

void setSink(Sink sink)
{
    g_sink.store(sink);
}

void write(Level level, const QString& message)
{
    if (const Sink sink = g_sink.load()) sink(level, message);
}

} // namespace pt::log
