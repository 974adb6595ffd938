// The failure codes of STATUS LAST-ERROR and -check: their spelling (the contract the
// GUI reads), the mapping from platform socket errors, and the CHECK line's form.
#include "dispatcher/base/Failure.h"
#include "dispatcher/core/Check.h"
#include "dispatcher/net/StreamSocket.h"

#include <QtTest>

using pt::FailureCode;
using Kind = pt::NetError::Kind;

class TstFailure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codeNames()
    {
        const QList<std::pair<FailureCode, const char*>> names = {
            {FailureCode::Refused, "refused"},
            {FailureCode::Timeout, "timeout"},
            {FailureCode::Unreachable, "unreachable"},
            {FailureCode::Dns, "dns"},
            {FailureCode::Closed, "closed"},
            {FailureCode::Tls, "tls"},
            {FailureCode::Http, "http"},
            {FailureCode::Proxy, "proxy"},
            {FailureCode::Invalid, "invalid"},
            {FailureCode::Error, "error"},
        };
        for (const auto& [code, name] : names)
            QCOMPARE(pt::failureCodeName(code), QString::fromLatin1(name));
    }

    void fromSocketErrors()
    {
        using pt::NetError;
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::Refused)), FailureCode::Refused);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::NetUnreachable)), FailureCode::Unreachable);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::HostUnreachable)), FailureCode::Unreachable);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::TimedOut)), FailureCode::Timeout);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::Reset)), FailureCode::Closed);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::NoResources)), FailureCode::Error);
        QCOMPARE(pt::net::failureCodeFor(NetError::of(Kind::Other), FailureCode::Closed),
                 FailureCode::Closed);
    }

    void checkLines()
    {
        pt::CheckResult ok;
        ok.ok = true;
        ok.transport = QStringLiteral("obfs4");
        ok.tcpMs = 12;
        ok.handshakeMs = 34;
        QCOMPARE(pt::formatCheckResult(ok),
                 QStringLiteral("CHECK OK transport=obfs4 tcp_ms=12 handshake_ms=34"));
        QCOMPARE(pt::checkExitCode(ok), 0);

        pt::CheckResult bad;
        bad.code = FailureCode::Refused;
        bad.detail = QStringLiteral("cannot connect\nto x:1:  Connection refused ");
        QCOMPARE(pt::formatCheckResult(bad),
                 QStringLiteral("CHECK-ERROR refused cannot connect to x:1: Connection refused"));
        QCOMPARE(pt::checkExitCode(bad), 1);

        pt::CheckResult invalid;
        invalid.code = FailureCode::Invalid;
        QCOMPARE(pt::formatCheckResult(invalid), QStringLiteral("CHECK-ERROR invalid unspecified"));
        QCOMPARE(pt::checkExitCode(invalid), 64);
    }
};

QTEST_GUILESS_MAIN(TstFailure)
#include "tst_failure.moc"
