// A client and a server dispatcher in transparent-UDP and STUN mode carrying real
// datagrams to a UDP server on loopback: sizes up to the maximum, two application
// sources kept apart, the first packet not lost, garbage dropped in STUN mode, and
// the same over obfs4.
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <poll.h>

using namespace pt;

namespace {
QProcessEnvironment cleanEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& k : env.keys())
        if (k.startsWith(QLatin1String("TOR_PT_")))
            env.remove(k);
    return env;
}

int udpSocket(quint16* port)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin);
    socklen_t len = sizeof sin;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &len);
    const int big = 4 * 1024 * 1024;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    *port = ntohs(sin.sin_port);
    return fd;
}

bool sendTo(int fd, quint16 port, const QByteArray& d)
{
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(port);
    return ::sendto(fd, d.constData(), size_t(d.size()), 0, reinterpret_cast<sockaddr*>(&sin), sizeof sin)
           == d.size();
}

// One datagram within timeoutMs, or a null QByteArray.
QByteArray recvOne(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0)
        return QByteArray();
    QByteArray buf(65536, Qt::Uninitialized);
    const ssize_t n = ::recv(fd, buf.data(), size_t(buf.size()), 0);
    if (n < 0)
        return QByteArray();
    buf.truncate(n);
    return buf;
}

QByteArray stunMessage(quint16 type, const QByteArray& txid, const QByteArray& attrs)
{
    QByteArray m;
    m.append(char(type >> 8)).append(char(type & 0xff));
    m.append(char(attrs.size() >> 8)).append(char(attrs.size() & 0xff));
    m.append("\x21\x12\xA4\x42", 4).append(txid).append(attrs);
    return m;
}

// A UDP server on its own thread. Echo mode sends every datagram back; STUN mode
// answers a Binding request (0x0001) with a Binding success response (0x0101) with
// the same transaction id, echoes TURN ChannelData (first byte 0x40-0x7F) and counts
// everything else it receives.
class UdpServer
{
public:
    enum class Mode { Echo, Stun };
    explicit UdpServer(Mode mode) : m_mode(mode)
    {
        m_fd = udpSocket(&m_port);
        m_thread = std::thread([this] { loop(); });
    }
    ~UdpServer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    int received() const { return m_received.load(); }
    int nonStunReceived() const { return m_nonStun.load(); }

private:
    void loop()
    {
        std::vector<char> buf(65536);
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            sockaddr_storage from{};
            socklen_t flen = sizeof from;
            const ssize_t n = ::recvfrom(m_fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &flen);
            if (n < 0)
                continue;
            m_received.fetch_add(1);
            QByteArray reply(buf.data(), int(n));
            if (m_mode == Mode::Stun) {
                const QByteArray in(buf.data(), int(n));
                const quint8 first = quint8(in.isEmpty() ? 0 : in[0]);
                if (first >= 0x40 && first <= 0x7F) {
                    ::sendto(m_fd, in.constData(), size_t(in.size()), 0, reinterpret_cast<sockaddr*>(&from), flen);
                    continue;
                }
                if (n < 20 || in.mid(4, 4) != QByteArray("\x21\x12\xA4\x42", 4)
                    || in.left(2) != QByteArray("\x00\x01", 2)) {
                    m_nonStun.fetch_add(1);
                    continue;
                }
                // XOR-MAPPED-ADDRESS-like attribute: 8 bytes of value.
                const QByteArray mapped("\x00\x20\x00\x08\x00\x01\x12\x34\x5e\x12\xa4\x43", 12);
                reply = stunMessage(0x0101, in.mid(8, 12), mapped);
            }
            ::sendto(m_fd, reply.constData(), size_t(reply.size()), 0, reinterpret_cast<sockaddr*>(&from), flen);
        }
    }

    Mode m_mode;
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_received{0};
    std::atomic<int> m_nonStun{0};
    std::thread m_thread;
};
} // namespace

class TestUdpE2E : public QObject
{
    Q_OBJECT

    QTemporaryDir m_state;
    std::unique_ptr<test::Dispatcher> m_server;
    std::unique_ptr<test::Dispatcher> m_client;

