// `ptdispatcher -check` and the STATUS handshake keys, against real peers on
// loopback: obfs4proxy's obfs4 server, ss-server, our own webtunnel and meek servers,
// microsocks as -proxy, a closed port and a port that accepts and says nothing.
// Missing peers are failures (scripts/setup.sh installs them), never skips.
//
// What each wrong-credential case ends with is what the peer really does, measured
// here (README "Checking a bridge"):
// - obfs4proxy with a wrong cert reads the client's handshake, finds no valid mark
//   and says nothing until its own handshake timeout (30 s) plus a close delay: a
//   check ends with `timeout`.
// - ss-server with a wrong password stays silent (anti-probing) too, exactly as it
//   does for a good request whose target says nothing: a check cannot tell them
//   apart and reports OK (see shadowWrongPasswordIsNotDetectable).
#include "Peers.h"
#include "TestCerts.h"
#include "TestSupport.h"
#include "shared/bridge/BridgeLine.h"

#include <QRegularExpression>
#include <QtTest>

using namespace pt;
using test::Dispatcher;
using test::EchoServer;
using test::Peer;

namespace {

const QString kSsPassword = QStringLiteral("check-password");

struct CheckRun
{
    int exitCode = -1;
    QStringList stdoutLines;
    QString stderrText;
    qint64 elapsedMs = 0;
    QString line() const { return stdoutLines.value(0); }
    QString describe() const
    {
        return QStringLiteral("exit %1 after %2 ms, stdout [%3], stderr [%4]")
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(stdoutLines.join(QStringLiteral(" | ")), stderrText);
    }
};

// Runs `ptdispatcher <args>` as the GUI's BridgeChecker does and waits for it.
CheckRun runCheck(const QStringList& args, int waitMs = 30000)
{
    CheckRun r;
    QProcess p;
    p.setProgram(QStringLiteral(PTDISPATCHER_BIN));
    p.setArguments(args);
    p.setProcessEnvironment(test::cleanEnv());
    QElapsedTimer t;
    t.start();
    p.start();
    if (!p.waitForStarted(5000)) return r;
    if (!p.waitForFinished(waitMs)) {
        p.kill();
        p.waitForFinished(3000);
        r.stderrText = QStringLiteral("(killed: still running after %1 ms) ").arg(waitMs);
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    r.elapsedMs = t.elapsed();
    r.stdoutLines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.stderrText += QString::fromUtf8(p.readAllStandardError());
    return r;
}

CheckRun check(const QString& line, const QStringList& more = {}, int waitMs = 30000)
{
    return runCheck(QStringList{QStringLiteral("-check"), line} + more, waitMs);
}

// CHECK OK for transport t, with plausible numbers.
QString okProblem(const CheckRun& r, const QString& transport)
{
    static const QRegularExpression re(
        QStringLiteral("^CHECK OK transport=(\\S+) tcp_ms=(\\d+) handshake_ms=(\\d+)$"));
    const QRegularExpressionMatch m = re.match(r.line());
    if (r.exitCode != 0 || r.stdoutLines.size() != 1 || !m.hasMatch() || m.captured(1) != transport)
        return r.describe();
    if (m.captured(2).toLongLong() > r.elapsedMs || m.captured(3).toLongLong() > r.elapsedMs)
        return QStringLiteral("times beyond the run's own length: ") + r.describe();
    return {};
}

// CHECK-ERROR <code> <detail> with exit 1 (64 for invalid).
QString errorProblem(const CheckRun& r, const QString& code)
{
    const int wantExit = code == QLatin1String("invalid") ? 64 : 1;
    const QString prefix = QStringLiteral("CHECK-ERROR %1 ").arg(code);
    if (r.exitCode != wantExit || r.stdoutLines.size() != 1 || !r.line().startsWith(prefix) ||
        r.line().size() <= prefix.size())
        return r.describe();
    return {};
}

QString obfs4Line(quint16 port, const QString& cert)
{
    bridge::ImportedBridge b;
    b.transport = QStringLiteral("obfs4");
    b.serverAddress = QStringLiteral("127.0.0.1:%1").arg(port);
    b.fingerprint = QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567");
    b.options = QJsonObject{{"cert", cert}, {"iat-mode", "0"}, {"serverAddress", b.serverAddress}};
    // The GUI's way to a line from a stored profile.
    return bridge::formatBridgeLine(b);
}

QString ssLink(quint16 port, const QString& password)
{
    bridge::ImportedBridge b;
    b.transport = QStringLiteral("shadow");
    b.serverAddress = QStringLiteral("127.0.0.1:%1").arg(port);
    b.options = QJsonObject{
        {"cipherName", "aes-256-gcm"}, {"password", password}, {"serverAddress", b.serverAddress}};
    return bridge::formatBridgeLine(b);
}

QString wrongCert(QString cert)
{
    cert[10] = cert[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return cert;
}

// A listening socket nobody accepts from: the kernel completes the TCP handshake
// (backlog) and then nothing is ever said.
class SilentPort
{
public:
    SilentPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin);
        ::listen(m_fd, 16);
        socklen_t len = sizeof sin;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&sin), &len);
        m_port = ntohs(sin.sin_port);
    }
    ~SilentPort() { ::close(m_fd); }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

