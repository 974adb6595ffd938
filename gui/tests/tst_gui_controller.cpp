// DispatcherController against the real ptdispatcher binary (PTDISPATCHER_BIN macro).
#include "core/DispatcherController.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <csignal>
#include <sys/types.h>
#endif

using pt::gui::DispatcherController;
using State = DispatcherController::State;

namespace {
// Ends a process the way a crash does: SIGKILL, or on Windows TerminateProcess with
// an access-violation status (QProcess reports an NTSTATUS error code as a crash).
bool killLikeACrash(qint64 pid)
{
#ifdef Q_OS_WIN
    HANDLE h = ::OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid));
    if (!h)
        return false;
    const bool ok = ::TerminateProcess(h, 0xC0000005) != 0;
    ::CloseHandle(h);
    return ok;
#else
    return ::kill(pid_t(pid), SIGKILL) == 0;
#endif
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
        f.write("#!/bin/sh\ntrap '' TERM\necho 'CMETHOD plain socks5 127.0.0.1:1'\necho 'CMETHODS DONE'\nexec sleep 60\n");
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
