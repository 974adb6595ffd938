// The Relay over real loopback TCP socket pairs (made through the platform seam, so
// the same test runs on Windows): bounded queues with a slow reader (as Mozilla
// VPN's proxy tests its cap), half-close in each direction, data integrity, and a
// failing session closing both sides.
#include "dispatcher/net/Relay.h"
#include "dispatcher/platform/Socket.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QtTest>

#include <random>

using namespace pt;
using namespace pt::net;

namespace {

// A session that XORs bytes with 0x5A each way (so the test sees the session is
// really in the path) and can be told to fail on a marker byte sequence.
class XorSession final : public Session
{
public:
    bool failOnMarker = false;
    void start(SessionOutput&) override {}
    void onWire(const QByteArray& in, SessionOutput& out) override
    {
        QByteArray b = in;
        for (auto& c : b)
            c ^= 0x5A;
        if (failOnMarker && b.contains("FAIL")) {
            out.fail(QStringLiteral("marker"), 50);
            return;
        }
        out.toApp += b;
    }
    void onApp(const QByteArray& in, SessionOutput& out) override
    {
        QByteArray b = in;
        for (auto& c : b)
            c ^= 0x5A;
        out.toWire += b;
    }
    bool handshakeDone() const override { return true; }
};

using platform::SocketHandle;

// Two connected, non-blocking loopback TCP sockets: a (given to a StreamSocket) and
// b (the test's end).
struct Pair
{
    SocketHandle a = platform::kNoSocket, b = platform::kNoSocket;
    Pair()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost)) return;
        server.pauseAccepting(); // accepted by hand below
        NetError err;
        b = platform::openTcp(QHostAddress::LocalHost, &err);
        err = platform::startConnect(b, QHostAddress::LocalHost, server.serverPort());
        QElapsedTimer t;
        t.start();
        while (a == platform::kNoSocket && t.elapsed() < 5000) {
            a = platform::acceptOne(server.socketDescriptor(), &err);
            if (a == platform::kNoSocket) QThread::msleep(1);
        }
        while (platform::pendingConnectError(b).kind == NetError::Kind::InProgress && t.elapsed() < 5000)
            QThread::msleep(1);
    }
};

QByteArray xored(QByteArray b)
{
    for (auto& c : b)
        c ^= 0x5A;
    return b;
}

QByteArray pattern(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    std::mt19937 rng(7);
    for (auto& c : out)
        c = char(rng());
    return out;
}

// Writes as much as the (non-blocking) socket takes.
qint64 pushSome(SocketHandle fd, const QByteArray& data, qint64& offset)
{
    qint64 total = 0;
    while (offset < data.size()) {
        const platform::Chunk chunk{data.constData() + offset, qMin<qint64>(65536, data.size() - offset)};
        NetError err;
        const qint64 n = platform::sendChunks(fd, &chunk, 1, &err);
        if (n <= 0) break;
        offset += n;
        total += n;
    }
    return total;
}

QByteArray pullSome(SocketHandle fd)
{
    QByteArray out;
    char buf[65536];
    for (;;) {
        NetError err;
        const qint64 n = platform::receive(fd, buf, sizeof buf, &err);
        if (n <= 0) break;
        out.append(buf, n);
    }
    return out;
}

// One small send (the socket buffer takes it whole).
qint64 sendAll(SocketHandle fd, const QByteArray& data)
{
    qint64 offset = 0;
    return pushSome(fd, data, offset);
}

// One non-blocking recv of a byte: 1, 0 at EOF, -1 when nothing is there yet.
qint64 recvOne(SocketHandle fd, char* c)
{
    NetError err;
    return platform::receive(fd, c, 1, &err);
}

} // namespace

