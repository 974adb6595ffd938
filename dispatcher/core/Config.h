#pragma once

// The dispatcher's configuration: Dispatcher IPC 3.0 section 1.1 flags, or Tor's
// managed-proxy TOR_PT_* environment (PT 1.0), validated into one value.
//
// Parsing never prints or exits; it returns errors as values (DESIGN.md principle 5)
// and the caller (dispatcher/core/Dispatcher) turns them into VERSION-ERROR (78),
// ENV-ERROR (64) or PROXY-ERROR (69) in the order the spec prescribes: version
// negotiation first, then flag validation, then the upstream proxy.

#include "dispatcher/base/HostPort.h"
#include "dispatcher/base/ProxyMode.h"
#include "dispatcher/base/UpstreamProxy.h"
#include "shared/ipc/IpcMessage.h"

#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt {

enum class Role
{
    Client,
    Server
};

std::optional<ProxyMode> parseProxyMode(const QString& s); // exact spec spelling (proxyModeName)

struct Config
{
    // What the parent speaks: "3.0" for the dispatcher flags, "1" for Tor's TOR_PT_*.
    QString ipcVersion = QStringLiteral("3.0");
    bool torMode = false; // configured from TOR_PT_* (LOG lines in Tor's format)

    Role role = Role::Client;
    ProxyMode mode = ProxyMode::Socks5;
    QStringList transports; // in the order given (unknown names kept; the registry skips them)
    QString stateDir;       // absolute; defaults to the current directory
    bool exitOnStdinClose = false;
    ipc::LogLevel logLevel = ipc::LogLevel::None;

    // Per-transport options after normalisation: transport name -> options object.
    QMap<QString, QJsonObject> options;

    // Client
    std::optional<HostPort> proxyListen; // IP literal; port may be 0
    std::optional<UpstreamProxy> proxy;

    // Server. A transport listed without a bind address (possible with -bindaddr, which
    // need not name every transport) is absent here; in Tor mode such a transport gets
    // 127.0.0.1:0 (Tor lets the PT choose).
    QMap<QString, HostPort> bindAddrs; // transport -> IP literal:port
    std::optional<HostPort> target;    // IP literal or host name
    std::optional<HostPort> extOrPort;
    QString authCookieFile;

    // Tuning (not in the spec; documented in --help)
    int handshakeTimeoutMs = 30000; // SOCKS handshake / per-connection settings
    int connectTimeoutMs = 30000;   // outgoing TCP connect incl. upstream proxy
    int maxConnections = 4096;      // concurrent relayed connections per process
    int workerThreads = 0;          // 0: number of cores; -threads takes 1..256
    int udpIdleTimeoutMs = 120000;  // transparent-UDP / STUN pool idle timeout

    // -check '<bridge line or ss:// link>' (with -proxy and -check-timeout <s>, 1..300)
    QString checkLine;
    int checkTimeoutSeconds = 15;
};

struct ConfigResult
{
    // Check: run `-check` (config.checkLine, .proxy, .checkTimeoutSeconds); CheckInvalid:
    // its flags are wrong (message), printed as CHECK-ERROR invalid, exit 64.
    enum class Status
    {
        Ok,
        VersionError,
        EnvError,
        ProxyError,
        Help,
        Version,
        DescribeTransports,
        Check,
        CheckInvalid
    };
    Status status = Status::Ok;
    // The version to announce (VERSION line) before any ENV-/PROXY-ERROR; empty when
    // status == VersionError.
    QString negotiatedVersion;
    QString message; // error text (one line) for VersionError/EnvError/ProxyError
    Config config;
};

// argv without the program name.
ConfigResult parseConfig(const QStringList& args, const QProcessEnvironment& env, const QString& currentDir);

// -options / -optionsFile text -> per-transport map. Accepts standard JSON, the
// spec's example with unquoted keys, a per-transport map ({"shadow": {...}}) and,
// with exactly one transport, the bare options object. Error text on failure.
std::optional<QMap<QString, QJsonObject>>
parseTransportOptions(const QString& text, const QStringList& transports, QString* error);

// Lenient JSON: quotes bare identifier keys, accepts single-quoted strings and
// trailing commas; then strict QJsonDocument parsing.
std::optional<QJsonObject> parseLenientJsonObject(const QString& text, QString* error);

// TOR_PT_SERVER_TRANSPORT_OPTIONS: "obfs4:iat-mode=0;obfs4:cert=x\;y" -> map.
std::optional<QMap<QString, QJsonObject>> parseTorServerTransportOptions(const QString& text, QString* error);

// -proxy / TOR_PT_PROXY URI. Error text names the problem (unknown scheme, host name
// instead of an IP address, bad port, user without password, ...).
std::optional<UpstreamProxy> parseUpstreamProxy(const QString& uri, QString* error);

// The text of --help.
QString usageText();

} // namespace pt
