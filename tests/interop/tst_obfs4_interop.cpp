// obfs4 against Debian's obfs4proxy, in both directions.
//
// Layer 1 (always): our sans-IO sessions driven over real sockets by a small pump
// in this file, against obfs4proxy in managed mode (server and client).
// Layer 2: the ptdispatcher binary itself, client and server, against obfs4proxy.
//
// obfs4proxy missing is a failure, never a skip: these tests are the proof of
// wire compatibility.

#include "Peers.h"
#include "TestSupport.h"
#include "dispatcher/transports/obfs2/Obfs2.h"
#include "dispatcher/transports/obfs4/Obfs4.h"
#include "dispatcher/transports/obfs4/Obfs4Session.h"
#include "dispatcher/transports/obfs4/ReplayFilter.h"
#include "dispatcher/transports/obfs4/ServerState.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sodium.h>

#include <atomic>
#include <memory>

namespace interop {

using pt::test::methodPort;
using pt::test::smethodArg;

// Blocking SOCKS5 CONNECT with RFC 1929 credentials. Returns the reply code (0 =
// success) or -1 when the proxy closed or timed out.
inline int socks5Connect(QTcpSocket& s, quint16 proxyPort, const QByteArray& user, const QByteArray& pass,
                         const QString& host, quint16 port, int timeoutMs = 10000)
{
    s.connectToHost(QHostAddress::LocalHost, proxyPort);
    if (!s.waitForConnected(timeoutMs)) return -1;
    const bool withAuth = !user.isEmpty();
    s.write(QByteArray::fromHex(withAuth ? "050102" : "050100"));
    auto readN = [&](int n) {
        QElapsedTimer t;
        t.start();
        while (s.bytesAvailable() < n && t.elapsed() < timeoutMs) {
            if (!s.waitForReadyRead(int(timeoutMs - t.elapsed()))) break;
        }
        return s.bytesAvailable() >= n ? s.read(n) : QByteArray();
    };
    if (readN(2) != QByteArray::fromHex(withAuth ? "0502" : "0500")) return -1;
    if (withAuth) {
        QByteArray auth("\x01", 1);
        auth += char(user.size()) + user + char(pass.size()) + pass;
        s.write(auth);
        const QByteArray authReply = readN(2);
        if (authReply.size() != 2 || authReply[1] != 0) return -1;
    }
    QByteArray req = QByteArray::fromHex("05010001");
    const quint32 ip = QHostAddress(host).toIPv4Address();
    req += char(ip >> 24) + QByteArray(1, char(ip >> 16)) + char(ip >> 8) + char(ip);
    req += char(port >> 8);
    req += char(port & 0xff);
    s.write(req);
    const QByteArray rep = readN(10);
    if (rep.size() != 10) return -1;
    return quint8(rep[1]);
}

// Runs one of our sessions over a socket. With echo set, decoded application bytes
// are fed straight back (a server whose target is an echo service).
class SessionPump : public QObject
{
public:
    SessionPump(QTcpSocket* socket, std::unique_ptr<pt::Session> session, bool echo)
        : m_socket(socket), m_session(std::move(session)), m_echo(echo)
    {
        m_timer.setSingleShot(true);
        QObject::connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            pt::SessionOutput out;
            m_session->onWire(m_socket->readAll(), out);
            apply(out);
            if (!m_greeting.isEmpty() && m_session->handshakeDone() && m_error.isEmpty()) {
                // Not in the same segment as the handshake reply: obfs4proxy's client
                // decodes bytes that arrived with the handshake only when more arrive.
                QTimer::singleShot(50, this, [this, g = m_greeting] { sendApp(g); });
                m_greeting.clear();
            }
        });
        QObject::connect(m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            pt::SessionOutput out;
            m_session->onTimer(out);
            apply(out);
        });
    }
    void start()
    {
        pt::SessionOutput out;
        m_session->start(out);
        apply(out);
    }
    void sendApp(const QByteArray& data)
    {
        pt::SessionOutput out;
        m_session->onApp(data, out);
        apply(out);
    }
    // Sent once, as soon as the handshake is done (a server that speaks first).
    void setGreeting(const QByteArray& greeting) { m_greeting = greeting; }
    bool done() const { return m_session->handshakeDone(); }
    bool failed() const { return !m_error.isEmpty(); }
    bool closed() const { return m_closed; }
    QString error() const { return m_error; }
    const QByteArray& received() const { return m_received; }
    pt::Session& session() { return *m_session; }

