#pragma once

// Real peers shared by the interop tests: obfs4proxy run as tor runs a managed
// server (TOR_PT_* environment; its SMETHOD line gives the port and cert), any
// peer started and waited for until its port accepts, and the IPC helpers that read
// a managed peer's lines with the project's own parser (shared/ipc).

#include "TestSupport.h"
#include "dispatcher/transports/obfs4/ServerState.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <initializer_list>
#include <utility>

namespace pt::test {

const QString kObfs4proxy = QStringLiteral("/usr/bin/obfs4proxy");

// The listening port of a CMETHOD or SMETHOD line (0 for anything else), and a value
// from an SMETHOD's ARGS, read with the project's own IPC parser (shared/ipc), which
// obfs4proxy's lines must satisfy too.
inline quint16 methodPort(const QString& line)
{
    return Dispatcher::splitPort(ipc::parse(line.toUtf8()).address);
}

inline QString smethodArg(const QString& line, const QString& key)
{
    for (const auto& [k, v] : ipc::parse(line.toUtf8()).args) {
        if (k == key) return v;
    }
    return {};
}

// The environment tor gives a managed PT: ours plus TOR_PT_MANAGED_TRANSPORT_VER=1
// and the given TOR_PT_* variables.
inline QProcessEnvironment torPtEnv(std::initializer_list<std::pair<const char*, QString>> vars)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER"), QStringLiteral("1"));
    for (const auto& [name, value] : vars)
        env.insert(QString::fromLatin1(name), value);
    return env;
}

// obfs4proxy as a bridge's managed server, forwarding to 127.0.0.1:orPort.
struct Obfs4proxyServer
{
    Peer proc;
    QTemporaryDir state;
    quint16 port = 0;
    QString cert;

    bool start(quint16 orPort, int iatMode, const QString& transport = QStringLiteral("obfs4"))
    {
        QProcessEnvironment env =
            torPtEnv({{"TOR_PT_SERVER_TRANSPORTS", transport},
                      {"TOR_PT_SERVER_BINDADDR", transport + QStringLiteral("-127.0.0.1:0")},
                      {"TOR_PT_ORPORT", QStringLiteral("127.0.0.1:%1").arg(orPort)},
                      {"TOR_PT_STATE_LOCATION", state.path()}});
        if (transport == QLatin1String("obfs4"))
            env.insert(QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS"),
                       QStringLiteral("obfs4:iat-mode=%1").arg(iatMode));
        // obfs4proxy 0.0.14 panics in iat-mode 2 when its own length table holds 0
        // ("BUG: Write(), iat length was 0"). Give it a state file written by our code,
        // whose seeds avoid that (and which obfs4proxy must accept).
        if (transport == QLatin1String("obfs4") && iatMode == 2 &&
            !obfs4::loadServerIdentity(QJsonObject{{"iat-mode", iatMode}}, state.path()).ok())
            return false;
        if (!proc.start(kObfs4proxy, {}, env)) return false;
        const QString line = proc.waitForLine(QStringLiteral("SMETHOD %1 ").arg(transport));
        port = methodPort(line);
        cert = smethodArg(line, QStringLiteral("cert"));
        return port != 0 && (transport != QLatin1String("obfs4") || cert.size() == 70);
    }
};

// Starts a peer and waits until its port accepts connections: "" or why not.
inline QString startPeer(Peer& p, const QString& program, const QStringList& args, quint16 port)
{
    if (!p.start(program, args))
        return QStringLiteral("%1 did not start: %2").arg(program, p.process().errorString());
    if (!waitForPort(port, 10000))
        return QStringLiteral("%1 never listened on %2: %3").arg(program).arg(port).arg(p.outputText());
    return {};
}

} // namespace pt::test
