// BridgeChecker: its parsing of `ptdispatcher -check` output, its process handling
// (several at once, a hard deadline, a missing program), and the real dispatcher's
// -check against a closed port, a silent port and (Linux) a real obfs4proxy bridge.
#include "GuiNet.h"
#include "core/BridgeChecker.h"
#include "core/FailureText.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX // obfs4proxy, through the interop tests' helpers
#include "GuiPeers.h"
#endif

using pt::gui::BridgeChecker;
using pt::gui::CheckResult;
using pt::gui::FailureText;

namespace {
using pt::guitest::closedPort;

// Collects finished() results by id.
struct Results : QObject
{
    QHash<int, CheckResult> byId;
    explicit Results(BridgeChecker& c)
    {
        connect(&c, &BridgeChecker::finished, this,
                [this](int id, const CheckResult& r) { byId.insert(id, r); });
    }
};

const QString kSomeCert = pt::guitest::someCert();
} // namespace

class TestGuiChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOk()
    {
        const CheckResult r =
            BridgeChecker::parseOutput("CHECK OK transport=obfs4 tcp_ms=3 handshake_ms=17\n", 0, true);
        QVERIFY(r.ok);
        QCOMPARE(r.transport, QStringLiteral("obfs4"));
        QCOMPARE(r.tcpMs, 3);
        QCOMPARE(r.handshakeMs, 17);
        QVERIFY(r.code.isEmpty());
    }

    void parsesErrorWithPlainWords()
    {
        const CheckResult r = BridgeChecker::parseOutput(
            "CHECK-ERROR refused connect to 127.0.0.1:9: Connection refused\n", 1, true);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, QStringLiteral("refused"));
        QCOMPARE(r.detail, QStringLiteral("connect to 127.0.0.1:9: Connection refused"));
        QVERIFY2(r.text.startsWith(FailureText::text(QStringLiteral("refused"))), qPrintable(r.text));
        QVERIFY(r.text.contains(QStringLiteral("Connection refused")));
    }

    void oddOutputIsAClearError_data()
    {
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("normal");
        QTest::addColumn<QString>("needle");
        QTest::newRow("nothing") << QByteArray() << 1 << true << "no answer (exit code 1)";
        QTest::newRow("crash") << QByteArray() << 0 << false << "crashed";
        QTest::newRow("garbage") << QByteArray("hello\x01world") << 0 << true << "not understood";
        QTest::newRow("ok without numbers")
            << QByteArray("CHECK OK transport=obfs4") << 0 << true << "not understood";
        QTest::newRow("negative ms") << QByteArray("CHECK OK transport=obfs4 tcp_ms=-1 handshake_ms=2") << 0
                                     << true << "not understood";
        QTest::newRow("not a number") << QByteArray("CHECK OK transport=obfs4 tcp_ms=x handshake_ms=2") << 0
                                      << true << "not understood";
        QTest::newRow("ok but exit 1") << QByteArray("CHECK OK transport=obfs4 tcp_ms=1 handshake_ms=2") << 1
                                       << true << "exited with code 1";
        QTest::newRow("unknown code") << QByteArray("CHECK-ERROR gremlins ate it") << 1 << true << "gremlins";
    }
    void oddOutputIsAClearError()
    {
        QFETCH(QByteArray, out);
        QFETCH(int, exitCode);
        QFETCH(bool, normal);
        QFETCH(QString, needle);
        const CheckResult r = BridgeChecker::parseOutput(out, exitCode, normal);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, QStringLiteral("error"));
        QVERIFY2(r.text.contains(needle), qPrintable(r.text));
    }

    void everyCodeHasItsOwnWords()
    {
        QSet<QString> seen;
        for (const QString& code : FailureText::codes()) {
            const QString t = FailureText::text(code);
            // Words, not the bare code, and no technical detail when none is given.
            QVERIFY2(t.size() > code.size() + 10, qPrintable(code + QStringLiteral(": ") + t));
            seen.insert(t);
        }
        QCOMPARE(seen.size(), FailureText::codes().size());
        QVERIFY(
            FailureText::text(QStringLiteral("closed")).contains(QStringLiteral("wrong cert or password")));
        QVERIFY(FailureText::text(QStringLiteral("timeout")).contains(QStringLiteral("no answer in time")));
        // Control characters in a detail never reach the label; long details are cut.
        const QString t = FailureText::text(QStringLiteral("error"),
                                            QStringLiteral("a\nb\x01") + QString(1000, QLatin1Char('x')));
        QVERIFY(!t.contains(QLatin1Char('\n')) && !t.contains(QChar(1)));
        QVERIFY(t.size() < 400);
    }

    void missingProgramFinishesAsynchronously()
    {
        BridgeChecker c;
        c.setProgram(QStringLiteral("/nonexistent/ptdispatcher"));
        Results res(c);
        const int id = c.check(QStringLiteral("obfs4 127.0.0.1:1 cert=x iat-mode=0"));
        QVERIFY(id > 0);
        QVERIFY(res.byId.isEmpty()); // never from inside check()
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.contains(id), 10000);
        QCOMPARE(res.byId.value(id).code, QStringLiteral("error"));
        QVERIFY(res.byId.value(id).text.contains(QStringLiteral("/nonexistent/ptdispatcher")));
        QCOMPARE(c.runningCount(), 0);
        // Cancelled before the event loop ran: never reported.
        const int cancelled = c.check(QStringLiteral("obfs4 127.0.0.1:1 cert=x iat-mode=0"));
        c.cancel(cancelled);
        QTest::qWait(200);
        QVERIFY(!res.byId.contains(cancelled));
        QCOMPARE(c.runningCount(), 0);
    }

