// The dispatcher as a parent sees it: IPC lines, their order and streams, exit
// codes, and the ways to make it stop (spec sections 1.1-1.3).
#include "TestSupport.h"
#include "dispatcher/core/FlagTokenizer.h"

#include <QtTest>

using namespace pt;

namespace {
struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QList<QByteArray> out;
    QList<QByteArray> err;
};

Run runToEnd(const QStringList& args,
             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProgram(QStringLiteral(PTDISPATCHER_BIN));
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.start();
    Run r;
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    for (const QByteArray& l : p.readAllStandardOutput().split('\n'))
        if (!l.isEmpty()) r.out << l;
    for (const QByteArray& l : p.readAllStandardError().split('\n'))
        if (!l.isEmpty()) r.err << l;
    return r;
}

using test::cleanEnv;
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // -help answers the person at the terminal: exit 0, grouped, every flag the parser
    // knows listed, the spec's defaults shown; nothing on stdout is an IPC line.
    void helpListsEveryFlagByGroupAndExitsZero_data()
    {
        QTest::addColumn<QString>("flag");
        for (const char* f : {"-help", "--help", "-h", "-help=true"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void helpListsEveryFlagByGroupAndExitsZero()
    {
        QFETCH(QString, flag);
        const Run r = runToEnd({flag}, cleanEnv());
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        const QByteArray text = (r.out + r.err).join('\n');
        for (const char* group : {"Common flags:", "Client flags", "Server flags:", "Tuning flags:"})
            QVERIFY2(text.contains(group), group);
        for (const QString& name : flags::allFlagNames())
            QVERIFY2(text.contains(("-" + name + " ").toUtf8()) ||
                         text.contains(("-" + name + ",").toUtf8()) ||
                         text.contains(("-" + name + "\n").toUtf8()),
                     qPrintable(QStringLiteral("-%1 is missing from -help").arg(name)));
        QVERIFY(text.contains("(default: 3.0)"));
        QVERIFY(text.contains("(default: NONE)"));
        QVERIFY(text.contains("(default: socks5)"));
        for (const QByteArray& l : r.out)
            QVERIFY2(!l.startsWith("VERSION") && !l.startsWith("CMETHOD") && !l.startsWith("ENV-ERROR"),
                     l.constData());
    }

    // The man page documents the same flags (roff escapes the dash: \-name).
    void manPageDocumentsEveryFlag()
    {
        QFile man(QStringLiteral(PT_SOURCE_DIR "/docs/ptdispatcher.1"));
        QVERIFY(man.open(QIODevice::ReadOnly));
        const QByteArray text = man.readAll();
        for (const QString& name : flags::allFlagNames()) {
            QString roff = name;
            roff.replace(QLatin1Char('-'), QLatin1String("\\-"));
            QVERIFY2(text.contains(("\\-" + roff).toUtf8()),
                     qPrintable(QStringLiteral("-%1 is missing from docs/ptdispatcher.1").arg(name)));
        }
    }

    void versionPrintsTheProgramVersion()
    {
        const Run r = runToEnd({"--version"}, cleanEnv());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
        QVERIFY2(r.out.first().startsWith("ptdispatcher " PT_VERSION), r.out.first().constData());
    }

    void clientAnnouncesVersionMethodAndDoneInOrder()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "plain", "-state", state.path()}, cleanEnv()));
        const auto lines = d.lines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("VERSION 3.0"));
        QVERIFY2(lines[1].startsWith("CMETHOD plain socks5 127.0.0.1:"), lines[1]);
        QVERIFY(d.port() != 0);
        QCOMPARE(lines[2], QByteArray("CMETHODS DONE"));
    }

    void clientHonoursProxyListenAddressAndMode()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"--transport=plain", "-mode", "transparent-TCP", "-proxylistenhost", "::1",
                         "-proxylistenport", "0", "-options", "{serverAddress: \"127.0.0.1:9\"}", "-state",
                         state.path()},
                        cleanEnv()));
        QCOMPARE(d.methods().size(), 1);
        QCOMPARE(d.methods()[0].mode, QStringLiteral("transparent-TCP"));
        QCOMPARE(d.host(), QStringLiteral("::1"));
    }

    void serverAnnouncesSmethodAndDone()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-target",
                         "127.0.0.1:9", "-state", state.path()},
                        cleanEnv()));
        const auto lines = d.lines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("VERSION 3.0"));
        QVERIFY2(lines[1].startsWith("SMETHOD plain 127.0.0.1:"), lines[1]);
        QCOMPARE(lines[2], QByteArray("SMETHODS DONE"));
    }

    void unknownTransportsAreIgnoredWithoutError()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "nosuch,plain,other", "-state", state.path()}, cleanEnv()));
        QCOMPARE(d.methods().size(), 1);
        QCOMPARE(d.methods()[0].transport, QStringLiteral("plain"));
        d.stop();
        const QByteArray err = d.process().readAllStandardError();
        QVERIFY2(!err.contains("CMETHOD-ERROR"), err);
    }

    void onlyUnknownTransportsStillSaysDoneAndKeepsRunning()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "nosuch", "-state", state.path()}, cleanEnv()));
        QCOMPARE(d.lines(), (QList<QByteArray>{"VERSION 3.0", "CMETHODS DONE"}));
        QVERIFY(!d.process().waitForFinished(500));
    }

    void versionNegotiation_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("firstLine");
        QTest::newRow("3.0 alone") << "3.0" << -1 << QByteArray("VERSION 3.0");
        QTest::newRow("3.0 among others")
            << "1,2.2,3.0,this_is_a_valid_version" << -1 << QByteArray("VERSION 3.0");
        QTest::newRow("spec example without 3.0")
            << "1,1a,2.2,this_is_a_valid_version" << 78 << QByteArray("VERSION-ERROR");
        QTest::newRow("empty element") << "3.0,,2" << 78 << QByteArray("VERSION-ERROR");
    }
    void versionNegotiation()
    {
        QFETCH(QString, list);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, firstLine);
        QTemporaryDir state;
        if (exitCode == -1) {
            test::Dispatcher d;
            QVERIFY(
                d.start({"-ptversion", list, "-transports", "plain", "-state", state.path()}, cleanEnv()));
            QCOMPARE(d.lines().first(), firstLine);
            return;
        }
        const Run r =
            runToEnd({"-ptversion", list, "-transports", "plain", "-state", state.path()}, cleanEnv());
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty()); // no VERSION on stdout
        QVERIFY(!r.err.isEmpty());
        QVERIFY2(r.err.first().startsWith(firstLine), r.err.first());
    }

    void envErrorsExitWith64AfterVersion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("transport and transports")
            << QStringList{"-transport", "plain", "-transports", "plain"};
        QTest::newRow("no transport") << QStringList{};
        QTest::newRow("options and optionsFile")
            << QStringList{"-transports", "plain", "-options", "{}", "-optionsFile", "/nonexistent"};
        QTest::newRow("invalid options json") << QStringList{"-transports", "plain", "-options", "{not json"};
        QTest::newRow("listen host name")
            << QStringList{"-transports", "plain", "-proxylistenaddr", "localhost:1"};
        QTest::newRow("listenaddr with listenport") << QStringList{
            "-transports", "plain", "-proxylistenaddr", "127.0.0.1:1", "-proxylistenport", "2"};
        QTest::newRow("bad mode") << QStringList{"-transports", "plain", "-mode", "socks4"};
        QTest::newRow("bad log level") << QStringList{"-transports", "plain", "-ipcLogLevel", "LOUD"};
        QTest::newRow("unknown flag") << QStringList{"-transports", "plain", "-frobnicate", "1"};
        QTest::newRow("server without target or extorport")
            << QStringList{"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0"};
        QTest::newRow("authcookie without extorport")
            << QStringList{"-server", "-transports", "plain",       "-bindaddr",  "plain-127.0.0.1:0",
                           "-target", "127.0.0.1:9", "-authcookie", "/tmp/cookie"};
        QTest::newRow("bindaddr order differs from transports") << QStringList{
            "-server", "-transports", "plain,obfs4", "-bindaddr", "obfs4-127.0.0.1:0,plain-127.0.0.1:0",
            "-target", "127.0.0.1:9"};
        QTest::newRow("bindaddr with bindhost")
            << QStringList{"-server",   "-transport", "plain",   "-bindaddr",  "plain-127.0.0.1:0",
                           "-bindhost", "127.0.0.1",  "-target", "127.0.0.1:9"};
        QTest::newRow("bind host name") << QStringList{
            "-server", "-transports", "plain", "-bindaddr", "plain-localhost:1", "-target", "127.0.0.1:9"};
        QTest::newRow("target with targethost")
            << QStringList{"-server", "-transports", "plain",       "-bindaddr", "plain-127.0.0.1:0",
                           "-target", "127.0.0.1:9", "-targethost", "127.0.0.1"};
        QTest::newRow("targethost without targetport") << QStringList{
            "-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-targethost", "127.0.0.1"};
        QTest::newRow("client and server") << QStringList{"-client", "-server", "-transports", "plain"};
        QTest::newRow("positional argument") << QStringList{"-transports", "plain", "stray"};
        QTest::newRow("flag without value") << QStringList{"-transports"};
    }
    void envErrorsExitWith64AfterVersion()
    {
        QFETCH(QStringList, args);
        QTemporaryDir state;
        const Run r = runToEnd(args + QStringList{"-state", state.path()}, cleanEnv());
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 64);
        QCOMPARE(r.out, QList<QByteArray>{"VERSION 3.0"});
        QCOMPARE(r.err.size(), 1);
        QVERIFY2(r.err.first().startsWith("ENV-ERROR "), r.err.first());
        QVERIFY(r.err.first().size() > 12); // a message, not just the keyword
    }

    void malformedProxyIsProxyErrorWith69()
    {
        QTemporaryDir state;
        const Run r = runToEnd(
            {"-transports", "plain", "-proxy", "ftp://127.0.0.1:21", "-state", state.path()}, cleanEnv());
        QCOMPARE(r.exitCode, 69);
        QCOMPARE(r.out, QList<QByteArray>{"VERSION 3.0"});
        QVERIFY(!r.err.isEmpty());
        QVERIFY2(r.err.first().startsWith("PROXY-ERROR "), r.err.first());
    }

    void stateDirectoryIsCreated()
    {
        QTemporaryDir base;
        const QString state = base.path() + QStringLiteral("/a/b/state");
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "plain", "-state", state}, cleanEnv()));
        QVERIFY(QFileInfo(state).isDir());
    }

    void closedStdinIsNotASignalWithoutTheFlag()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "plain", "-state", state.path()}, cleanEnv()));
        d.process().closeWriteChannel();
        QVERIFY(!d.process().waitForFinished(1500));
    }

    void closedStdinStopsGracefullyWithTheFlag()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(
            d.start({"-transports", "plain", "-exit-on-stdin-close", "-state", state.path()}, cleanEnv()));
        QVERIFY(!d.process().waitForFinished(300));
        d.process().closeWriteChannel();
        QVERIFY(d.process().waitForFinished(5000));
        QCOMPARE(d.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(d.process().exitCode(), 0);
    }

    void sigtermStopsGracefully()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-target",
                         "127.0.0.1:9", "-state", state.path()},
                        cleanEnv()));
        ::kill(pid_t(d.process().processId()), SIGTERM);
        QVERIFY(d.process().waitForFinished(5000));
        QCOMPARE(d.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(d.process().exitCode(), 0);
    }

    // A connection that is still carrying data when SIGTERM arrives must not crash
    // either side on the way out (it did: a queued resume of the closed listener).
    void sigtermWithLiveConnectionsExitsCleanly_data()
    {
        QTest::addColumn<bool>("stopServer");
        QTest::newRow("server") << true;
        QTest::newRow("client") << false;
    }
    void sigtermWithLiveConnectionsExitsCleanly()
    {
        QFETCH(bool, stopServer);
        QTemporaryDir state;
        test::EchoServer echo;
        test::Dispatcher server;
        QVERIFY(server.start({"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-target",
                              QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-state", state.path()},
                             cleanEnv()));
        test::Dispatcher client;
        QVERIFY(client.start({"-transports", "plain", "-options",
                              QStringLiteral("{\"plain\":{\"serverAddress\":\"%1\"}}").arg(server.address()),
                              "-state", state.path()},
                             cleanEnv()));
        std::vector<std::unique_ptr<test::Client>> conns;
        for (int i = 0; i < 4; ++i) {
            conns.push_back(std::make_unique<test::Client>());
            QVERIFY(conns.back()->connectTo("127.0.0.1", client.port()));
            QCOMPARE(test::socks5Connect(*conns.back(), "127.0.0.1", echo.port()), 0);
            QVERIFY(conns.back()->sendAll(test::randomBytes(256 * 1024, quint32(i))));
        }
        test::Dispatcher& victim = stopServer ? server : client;
        ::kill(pid_t(victim.process().processId()), SIGTERM);
        QVERIFY(victim.process().waitForFinished(5000));
        QCOMPARE(victim.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(victim.process().exitCode(), 0);
        conns.clear(); // the other side sees its connections go and must keep running
        test::Dispatcher& other = stopServer ? client : server;
        QVERIFY(!other.process().waitForFinished(500));
    }

    void sigintStopsGracefully()
    {
        QTemporaryDir state;
        test::Dispatcher d;
        QVERIFY(d.start({"-transports", "plain", "-state", state.path()}, cleanEnv()));
        ::kill(pid_t(d.process().processId()), SIGINT);
        QVERIFY(d.process().waitForFinished(5000));
        QCOMPARE(d.process().exitCode(), 0);
    }

    void parentDeathStopsTheDispatcher()
    {
        // sh starts the dispatcher in the background and exits at once: the
        // dispatcher's parent changes, and it must notice and exit by itself.
        QTemporaryDir state;
        const QString pidFile = state.path() + QStringLiteral("/pid");
        QProcess sh;
        // sh stays alive for a second after starting the dispatcher, then exits.
        sh.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("\"%1\" -transports plain -state \"%2\" "
                                                  ">/dev/null 2>&1 </dev/null & echo $! > \"%3\"; sleep 1")
                                       .arg(QStringLiteral(PTDISPATCHER_BIN), state.path(), pidFile)});
        QVERIFY(sh.waitForFinished(5000));
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(f.readAll().trimmed().toInt());
        QVERIFY(pid > 0);
        // The parent (sh) has exited now; within a few seconds the dispatcher must.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 6000);
    }

    void logLinesFollowIpcLogLevel()
    {
        QTemporaryDir state;
        test::Dispatcher quiet;
        QVERIFY(quiet.start({"-transports", "plain", "-state", state.path()}, cleanEnv()));
        test::Dispatcher chatty;
        QVERIFY(chatty.start({"-transports", "plain", "-ipcLogLevel", "DEBUG", "-state", state.path()},
                             cleanEnv()));
        // A failed connection logs at INFO; the default level (NONE) says nothing.
        for (test::Dispatcher* d : {&quiet, &chatty}) {
            test::Client c;
            QVERIFY(c.connectTo(d->host(), d->port()));
            QVERIFY(c.sendAll(QByteArray("\x04\x01", 2))); // SOCKS4: refused
            QVERIFY(c.waitEof());
        }
        QTest::qWait(300);
        const QByteArray quietOut = quiet.process().readAllStandardOutput();
        QVERIFY2(!quietOut.contains("LOG "), quietOut);
        QByteArray chattyOut;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (chattyOut += chatty.process().readAllStandardOutput()).contains("LOG INFO"),
            chattyOut.constData(), 3000);
    }

    void torManagedClientAnswersVersion1()
    {
        QTemporaryDir state;
        QProcessEnvironment env = cleanEnv();
        env.insert("TOR_PT_MANAGED_TRANSPORT_VER", "1");
        env.insert("TOR_PT_CLIENT_TRANSPORTS", "plain");
        env.insert("TOR_PT_STATE_LOCATION", state.path() + "/pt_state/");
        env.insert("TOR_PT_EXIT_ON_STDIN_CLOSE", "1");
        test::Dispatcher d;
        QVERIFY(d.start({}, env));
        QCOMPARE(d.lines().first(), QByteArray("VERSION 1"));
        QVERIFY(d.lines()[1].startsWith("CMETHOD plain socks5 127.0.0.1:"));
        QVERIFY(QFileInfo(state.path() + "/pt_state").isDir());
        d.process().closeWriteChannel();
        QVERIFY(d.process().waitForFinished(5000));
        QCOMPARE(d.process().exitCode(), 0);
    }

    void torManagedServerUsesOrPortAsTarget()
    {
        QTemporaryDir state;
        test::EchoServer echo;
        QProcessEnvironment env = cleanEnv();
        env.insert("TOR_PT_MANAGED_TRANSPORT_VER", "1");
        env.insert("TOR_PT_SERVER_TRANSPORTS", "plain");
        env.insert("TOR_PT_SERVER_BINDADDR", "plain-127.0.0.1:0");
        env.insert("TOR_PT_ORPORT", QStringLiteral("127.0.0.1:%1").arg(echo.port()));
        env.insert("TOR_PT_STATE_LOCATION", state.path());
        test::Dispatcher d;
        QVERIFY(d.start({}, env));
        QCOMPARE(d.lines().first(), QByteArray("VERSION 1"));
        QVERIFY(d.lines()[1].startsWith("SMETHOD plain 127.0.0.1:"));
        test::Client c;
        QVERIFY(c.connectTo(d.host(), d.port()));
        QVERIFY(c.sendAll("hello tor"));
        QCOMPARE(c.recvExactly(9), QByteArray("hello tor"));
    }

    void torManagedWithoutVersion1IsVersionError()
    {
        QProcessEnvironment env = cleanEnv();
        env.insert("TOR_PT_MANAGED_TRANSPORT_VER", "2,7");
        env.insert("TOR_PT_CLIENT_TRANSPORTS", "plain");
        const Run r = runToEnd({}, env);
        QCOMPARE(r.exitCode, 78);
        QVERIFY(!r.err.isEmpty() && r.err.first().startsWith("VERSION-ERROR"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
