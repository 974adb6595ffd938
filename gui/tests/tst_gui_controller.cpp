// DispatcherController against the real ptdispatcher binary (PTDISPATCHER_BIN macro).
#include "GuiNet.h"
#include "core/DispatcherController.h"
#include "core/FailureText.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <csignal>
#include <sys/types.h>
#endif
#ifdef Q_OS_LINUX // obfs4proxy, through the interop tests' helpers
#include "GuiPeers.h"
#endif

using pt::gui::DispatcherController;
using pt::gui::FailureText;
using State = DispatcherController::State;
using Link = DispatcherController::Link;

namespace {
// Ends a process the way a crash does: SIGKILL, or on Windows TerminateProcess with
// an access-violation status (QProcess reports an NTSTATUS error code as a crash).
bool killLikeACrash(qint64 pid)
{
#ifdef Q_OS_WIN
    HANDLE h = ::OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid));
    if (!h) return false;
    const bool ok = ::TerminateProcess(h, 0xC0000005) != 0;
    ::CloseHandle(h);
    return ok;
#else
    return ::kill(pid_t(pid), SIGKILL) == 0;
#endif
}

using pt::guitest::closedPort;

const QString kSomeCert = pt::guitest::someCert();

QList<Link> linksSeen(const QSignalSpy& spy)
{
    QList<Link> out;
    for (const auto& args : spy)
        out << args.at(0).value<Link>();
    return out;
}

// 64 KiB of varied bytes (a real byte stream, not one repeated value).
QByteArray somePayload(int seed)
{
    QByteArray b(64 * 1024, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (char& c : b) {
        x = x * 1103515245u + 12345u;
        c = char(x >> 16);
    }
    return b;
}
} // namespace

class TestGuiController : public QObject
{
    Q_OBJECT

    static pt::LaunchConfig plainClient(const QString& listen)
    {
        pt::LaunchConfig c;
        c.role = pt::LaunchConfig::Role::Client;
        c.transports = {QStringLiteral("plain")};
        c.proxyListenAddr = listen;
        c.logLevel = QStringLiteral("INFO");
        return c;
    }

    static void initController(DispatcherController& d)
    {
        d.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        d.setStopGraceMs(1000);
    }

    static pt::LaunchConfig obfs4Client(const QString& server, const QString& cert)
    {
        pt::LaunchConfig c;
        c.role = pt::LaunchConfig::Role::Client;
        c.transports = {QStringLiteral("obfs4")};
        c.proxyListenAddr = QStringLiteral("127.0.0.1:0");
        c.options.insert(QStringLiteral("obfs4"),
                         QJsonObject{{QStringLiteral("serverAddress"), server},
                                     {QStringLiteral("cert"), cert},
                                     {QStringLiteral("iat-mode"), QStringLiteral("0")}});
        return c;
    }

private Q_SLOTS:
    void startPlainClientReachesRunningWithLoopbackAddress()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy method(&d, &DispatcherController::methodReady);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QCOMPARE(d.state(), State::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY2(d.address().startsWith(QStringLiteral("127.0.0.1:")), qPrintable(d.address()));
        QVERIFY(!d.address().endsWith(QStringLiteral(":0")));
        QCOMPARE(d.methodTransport(), QStringLiteral("plain"));
        QCOMPARE(method.count(), 1);
        QVERIFY(d.isActive());
    }