private:
    void apply(pt::SessionOutput& out)
    {
        if (!out.toWire.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(out.toWire);
        if (!out.toApp.isEmpty()) {
            if (m_echo) {
                pt::SessionOutput echoed;
                m_session->onApp(out.toApp, echoed);
                apply(echoed);
            } else {
                m_received += out.toApp;
            }
        }
        if (out.failed() && m_error.isEmpty()) {
            m_error = out.error;
            QTimer::singleShot(out.closeDelayMs, m_socket, [s = m_socket] { s->abort(); });
        }
        if (const auto wake = m_session->nextWakeupMs()) {
            const int64_t delay = *wake - pt::SessionEnv::system().nowMs();
            m_timer.start(int(std::clamp<int64_t>(delay, 0, 600000)));
        } else {
            m_timer.stop();
        }
    }

    QTcpSocket* m_socket;
    std::unique_ptr<pt::Session> m_session;
    bool m_echo;
    bool m_closed = false;
    QTimer m_timer;
    QString m_error;
    QByteArray m_received;
    QByteArray m_greeting;
};

inline QByteArray randomPayload(int size)
{
    QByteArray b(size, '\0');
    randombytes_buf(b.data(), size_t(size));
    return b;
}

inline QByteArray sha256(const QByteArray& b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

} // namespace interop

using namespace interop;

namespace {
using pt::test::kObfs4proxy;
using pt::test::Obfs4proxyServer;
using pt::test::torPtEnv;

struct Obfs4proxyClient
{
    pt::test::Peer proc;
    QTemporaryDir state;
    quint16 socksPort = 0;

    bool start(const QString& transport = QStringLiteral("obfs4"))
    {
        if (!proc.start(
                kObfs4proxy, {},
                torPtEnv({{"TOR_PT_CLIENT_TRANSPORTS", transport}, {"TOR_PT_STATE_LOCATION", state.path()}})))
            return false;
        socksPort = methodPort(proc.waitForLine(QStringLiteral("CMETHOD %1 ").arg(transport)));
        return socksPort != 0;
    }
};

// Our obfs4 server (sessions echo what they decode) on a QTcpServer.
class OurSessionServer : public QObject
{
public:
    explicit OurSessionServer(std::shared_ptr<const pt::obfs4::ServerConfig> cfg, bool obfs2 = false,
                              QByteArray greeting = QByteArray())
        : m_cfg(std::move(cfg)), m_obfs2(obfs2), m_greeting(std::move(greeting))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                auto session = m_obfs2 ? pt::obfs2::newSession(false, pt::SessionEnv::system())
                                       : pt::obfs4::newServerSession(m_cfg, pt::SessionEnv::system());
                auto* pump = new SessionPump(s, std::move(session), true);
                pump->setGreeting(m_greeting);
                pump->setParent(s);
                pump->start();
                m_pumps << pump;
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString cert() const { return pt::obfs4::certString(m_cfg->nodeId, m_cfg->identityPublic); }
    const QList<SessionPump*>& pumps() const { return m_pumps; }

private:
    std::shared_ptr<const pt::obfs4::ServerConfig> m_cfg;
    bool m_obfs2;
    QByteArray m_greeting;
    QTcpServer m_server;
    QList<SessionPump*> m_pumps;
};

// OurSessionServer on a thread of its own.
class ServerThread : public QThread
{
public:
    explicit ServerThread(std::shared_ptr<const pt::obfs4::ServerConfig> cfg, bool obfs2 = false,
                          QByteArray greeting = QByteArray())
        : m_cfg(std::move(cfg)), m_obfs2(obfs2), m_greeting(std::move(greeting))
    {
    }
    ~ServerThread() override
    {
        quit();
        wait();
    }
    bool startAndWait()
    {
        start();
        return m_ready.tryAcquire(1, 5000) && m_port != 0;
    }
    quint16 port() const { return m_port; }
    QString cert() const { return pt::obfs4::certString(m_cfg->nodeId, m_cfg->identityPublic); }
    int failures() const { return m_failures.loadRelaxed(); }
    int handshakes() const { return m_handshakes.loadRelaxed(); }

protected:
    void run() override
    {
        OurSessionServer server(m_cfg, m_obfs2, m_greeting);
        m_port = server.port();
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            int failed = 0, done = 0;
            for (SessionPump* p : server.pumps()) {
                failed += p->failed() ? 1 : 0;
                done += p->done() ? 1 : 0;
            }
            m_failures.storeRelaxed(failed);
            m_handshakes.storeRelaxed(done);
        });
        poll.start(20);
        m_ready.release();
        exec();
    }

