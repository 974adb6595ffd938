// Interoperability of the "shadow" transport with shadowsocks-libev (Debian's
// ss-server, ss-local, ss-tunnel), in both directions and for every cipher.
//
// Two layers:
//  - session level: the sans-IO sessions driven by a small pump in this process,
//    so wire compatibility is proven independently of the dispatcher's I/O layer;
//  - process level: the real ptdispatcher binary (PTDISPATCHER_BIN) as client in
//    socks5 and transparent-TCP modes and as server.
// Every scenario moves 8 MiB of random data through four concurrent connections
// to an echo server in this process and compares SHA-256 hashes both ways.
// Missing peers make the test FAIL, never skip. Loopback only; ports chosen at
// run time.

#include "Peers.h"
#include "TestSupport.h"
#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/shadow/Shadow.h"
#include "dispatcher/transports/shadow/ShadowOptions.h"
#include "dispatcher/transports/shadow/ShadowSession.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace pt;

namespace {

const QString kPassword = QStringLiteral("interop-pässword");
constexpr int kConnections = 4;
constexpr qint64 kBytesPerConnection = 2 * 1024 * 1024; // 8 MiB per scenario
constexpr int kTimeoutMs = 60000;

using pt::test::freePort;
using pt::test::startPeer;
using pt::test::waitForPort;

// One application connection: optional SOCKS5 CONNECT, then send random bytes
// and check that the same bytes come back.
class Transfer : public QObject
{
public:
    Transfer(quint16 entryPort, bool socks, quint16 connectPort, qint64 size)
        : m_socks(socks), m_connectPort(connectPort)
    {
        m_data.resize(size);
        QRandomGenerator::global()->generate(reinterpret_cast<quint32*>(m_data.data()),
                                             reinterpret_cast<quint32*>(m_data.data() + size));
        m_sentHash = QCryptographicHash::hash(m_data, QCryptographicHash::Sha256);
        connect(&m_sock, &QTcpSocket::connected, this, [this] {
            if (m_socks) {
                m_sock.write(QByteArray::fromHex("050100"));
                m_state = State::Greeting;
            } else {
                startData();
            }
        });
        connect(&m_sock, &QTcpSocket::readyRead, this, [this] { onRead(); });
        connect(&m_sock, &QTcpSocket::errorOccurred, this, [this] {
            if (!done()) m_error = m_sock.errorString();
        });
        m_sock.connectToHost(QHostAddress::LocalHost, entryPort);
    }

