// A client and a server dispatcher in transparent-UDP and STUN mode carrying real
// datagrams to a UDP server on loopback: sizes up to the maximum, two application
// sources kept apart, the first packet not lost, garbage dropped in STUN mode, and
// the same over obfs4.
#include "UdpSupport.h"

#include <QtEndian>

#include <random>

using namespace pt;

namespace {
using pt::test::udp::cleanEnv;
using pt::test::udp::recvOne;
using pt::test::udp::sendTo;
int udpSocket(quint16* port)
{
    return pt::test::udp::socket(port);
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
    enum class Mode
    {
        Echo,
        Stun
    };
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
            if (::poll(&p, 1, 50) <= 0) continue;
            sockaddr_storage from{};
            socklen_t flen = sizeof from;
            const ssize_t n =
                ::recvfrom(m_fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &flen);
            if (n < 0) continue;
            m_received.fetch_add(1);
            QByteArray reply(buf.data(), int(n));
            if (m_mode == Mode::Stun) {
                const QByteArray in(buf.data(), int(n));
                const quint8 first = quint8(in.isEmpty() ? 0 : in[0]);
                if (first >= 0x40 && first <= 0x7F) {
                    ::sendto(m_fd, in.constData(), size_t(in.size()), 0, reinterpret_cast<sockaddr*>(&from),
                             flen);
                    continue;
                }
                if (n < 20 || in.mid(4, 4) != QByteArray("\x21\x12\xA4\x42", 4) ||
                    in.left(2) != QByteArray("\x00\x01", 2)) {
                    m_nonStun.fetch_add(1);
                    continue;
                }
                // XOR-MAPPED-ADDRESS-like attribute: 8 bytes of value.
                const QByteArray mapped("\x00\x20\x00\x08\x00\x01\x12\x34\x5e\x12\xa4\x43", 12);
                reply = stunMessage(0x0101, in.mid(8, 12), mapped);
            }
            ::sendto(m_fd, reply.constData(), size_t(reply.size()), 0, reinterpret_cast<sockaddr*>(&from),
                     flen);
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
    std::unique_ptr<test::udp::Pair> m_pair;
    test::Dispatcher* m_server = nullptr;
    test::Dispatcher* m_client = nullptr;

    // Starts a server and a client dispatcher for `transport` in `mode`.
    // `shared` options go to both sides; `extra` flags to both command lines.
    void startPair(const QString& transport, const QString& mode, quint16 targetPort,
                   const QJsonObject& shared = QJsonObject(), const QStringList& extra = QStringList())
    {
        m_pair = std::make_unique<test::udp::Pair>();
        m_server = &m_pair->server;
        m_client = &m_pair->client;
        QVERIFY(m_pair->start(transport, mode, targetPort, shared, extra));
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
            QVERIFY2(back.size() == size,
                     qPrintable(QStringLiteral("datagram %1 (%2 bytes) came back as %3 bytes")
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
        m_pair.reset();
        m_server = m_client = nullptr;
    }

    void transparentUdpOverPlainCarriesEveryDatagramToItsSource() { runTransparent("plain"); }
    void transparentUdpOverObfs4CarriesEveryDatagramToItsSource() { runTransparent("obfs4"); }

    void transparentUdpOverShadowCarriesEveryDatagramToItsSource()
    {
        runTransparent("shadow",
                       QJsonObject{{"cipherName", "chacha20-ietf-poly1305"}, {"password", "udp-test"}});
    }

    // Load: 20,000 datagrams of mixed sizes up to 8 KiB, at most 64 outstanding, to a
    // UDP echo. Every datagram that comes back must be byte-identical to the one sent
    // with its sequence number; loss is reported and must stay under 0.1%. The window
    // opens once the first reply is back: until the transport connection is up, only
    // 32 datagrams per flow are queued and the rest are dropped by design.
    void manyMixedDatagramsComeBackIntact_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("plain") << QStringLiteral("plain");
        QTest::newRow("obfs4") << QStringLiteral("obfs4");
        QTest::newRow("shadow") << QStringLiteral("shadow");
    }
    void manyMixedDatagramsComeBackIntact()
    {
        QFETCH(QString, transport);
        constexpr int kCount = 20000;
        constexpr int kWindow = 64;
        UdpServer echo(UdpServer::Mode::Echo);
        startPair(transport, "transparent-UDP", echo.port(), test::udp::sharedOptions(transport));
        quint16 p = 0;
        const int fd = udpSocket(&p);
        // Datagram i: 4-byte big-endian i, then bytes derived from i; 4..8192 bytes.
        const auto datagram = [](quint32 i) {
            std::mt19937 rng(i);
            const int size = 4 + int(rng() % 8189);
            QByteArray d(size, Qt::Uninitialized);
            qToBigEndian(i, d.data());
            for (int k = 4; k < size; ++k)
                d[k] = char(rng());
            return d;
        };
        std::vector<bool> seen(kCount, false);
        int sent = 0, received = 0, corrupt = 0, duplicate = 0;
        qint64 bytes = 0;
        QElapsedTimer t;
        t.start();
        while (received + corrupt < kCount) {
            const int window = received == 0 ? 1 : kWindow;
            while (sent < kCount && sent - received - corrupt < window) {
                QVERIFY(sendTo(fd, m_client->port(), datagram(quint32(sent))));
                ++sent;
            }
            const QByteArray back = recvOne(fd, 3000);
            if (back.isNull()) break; // what has not come back within 3 s is lost
            const quint32 i = back.size() >= 4 ? qFromBigEndian<quint32>(back.constData()) : quint32(kCount);
            if (i >= quint32(kCount) || back != datagram(i)) {
                ++corrupt;
                continue;
            }
            if (seen[i]) {
                ++duplicate;
                continue;
            }
            seen[i] = true;
            ++received;
            bytes += back.size();
        }
        const int lost = kCount - received - corrupt;
        qInfo("%s: %d datagrams sent, %d back intact, %d lost (%.2f%%), %d corrupt, %d duplicate, "
              "%.0f datagrams/s, %.1f MB/s each way",
              qPrintable(transport), sent, received, lost, 100.0 * lost / kCount, corrupt, duplicate,
              received * 1000.0 / double(t.elapsed()), double(bytes) / 1e3 / double(t.elapsed()));
        QCOMPARE(corrupt, 0);
        QCOMPARE(duplicate, 0);
        QVERIFY2(lost <= kCount / 1000,
                 qPrintable(QStringLiteral("%1 of %2 datagrams lost").arg(lost).arg(kCount)));
        ::close(fd);
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
        QTRY_VERIFY_WITH_TIMEOUT(
            (clientLog += m_client->process().readAllStandardOutput()).contains("removed"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT((serverLog += m_server->process().readAllStandardOutput()).contains("ended"),
                                 5000);
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

    void udpModesNeedServerAddress()
    {
        test::Dispatcher c;
        QVERIFY(c.start({"-transports", "plain", "-mode", "transparent-UDP", "-state", m_state.path()},
                        cleanEnv()));
        QVERIFY(c.methods().isEmpty());
        // *-ERROR lines go to stderr.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += c.process().readAllStandardError()).contains("serverAddress"), 5000);
        QVERIFY(err.contains("CMETHOD-ERROR plain"));
    }
};

QTEST_GUILESS_MAIN(TestUdpE2E)
#include "tst_udp_e2e.moc"