    void statusCountersAreReported()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy status(&d, &DispatcherController::statusReceived);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_VERIFY_WITH_TIMEOUT(status.count() > 0, 10000);
        const auto kv = status.first().first().value<QList<std::pair<QString, QString>>>();
        bool sawBytesUp = false;
        for (const auto& p : kv)
            sawBytesUp |= p.first == QLatin1String("BYTES-UP");
        QVERIFY(sawBytesUp);
    }

    void stopOnPurposeIsNotACrash()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy crashed(&d, &DispatcherController::crashed);
        QSignalSpy finished(&d, &DispatcherController::finished);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        d.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(d.state(), State::Stopped);
        QCOMPARE(crashed.count(), 0);
        QVERIFY(!d.isActive());
    }

    void stopBeforeLaunchNeverStartsAChild()
    {
        DispatcherController d;
        initController(d);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        d.stop();
        QCOMPARE(d.state(), State::Stopped);
        QTest::qWait(200);
        QVERIFY(!d.isActive());
        QCOMPARE(d.state(), State::Stopped);
    }

    void badListenAddressGivesEnvErrorText()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy crashed(&d, &DispatcherController::crashed);
        d.start(plainClient(QStringLiteral("localhost:1")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Error, 10000);
        QVERIFY2(d.errorText().contains(QStringLiteral("-proxylistenaddr")), qPrintable(d.errorText()));
        QVERIFY2(d.errorText().contains(QStringLiteral("localhost")), qPrintable(d.errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(!d.isActive(), 10000);
        // The dispatcher said why it stopped: that is an error, not a crash.
        QCOMPARE(crashed.count(), 0);
    }

    void killedChildIsReportedAsCrash()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy crashed(&d, &DispatcherController::crashed);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY(d.pid() > 0);
        QVERIFY(killLikeACrash(d.pid()));
        QTRY_COMPARE_WITH_TIMEOUT(crashed.count(), 1, 10000);
        QCOMPARE(d.state(), State::Error);
        QVERIFY2(d.errorText().contains(QStringLiteral("crashed")), qPrintable(d.errorText()));
    }

    void missingBinaryIsAnError()
    {
        DispatcherController d;
        d.setProgram(QStringLiteral("/nonexistent/ptdispatcher"));
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Error, 10000);
        QVERIFY(d.errorText().contains(QStringLiteral("/nonexistent/ptdispatcher")));
        QVERIFY(!d.isActive());
    }

    void serverProfileReportsSmethodArgs()
    {
        QTemporaryDir state;
        QVERIFY(state.isValid());
        pt::LaunchConfig c;
        c.role = pt::LaunchConfig::Role::Server;
        c.transports = {QStringLiteral("obfs4")};
        c.bindAddrs.insert(QStringLiteral("obfs4"), QStringLiteral("127.0.0.1:0"));
        c.target = QStringLiteral("127.0.0.1:9");
        c.stateDir = state.path();
        DispatcherController d;
        initController(d);
        d.start(c);
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY(d.address().startsWith(QStringLiteral("127.0.0.1:")));
        bool sawCert = false;
        for (const auto& p : d.methodArgs())
            sawCert |= p.first == QLatin1String("cert") && !p.second.isEmpty();
        QVERIFY(sawCert);
    }

#ifndef Q_OS_WIN // the children here are POSIX shell scripts
    // A child that ignores both stdin EOF and SIGTERM still goes away (SIGKILL), and
    // because we asked, it is not a crash.
    void stopEscalatesToKillForAStubbornChild()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("stubborn.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\ntrap '' TERM\necho 'CMETHOD plain socks5 127.0.0.1:1'\necho 'CMETHODS "
                "DONE'\nexec sleep 60\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        DispatcherController d;
        d.setProgram(script);
        d.setStopGraceMs(300);
        QSignalSpy crashed(&d, &DispatcherController::crashed);
        QSignalSpy finished(&d, &DispatcherController::finished);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QElapsedTimer t;
        t.start();
        d.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(t.elapsed() >= 500, "terminate and kill each wait the grace period");
        QCOMPARE(d.state(), State::Stopped);
        QCOMPARE(crashed.count(), 0);
    }

    // A line over 64 KiB is cut, not buffered without bound, and the lines after it still count.
    void overlongLineDoesNotBlockLaterLines()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("long.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nhead -c 200000 /dev/zero | tr '\\0' x\necho\n"
                "echo 'CMETHOD plain socks5 127.0.0.1:7'\necho 'CMETHODS DONE'\nexec cat\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        DispatcherController d;
        d.setProgram(script);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QCOMPARE(d.address(), QStringLiteral("127.0.0.1:7"));
        d.stop(); // cat ends on stdin EOF
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Stopped, 10000);
    }
