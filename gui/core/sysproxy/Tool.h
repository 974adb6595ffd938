#pragma once

// Runs a desktop tool (gsettings, networksetup, dbus-send) to completion with a timeout.
// The backends are synchronous by contract (SystemProxy::apply/restore return bool), so
// every call is bounded: a missing program, a hang or a non-zero exit becomes a clear
// error text, never a wait without end.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pt::gui::sysproxy {

struct ToolResult
{
    bool ok = false; // started, finished within the timeout, exit code 0
    QByteArray out;  // stdout
    QString error;   // why not ok, naming the program and its arguments
};

// The default per-call timeout (milliseconds).
constexpr int kToolTimeoutMs = 5000;

ToolResult runTool(const QString& program, const QStringList& args, int timeoutMs = kToolTimeoutMs);

} // namespace pt::gui::sysproxy