class TestRelay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slowReaderNeverMakesQueuesExceedTheBound()
    {
        Pair app, wire;
        auto* wireSock = new StreamSocket;
        QVERIFY(wireSock->adopt(wire.a));
        auto* appSock = new StreamSocket;
        QVERIFY(appSock->adopt(app.a));
        Relay relay(wireSock, std::make_unique<XorSession>(), SessionEnv::system());
        relay.attachApp(appSock);
        relay.start();
        relay.enableAppReading();

        // The application writes 32 MiB; nobody reads the wire peer for a while.
        const QByteArray data = pattern(32 * 1024 * 1024);
        qint64 offset = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 1500) {
            pushSome(app.b, data, offset);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        QVERIFY(offset < data.size()); // backpressure reached the writer
        QVERIFY2(wireSock->maxQueued() <= Relay::kHighWaterMark + Relay::kChunk,
                 qPrintable(QString::number(wireSock->maxQueued())));
        QVERIFY(!appSock->readEnabled());

        // Now read: everything arrives intact and in order, the queue stays bounded.
        QByteArray received;
        t.restart();
        while (received.size() < data.size() && t.elapsed() < 30000) {
            pushSome(app.b, data, offset);
            received += pullSome(wire.b);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QCOMPARE(received.size(), data.size());
        QVERIFY(xored(received) == data);
        QVERIFY(wireSock->maxQueued() <= Relay::kHighWaterMark + Relay::kChunk);
        platform::closeSocket(app.b);
        platform::closeSocket(wire.b);
    }

    void halfCloseFromTheAppKeepsTheWireDirectionOpen()
    {
        Pair app, wire;
        auto* wireSock = new StreamSocket;
        QVERIFY(wireSock->adopt(wire.a));
        auto* appSock = new StreamSocket;
        QVERIFY(appSock->adopt(app.a));
        Relay relay(wireSock, std::make_unique<XorSession>(), SessionEnv::system());
        QSignalSpy finished(&relay, &Relay::finished);
        relay.attachApp(appSock);
        relay.start();
        relay.enableAppReading();

        QCOMPARE(sendAll(app.b, "request"), qint64(7));
        platform::shutdownWrite(app.b);
        // The wire peer sees the request and then EOF...
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += pullSome(wire.b), got.size() == 7), 3000);
        QCOMPARE(xored(got), QByteArray("request"));
        char c;
        QTRY_COMPARE_WITH_TIMEOUT(recvOne(wire.b, &c), qint64(0), 3000);
        // ...and can still answer: the response reaches the application.
        const QByteArray response = xored("response after EOF");
        QCOMPARE(sendAll(wire.b, response), qint64(response.size()));
        QByteArray back;
        QTRY_VERIFY_WITH_TIMEOUT((back += pullSome(app.b), back.size() == response.size()), 3000);
        QCOMPARE(back, QByteArray("response after EOF"));
        QVERIFY(finished.isEmpty());
        // The wire closes too: both sides done, relay finishes cleanly.
        platform::shutdownWrite(wire.b);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 3000);
        QCOMPARE(finished.first().first().toString(), QString());
        platform::closeSocket(app.b);
        platform::closeSocket(wire.b);
    }

    void serverSideBuffersUntilTheAppIsAttachedWithinTheBound()
    {
        Pair wire, app;
        auto* wireSock = new StreamSocket;
        QVERIFY(wireSock->adopt(wire.a));
        Relay relay(wireSock, std::make_unique<XorSession>(), SessionEnv::system());
        relay.start();
        const QByteArray data = pattern(4 * 1024 * 1024);
        qint64 offset = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 800) {
            pushSome(wire.b, data, offset);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        QVERIFY(relay.pendingForApp() <= Relay::kHighWaterMark);
        QVERIFY(relay.pendingForApp() > 0);
        auto* appSock = new StreamSocket;
        QVERIFY(appSock->adopt(app.a));
        relay.attachApp(appSock);
        relay.enableAppReading();
        QByteArray received;
        t.restart();
        while (received.size() < data.size() && t.elapsed() < 20000) {
            pushSome(wire.b, data, offset);
            received += pullSome(app.b);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QCOMPARE(received.size(), data.size());
        QVERIFY(xored(received) == data);
        platform::closeSocket(app.b);
        platform::closeSocket(wire.b);
    }

    void sessionFailureClosesBothSidesAfterItsDelay()
    {
        Pair app, wire;
        auto* wireSock = new StreamSocket;
        QVERIFY(wireSock->adopt(wire.a));
        auto* appSock = new StreamSocket;
        QVERIFY(appSock->adopt(app.a));
        auto session = std::make_unique<XorSession>();
        session->failOnMarker = true;
        Relay relay(wireSock, std::move(session), SessionEnv::system());
        QSignalSpy failed(&relay, &Relay::sessionFailed);
        QSignalSpy finished(&relay, &Relay::finished);
        relay.attachApp(appSock);
        relay.start();
        relay.enableAppReading();
        const QByteArray bad = xored("FAIL");
        QCOMPARE(sendAll(wire.b, bad.left(4)), qint64(4));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 2000);
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QVERIFY(t.elapsed() >= 30); // the session asked for a 50 ms delay
        QCOMPARE(finished.first().first().toString(), QStringLiteral("marker"));
        // Nothing of the bad frame reached the application, and it sees EOF.
        char c;
        QTRY_COMPARE_WITH_TIMEOUT(recvOne(app.b, &c), qint64(0), 2000);
        platform::closeSocket(app.b);
        platform::closeSocket(wire.b);
    }
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
