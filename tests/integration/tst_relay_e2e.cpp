// A client and a server dispatcher on loopback carrying real traffic: socks5 and
// transparent-TCP end to end to an echo target, concurrency, half-close, slow
// readers, and the SOCKS answers for failures.
#include "TestSupport.h"

#include <QtTest>

#include <atomic>
#include <thread>

#include <fcntl.h>

using namespace pt;

namespace {
using test::cleanEnv;

// Sends `payload` and reads the echo concurrently (a writer thread), so neither
// side blocks on a full window. Returns what came back.
QByteArray echoRoundTrip(test::Client& c, const QByteArray& payload, bool halfClose)
{
    std::thread writer([&] {
        c.sendAll(payload);
        if (halfClose) c.shutdownWrite();
    });
    const QByteArray back = halfClose ? c.recvAll() : c.recvExactly(payload.size());
    writer.join();
    return back;
}
} // namespace

class TestRelayE2E : public QObject
{
    Q_OBJECT

    QTemporaryDir m_state;
    std::unique_ptr<test::EchoServer> m_echo;
    std::unique_ptr<test::Dispatcher> m_server;
    std::unique_ptr<test::Dispatcher> m_client;

    void startPair(const QStringList& clientExtra = {})
    {
        m_server = std::make_unique<test::Dispatcher>();
        QVERIFY(
            m_server->start({"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-target",
                             QStringLiteral("127.0.0.1:%1").arg(m_echo->port()), "-state", m_state.path()},
                            cleanEnv()));
        m_client = std::make_unique<test::Dispatcher>();
        QVERIFY(m_client->start(QStringList{"-transports", "plain", "-state", m_state.path()} + clientExtra,
                                cleanEnv()));
    }

private Q_SLOTS:
    void init()
    {
        m_echo = std::make_unique<test::EchoServer>();
        startPair();
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_echo.reset();
    }