#ifndef Q_OS_WIN // the stand-in children are POSIX shell scripts
    // A child that hangs is killed at -check-timeout + the margin and reported.
    void hangingChildIsKilledAtTheDeadline()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("hang.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nexec sleep 60\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        BridgeChecker c;
        c.setProgram(script);
        c.setCheckTimeout(1);
        c.setKillMarginMs(300);
        Results res(c);
        QElapsedTimer t;
        t.start();
        const int id = c.check(QStringLiteral("obfs4 127.0.0.1:1 cert=x iat-mode=0"));
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.contains(id), 10000);
        QVERIFY2(t.elapsed() >= 1200 && t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(res.byId.value(id).code, QStringLiteral("error"));
        QVERIFY(res.byId.value(id).text.contains(QStringLiteral("no answer within")));
    }

    // The child's argv: the line as one argument, -proxy and -check-timeout as flags.
    void childGetsLineProxyAndTimeout()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("args.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nprintf 'CHECK-ERROR error '; printf '%s|' \"$@\"; echo\nexit 1\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        BridgeChecker c;
        c.setProgram(script);
        c.setCheckTimeout(7);
        Results res(c);
        const int id = c.check(QStringLiteral("obfs4 127.0.0.1:1 cert=x iat-mode=0"),
                               QStringLiteral("socks5://127.0.0.1:1080"));
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.contains(id), 10000);
        QCOMPARE(res.byId.value(id).detail,
                 QStringLiteral("-check-timeout|7|-proxy|socks5://127.0.0.1:1080|-check|obfs4 127.0.0.1:1 "
                                "cert=x iat-mode=0|"));
    }