    bool done() const { return m_state == State::Done; }
    bool finished() const { return done() || !m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool hashesMatch() const { return m_recvHash.result() == m_sentHash; }

private:
    enum class State
    {
        Connecting,
        Greeting,
        Reply,
        Data,
        Done
    };

    void startData()
    {
        m_state = State::Data;
        m_sock.write(m_data);
    }

    void onRead()
    {
        if (m_state == State::Greeting) {
            if (m_sock.bytesAvailable() < 2) return;
            if (m_sock.read(2) != QByteArray::fromHex("0500")) {
                m_error = QStringLiteral("SOCKS5 greeting refused");
                return;
            }
            QByteArray req = QByteArray::fromHex("050100017f000001");
            req.append(char(m_connectPort >> 8)).append(char(m_connectPort & 0xFF));
            m_sock.write(req);
            m_state = State::Reply;
        }
        if (m_state == State::Reply) {
            const QByteArray head = m_sock.peek(5);
            if (head.size() < 5) return;
            const int addrLen = head[3] == 1 ? 4 : head[3] == 4 ? 16 : 1 + uint8_t(head[4]);
            if (m_sock.bytesAvailable() < 4 + addrLen + 2) return;
            const QByteArray reply = m_sock.read(4 + addrLen + 2);
            if (reply[1] != 0) {
                m_error = QStringLiteral("SOCKS5 reply %1").arg(int(reply[1]));
                return;
            }
            startData();
        }
        if (m_state == State::Data) {
            const QByteArray got = m_sock.readAll();
            m_recvHash.addData(got);
            m_received += got.size();
            if (m_received >= m_data.size()) {
                m_state = State::Done;
                m_sock.disconnectFromHost();
            }
        }
    }

    QTcpSocket m_sock;
    bool m_socks;
    quint16 m_connectPort;
    QByteArray m_data;
    QByteArray m_sentHash;
    QCryptographicHash m_recvHash{QCryptographicHash::Sha256};
    qint64 m_received = 0;
    State m_state = State::Connecting;
    QString m_error;
};

// Runs kConnections transfers at once; returns an error text or empty.
QString runTransfers(quint16 entryPort, bool socks, quint16 connectPort)
{
    std::vector<std::unique_ptr<Transfer>> transfers;
    for (int i = 0; i < kConnections; ++i)
        transfers.push_back(std::make_unique<Transfer>(entryPort, socks, connectPort, kBytesPerConnection));
    QElapsedTimer t;
    t.start();
    auto allFinished = [&] {
        for (const auto& tr : transfers)
            if (!tr->finished()) return false;
        return true;
    };
    while (!allFinished() && t.elapsed() < kTimeoutMs)
        QTest::qWait(20);
    for (int i = 0; i < kConnections; ++i) {
        const Transfer& tr = *transfers[size_t(i)];
        if (!tr.error().isEmpty()) return QStringLiteral("connection %1: %2").arg(i).arg(tr.error());
        if (!tr.done()) return QStringLiteral("connection %1: timed out").arg(i);
        if (!tr.hashesMatch()) return QStringLiteral("connection %1: echoed data differs").arg(i);
    }
    return {};
}

// --- in-process pumps around the sans-IO sessions ---------------------------

// Joins an application socket and a wire socket through a Session.
class SessionPump : public QObject
{
public:
    // Client role: app is accepted, wire dials the Shadowsocks server.
    // Server role: wire is accepted, app dials the target once the header arrived.
    SessionPump(std::unique_ptr<Session> session, QTcpSocket* app, QTcpSocket* wire, bool clientRole,
                quint16 dialPort, QObject* parent)
        : QObject(parent), m_session(std::move(session)), m_app(app), m_wire(wire), m_client(clientRole),
          m_dialPort(dialPort)
    {
        m_app->setParent(this);
        m_wire->setParent(this);
        connect(m_wire, &QTcpSocket::readyRead, this, [this] {
            SessionOutput out;
            m_session->onWire(m_wire->readAll(), out);
            apply(out);
            if (!m_client && m_session->handshakeDone() &&
                m_app->state() == QAbstractSocket::UnconnectedState && !m_dialed) {
                m_dialed = true;
                m_app->connectToHost(QHostAddress::LocalHost, m_dialPort);
            }
        });
        connect(m_app, &QTcpSocket::readyRead, this, [this] {
            SessionOutput out;
            m_session->onApp(m_app->readAll(), out);
            apply(out);
        });
        QTcpSocket* dialed = m_client ? m_wire : m_app;
        connect(dialed, &QTcpSocket::connected, this, [this] {
            m_connected = true;
            if (m_client) {
                SessionOutput out;
                m_session->start(out);
                apply(out);
            } else {
                m_app->write(m_pendingToApp);
                m_pendingToApp.clear();
            }
        });
        for (QTcpSocket* s : {m_app, m_wire})
            connect(s, &QTcpSocket::disconnected, this, [this] { closeBoth(); });
        if (m_client)
            m_wire->connectToHost(QHostAddress::LocalHost, m_dialPort);
        else {
            SessionOutput out;
            m_session->start(out);
            apply(out);
        }
    }

private:
    void apply(SessionOutput& out)
    {
        if (!out.toWire.isEmpty()) m_wire->write(out.toWire);
        if (!out.toApp.isEmpty()) {
            if (m_client || m_connected)
                m_app->write(out.toApp);
            else
                m_pendingToApp += out.toApp;
        }
        if (out.failed()) {
            qWarning("session failed: %s", qPrintable(out.error));
            m_app->abort();
            m_wire->abort();
        }
    }
    void closeBoth()
    {
        m_app->disconnectFromHost();
        m_wire->disconnectFromHost();
    }