    // Starts a server and a client dispatcher for `transport` in `mode`.
    // `shared` options go to both sides; `extra` flags to both command lines.
    void startPair(const QString& transport, const QString& mode, quint16 targetPort,
                   const QJsonObject& shared = QJsonObject(), const QStringList& extra = QStringList())
    {
        QStringList serverArgs{"-server", "-transports", transport, "-mode", mode, "-bindaddr",
                               transport + "-127.0.0.1:0", "-target", QStringLiteral("127.0.0.1:%1").arg(targetPort),
                               "-state", m_state.path()};
        if (!shared.isEmpty())
            serverArgs << "-options"
                       << QString::fromUtf8(
                              QJsonDocument(QJsonObject{{transport, shared}}).toJson(QJsonDocument::Compact));
        m_server = std::make_unique<test::Dispatcher>();
        QVERIFY(m_server->start(serverArgs + extra, cleanEnv()));
        QCOMPARE(m_server->methods().size(), 1);
        QJsonObject opts = shared;
        opts.insert("serverAddress", m_server->address());
        for (const auto& [k, v] : m_server->methods().first().args)
            opts.insert(k, v);
        if (transport == QLatin1String("obfs4"))
            opts.insert("iat-mode", "0");
        const QString json = QString::fromUtf8(
            QJsonDocument(QJsonObject{{transport, opts}}).toJson(QJsonDocument::Compact));
        m_client = std::make_unique<test::Dispatcher>();
        QVERIFY(m_client->start(QStringList{"-transports", transport, "-mode", mode, "-options", json, "-state",
                                            m_state.path()}
                                    + extra,
                                cleanEnv()));
        QCOMPARE(m_client->methods().size(), 1);
        QCOMPARE(m_client->methods().first().mode, mode);
    }