private:
    std::shared_ptr<const pt::obfs4::ServerConfig> m_cfg;
    bool m_obfs2;
    QByteArray m_greeting;
    QSemaphore m_ready;
    std::atomic<quint16> m_port{0};
    QAtomicInt m_failures;
    QAtomicInt m_handshakes;
};

std::shared_ptr<pt::obfs4::ServerConfig> makeServerConfig(int iatMode)
{
    const auto id = pt::obfs4::loadServerIdentity({}, QString());
    auto cfg = std::make_shared<pt::obfs4::ServerConfig>();
    cfg->nodeId = id.value.nodeId;
    cfg->identityPrivate = id.value.privateKey;
    cfg->identityPublic = id.value.publicKey;
    cfg->drbgSeed = id.value.drbgSeed;
    cfg->iatMode = iatMode;
    cfg->replayFilter = std::make_shared<pt::obfs4::ReplayFilter>();
    return cfg;
}

// Our ptdispatcher binary as a client: returns the SOCKS port from its CMETHOD line.
struct DispatcherClient
{
    pt::test::Peer proc;
    QTemporaryDir state;
    quint16 socksPort = 0;
    bool start(const QString& transport, const QString& options = QString())
    {
        QStringList args{QStringLiteral("-transports"),      transport,
                         QStringLiteral("-proxylistenaddr"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("-state"),           state.path()};
        if (!options.isEmpty()) args << QStringLiteral("-options") << options;
        if (!proc.start(QStringLiteral(PTDISPATCHER_BIN), args)) return false;
        socksPort = methodPort(proc.waitForLine(QStringLiteral("CMETHOD %1 ").arg(transport)));
        return socksPort != 0;
    }
};

// Our ptdispatcher binary as a server in front of `target`.
struct DispatcherServer
{
    pt::test::Peer proc;
    quint16 port = 0;
    QString cert;
    QString iatMode;
    bool start(const QString& transport, quint16 target, const QString& stateDir,
               const QString& options = QString())
    {
        QStringList args{QStringLiteral("-server"),
                         QStringLiteral("-transports"),
                         transport,
                         QStringLiteral("-bindaddr"),
                         transport + QStringLiteral("-127.0.0.1:0"),
                         QStringLiteral("-target"),
                         QStringLiteral("127.0.0.1:%1").arg(target),
                         QStringLiteral("-state"),
                         stateDir};
        if (!options.isEmpty()) args << QStringLiteral("-options") << options;
        if (!proc.start(QStringLiteral(PTDISPATCHER_BIN), args)) return false;
        const QString line = proc.waitForLine(QStringLiteral("SMETHOD %1 ").arg(transport));
        port = methodPort(line);
        cert = smethodArg(line, QStringLiteral("cert"));
        iatMode = smethodArg(line, QStringLiteral("iat-mode"));
        return port != 0;
    }
};

// An echo server that speaks first (for an obfs4proxy client in iat-mode 2, see
// obfs4proxyClientGreeting). It runs on the test's thread ON PURPOSE: the test's event
// loop spins only in readGreeting(), after obfs4proxy has answered SOCKS (so after it
// finished the obfs4 handshake), so the greeting reaches obfs4proxy apart from the
// handshake. obfs4proxy decodes frames that came in with the handshake only when
// more bytes arrive; a greeting sent at once (a threaded echo server) can arrive with
// the handshake and then never be delivered.
class GreetingEchoServer : public QObject
{
public:
    explicit GreetingEchoServer(const QByteArray& greeting)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this, greeting] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                s->write(greeting);
                QObject::connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

// Reads the server's greeting (if any) before the client may speak.
bool readGreeting(QTcpSocket& s, const QByteArray& greeting)
{
    // Spin the event loop (not waitForReadyRead): the echo server may live on this thread.
    QElapsedTimer t;
    t.start();
    while (s.bytesAvailable() < greeting.size() && t.elapsed() < 20000)
        QTest::qWait(5);
    return s.read(greeting.size()) == greeting;
}

// Pushes `data` through `connections` SOCKS5 connections at once and checks each
// echo by hash. user empty: no authentication offered.
void echoThroughSocks(quint16 socksPort, const QByteArray& user, quint16 destPort, const QByteArray& data,
                      int connections, const QByteArray& greeting = QByteArray())
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(static_cast<size_t>(connections));
    for (int i = 0; i < connections; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        const int code = socks5Connect(*sockets.back(), socksPort, user,
                                       user.isEmpty() ? QByteArray() : QByteArray(1, '\0'),
                                       QStringLiteral("127.0.0.1"), destPort, 20000);
        QVERIFY2(code == 0, qPrintable(QStringLiteral("SOCKS reply %1").arg(code)));
    }
    for (int i = 0; i < connections; ++i)
        QVERIFY(readGreeting(*sockets[size_t(i)], greeting));
    for (int i = 0; i < connections; ++i) {
        QTcpSocket* s = sockets[size_t(i)].get();
        received[size_t(i)] = s->readAll();
        QObject::connect(s, &QTcpSocket::readyRead, s,
                         [s, &received, i] { received[size_t(i)] += s->readAll(); });
        s->write(data);
    }
    for (int i = 0; i < connections; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(received[size_t(i)].size() >= data.size() ||
                                     sockets[size_t(i)]->state() != QAbstractSocket::ConnectedState,
                                 120000);
        QCOMPARE(received[size_t(i)].size(), data.size());
        QCOMPARE(sha256(received[size_t(i)]), sha256(data));
    }
}

