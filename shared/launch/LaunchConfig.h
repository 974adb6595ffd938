#pragma once

// How a parent (the GUI, or a script) launches the dispatcher: the Dispatcher IPC 3.0
// section 1.1 flags as one value, its argv form, and a JSON form for stored profiles.
// Plain strings on purpose: this is what the user typed; the dispatcher validates it and
// answers with ENV-ERROR, which the parent shows.

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt {

struct LaunchConfig
{
    enum class Role
    {
        Client,
        Server
    };

    Role role = Role::Client;
    QStringList transports;
    QString mode;                       // socks5 | transparent-TCP | transparent-UDP | STUN; empty: default
    QMap<QString, QJsonObject> options; // transport -> options object (-options)
    QString stateDir;                   // -state
    QString logLevel;                   // -ipcLogLevel: NONE | ERROR | WARN | INFO | DEBUG; empty: default
    bool exitOnStdinClose = true;       // -exit-on-stdin-close
    QString ptversion = QStringLiteral("3.0");

    // Client only
    QString proxyListenAddr; // -proxylistenaddr "127.0.0.1:5555"
    QString proxy;           // -proxy URI, e.g. "socks5://127.0.0.1:1080"

    // Server only
    QMap<QString, QString> bindAddrs; // transport -> "addr:port" (-bindaddr)
    QString target;                   // -target
    QString extOrPort;                // -extorport
    QString authCookie;               // -authcookie

    // The dispatcher's argv (without the program name). Unset (empty) values are left
    // out, as are the other role's flags, so switching a stored profile between client
    // and server never sends a flag the dispatcher would reject. -options and -bindaddr
    // carry only the transports listed, in -transports order (the spec requires that
    // order for -bindaddr).
    QStringList toArguments() const;

    QJsonObject toJson() const;
    // Missing keys take the defaults above; a key of the wrong type, an unknown role,
    // mode or log level gives nullopt and, if error is set, a reason.
    static std::optional<LaunchConfig> fromJson(const QJsonObject& json, QString* error = nullptr);
};

bool operator==(const LaunchConfig& a, const LaunchConfig& b);
inline bool operator!=(const LaunchConfig& a, const LaunchConfig& b)
{
    return !(a == b);
}

} // namespace pt