    // 200 datagrams of random sizes (the first one of each socket and one of the
    // maximum size included), alternating between two source sockets; each reply
    // must come back, to its own socket, intact. The first datagram is sent right
    // after start: it is sent once and must not be lost.
    void runTransparent(const QString& transport, const QJsonObject& shared = QJsonObject())
    {
        UdpServer echo(UdpServer::Mode::Echo);
        startPair(transport, "transparent-UDP", echo.port(), shared);
        quint16 pa = 0, pb = 0;
        const int a = udpSocket(&pa);
        const int b = udpSocket(&pb);
        std::mt19937 rng(7);
        for (int i = 0; i < 200; ++i) {
            const int fd = i % 2 ? b : a;
            const int other = i % 2 ? a : b;
            const qsizetype size = i == 5 ? 65507 : qsizetype(1 + rng() % 65507);
            const QByteArray d = test::randomBytes(size, quint32(i + 1));
            QVERIFY(sendTo(fd, m_client->port(), d));
            const QByteArray back = recvOne(fd, 10000);
            QVERIFY2(back.size() == size, qPrintable(QStringLiteral("datagram %1 (%2 bytes) came back as %3 bytes")
                                                         .arg(i)
                                                         .arg(size)
                                                         .arg(back.size())));
            QCOMPARE(test::sha256(back), test::sha256(d));
            QVERIFY(recvOne(other, 0).isNull()); // nothing leaked to the other source
        }
        QCOMPARE(echo.received(), 200);
        ::close(a);
        ::close(b);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void transparentUdpOverPlainCarriesEveryDatagramToItsSource() { runTransparent("plain"); }
    void transparentUdpOverObfs4CarriesEveryDatagramToItsSource() { runTransparent("obfs4"); }

    void transparentUdpOverShadowCarriesEveryDatagramToItsSource()
    {
        runTransparent("shadow", QJsonObject{{"cipherName", "chacha20-ietf-poly1305"}, {"password", "udp-test"}});
    }

    // Datagrams sent back to back before the transport connection exists are
    // queued, not dropped, and all arrive in order.
    void burstBeforeConnectionIsQueuedNotLost()
    {
        UdpServer echo(UdpServer::Mode::Echo);
        startPair("plain", "transparent-UDP", echo.port());
        quint16 p = 0;
        const int fd = udpSocket(&p);
        QList<QByteArray> sent;
        for (int i = 0; i < 20; ++i) {
            sent << test::randomBytes(100 + i, quint32(1000 + i));
            QVERIFY(sendTo(fd, m_client->port(), sent.last()));
        }
        for (int i = 0; i < 20; ++i)
            QCOMPARE(recvOne(fd, 10000), sent[i]);
        QCOMPARE(echo.received(), 20);
        ::close(fd);
    }

    // After the idle timeout both sides drop the flow; the next datagram opens a
    // new transport connection and still gets through.
    void flowIdleTimesOutAndReopens()
    {
        UdpServer echo(UdpServer::Mode::Echo);
        startPair("plain", "transparent-UDP", echo.port(), QJsonObject(),
                  {"-udp-idle-timeout", "300", "-ipcLogLevel", "INFO"});
        quint16 p = 0;
        const int fd = udpSocket(&p);
        QVERIFY(sendTo(fd, m_client->port(), "one"));
        QCOMPARE(recvOne(fd, 10000), QByteArray("one"));
        // Both sides say (LOG lines on stdout) that the flow went away; whichever
        // timer fired first, its side names the idle timeout.
        QByteArray clientLog, serverLog;
        QTRY_VERIFY_WITH_TIMEOUT((clientLog += m_client->process().readAllStandardOutput()).contains("removed"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT((serverLog += m_server->process().readAllStandardOutput()).contains("ended"), 5000);
        QVERIFY(clientLog.contains("idle timeout") || serverLog.contains("idle timeout"));
        QVERIFY(serverLog.contains("datagrams up 1, down 1, dropped 0"));
        QVERIFY(sendTo(fd, m_client->port(), "two"));
        QCOMPARE(recvOne(fd, 10000), QByteArray("two"));
        QCOMPARE(echo.received(), 2);
        ::close(fd);
    }

    void stunModeCarriesBindingRequestsAndDropsGarbage()
    {
        UdpServer stun(UdpServer::Mode::Stun);
        startPair("plain", "STUN", stun.port());
        quint16 p = 0;
        const int fd = udpSocket(&p);
        // Garbage first (must neither open a flow nor reach the server), then a
        // Binding request, then garbage shaped like a STUN header without the cookie.
        QVERIFY(sendTo(fd, m_client->port(), QByteArray("hello, not STUN at all")));
        const QByteArray txid = test::randomBytes(12, 99);
        QVERIFY(sendTo(fd, m_client->port(), stunMessage(0x0001, txid, QByteArray())));
        QByteArray noCookie = stunMessage(0x0001, txid, QByteArray());
        noCookie[4] = 0;
        QVERIFY(sendTo(fd, m_client->port(), noCookie));
        const QByteArray reply = recvOne(fd, 10000);
        QVERIFY(reply.size() >= 20);
        QCOMPARE(reply.left(2), QByteArray("\x01\x01", 2));
        QCOMPARE(reply.mid(8, 12), txid);
        // A second request on the now connected flow also works.
        const QByteArray txid2 = test::randomBytes(12, 100);
        QVERIFY(sendTo(fd, m_client->port(), stunMessage(0x0001, txid2, QByteArray())));
        const QByteArray reply2 = recvOne(fd, 10000);
        QCOMPARE(reply2.mid(8, 12), txid2);
        // TURN ChannelData with a length that is not a multiple of 4: padded on the
        // stream, delivered without the padding, both ways.
        const QByteArray channel = QByteArray("\x40\x01\x00\x05", 4) + test::randomBytes(5, 101);
        QVERIFY(sendTo(fd, m_client->port(), channel));
        QCOMPARE(recvOne(fd, 10000), channel);
        QVERIFY(recvOne(fd, 300).isNull());
        QCOMPARE(stun.received(), 3);
        QCOMPARE(stun.nonStunReceived(), 0);
        ::close(fd);
    }

    // Real dnsmasq behind the server, real dig in front of the client.
    void dnsQueryThroughTheDispatcherPairReachesDnsmasq()
    {
        // A missing peer fails the test (scripts/setup.sh installs them); it never skips.
        QVERIFY2(test::haveProgram("dnsmasq") && test::haveProgram("dig"),
                 "dnsmasq or dig is missing: run scripts/setup.sh");
        const auto digAt = [](quint16 port) {
            QProcess p;
            p.start(QStandardPaths::findExecutable("dig"), {"@127.0.0.1", "-p", QString::number(port), "test.example",
                                                            "+short", "+tries=1", "+time=1"});
            p.waitForFinished(5000);
            return p.readAllStandardOutput().trimmed();
        };
        quint16 dnsPort = 0;
        test::Peer dns;
        // The port was free a moment ago; under a parallel test run another process
        // may take it first, so a dnsmasq that cannot bind is retried on a new port.
        bool answering = false;
        for (int attempt = 0; attempt < 3 && !answering; ++attempt) {
            dns.stop();
            const int probe = udpSocket(&dnsPort);
            ::close(probe);
            QVERIFY(dns.start(QStandardPaths::findExecutable("dnsmasq"),
                              {"--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                               "--listen-address=127.0.0.1", "--bind-interfaces",
                               QStringLiteral("--port=%1").arg(dnsPort), "--address=/test.example/10.1.2.3",
                               "--user=root", "--group=root", "--pid-file="}));
            QElapsedTimer t;
            t.start();
            while (!answering && t.elapsed() < 10000 && dns.process().state() == QProcess::Running)
                answering = digAt(dnsPort) == "10.1.2.3";
        }
        QVERIFY2(answering, dns.output().constData());
        startPair("plain", "transparent-UDP", dnsPort);
        QProcess dig;
        dig.start(QStandardPaths::findExecutable("dig"),
                  {"@127.0.0.1", "-p", QString::number(m_client->port()), "test.example", "+short", "+tries=1",
                   "+time=5"});
        QVERIFY(dig.waitForFinished(15000));
        QCOMPARE(dig.readAllStandardOutput().trimmed(), QByteArray("10.1.2.3"));
    }

    void udpModesNeedServerAddress()
    {
        test::Dispatcher c;
        QVERIFY(c.start({"-transports", "plain", "-mode", "transparent-UDP", "-state", m_state.path()}, cleanEnv()));
        QVERIFY(c.methods().isEmpty());
        // *-ERROR lines go to stderr.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += c.process().readAllStandardError()).contains("serverAddress"), 5000);
        QVERIFY(err.contains("CMETHOD-ERROR plain"));
    }
};

QTEST_GUILESS_MAIN(TestUdpE2E)
#include "tst_udp_e2e.moc"