#endif

    // The profile asks for ERROR only: the child still runs at INFO (STATUS arrives), and
    // no INFO line reaches logLine.
    void statusArrivesAtAnyProfileLogLevel()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy status(&d, &DispatcherController::statusReceived);
        QSignalSpy logs(&d, &DispatcherController::logLine);
        pt::LaunchConfig c = plainClient(QStringLiteral("127.0.0.1:0"));
        c.logLevel = QStringLiteral("ERROR");
        d.start(c);
        QTRY_VERIFY_WITH_TIMEOUT(status.count() > 0, 10000);
        for (const auto& args : logs)
            QVERIFY2(args.at(0).value<pt::ipc::LogLevel>() <= pt::ipc::LogLevel::Error,
                     qPrintable(args.at(1).toString()));
    }

    // Link against the real dispatcher and a closed port: the check at start says refused.
    void linkUnreachableForClosedPort()
    {
        const quint16 port = closedPort();
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(2);
        QSignalSpy links(&d, &DispatcherController::linkChanged);
        d.start(obfs4Client(QStringLiteral("127.0.0.1:%1").arg(port), kSomeCert));
        QCOMPARE(d.link(), Link::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Unreachable, 10000);
        QVERIFY2(d.linkText().startsWith(FailureText::text(QStringLiteral("refused"))),
                 qPrintable(d.linkText()));
        QCOMPARE(linksSeen(links), (QList<Link>{Link::Connecting, Link::Unreachable}));
        QCOMPARE(d.state(), State::Running); // the listener is fine; the bridge is not
        d.stop();
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Idle, 10000);
    }

    // A port that accepts and never answers: timeout, within the check timeout (+ start).
    void linkUnreachableForSilentPort()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(2);
        QElapsedTimer t;
        t.start();
        d.start(obfs4Client(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()), kSomeCert));
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Unreachable, 15000);
        QVERIFY2(t.elapsed() >= 1800, "decided before the check timeout");
        QVERIFY2(d.linkText().startsWith(FailureText::text(QStringLiteral("timeout"))),
                 qPrintable(d.linkText()));
        qInfo("silent port named unreachable after %lld ms (check timeout 2 s)", t.elapsed());
    }

    // The check at start goes through the profile's upstream proxy: a dead proxy is
    // named as the proxy, not as the bridge.
    void checkAtStartUsesTheProfilesProxy()
    {
        QTcpServer bridge; // would accept, but the check never gets past the proxy
        QVERIFY(bridge.listen(QHostAddress::LocalHost, 0));
        pt::LaunchConfig c = obfs4Client(QStringLiteral("127.0.0.1:%1").arg(bridge.serverPort()), kSomeCert);
        c.proxy = QStringLiteral("socks5://127.0.0.1:%1").arg(closedPort());
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(2);
        d.start(c);
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Unreachable, 10000);
        QVERIFY2(d.linkText().startsWith(FailureText::text(QStringLiteral("proxy"))),
                 qPrintable(d.linkText()));
    }

    // While Unreachable the check runs again: a bridge that comes back is noticed with
    // nothing using the connection.
    void recheckNoticesABridgeThatComesBack()
    {
        const quint16 port = closedPort();
        pt::LaunchConfig c = plainClient(QStringLiteral("127.0.0.1:0"));
        c.options.insert(QStringLiteral("plain"), QJsonObject{{QStringLiteral("serverAddress"),
                                                               QStringLiteral("127.0.0.1:%1").arg(port)}});
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(2);
        d.setRecheckIntervalMs(300);
        QSignalSpy links(&d, &DispatcherController::linkChanged);
        d.start(c);
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Unreachable, 10000);
        QVERIFY2(d.linkText().startsWith(FailureText::text(QStringLiteral("refused"))),
                 qPrintable(d.linkText()));
        QTest::qWait(700); // a few rechecks, still refused: no flapping
        QCOMPARE(linksSeen(links), (QList<Link>{Link::Connecting, Link::Unreachable}));
        QTcpServer bridge; // plain: a TCP connection is its whole handshake
        QVERIFY(bridge.listen(QHostAddress::LocalHost, port));
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Connected, 10000);
        QCOMPARE(linksSeen(links), (QList<Link>{Link::Connecting, Link::Unreachable, Link::Connected}));
    }

    // A server's link is its listener; nothing is checked.
    void serverLinkFollowsListener()
    {
        QTemporaryDir state;
        pt::LaunchConfig c;
        c.role = pt::LaunchConfig::Role::Server;
        c.transports = {QStringLiteral("plain")};
        c.bindAddrs.insert(QStringLiteral("plain"), QStringLiteral("127.0.0.1:0"));
        c.target = QStringLiteral("127.0.0.1:9");
        c.stateDir = state.path();
        QVERIFY(DispatcherController::checkLineFor(c).isEmpty());
        DispatcherController d;
        initController(d);
        d.start(c);
        QCOMPARE(d.link(), Link::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QCOMPARE(d.link(), Link::Connected);
    }

    // Killed twice in a row: restarts after 1 s, then 2 s; stop() while waiting cancels
    // the restart and nothing starts afterwards.
    void backoffDoublesAndStopCancelsPendingRestart()
    {
        DispatcherController d;
        initController(d);
        d.setAutoRestart(true);
        QSignalSpy scheduled(&d, &DispatcherController::reconnectScheduled);
        QSignalSpy crashed(&d, &DispatcherController::crashed);
        // Whoever handles crashed() already sees the restart coming.
        QList<bool> pendingWhenCrashed;
        connect(&d, &DispatcherController::crashed, &d, [&] { pendingWhenCrashed << d.restartPending(); });
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        const qint64 pid1 = d.pid();
        QVERIFY(killLikeACrash(pid1));
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 1, 10000);
        QCOMPARE(scheduled.at(0), (QList<QVariant>{1, 1}));
        QCOMPARE(d.link(), Link::Reconnecting);
        QVERIFY(d.restartPending());
        QCOMPARE(crashed.count(), 1);
        QCOMPARE(pendingWhenCrashed, QList<bool>{true});
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY(d.pid() != pid1);
        QVERIFY(killLikeACrash(d.pid()));
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 2, 10000);
        QCOMPARE(scheduled.at(1), (QList<QVariant>{2, 2}));
        d.stop();
        QVERIFY(!d.restartPending());
        QCOMPARE(d.state(), State::Stopped);
        QCOMPARE(d.link(), Link::Idle);
        QTest::qWait(2500); // past the 2 s the restart was due
        QVERIFY(!d.isActive());
        QCOMPARE(scheduled.count(), 2);
    }

    // The restart listens where the first child did, traffic flows again through it, and
    // after the user's stop() nothing restarts.
    void restartKeepsAddressAndCarriesTraffic()
    {
        pt::guitest::QtEchoServer echo;
        QVERIFY(echo.isListening());
        DispatcherController d;
        initController(d);
        d.setAutoRestart(true);
        QSignalSpy scheduled(&d, &DispatcherController::reconnectScheduled);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        const QString address = d.address();
        const qint64 pid1 = d.pid();
        QCOMPARE(pt::guitest::socksEcho(address, echo.serverPort(), somePayload(1)), somePayload(1));
        QElapsedTimer t;
        t.start();
        QVERIFY(killLikeACrash(pid1));
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY2(t.elapsed() >= 900, qPrintable(QString::number(t.elapsed())));
        qInfo("killed -> running again on %s after %lld ms", qPrintable(address), t.elapsed());
        QVERIFY(d.pid() != pid1);
        QCOMPARE(d.address(), address);
        QCOMPARE(pt::guitest::socksEcho(address, echo.serverPort(), somePayload(2)), somePayload(2));
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Connected, 5000); // plain: the TCP connect is the handshake
        QSignalSpy finished(&d, &DispatcherController::finished);
        d.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QTest::qWait(1500); // past the first backoff step
        QVERIFY(!d.isActive());
        QCOMPARE(d.state(), State::Stopped);
        QCOMPARE(d.link(), Link::Idle);
        QCOMPARE(scheduled.count(), 1);
    }

    // Without auto-restart a kill stays a reported crash (the link goes idle).
    void noRestartWhenAutoRestartIsOff()
    {
        DispatcherController d;
        initController(d);
        QSignalSpy scheduled(&d, &DispatcherController::reconnectScheduled);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Running, 10000);
        QVERIFY(killLikeACrash(d.pid()));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Error, 10000);
        QCOMPARE(d.link(), Link::Idle);
        QTest::qWait(1300);
        QVERIFY(!d.isActive());
        QCOMPARE(scheduled.count(), 0);
    }

