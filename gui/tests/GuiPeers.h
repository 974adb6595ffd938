#pragma once

// Real peers for the GUI's link tests (Linux; the GUI suites under wine run without
// them): obfs4proxy as an obfs4 bridge, through the interop tests' own helpers
// (tests/common/Peers.h), its ORPort an echo server.

#include "Peers.h"

namespace pt::guitest {

struct Obfs4proxyBridge
{
    pt::test::EchoServer orPort;
    pt::test::Obfs4proxyServer server;

    bool start() { return server.start(orPort.port(), 0); }
    QString cert() const { return server.cert; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(server.port); }
    QString bridgeLine(const QString& certToUse = {}) const
    {
        return QStringLiteral("obfs4 %1 cert=%2 iat-mode=0")
            .arg(address(), certToUse.isEmpty() ? server.cert : certToUse);
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