#endif

    // The real dispatcher: refused for a closed port, timeout for a port that accepts
    // and says nothing, both at once.
    void realCheckRefusedAndSilentAtOnce()
    {
        const quint16 closed = closedPort();
        QVERIFY(closed != 0);
        QTcpServer silent; // the kernel completes the TCP handshake; nobody ever answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        BridgeChecker c;
        c.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        c.setCheckTimeout(2);
        Results res(c);
        QElapsedTimer t;
        t.start();
        const int refused =
            c.check(QStringLiteral("obfs4 127.0.0.1:%1 cert=%2 iat-mode=0").arg(closed).arg(kSomeCert));
        const int timeout = c.check(
            QStringLiteral("obfs4 127.0.0.1:%1 cert=%2 iat-mode=0").arg(silent.serverPort()).arg(kSomeCert));
        QCOMPARE(c.runningCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.size() == 2, 20000);
        const CheckResult r1 = res.byId.value(refused), r2 = res.byId.value(timeout);
        QVERIFY2(!r1.ok && r1.code == QLatin1String("refused"),
                 qPrintable(r1.code + QLatin1Char(' ') + r1.text));
        QVERIFY2(!r2.ok && r2.code == QLatin1String("timeout"),
                 qPrintable(r2.code + QLatin1Char(' ') + r2.text));
        QVERIFY(r1.text.startsWith(FailureText::text(QStringLiteral("refused"))));
        QVERIFY(r2.text.startsWith(FailureText::text(QStringLiteral("timeout"))));
        qInfo("refused + silent checks at once: %lld ms (check timeout 2 s)", t.elapsed());
    }

    // More checks than slots: at most setMaxParallel() children at once, every check
    // still answered; a queued check can be cancelled and is never answered.
    void checksBeyondTheLimitWaitForASlot()
    {
        BridgeChecker c;
        c.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        c.setMaxParallel(2);
        Results res(c);
        QList<int> ids;
        for (int i = 0; i < 5; ++i)
            ids << c.check(
                QStringLiteral("obfs4 127.0.0.1:%1 cert=%2 iat-mode=0").arg(closedPort()).arg(kSomeCert));
        QCOMPARE(c.activeCount(), 2);
        QCOMPARE(c.runningCount(), 5);
        c.cancel(ids.last());
        QCOMPARE(c.runningCount(), 4);
        int most = 0;
        QElapsedTimer t;
        t.start();
        while (res.byId.size() < 4 && t.elapsed() < 20000) {
            most = qMax(most, c.activeCount());
            QTest::qWait(5);
        }
        QCOMPARE(res.byId.size(), 4);
        QVERIFY(most <= 2);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(res.byId.value(ids.at(i)).code, QStringLiteral("refused"));
        QTest::qWait(100);
        QVERIFY(!res.byId.contains(ids.last()));
        QCOMPARE(c.runningCount(), 0);
    }

    void realCheckInvalidLine()
    {
        BridgeChecker c;
        c.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        Results res(c);
        const int id = c.check(QStringLiteral("obfs4 not-an-address"));
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.contains(id), 10000);
        QCOMPARE(res.byId.value(id).code, QStringLiteral("invalid"));
    }

#ifdef Q_OS_LINUX
    // A working obfs4proxy bridge gives a latency; the same bridge with a wrong cert and
    // a closed port give their codes; all three at once.
    void realCheckAgainstObfs4proxy()
    {
        pt::guitest::Obfs4proxyBridge bridge;
        QVERIFY2(bridge.start(), "obfs4proxy (apt-get install obfs4proxy) did not start as an obfs4 server");
        BridgeChecker c;
        c.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        c.setCheckTimeout(3);
        Results res(c);
        const int good = c.check(bridge.bridgeLine());
        const int wrong = c.check(bridge.bridgeLine(pt::guitest::wrongCert(bridge.cert())));
        const int closed = c.check(
            QStringLiteral("obfs4 127.0.0.1:%1 cert=%2 iat-mode=0").arg(closedPort()).arg(bridge.cert()));
        QTRY_VERIFY_WITH_TIMEOUT(res.byId.size() == 3, 20000);
        const CheckResult g = res.byId.value(good), w = res.byId.value(wrong), cl = res.byId.value(closed);
        QVERIFY2(g.ok, qPrintable(g.text));
        QCOMPARE(g.transport, QStringLiteral("obfs4"));
        QVERIFY(g.tcpMs >= 0 && g.handshakeMs >= 0 && g.tcpMs + g.handshakeMs < 3000);
        qInfo("obfs4proxy bridge: tcp %d ms, handshake %d ms", g.tcpMs, g.handshakeMs);
        QVERIFY(!w.ok);
        // obfs4proxy says nothing to a wrong cert (until its own 30 s timeout): timeout.
        QVERIFY2(w.code == QLatin1String("timeout"), qPrintable(w.code + QLatin1Char(' ') + w.text));
        QCOMPARE(cl.code, QStringLiteral("refused"));
    }
#endif
};

QTEST_GUILESS_MAIN(TestGuiChecker)
#include "tst_gui_checker.moc"