#ifndef Q_OS_WIN
    // The STATUS keys move the link: failures without success -> Unreachable with the
    // plain words and the detail; odd values change nothing; a success -> Connected.
    void statusKeysDriveTheLink()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("status.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho 'CMETHOD plain socks5 127.0.0.1:7'\necho 'CMETHODS DONE'\nsleep 0.2\n"
                "echo 'STATUS TRANSPORT=plain HANDSHAKES-OK=0 HANDSHAKES-FAILED=2 LAST-ERROR=refused "
                "LAST-ERROR-TEXT=\"dial 127.0.0.1:9: Connection refused\"'\nsleep 0.2\n"
                "echo 'STATUS TRANSPORT=plain HANDSHAKES-OK=bogus HANDSHAKES-FAILED=-4 "
                "LAST-ERROR=closed'\nsleep 0.2\n"
                "echo 'STATUS TRANSPORT=plain HANDSHAKES-OK=1 HANDSHAKES-FAILED=2'\nsleep 0.2\n"
                "echo 'STATUS TRANSPORT=plain HANDSHAKES-OK=1 HANDSHAKES-FAILED=3 LAST-ERROR=closed "
                "LAST-ERROR-TEXT=reset'\n"
                "exec cat\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        DispatcherController d;
        d.setProgram(script);
        QSignalSpy links(&d, &DispatcherController::linkChanged);
        d.start(plainClient(QStringLiteral("127.0.0.1:0")));
        QTRY_COMPARE_WITH_TIMEOUT(links.count(), 4, 10000);
        QCOMPARE(linksSeen(links),
                 (QList<Link>{Link::Connecting, Link::Unreachable, Link::Connected, Link::Unreachable}));
        QCOMPARE(links.at(1).at(1).toString(),
                 FailureText::text(QStringLiteral("refused"),
                                   QStringLiteral("dial 127.0.0.1:9: Connection refused")));
        QCOMPARE(links.at(3).at(1).toString(),
                 FailureText::text(QStringLiteral("closed"), QStringLiteral("reset")));
        d.stop();
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), State::Stopped, 10000);
        QCOMPARE(d.link(), Link::Idle);
    }