// Reads a running dispatcher's stdout until a STATUS line for `transport` has
// key=value; returns that line's key=value pairs (empty on timeout). *seen gets every
// STATUS line read, for failure messages.
QMap<QString, QString> waitForStatus(QProcess& p, const QString& transport, const char* key,
                                     const char* value, int timeoutMs, QStringList* seen)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        while (p.canReadLine()) {
            const QByteArray raw = p.readLine().trimmed();
            const ipc::Message m = ipc::parse(raw);
            if (m.kind != ipc::Kind::Status) continue;
            seen->append(QString::fromUtf8(raw));
            QMap<QString, QString> kv;
            for (const auto& [k, v] : m.args)
                kv.insert(k, v);
            if (kv.value(QStringLiteral("TRANSPORT")) == transport &&
                kv.value(QLatin1String(key)) == QLatin1String(value))
                return kv;
        }
        p.waitForReadyRead(100);
    }
    return {};
}

} // namespace

class TstCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const char* p : {"obfs4proxy", "ss-server", "microsocks"})
            QVERIFY2(test::haveProgram(QString::fromLatin1(p)),
                     qPrintable(QStringLiteral("%1 is missing: run scripts/setup.sh").arg(p)));
    }

    void obfs4proxyServer()
    {
        EchoServer echo;
        test::Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0), qPrintable(server.proc.outputText()));
        const QString line = obfs4Line(server.port, server.cert);
        QVERIFY(!line.isEmpty());
        const CheckRun ok = check(line);
        QVERIFY2(okProblem(ok, QStringLiteral("obfs4")).isEmpty(),
                 qPrintable(okProblem(ok, QStringLiteral("obfs4"))));
        // The check completed the handshake and went away: obfs4proxy connected to its
        // ORPort (our echo) for it.
        QTRY_VERIFY_WITH_TIMEOUT(echo.accepted() >= 1, 5000);

        // Wrong cert: obfs4proxy finds no mark and says nothing (its own handshake
        // timeout is 30 s): the check's time limit ends it.
        const CheckRun wrong = check(obfs4Line(server.port, wrongCert(server.cert)), {"-check-timeout", "3"});
        QVERIFY2(errorProblem(wrong, QStringLiteral("timeout")).isEmpty(), qPrintable(wrong.describe()));
        QVERIFY2(wrong.line().contains(QStringLiteral("handshake did not complete")),
                 qPrintable(wrong.line()));
        QVERIFY2(wrong.elapsedMs >= 2900 && wrong.elapsedMs < 4500, qPrintable(wrong.describe()));
    }

    void shadowsocksServer()
    {
        EchoServer target; // unused by the check itself; ss-server needs nothing else
        const quint16 port = test::freePort();
        Peer ss;
        const QString e = test::startPeer(ss, QStringLiteral("ss-server"),
                                          {"-s", "127.0.0.1", "-p", QString::number(port), "-k", kSsPassword,
                                           "-m", "aes-256-gcm", "-t", "30"},
                                          port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const CheckRun ok = check(ssLink(port, kSsPassword));
        QVERIFY2(okProblem(ok, QStringLiteral("shadow")).isEmpty(), qPrintable(ok.describe()));
        // No server reply to wait for: OK after the settle time (2 s), not at once.
        QVERIFY2(ok.elapsedMs >= 1900 && ok.elapsedMs < 5000, qPrintable(ok.describe()));
    }

    // ss-server answers a request whose tag does not authenticate with silence until
    // its own timeout (ss-libev's anti-probing "stage stop"), the same silence as a
    // good request: a check cannot see a wrong password. Asserted so that a change in
    // either (ours or ss-server's) is noticed and the README is corrected.
    void shadowWrongPasswordIsNotDetectable()
    {
        const quint16 port = test::freePort();
        Peer ss;
        const QString e = test::startPeer(ss, QStringLiteral("ss-server"),
                                          {"-s", "127.0.0.1", "-p", QString::number(port), "-k", kSsPassword,
                                           "-m", "aes-256-gcm", "-t", "30"},
                                          port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const CheckRun wrong = check(ssLink(port, QStringLiteral("not-the-password")));
        QVERIFY2(okProblem(wrong, QStringLiteral("shadow")).isEmpty(), qPrintable(wrong.describe()));
    }

    // Our shadow server in front of a closed target closes the connection once its
    // dial fails: within the settle time, so the check reports it (closed).
    void shadowServerThatCloses()
    {
        QTemporaryDir state;
        Dispatcher server;
        QVERIFY(server.start(
            {"-server", "-transports", "shadow", "-bindaddr", "shadow-127.0.0.1:0", "-target",
             QStringLiteral("127.0.0.1:%1").arg(test::freePort()), "-state", state.path(), "-options",
             QStringLiteral("{\"password\": \"%1\", \"cipherName\": \"aes-256-gcm\"}").arg(kSsPassword)},
            test::cleanEnv()));
        const CheckRun r = check(ssLink(server.port(), kSsPassword));
        QVERIFY2(errorProblem(r, QStringLiteral("closed")).isEmpty(), qPrintable(r.describe()));
    }

    void webtunnelServer()
    {
        EchoServer echo;
        QTemporaryDir state;
        Dispatcher server;
        QVERIFY(
            server.start({"-server", "-transports", "webtunnel", "-bindaddr", "webtunnel-127.0.0.1:0",
                          "-target", QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-state", state.path(),
                          "-options", QStringLiteral("{\"url\": \"https://bridge.test/secret\"}")},
                         test::cleanEnv()));
        const quint16 port = server.port();
        const QString base = QStringLiteral("webtunnel 127.0.0.1:%1 url=http://127.0.0.1:%1/").arg(port);
        const CheckRun ok = check(base + QStringLiteral("secret ver=0.0.1"));
        QVERIFY2(okProblem(ok, QStringLiteral("webtunnel")).isEmpty(), qPrintable(ok.describe()));
        const CheckRun wrong = check(base + QStringLiteral("wrong ver=0.0.1"));
        QVERIFY2(errorProblem(wrong, QStringLiteral("http")).isEmpty(), qPrintable(wrong.describe()));
        QVERIFY2(wrong.line().contains(QStringLiteral("404")), qPrintable(wrong.line()));
        // https where the server speaks plain HTTP: the TLS handshake fails.
        const CheckRun tls = check(
            QStringLiteral("webtunnel 127.0.0.1:%1 url=https://127.0.0.1:%1/secret ver=0.0.1").arg(port));
        QVERIFY2(errorProblem(tls, QStringLiteral("tls")).isEmpty(), qPrintable(tls.describe()));
    }

    // A meek server speaking TLS itself with a certificate nobody signed: `tls`.
    void untrustedCertificate()
    {
        EchoServer echo;
        QTemporaryDir dir;
        const testcerts::Identity id =
            testcerts::makeIdentity("bridge.test", nullptr, false, "DNS:bridge.test,IP:127.0.0.1");
        QFile cert(dir.filePath(QStringLiteral("cert.pem")));
        QFile key(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(cert.open(QIODevice::WriteOnly) && cert.write(id.certPem) == id.certPem.size());
        QVERIFY(key.open(QIODevice::WriteOnly) && key.write(id.keyPem) == id.keyPem.size());
        cert.close();
        key.close();
        Dispatcher server;
        QVERIFY(server.start(
            {"-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0", "-target",
             QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-state", dir.filePath("state"), "-options",
             QStringLiteral("{\"cert\": \"%1\", \"key\": \"%2\"}").arg(cert.fileName(), key.fileName())},
            test::cleanEnv()));
        const CheckRun r =
            check(QStringLiteral("meek_lite 127.0.0.2:1 url=https://127.0.0.1:%1/").arg(server.port()));
        QVERIFY2(errorProblem(r, QStringLiteral("tls")).isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.line().contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(r.line()));
    }

    void meekServer()
    {
        EchoServer echo;
        QTemporaryDir state;
        Dispatcher server;
        QVERIFY(
            server.start({"-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                          "-target", QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-state", state.path()},
                         test::cleanEnv()));
        const CheckRun ok =
            check(QStringLiteral("meek_lite 127.0.0.2:1 url=http://127.0.0.1:%1/ utls=HelloRandomizedALPN")
                      .arg(server.port()));
        QVERIFY2(okProblem(ok, QStringLiteral("meek_lite")).isEmpty(), qPrintable(ok.describe()));
    }

    void closedPort()
    {
        const quint16 port = test::freePort();
        const CheckRun r = check(QStringLiteral("plain 127.0.0.1:%1").arg(port));
        QVERIFY2(errorProblem(r, QStringLiteral("refused")).isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.elapsedMs < 3000, qPrintable(r.describe()));
    }

    void silentPort()
    {
        SilentPort silent;
        const CheckRun r = check(QStringLiteral("obfs4 127.0.0.1:%1 cert=%2 iat-mode=0")
                                     .arg(silent.port())
                                     .arg(QString(70, QLatin1Char('A'))),
                                 {"-check-timeout", "2"}, 10000);
        QVERIFY2(errorProblem(r, QStringLiteral("timeout")).isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.elapsedMs >= 1900 && r.elapsedMs < 3000, qPrintable(r.describe()));
    }

    void invalidInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("detailPart");
        QTest::newRow("not a bridge line") << QStringList{"-check", "hello"} << "server address";
        QTest::newRow("obfs4 without cert")
            << QStringList{"-check", "obfs4 127.0.0.1:1 iat-mode=0"} << "cert";
        QTest::newRow("unknown transport") << QStringList{"-check", "snowflake 127.0.0.1:1"} << "snowflake";
        QTest::newRow("bad ss:// link") << QStringList{"-check", "ss://nothing"} << "'@'";
        QTest::newRow("bad option value")
            << QStringList{"-check", "obfs4 127.0.0.1:1 cert=short iat-mode=0"} << "cert";
        QTest::newRow("bad timeout") << QStringList{"-check", "plain 127.0.0.1:1", "-check-timeout", "0"}
                                     << "1 to 300";
        QTest::newRow("other flag") << QStringList{"-check", "plain 127.0.0.1:1", "-server"} << "-server";
    }
    void invalidInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, detailPart);
        const CheckRun r = runCheck(args);
        QVERIFY2(errorProblem(r, QStringLiteral("invalid")).isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.line().contains(detailPart), qPrintable(r.line()));
        // No IPC at all in -check mode.
        QVERIFY2(!r.line().startsWith(QLatin1String("VERSION")), qPrintable(r.describe()));
    }

    void throughMicrosocks()
    {
        EchoServer echo;
        test::Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0), qPrintable(server.proc.outputText()));
        const quint16 proxyPort = test::freePort();
        Peer socks;
        const QString e = test::startPeer(socks, QStringLiteral("microsocks"),
                                          {"-i", "127.0.0.1", "-p", QString::number(proxyPort)}, proxyPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const CheckRun ok = check(obfs4Line(server.port, server.cert),
                                  {"-proxy", QStringLiteral("socks5://127.0.0.1:%1").arg(proxyPort)});
        QVERIFY2(okProblem(ok, QStringLiteral("obfs4")).isEmpty(), qPrintable(ok.describe()));

        // The proxy itself is not there.
        const quint16 closed = test::freePort();
        const CheckRun noProxy = check(obfs4Line(server.port, server.cert),
                                       {"-proxy", QStringLiteral("socks5://127.0.0.1:%1").arg(closed)});
        QVERIFY2(errorProblem(noProxy, QStringLiteral("proxy")).isEmpty(), qPrintable(noProxy.describe()));

        // The proxy refuses the CONNECT (nothing listens at the bridge address).
        const quint16 nowhere = test::freePort();
        const CheckRun refused = check(QStringLiteral("plain 127.0.0.1:%1").arg(nowhere),
                                       {"-proxy", QStringLiteral("socks5://127.0.0.1:%1").arg(proxyPort)});
        QVERIFY2(errorProblem(refused, QStringLiteral("proxy")).isEmpty(), qPrintable(refused.describe()));
    }

    // A running client dispatcher reports handshakes and the last failure on its
    // STATUS lines (-ipcLogLevel INFO).
    void statusHandshakeKeys()
    {
        EchoServer echo;
        test::Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0), qPrintable(server.proc.outputText()));
        QTemporaryDir state;
        Dispatcher client;
        QVERIFY(client.start({"-client", "-transports", "obfs4", "-proxylistenaddr", "127.0.0.1:0", "-state",
                              state.path(), "-ipcLogLevel", "INFO", "-connect-timeout", "4000"},
                             test::cleanEnv()));
        QStringList seen;

        // A good connection: data flows, HANDSHAKES-OK=1, no LAST-ERROR.
        {
            test::Client c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), client.port()));
            const QByteArray args =
                QStringLiteral("{\"cert\":\"%1\",\"iat-mode\":\"0\"}").arg(server.cert).toUtf8();
            QCOMPARE(test::socks5Connect(c, QStringLiteral("127.0.0.1"), server.port, args), 0);
            QVERIFY(c.sendAll("ping"));
            QCOMPARE(c.recvExactly(4), QByteArray("ping"));
        }
        auto kv = waitForStatus(client.process(), QStringLiteral("obfs4"), "HANDSHAKES-OK", "1", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-FAILED")), QStringLiteral("0"));
        QVERIFY(!kv.contains(QStringLiteral("LAST-ERROR")));
        QVERIFY(!kv.contains(QStringLiteral("LAST-ERROR-TEXT")));

        // A wrong cert: obfs4proxy stays silent, our 4 s connect limit ends it.
        {
            test::Client c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), client.port(), 15000));
            const QByteArray args =
                QStringLiteral("{\"cert\":\"%1\",\"iat-mode\":\"0\"}").arg(wrongCert(server.cert)).toUtf8();
            QVERIFY(test::socks5Connect(c, QStringLiteral("127.0.0.1"), server.port, args) != 0);
        }
        kv = waitForStatus(client.process(), QStringLiteral("obfs4"), "HANDSHAKES-FAILED", "1", 10000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-OK")), QStringLiteral("1"));
        QCOMPARE(kv.value(QStringLiteral("LAST-ERROR")), QStringLiteral("timeout"));
        QVERIFY(!kv.value(QStringLiteral("LAST-ERROR-TEXT")).isEmpty());

        // Nothing listens: refused, at once.
        {
            test::Client c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), client.port()));
            const QByteArray args =
                QStringLiteral("{\"cert\":\"%1\",\"iat-mode\":\"0\"}").arg(server.cert).toUtf8();
            QCOMPARE(test::socks5Connect(c, QStringLiteral("127.0.0.1"), test::freePort(), args), 0x05);
        }
        kv = waitForStatus(client.process(), QStringLiteral("obfs4"), "HANDSHAKES-FAILED", "2", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("LAST-ERROR")), QStringLiteral("refused"));
        QVERIFY2(kv.value(QStringLiteral("LAST-ERROR-TEXT")).contains(QStringLiteral("refused")),
                 qPrintable(kv.value(QStringLiteral("LAST-ERROR-TEXT"))));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-OK")), QStringLiteral("1"));
    }

    // shadow: a connection counts as a good handshake only once the server's first
    // reply authenticates; a server that closes before any reply is a failed one.
    void statusShadowCountsTheFirstReply()
    {
        EchoServer echo;
        EchoServer closer(EchoServer::Behaviour::CloseImmediately);
        const quint16 port = test::freePort();
        Peer ss;
        const QString e = test::startPeer(ss, QStringLiteral("ss-server"),
                                          {"-s", "127.0.0.1", "-p", QString::number(port), "-k", kSsPassword,
                                           "-m", "aes-256-gcm", "-t", "30"},
                                          port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QTemporaryDir state;
        Dispatcher client;
        const QString options = QStringLiteral("{\"password\": \"%1\", \"cipherName\": \"aes-256-gcm\", "
                                               "\"serverAddress\": \"127.0.0.1:%2\"}")
                                    .arg(kSsPassword)
                                    .arg(port);
        QVERIFY(client.start({"-client", "-transports", "shadow", "-proxylistenaddr", "127.0.0.1:0", "-state",
                              state.path(), "-ipcLogLevel", "INFO", "-options", options},
                             test::cleanEnv()));
        QStringList seen;
        {
            test::Client c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), client.port()));
            QCOMPARE(test::socks5Connect(c, QStringLiteral("127.0.0.1"), echo.port()), 0);
            QVERIFY(c.sendAll("ping"));
            QCOMPARE(c.recvExactly(4), QByteArray("ping"));
        }
        auto kv =
            waitForStatus(client.process(), QStringLiteral("shadow"), "HANDSHAKES-OK", "1", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-FAILED")), QStringLiteral("0"));
        {
            // The SOCKS reply comes at once (shadow has no handshake to wait for); the
            // target closes, ss-server closes without a reply.
            test::Client c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), client.port()));
            QCOMPARE(test::socks5Connect(c, QStringLiteral("127.0.0.1"), closer.port()), 0);
            QVERIFY(c.sendAll("hello"));
            QVERIFY(c.waitEof());
        }
        kv = waitForStatus(client.process(), QStringLiteral("shadow"), "HANDSHAKES-FAILED", "1", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("LAST-ERROR")), QStringLiteral("closed"));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-OK")), QStringLiteral("1"));
    }

    // The server side counts too: a -check is a good handshake, a prober that sends
    // garbage and goes away is a failed one (closed).
    void serverStatusKeys()
    {
        EchoServer echo;
        QTemporaryDir state;
        Dispatcher server;
        QVERIFY(server.start({"-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0", "-target",
                              QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-state", state.path(),
                              "-ipcLogLevel", "INFO"},
                             test::cleanEnv()));
        QString cert;
        for (const auto& [k, v] : server.methods().first().args)
            if (k == QLatin1String("cert")) cert = v;
        const CheckRun ok = check(obfs4Line(server.port(), cert));
        QVERIFY2(okProblem(ok, QStringLiteral("obfs4")).isEmpty(), qPrintable(ok.describe()));
        QStringList seen;
        auto kv = waitForStatus(server.process(), QStringLiteral("obfs4"), "HANDSHAKES-OK", "1", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-FAILED")), QStringLiteral("0"));
        {
            test::Client prober;
            QVERIFY(prober.connectTo(QStringLiteral("127.0.0.1"), server.port()));
            QVERIFY(prober.sendAll(test::randomBytes(100, 42)));
        }
        kv = waitForStatus(server.process(), QStringLiteral("obfs4"), "HANDSHAKES-FAILED", "1", 5000, &seen);
        QVERIFY2(!kv.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QCOMPARE(kv.value(QStringLiteral("LAST-ERROR")), QStringLiteral("closed"));
        QCOMPARE(kv.value(QStringLiteral("HANDSHAKES-OK")), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TstCheck)
#include "tst_check.moc"