    void socks5CarriesRandomDataIntact()
    {
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(c, "127.0.0.1", m_server->port()), 0);
        const QByteArray payload = test::randomBytes(4 * 1024 * 1024, 1);
        const QByteArray back = echoRoundTrip(c, payload, false);
        QCOMPARE(back.size(), payload.size());
        QCOMPARE(test::sha256(back), test::sha256(payload));
    }

    void socks5HalfCloseKeepsTheOtherDirectionFlowing()
    {
        // The application sends everything and shuts its write side: the echo must
        // still arrive in full, then EOF.
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(c, "127.0.0.1", m_server->port()), 0);
        const QByteArray payload = test::randomBytes(1024 * 1024 + 17, 2);
        const QByteArray back = echoRoundTrip(c, payload, true);
        QCOMPARE(test::sha256(back), test::sha256(payload));
    }

    void socks5ServerAddressFromJsonBlock()
    {
        // serverAddress per connection wins over the CONNECT destination.
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        const QByteArray json =
            QStringLiteral("{\"serverAddress\": \"127.0.0.1:%1\"}").arg(m_server->port()).toUtf8();
        QCOMPARE(test::socks5Connect(c, "192.0.2.1", 1, json), 0);
        QVERIFY(c.sendAll("ping"));
        QCOMPARE(c.recvExactly(4), QByteArray("ping"));
    }

    void socks5BadJsonBlockGets0x12()
    {
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(c, "127.0.0.1", m_server->port(), "{nope"), 0x12);
    }

    void socks5BadServerAddressGets0x13()
    {
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(c, "127.0.0.1", 1, "{\"serverAddress\": \"no port here\"}"), 0x13);
    }

    void socks5RefusedServerGets0x05()
    {
        // A port nobody listens on: bind one, note it, close it.
        int port = 0;
        {
            test::EchoServer tmp;
            port = tmp.port();
        }
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(c, "127.0.0.1", quint16(port)), 0x05);
    }

    void socks5UnsupportedCommandGets0x07()
    {
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        QVERIFY(c.sendAll(QByteArray("\x05\x01\x00", 3)));
        QCOMPARE(c.recvExactly(2), QByteArray("\x05\x00", 2));
        QVERIFY(c.sendAll(QByteArray("\x05\x03\x00\x01\x7f\x00\x00\x01\x00\x35", 10))); // UDP ASSOCIATE
        const QByteArray reply = c.recvExactly(10);
        QCOMPARE(reply.size(), 10);
        QCOMPARE(int(reply[1]), 0x07);
        QVERIFY(c.waitEof());
    }

    void socks5GarbageIsClosedNotCrashed()
    {
        for (int i = 0; i < 20; ++i) {
            test::Client c;
            QVERIFY(c.connectTo(m_client->host(), m_client->port()));
            c.sendAll(test::randomBytes(64 + i * 13, quint32(100 + i)));
            c.recvAll(); // whatever it answers, it must close
        }
        // Still serving afterwards.
        test::Client ok;
        QVERIFY(ok.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(ok, "127.0.0.1", m_server->port()), 0);
        QCOMPARE(m_client->process().state(), QProcess::Running);
    }

    void socks5HandshakeTimeoutCutsSilentClients()
    {
        m_client = std::make_unique<test::Dispatcher>();
        QVERIFY(m_client->start(
            {"-transports", "plain", "-handshake-timeout", "500", "-state", m_state.path()}, cleanEnv()));
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port(), 5000));
        QVERIFY(c.sendAll(QByteArray("\x05", 1))); // and then nothing
        QElapsedTimer t;
        t.start();
        c.recvAll();
        QVERIFY2(t.elapsed() < 3000, QByteArray::number(t.elapsed()));
    }

    void connectionCapHoldsNewcomersAndResumesWhenSlotsFree()
    {
        m_client = std::make_unique<test::Dispatcher>();
        QVERIFY(m_client->start({"-transports", "plain", "-max-connections", "2", "-state", m_state.path()},
                                cleanEnv()));
        test::Client a, b, c;
        for (test::Client* x : {&a, &b}) {
            QVERIFY(x->connectTo(m_client->host(), m_client->port()));
            QCOMPARE(test::socks5Connect(*x, "127.0.0.1", m_server->port()), 0);
        }
        // The third is accepted by the kernel but waits: no SOCKS answer yet.
        QVERIFY(c.connectTo(m_client->host(), m_client->port(), 700));
        QVERIFY(c.sendAll(QByteArray("\x05\x01\x00", 3)));
        QVERIFY(c.recvExactly(2).isEmpty());
        // A slot frees up: the waiting connection is served without reconnecting.
        a.close();
        timeval tv{10, 0};
        ::setsockopt(c.fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        QCOMPARE(c.recvExactly(2), QByteArray("\x05\x00", 2));
        QVERIFY(c.sendAll(QByteArray("\x05\x01\x00\x01\x7f\x00\x00\x01", 8) +
                          QByteArray(1, char(m_server->port() >> 8)) +
                          QByteArray(1, char(m_server->port() & 0xff))));
        const QByteArray reply = c.recvExactly(10);
        QCOMPARE(reply.size(), 10);
        QCOMPARE(int(reply[1]), 0);
        QVERIFY(c.sendAll("after the cap"));
        QCOMPARE(c.recvExactly(13), QByteArray("after the cap"));
        QVERIFY(b.sendAll("still here"));
        QCOMPARE(b.recvExactly(10), QByteArray("still here"));
    }

    void transparentTcpCarriesRandomDataIntact()
    {
        m_client = std::make_unique<test::Dispatcher>();
        QVERIFY(m_client->start(
            {"-transports", "plain", "-mode", "transparent-TCP", "-options",
             QStringLiteral("{\"plain\": {\"serverAddress\": \"127.0.0.1:%1\"}}").arg(m_server->port()),
             "-state", m_state.path()},
            cleanEnv()));
        QCOMPARE(m_client->methods().first().mode, QStringLiteral("transparent-TCP"));
        test::Client c;
        QVERIFY(c.connectTo(m_client->host(), m_client->port()));
        const QByteArray payload = test::randomBytes(3 * 1024 * 1024, 3);
        const QByteArray back = echoRoundTrip(c, payload, true);
        QCOMPARE(test::sha256(back), test::sha256(payload));
    }

    void twoHundredConcurrentConnections()
    {
        constexpr int kConns = 200;
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        const QString host = m_client->host();
        const quint16 port = m_client->port();
        const quint16 serverPort = m_server->port();
        for (int i = 0; i < kConns; ++i) {
            threads.emplace_back([&, i] {
                test::Client c;
                if (!c.connectTo(host, port, 20000)) return;
                if (test::socks5Connect(c, "127.0.0.1", serverPort) != 0) return;
                const QByteArray payload = test::randomBytes(32 * 1024, quint32(1000 + i));
                if (echoRoundTrip(c, payload, true) == payload) good.fetch_add(1);
            });
        }
        for (auto& t : threads)
            t.join();
        QCOMPARE(good.load(), kConns);
    }

    void slowReaderDoesNotStallOthers()
    {
        // One client sends a lot and never reads; others must keep full speed and
        // the dispatcher must not buffer the slow one's data without bound.
        test::Client slow;
        QVERIFY(slow.connectTo(m_client->host(), m_client->port()));
        QCOMPARE(test::socks5Connect(slow, "127.0.0.1", m_server->port()), 0);
        std::atomic<bool> stop{false};
        std::atomic<qint64> slowSent{0};
        std::thread slowWriter([&] {
            const QByteArray chunk = test::randomBytes(64 * 1024, 9);
            ::fcntl(slow.fd(), F_SETFL, ::fcntl(slow.fd(), F_GETFL) | O_NONBLOCK);
            while (!stop) {
                const ssize_t n = ::send(slow.fd(), chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
                if (n > 0)
                    slowSent += n;
                else
                    ::usleep(10000);
            }
        });
        QTest::qWait(1500);
        const qint64 stalledAt = slowSent.load();
        for (int i = 0; i < 5; ++i) {
            test::Client c;
            QVERIFY(c.connectTo(m_client->host(), m_client->port()));
            QCOMPARE(test::socks5Connect(c, "127.0.0.1", m_server->port()), 0);
            const QByteArray payload = test::randomBytes(1024 * 1024, quint32(20 + i));
            QCOMPARE(test::sha256(echoRoundTrip(c, payload, true)), test::sha256(payload));
        }
        QTest::qWait(500);
        const qint64 finalSent = slowSent.load();
        stop = true;
        slowWriter.join();
        // The slow connection is stalled by backpressure: the sender got stuck
        // after filling kernel buffers and the relays' bounded queues, and did not
        // keep going while the others ran.
        QVERIFY2(finalSent - stalledAt < 1024 * 1024,
                 qPrintable(QStringLiteral("%1 -> %2").arg(stalledAt).arg(finalSent)));
        // Kernel socket buffers on loopback autotune to several MiB per socket, and the
        // path has six sockets: the bound is theirs plus our per-connection queues.
        QVERIFY2(finalSent < 160 * 1024 * 1024, qPrintable(QString::number(finalSent)));
    }
};

QTEST_GUILESS_MAIN(TestRelayE2E)
#include "tst_relay_e2e.moc"