// Every iat-mode carries at least 8 MiB per test. iat-mode 1 and 2 sleep up to 10 ms
// per segment on both ends, so there the 8 MiB is spread over more connections at once
// (the delays of different connections overlap) to keep the run short.
int connectionsFor(int iatMode)
{
    return iatMode == 0 ? 3 : 16;
}
int payloadSizeFor(int iatMode)
{
    return iatMode == 0 ? 8 * 1024 * 1024 : 512 * 1024;
}

// obfs4proxy 0.0.14's client in iat-mode 2 panics ("BUG: Write(), iat length was 0")
// when it writes before it has decoded the server's PRNG-seed frame and its own random
// first length table holds 0 (about 3.5% of tables). The seed frame arrives with the
// server's handshake, but obfs4proxy decodes it only when more server data arrives, so
// any application that speaks first can crash it; it happens against obfs4proxy's own
// server too. With an obfs4proxy client in iat-mode 2 these tests therefore let the
// server speak first (a greeting) and the client write only after it has read it.
QByteArray obfs4proxyClientGreeting(int iatMode)
{
    return iatMode == 2 ? QByteArrayLiteral("ptdispatcher-test-greeting\n") : QByteArray();
}
} // namespace

class TestObfs4Interop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        if (!QFile::exists(kObfs4proxy))
            QFAIL("obfs4proxy is not installed (apt-get install obfs4proxy): interop cannot be verified");
    }

    void ourClientSessionTalksToObfs4proxyServer_data()
    {
        QTest::addColumn<int>("iatMode");
        QTest::newRow("iat-mode 0") << 0;
        QTest::newRow("iat-mode 1") << 1;
        QTest::newRow("iat-mode 2") << 2;
    }
    void ourClientSessionTalksToObfs4proxyServer()
    {
        QFETCH(int, iatMode);
        pt::test::EchoServer echo;
        Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), iatMode), qPrintable(server.proc.outputText()));

        const auto cfg = pt::obfs4::parseClientArgs(
            QJsonObject{{"cert", server.cert}, {"iat-mode", QString::number(iatMode)}}, true);
        QVERIFY2(cfg.ok(), qPrintable(cfg.error));

        const int connections = connectionsFor(iatMode);
        const QByteArray data = randomPayload(payloadSizeFor(iatMode));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<std::unique_ptr<SessionPump>> pumps;
        for (int i = 0; i < connections; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, server.port);
            QVERIFY(sockets.back()->waitForConnected(5000));
            pumps.push_back(std::make_unique<SessionPump>(
                sockets.back().get(), pt::obfs4::newClientSession(cfg.value, pt::SessionEnv::system()),
                false));
            pumps.back()->start();
        }
        for (auto& p : pumps) {
            QTRY_VERIFY2_WITH_TIMEOUT(p->done() || p->failed(), "handshake did not finish", 10000);
            QVERIFY2(!p->failed(), qPrintable(p->error()));
            p->sendApp(data);
        }
        for (auto& p : pumps) {
            QTRY_VERIFY_WITH_TIMEOUT(p->received().size() >= data.size() || p->failed() || p->closed(),
                                     120000);
            QVERIFY2(!p->failed(), qPrintable(p->error()));
            QVERIFY2(p->received().size() == data.size(), qPrintable(server.proc.outputText()));
            QCOMPARE(sha256(p->received()), sha256(data));
        }
    }

    void obfs4proxyClientTalksToOurServerSession_data()
    {
        QTest::addColumn<int>("iatMode");
        QTest::newRow("iat-mode 0") << 0;
        QTest::newRow("iat-mode 1") << 1;
        QTest::newRow("iat-mode 2") << 2;
    }
    void obfs4proxyClientTalksToOurServerSession()
    {
        QFETCH(int, iatMode);
        // Our server runs on its own thread: the SOCKS client below blocks.
        ServerThread server(makeServerConfig(iatMode), false, obfs4proxyClientGreeting(iatMode));
        QVERIFY(server.startAndWait());
        Obfs4proxyClient client;
        QVERIFY2(client.start(), qPrintable(client.proc.outputText()));

        const int connections = connectionsFor(iatMode);
        const QByteArray data = randomPayload(payloadSizeFor(iatMode));
        const QByteArray user =
            QStringLiteral("cert=%1;iat-mode=%2").arg(server.cert()).arg(iatMode).toLatin1();
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QByteArray> received(connections);
        for (int i = 0; i < connections; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            const int code = socks5Connect(*sockets.back(), client.socksPort, user, QByteArray(1, '\0'),
                                           QStringLiteral("127.0.0.1"), server.port());
            QVERIFY2(
                code == 0,
                qPrintable(QStringLiteral("SOCKS reply %1\n%2").arg(code).arg(client.proc.outputText())));
        }
        for (int i = 0; i < connections; ++i)
            QVERIFY(readGreeting(*sockets[size_t(i)], obfs4proxyClientGreeting(iatMode)));
        for (int i = 0; i < connections; ++i) {
            QTcpSocket* s = sockets[size_t(i)].get();
            received[size_t(i)] = s->readAll();
            QObject::connect(s, &QTcpSocket::readyRead, s,
                             [s, &received, i] { received[size_t(i)] += s->readAll(); });
            s->write(data);
        }
        for (int i = 0; i < connections; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(received[size_t(i)].size() >= data.size() ||
                                         sockets[size_t(i)]->state() != QAbstractSocket::ConnectedState,
                                     120000);
            QVERIFY2(received[size_t(i)].size() == data.size(), qPrintable(client.proc.outputText()));
            QCOMPARE(sha256(received[size_t(i)]), sha256(data));
        }
        QCOMPARE(server.failures(), 0);
    }

    void ourObfs2ClientSessionTalksToObfs4proxyServer()
    {
        pt::test::EchoServer echo;
        Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0, QStringLiteral("obfs2")), qPrintable(server.proc.outputText()));
        QTcpSocket sock;
        sock.connectToHost(QHostAddress::LocalHost, server.port);
        QVERIFY(sock.waitForConnected(5000));
        SessionPump pump(&sock, pt::obfs2::newSession(true, pt::SessionEnv::system()), false);
        pump.start();
        const QByteArray data = randomPayload(2 * 1024 * 1024);
        pump.sendApp(data); // held until the handshake is done
        QTRY_VERIFY_WITH_TIMEOUT(pump.received().size() >= data.size() || pump.failed() || pump.closed(),
                                 60000);
        QVERIFY2(!pump.failed(), qPrintable(pump.error()));
        QCOMPARE(sha256(pump.received()), sha256(data));
    }

    void obfs4proxyObfs2ClientTalksToOurServerSession()
    {
        ServerThread server(nullptr, true);
        QVERIFY(server.startAndWait());
        Obfs4proxyClient client;
        QVERIFY2(client.start(QStringLiteral("obfs2")), qPrintable(client.proc.outputText()));
        QTcpSocket sock;
        const int code =
            socks5Connect(sock, client.socksPort, {}, {}, QStringLiteral("127.0.0.1"), server.port());
        QVERIFY2(code == 0,
                 qPrintable(QStringLiteral("SOCKS reply %1\n%2").arg(code).arg(client.proc.outputText())));
        const QByteArray data = randomPayload(2 * 1024 * 1024);
        QByteArray received;
        QObject::connect(&sock, &QTcpSocket::readyRead, &sock, [&] { received += sock.readAll(); });
        sock.write(data);
        QTRY_VERIFY_WITH_TIMEOUT(
            received.size() >= data.size() || sock.state() != QAbstractSocket::ConnectedState, 60000);
        QCOMPARE(sha256(received), sha256(data));
        QCOMPARE(server.failures(), 0);
    }

    // A prober (or a client with a stale cert) gets nothing back from obfs4proxy;
    // our client gives up on its own handshake timeout.
    void ourClientWithWrongCertGetsNothingFromObfs4proxy()
    {
        pt::test::EchoServer echo;
        Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0), qPrintable(server.proc.outputText()));
        auto cfg = pt::obfs4::parseClientArgs(QJsonObject{{"cert", server.cert}, {"iat-mode", "0"}}, true);
        QVERIFY(cfg.ok());
        cfg.value.identityPublic[5] ^= 0x20;
        cfg.value.handshakeTimeoutMs = 3000;
        QTcpSocket sock;
        sock.connectToHost(QHostAddress::LocalHost, server.port);
        QVERIFY(sock.waitForConnected(5000));
        QByteArray wireIn;
        QObject::connect(&sock, &QTcpSocket::readyRead, &sock,
                         [&] { wireIn += sock.peek(sock.bytesAvailable()); });
        SessionPump pump(&sock, pt::obfs4::newClientSession(cfg.value, pt::SessionEnv::system()), false);
        pump.start();
        pump.sendApp("hello");
        QTRY_VERIFY_WITH_TIMEOUT(pump.failed(), 10000);
        QVERIFY(!pump.done());
        QVERIFY(pump.received().isEmpty());
        QVERIFY(wireIn.isEmpty()); // obfs4proxy never answered a single byte
        QTRY_VERIFY_WITH_TIMEOUT(sock.state() != QAbstractSocket::ConnectedState, 5000);
    }

    void obfs4proxyClientWithWrongCertIsClosedByOurServerWithoutAnAnswer()
    {
        auto cfg = makeServerConfig(0);
        cfg->handshakeTimeoutMs = 2000;
        cfg->closeDelaySeconds = 1;
        ServerThread server(cfg);
        QVERIFY(server.startAndWait());
        Obfs4proxyClient client;
        QVERIFY2(client.start(), qPrintable(client.proc.outputText()));
        auto wrong = *cfg;
        wrong.nodeId[0] ^= 1;
        const QByteArray user = QStringLiteral("cert=%1;iat-mode=0")
                                    .arg(pt::obfs4::certString(wrong.nodeId, wrong.identityPublic))
                                    .toLatin1();
        QElapsedTimer t;
        t.start();
        QTcpSocket sock;
        const int code = socks5Connect(sock, client.socksPort, user, QByteArray(1, '\0'),
                                       QStringLiteral("127.0.0.1"), server.port(), 20000);
        QVERIFY2(code != 0, "obfs4proxy reported success with a wrong cert");
        // Not before our timeout plus close delay (probe resistance), not much later.
        QVERIFY2(t.elapsed() >= 2500 && t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(server.handshakes(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.failures(), 1, 2000);
    }

    // ---- Layer 2: the ptdispatcher binary ------------------------------------

    void dispatcherClientTalksToObfs4proxyServer_data()
    {
        QTest::addColumn<int>("iatMode");
        QTest::addColumn<bool>("certInOptions");
        QTest::newRow("iat 0, cert per connection") << 0 << false;
        QTest::newRow("iat 0, cert in -options") << 0 << true;
        QTest::newRow("iat 1, cert per connection") << 1 << false;
        QTest::newRow("iat 2, cert per connection") << 2 << false;
    }
    void dispatcherClientTalksToObfs4proxyServer()
    {
        QFETCH(int, iatMode);
        QFETCH(bool, certInOptions);
        pt::test::EchoServer echo;
        Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), iatMode), qPrintable(server.proc.outputText()));
        DispatcherClient client;
        const QString options =
            certInOptions
                ? QStringLiteral(
                      "{\"obfs4\":{\"cert\":\"%1\",\"iat-mode\":\"%2\",\"serverAddress\":\"127.0.0.1:%3\"}}")
                      .arg(server.cert)
                      .arg(iatMode)
                      .arg(server.port)
                : QString();
        QVERIFY2(client.start(QStringLiteral("obfs4"), options), qPrintable(client.proc.outputText()));
        const QByteArray user =
            certInOptions ? QByteArray()
                          : QStringLiteral("cert=%1;iat-mode=%2").arg(server.cert).arg(iatMode).toLatin1();
        echoThroughSocks(client.socksPort, user, server.port, randomPayload(payloadSizeFor(iatMode)),
                         connectionsFor(iatMode));
        if (QTest::currentTestFailed()) qWarning().noquote() << client.proc.outputText();
    }

    void obfs4proxyClientTalksToDispatcherServer_data()
    {
        QTest::addColumn<int>("iatMode");
        QTest::newRow("iat-mode 0") << 0;
        QTest::newRow("iat-mode 1") << 1;
        QTest::newRow("iat-mode 2") << 2;
    }
    void obfs4proxyClientTalksToDispatcherServer()
    {
        QFETCH(int, iatMode);
        GreetingEchoServer echo(obfs4proxyClientGreeting(iatMode));
        QTemporaryDir state;
        DispatcherServer server;
        QVERIFY2(server.start(QStringLiteral("obfs4"), echo.port(), state.path(),
                              QStringLiteral("{\"obfs4\":{\"iat-mode\":\"%1\"}}").arg(iatMode)),
                 qPrintable(server.proc.outputText()));
        QCOMPARE(server.cert.size(), 70);
        QCOMPARE(server.iatMode, QString::number(iatMode));
        Obfs4proxyClient client;
        QVERIFY2(client.start(), qPrintable(client.proc.outputText()));
        const QByteArray user =
            QStringLiteral("cert=%1;iat-mode=%2").arg(server.cert).arg(iatMode).toLatin1();
        echoThroughSocks(client.socksPort, user, server.port, randomPayload(payloadSizeFor(iatMode)),
                         connectionsFor(iatMode), obfs4proxyClientGreeting(iatMode));
        if (QTest::currentTestFailed())
            qWarning().noquote() << server.proc.outputText() << client.proc.outputText();
    }

    void dispatcherServerKeepsItsIdentityInObfs4proxyFormat()
    {
        pt::test::EchoServer echo;
        QTemporaryDir state;
        QString firstCert;
        {
            DispatcherServer server;
            QVERIFY2(server.start(QStringLiteral("obfs4"), echo.port(), state.path()),
                     qPrintable(server.proc.outputText()));
            firstCert = server.cert;
        }
        QFile f(state.filePath(QStringLiteral("obfs4_state.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject st = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(st.value("node-id").toString().size(), 40);
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // obfs4proxy accepts our state file and presents the same identity.
        Obfs4proxyServer theirs;
        QDir().mkpath(theirs.state.path());
        QVERIFY(QFile::copy(f.fileName(), theirs.state.filePath(QStringLiteral("obfs4_state.json"))));
        QVERIFY2(theirs.start(echo.port(), 0), qPrintable(theirs.proc.outputText()));
        QCOMPARE(theirs.cert, firstCert);
        DispatcherServer again;
        QVERIFY(again.start(QStringLiteral("obfs4"), echo.port(), state.path()));
        QCOMPARE(again.cert, firstCert);
    }

    void dispatcherObfs2BothDirections()
    {
        pt::test::EchoServer echo;
        Obfs4proxyServer theirServer;
        QVERIFY2(theirServer.start(echo.port(), 0, QStringLiteral("obfs2")),
                 qPrintable(theirServer.proc.outputText()));
        DispatcherClient ourClient;
        QVERIFY2(ourClient.start(QStringLiteral("obfs2")), qPrintable(ourClient.proc.outputText()));
        echoThroughSocks(ourClient.socksPort, {}, theirServer.port, randomPayload(2 * 1024 * 1024), 2);

        QTemporaryDir state;
        DispatcherServer ourServer;
        QVERIFY2(ourServer.start(QStringLiteral("obfs2"), echo.port(), state.path()),
                 qPrintable(ourServer.proc.outputText()));
        Obfs4proxyClient theirClient;
        QVERIFY2(theirClient.start(QStringLiteral("obfs2")), qPrintable(theirClient.proc.outputText()));
        echoThroughSocks(theirClient.socksPort, {}, ourServer.port, randomPayload(2 * 1024 * 1024), 2);
    }

    void dispatcherClientRefusesAWrongCertWithoutData()
    {
        pt::test::EchoServer echo;
        Obfs4proxyServer server;
        QVERIFY2(server.start(echo.port(), 0), qPrintable(server.proc.outputText()));
        DispatcherClient client;
        QVERIFY2(client.start(QStringLiteral("obfs4")), qPrintable(client.proc.outputText()));
        QString wrong = server.cert;
        wrong[10] = wrong[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QTcpSocket sock;
        QElapsedTimer t;
        t.start();
        // The SOCKS reply waits for the obfs4 handshake, which never completes: the
        // connection must end with a failure (or a close), never with success or data.
        const int code =
            socks5Connect(sock, client.socksPort, QStringLiteral("cert=%1;iat-mode=0").arg(wrong).toLatin1(),
                          QByteArray(1, '\0'), QStringLiteral("127.0.0.1"), server.port, 95000);
        QVERIFY2(code != 0, "a wrong cert must not yield a connection");
        QVERIFY(sock.bytesAvailable() == 0);
        QVERIFY2(t.elapsed() < 95000, "no close within the timeout");
    }

    void malformedCertPerConnectionGetsSocksError0x13()
    {
        DispatcherClient client;
        QVERIFY2(client.start(QStringLiteral("obfs4")), qPrintable(client.proc.outputText()));
        QTcpSocket sock;
        const int code = socks5Connect(sock, client.socksPort, QByteArrayLiteral("cert=notacert;iat-mode=0"),
                                       QByteArray(1, '\0'), QStringLiteral("127.0.0.1"), 9, 10000);
        QCOMPARE(code, 0x13);
    }

    void malformedCertInOptionsFailsAtStartUp()
    {
        pt::test::Peer proc;
        QVERIFY(proc.start(QStringLiteral(PTDISPATCHER_BIN),
                           {QStringLiteral("-transports"), QStringLiteral("obfs4"),
                            QStringLiteral("-proxylistenaddr"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("-options"),
                            QStringLiteral("{\"obfs4\":{\"cert\":\"bogus\",\"iat-mode\":\"0\"}}")},
                           {}));
        // CMETHOD-ERROR is on stderr and CMETHODS DONE on stdout: the two streams
        // have no order between them, so wait for the error line itself.
        // stderr is written before stdout's DONE line, so once DONE is read the
        // error is in the stderr pipe.
        QVERIFY(!proc.waitForLine(QStringLiteral("CMETHODS DONE")).isEmpty());
        const QString all = proc.output();
        QVERIFY2(all.contains(QStringLiteral("CMETHOD-ERROR obfs4 ")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("CMETHOD obfs4 ")), qPrintable(all));
    }

    // Exactly as tor drives a PT: TOR_PT_* environment, no flags.
    void dispatcherInTorManagedModeBothDirections()
    {
        pt::test::EchoServer echo;
        QTemporaryDir serverState, clientState;
        pt::test::Peer ourServer;
        QVERIFY(ourServer.start(
            QStringLiteral(PTDISPATCHER_BIN), {},
            torPtEnv({{"TOR_PT_SERVER_TRANSPORTS", QStringLiteral("obfs4")},
                      {"TOR_PT_SERVER_BINDADDR", QStringLiteral("obfs4-127.0.0.1:0")},
                      {"TOR_PT_ORPORT", QStringLiteral("127.0.0.1:%1").arg(echo.port())},
                      {"TOR_PT_STATE_LOCATION", serverState.path()},
                      {"TOR_PT_SERVER_TRANSPORT_OPTIONS", QStringLiteral("obfs4:iat-mode=1")}})));
        const QString smethod = ourServer.waitForLine(QStringLiteral("SMETHOD obfs4 "));
        QVERIFY2(!smethod.isEmpty(), qPrintable(ourServer.outputText()));
        QCOMPARE(smethodArg(smethod, QStringLiteral("iat-mode")), QStringLiteral("1"));
        const QString cert = smethodArg(smethod, QStringLiteral("cert"));
        const quint16 serverPort = methodPort(smethod);

        pt::test::Peer ourClient;
        QVERIFY(ourClient.start(QStringLiteral(PTDISPATCHER_BIN), {},
                                torPtEnv({{"TOR_PT_CLIENT_TRANSPORTS", QStringLiteral("obfs4")},
                                          {"TOR_PT_STATE_LOCATION", clientState.path()}})));
        const quint16 socksPort = methodPort(ourClient.waitForLine(QStringLiteral("CMETHOD obfs4 ")));
        QVERIFY2(socksPort != 0, qPrintable(ourClient.outputText()));

        // obfs4proxy client -> our server, our client -> obfs4proxy server.
        Obfs4proxyClient theirClient;
        QVERIFY(theirClient.start());
        echoThroughSocks(theirClient.socksPort, QStringLiteral("cert=%1;iat-mode=1").arg(cert).toLatin1(),
                         serverPort, randomPayload(256 * 1024), 2);
        Obfs4proxyServer theirServer;
        QVERIFY(theirServer.start(echo.port(), 1));
        echoThroughSocks(socksPort, QStringLiteral("cert=%1;iat-mode=1").arg(theirServer.cert).toLatin1(),
                         theirServer.port, randomPayload(256 * 1024), 2);
        // And our own pair.
        echoThroughSocks(socksPort, QStringLiteral("cert=%1;iat-mode=1").arg(cert).toLatin1(), serverPort,
                         randomPayload(256 * 1024), 2);
    }
};

QTEST_MAIN(TestObfs4Interop)
#include "tst_obfs4_interop.moc"
