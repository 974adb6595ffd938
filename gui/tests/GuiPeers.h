#pragma once

// Real peers for the GUI's link tests (Linux; the GUI suites under wine run without
// them): obfs4proxy as an obfs4 bridge in managed mode, started through the shared
// pt::test::Peer (tests/common/TestSupport.h), the way tests/interop does.

#include "TestSupport.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace pt::guitest {

inline const QString kObfs4proxy = QStringLiteral("/usr/bin/obfs4proxy");

// obfs4proxy serving obfs4 on 127.0.0.1:<port> in iat-mode 0, its ORPort an echo server.
struct Obfs4proxyBridge
{
    pt::test::EchoServer orPort;
    pt::test::Peer proc;
    QTemporaryDir state;
    quint16 port = 0;
    QString cert;

    bool start()
    {
        QProcessEnvironment env = pt::test::cleanEnv();
        env.insert(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER"), QStringLiteral("1"));
        env.insert(QStringLiteral("TOR_PT_SERVER_TRANSPORTS"), QStringLiteral("obfs4"));
        env.insert(QStringLiteral("TOR_PT_SERVER_BINDADDR"), QStringLiteral("obfs4-127.0.0.1:0"));
        env.insert(QStringLiteral("TOR_PT_ORPORT"), QStringLiteral("127.0.0.1:%1").arg(orPort.port()));
        env.insert(QStringLiteral("TOR_PT_STATE_LOCATION"), state.path());
        env.insert(QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS"), QStringLiteral("obfs4:iat-mode=0"));
        if (!proc.start(kObfs4proxy, {}, env))
            return false;
        const ipc::Message m = ipc::parse(proc.waitForLine(QStringLiteral("SMETHOD obfs4 ")).toUtf8());
        port = pt::test::Dispatcher::splitPort(m.address);
        for (const auto& [k, v] : m.args)
            if (k == QLatin1String("cert"))
                cert = v;
        return port != 0 && cert.size() == 70;
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(port); }
    QString bridgeLine(const QString& certToUse = {}) const
    {
        return QStringLiteral("obfs4 %1 cert=%2 iat-mode=0").arg(address(), certToUse.isEmpty() ? cert : certToUse);
    }
};

// A well-formed cert that belongs to no bridge (the same length, other bytes).
inline QString wrongCert(const QString& cert)
{
    QByteArray raw = QByteArray::fromBase64(cert.toLatin1() + "==");
    for (char& c : raw)
        c = char(c ^ 0x5a);
    return QString::fromLatin1(raw.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace pt::guitest