#endif

#ifdef Q_OS_LINUX
    // Against a real obfs4proxy bridge: Connecting -> Connected (the check at start),
    // and a wrong cert -> Unreachable, named.
    void linkConnectedAgainstObfs4proxy()
    {
        pt::guitest::Obfs4proxyBridge bridge;
        QVERIFY2(bridge.start(), "obfs4proxy (apt-get install obfs4proxy) did not start as an obfs4 server");
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(3);
        QSignalSpy links(&d, &DispatcherController::linkChanged);
        QElapsedTimer t;
        t.start();
        d.start(obfs4Client(bridge.address(), bridge.cert()));
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Connected, 10000);
        qInfo("obfs4proxy bridge: Connected %lld ms after start()", t.elapsed());
        QCOMPARE(linksSeen(links), (QList<Link>{Link::Connecting, Link::Connected}));
        QCOMPARE(d.linkText(), DispatcherController::linkName(Link::Connected));
    }

    void linkUnreachableForWrongCert()
    {
        pt::guitest::Obfs4proxyBridge bridge;
        QVERIFY2(bridge.start(), "obfs4proxy (apt-get install obfs4proxy) did not start as an obfs4 server");
        DispatcherController d;
        initController(d);
        d.setCheckTimeout(3);
        d.start(obfs4Client(bridge.address(), pt::guitest::wrongCert(bridge.cert())));
        QTRY_COMPARE_WITH_TIMEOUT(d.link(), Link::Unreachable, 15000);
        // obfs4proxy answers a wrong cert with silence, so this is a timeout, whose words
        // name the cert as a possible cause.
        QVERIFY2(d.linkText().startsWith(FailureText::text(QStringLiteral("timeout"))),
                 qPrintable(d.linkText()));
        QVERIFY(d.linkText().contains(QStringLiteral("cert")));
    }
#endif

    void envOverridesBinaryLookup()
    {
        qputenv("PTDISPATCHER_BIN", "/some/where/ptdispatcher");
        QCOMPARE(DispatcherController::findDispatcher(), QStringLiteral("/some/where/ptdispatcher"));
        qunsetenv("PTDISPATCHER_BIN");
        QVERIFY(DispatcherController::findDispatcher() != QStringLiteral("/some/where/ptdispatcher"));
    }
};

QTEST_GUILESS_MAIN(TestGuiController)
#include "tst_gui_controller.moc"