    std::unique_ptr<Session> m_session;
    QTcpSocket* m_app;
    QTcpSocket* m_wire;
    bool m_client;
    quint16 m_dialPort;
    bool m_dialed = false;
    bool m_connected = false;
    QByteArray m_pendingToApp;
};

// A listener that runs our client or server sessions in this process.
class InProcessShadow : public QObject
{
public:
    // Client: accepts application connections and dials ssServerPort, header target = echo.
    // Server: accepts Shadowsocks connections and dials targetPort.
    bool startClient(const QJsonObject& options, quint16 ssServerPort, quint16 headerTargetPort,
                     QString* error)
    {
        auto c = shadow::factory().makeClient(options);
        if (!c.ok()) {
            *error = c.error;
            return false;
        }
        m_client = c.value;
        connect(&m_listener, &QTcpServer::newConnection, this, [this, ssServerPort, headerTargetPort] {
            while (QTcpSocket* app = m_listener.nextPendingConnection()) {
                ClientSessionParams params;
                params.args = m_options;
                params.connectHost = QStringLiteral("127.0.0.1");
                params.connectPort = headerTargetPort;
                auto s = m_client->newSession(params, SessionEnv::system());
                if (!s.ok()) {
                    app->abort();
                    continue;
                }
                new SessionPump(std::move(s.value), app, new QTcpSocket, true, ssServerPort, this);
            }
        });
        m_options = options;
        return m_listener.listen(QHostAddress::LocalHost, 0);
    }
    bool startServer(const QJsonObject& options, quint16 targetPort, QString* error)
    {
        auto s = shadow::factory().makeServer(options, ServerTransportContext{});
        if (!s.ok()) {
            *error = s.error;
            return false;
        }
        m_server = s.value;
        connect(&m_listener, &QTcpServer::newConnection, this, [this, targetPort] {
            while (QTcpSocket* wire = m_listener.nextPendingConnection())
                new SessionPump(m_server->newSession(SessionEnv::system()), new QTcpSocket, wire, false,
                                targetPort, this);
        });
        return m_listener.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_listener.serverPort(); }

private:
    QTcpServer m_listener;
    QJsonObject m_options;
    std::shared_ptr<const ClientTransport> m_client;
    std::shared_ptr<const ServerTransport> m_server;
};

// --- external processes -------------------------------------------------------

// Starts ptdispatcher: "" and the port of its first CMETHOD/SMETHOD in *port, or the
// *-ERROR line (else all it said) explaining why there is none.
QString startDispatcher(pt::test::Dispatcher& d, const QStringList& args, quint16* port)
{
    const bool done = d.start(args);
    *port = d.port();
    if (done && *port != 0) return {};
    QByteArray errors = d.process().readAllStandardError();
    for (int i = 0; i < 10 && !errors.contains("ERROR"); ++i) { // it may trail the DONE line
        d.process().waitForReadyRead(100);
        errors += d.process().readAllStandardError();
    }
    for (const QByteArray& line : errors.split('\n')) {
        if (line.contains("-ERROR")) return QString::fromLocal8Bit(line.trimmed());
    }
    return QStringLiteral("ptdispatcher announced no method; stdout:\n%1\nstderr:\n%2")
        .arg(QString::fromLocal8Bit(d.lines().join('\n')), QString::fromLocal8Bit(errors));
}

QStringList ssArgs(const QString& cipher, quint16 serverPort)
{
    return {QStringLiteral("-s"), QStringLiteral("127.0.0.1"),
            QStringLiteral("-p"), QString::number(serverPort),
            QStringLiteral("-k"), kPassword,
            QStringLiteral("-m"), cipher.toLower(),
            QStringLiteral("-t"), QStringLiteral("30")};
}

QJsonObject shadowOptions(const QString& cipher)
{
    return QJsonObject{{QStringLiteral("password"), kPassword}, {QStringLiteral("cipherName"), cipher}};
}

QString optionsArg(const QJsonObject& o)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("shadow"), o}}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestShadowInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* tool : {"ss-server", "ss-local", "ss-tunnel"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 not found: install shadowsocks-libev").arg(tool)));
        }
        if (!QFileInfo(QStringLiteral(PTDISPATCHER_BIN)).isExecutable())
            QFAIL("ptdispatcher binary missing: " PTDISPATCHER_BIN);
        QVERIFY(m_state.isValid());
    }

    void init() { m_echo = std::make_unique<pt::test::EchoServer>(); }
    void cleanup()
    {
        m_ssServer.reset();
        m_echo.reset();
    }

    // --- session level -----------------------------------------------------------

    void sessionClientToSsServer_data() { cipherRows(); }
    void sessionClientToSsServer()
    {
        QFETCH(QString, cipher);
        const quint16 ssPort = freePort();
        pt::test::Peer ss;
        const QString e = startPeer(ss, QStringLiteral("ss-server"), ssArgs(cipher, ssPort), ssPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        InProcessShadow client;
        QString error;
        QVERIFY2(client.startClient(shadowOptions(cipher), ssPort, m_echo->port(), &error),
                 qPrintable(error));
        const QString r = runTransfers(client.port(), false, 0);
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void ssLocalToSessionServer_data() { cipherRows(); }
    void ssLocalToSessionServer()
    {
        QFETCH(QString, cipher);
        InProcessShadow server;
        QString error;
        QVERIFY2(server.startServer(shadowOptions(cipher), m_echo->port(), &error), qPrintable(error));
        const quint16 localPort = freePort();
        pt::test::Peer local;
        QStringList args = ssArgs(cipher, server.port());
        args << QStringLiteral("-b") << QStringLiteral("127.0.0.1") << QStringLiteral("-l")
             << QString::number(localPort);
        const QString e = startPeer(local, QStringLiteral("ss-local"), args, localPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString r = runTransfers(localPort, true, m_echo->port());
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    // --- process level: our client -> ss-server --------------------------------

    void dispatcherSocksClientToSsServer_data() { cipherRows(); }
    void dispatcherSocksClientToSsServer()
    {
        // With serverAddress, the SOCKS CONNECT destination (the echo server) is
        // what ss-server is asked to reach: our client replaces ss-local.
        QFETCH(QString, cipher);
        const quint16 ssPort = startSsServer(cipher);
        QVERIFY(ssPort);
        QJsonObject o = shadowOptions(cipher);
        o.insert(QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1:%1").arg(ssPort));
        pt::test::Dispatcher client;
        quint16 port = 0;
        const QString e = startDispatcher(client, clientArgs(QStringLiteral("socks5"), o), &port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString r = runTransfers(port, true, m_echo->port());
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void dispatcherSocksClientWithTargetOptionToSsServer_data() { cipherRows(); }
    void dispatcherSocksClientWithTargetOptionToSsServer()
    {
        // Without serverAddress the CONNECT destination is the server itself and
        // the header target comes from option "target".
        QFETCH(QString, cipher);
        const quint16 ssPort = startSsServer(cipher);
        QVERIFY(ssPort);
        QJsonObject o = shadowOptions(cipher);
        o.insert(QStringLiteral("target"), QStringLiteral("127.0.0.1:%1").arg(m_echo->port()));
        pt::test::Dispatcher client;
        quint16 port = 0;
        const QString e = startDispatcher(client, clientArgs(QStringLiteral("socks5"), o), &port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString r = runTransfers(port, true, ssPort);
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void dispatcherTransparentClientToSsServer_data() { cipherRows(); }
    void dispatcherTransparentClientToSsServer()
    {
        QFETCH(QString, cipher);
        const quint16 ssPort = startSsServer(cipher);
        QVERIFY(ssPort);
        QJsonObject o = shadowOptions(cipher);
        o.insert(QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1:%1").arg(ssPort));
        o.insert(QStringLiteral("target"), QStringLiteral("127.0.0.1:%1").arg(m_echo->port()));
        pt::test::Dispatcher client;
        quint16 port = 0;
        const QString e = startDispatcher(client, clientArgs(QStringLiteral("transparent-TCP"), o), &port);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString r = runTransfers(port, false, 0);
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    // --- process level: ss-local / ss-tunnel -> our server ------------------------

    void ssLocalToDispatcherServer_data() { cipherRows(); }
    void ssLocalToDispatcherServer()
    {
        QFETCH(QString, cipher);
        pt::test::Dispatcher server;
        quint16 serverPort = 0;
        const QString e = startDispatcher(server, serverArgs(cipher), &serverPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const quint16 localPort = freePort();
        pt::test::Peer local;
        QStringList args = ssArgs(cipher, serverPort);
        args << QStringLiteral("-b") << QStringLiteral("127.0.0.1") << QStringLiteral("-l")
             << QString::number(localPort);
        const QString e2 = startPeer(local, QStringLiteral("ss-local"), args, localPort);
        QVERIFY2(e2.isEmpty(), qPrintable(e2));
        const QString r = runTransfers(localPort, true, m_echo->port());
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void ssTunnelToDispatcherServer_data() { cipherRows(); }
    void ssTunnelToDispatcherServer()
    {
        // ss-tunnel asks for an unroutable TEST-NET address: our server must
        // ignore the header and forward to its -target.
        QFETCH(QString, cipher);
        pt::test::Dispatcher server;
        quint16 serverPort = 0;
        const QString e = startDispatcher(server, serverArgs(cipher), &serverPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const quint16 tunnelPort = freePort();
        pt::test::Peer tunnel;
        QStringList args = ssArgs(cipher, serverPort);
        args << QStringLiteral("-b") << QStringLiteral("127.0.0.1") << QStringLiteral("-l")
             << QString::number(tunnelPort) << QStringLiteral("-L") << QStringLiteral("192.0.2.1:9");
        const QString e2 = startPeer(tunnel, QStringLiteral("ss-tunnel"), args, tunnelPort);
        QVERIFY2(e2.isEmpty(), qPrintable(e2));
        const QString r = runTransfers(tunnelPort, false, 0);
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void dispatcherClientToDispatcherServer_data() { cipherRows(); }
    void dispatcherClientToDispatcherServer()
    {
        QFETCH(QString, cipher);
        pt::test::Dispatcher server;
        quint16 serverPort = 0;
        const QString e = startDispatcher(server, serverArgs(cipher), &serverPort);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QJsonObject o = shadowOptions(cipher);
        o.insert(QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1:%1").arg(serverPort));
        pt::test::Dispatcher client;
        quint16 port = 0;
        const QString e2 = startDispatcher(client, clientArgs(QStringLiteral("socks5"), o), &port);
        QVERIFY2(e2.isEmpty(), qPrintable(e2));
        const QString r = runTransfers(port, true, m_echo->port());
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    void dispatcherRejectsUnknownCipher()
    {
        pt::test::Dispatcher client;
        quint16 port = 0;
        QJsonObject o = shadowOptions(QStringLiteral("rot13"));
        const QString e = startDispatcher(client, clientArgs(QStringLiteral("socks5"), o), &port);
        QVERIFY2(e.startsWith(QLatin1String("CMETHOD-ERROR shadow")), qPrintable(e));
        QVERIFY(e.contains(QLatin1String("rot13")));
    }

private:
    static void cipherRows()
    {
        QTest::addColumn<QString>("cipher");
        for (const char* c : {"AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "CHACHA20-IETF-POLY1305"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    quint16 startSsServer(const QString& cipher)
    {
        const quint16 port = freePort();
        m_ssServer = std::make_unique<pt::test::Peer>();
        const QString e = startPeer(*m_ssServer, QStringLiteral("ss-server"), ssArgs(cipher, port), port);
        if (!e.isEmpty()) {
            qWarning("%s", qPrintable(e));
            return 0;
        }
        return port;
    }

    QStringList clientArgs(const QString& mode, const QJsonObject& o) const
    {
        return {QStringLiteral("-transports"),
                QStringLiteral("shadow"),
                QStringLiteral("-mode"),
                mode,
                QStringLiteral("-state"),
                m_state.path(),
                QStringLiteral("-options"),
                optionsArg(o),
                QStringLiteral("-proxylistenaddr"),
                QStringLiteral("127.0.0.1:0")};
    }

    QStringList serverArgs(const QString& cipher) const
    {
        return {QStringLiteral("-server"),
                QStringLiteral("-transports"),
                QStringLiteral("shadow"),
                QStringLiteral("-state"),
                m_state.path(),
                QStringLiteral("-bindaddr"),
                QStringLiteral("shadow-127.0.0.1:0"),
                QStringLiteral("-target"),
                QStringLiteral("127.0.0.1:%1").arg(m_echo->port()),
                QStringLiteral("-options"),
                optionsArg(shadowOptions(cipher))};
    }

    QTemporaryDir m_state;
    std::unique_ptr<pt::test::EchoServer> m_echo;
    std::unique_ptr<pt::test::Peer> m_ssServer;
};

QTEST_GUILESS_MAIN(TestShadowInterop)
#include "tst_shadow_interop.moc"
