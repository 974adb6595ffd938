// obfs2 sessions against each other and against corrupted handshakes.

#include "dispatcher/transports/obfs2/Obfs2.h"

#include <sodium.h>

#include <QtTest>

using namespace pt;

namespace {
QByteArray randomBytes(int n)
{
    QByteArray b(n, '\0');
    randombytes_buf(b.data(), size_t(n));
    return b;
}

// Exchanges bytes until quiet; chunk limits each delivery.
void pump(Session& a, Session& b, QByteArray& a2b, QByteArray& b2a, QByteArray& aApp, QByteArray& bApp,
          QString& error, int chunk)
{
    for (int guard = 0; guard < 200000 && (!a2b.isEmpty() || !b2a.isEmpty()); ++guard) {
        if (!a2b.isEmpty()) {
            SessionOutput o;
            const QByteArray piece = a2b.left(chunk);
            a2b.remove(0, piece.size());
            b.onWire(piece, o);
            b2a += o.toWire;
            bApp += o.toApp;
            if (o.failed()) error = o.error;
        }
        if (!b2a.isEmpty()) {
            SessionOutput o;
            const QByteArray piece = b2a.left(chunk);
            b2a.remove(0, piece.size());
            a.onWire(piece, o);
            a2b += o.toWire;
            aApp += o.toApp;
            if (o.failed()) error = o.error;
        }
    }
}
} // namespace

class TestObfs2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void initiatorAndResponderCarryDataBothWays_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << (1 << 30);
        QTest::newRow("7-byte pieces") << 7;
    }
    void initiatorAndResponderCarryDataBothWays()
    {
        QFETCH(int, chunk);
        auto client = obfs2::newSession(true, SessionEnv::system());
        auto server = obfs2::newSession(false, SessionEnv::system());
        SessionOutput c, s;
        client->start(c);
        server->start(s);
        QVERIFY(c.toWire.size() >= 16 + 8 && c.toWire.size() <= 16 + 8 + 8192);
        const QByteArray early = randomBytes(1000);
        client->onApp(early, c); // before the handshake: held
        QCOMPARE(client->pendingAppBytes(), early.size());
        QByteArray c2s = c.toWire, s2c = s.toWire, cApp, sApp;
        QString error;
        pump(*client, *server, c2s, s2c, cApp, sApp, error, chunk);
        QVERIFY(client->handshakeDone() && server->handshakeDone());
        QVERIFY(error.isEmpty());
        QCOMPARE(sApp, early);

        const QByteArray up = randomBytes(100000), down = randomBytes(70000);
        SessionOutput cu, sd;
        client->onApp(up, cu);
        server->onApp(down, sd);
        QVERIFY(cu.toWire != up); // encrypted
        c2s += cu.toWire;
        s2c += sd.toWire;
        pump(*client, *server, c2s, s2c, cApp, sApp, error, chunk);
        QCOMPARE(sApp, early + up);
        QCOMPARE(cApp, down);
    }

    void wrongMagicFails()
    {
        auto server = obfs2::newSession(false, SessionEnv::system());
        SessionOutput o;
        server->start(o);
        server->onWire(randomBytes(16 + 8), o); // a random seed decrypts to a random magic
        QVERIFY(o.failed());
        QVERIFY(!server->handshakeDone());
    }

    void sharedSecretIsRefusedLikeObfs4proxy()
    {
        const TransportFactory f = obfs2::factory();
        QVERIFY(f.makeClient(QJsonObject{}).ok());
        QVERIFY(!f.makeClient(QJsonObject{{"shared-secret", "x"}}).ok());
        QVERIFY(!f.makeServer(QJsonObject{{"shared-secret", "x"}}, ServerTransportContext{}).ok());
        const auto client = f.makeClient(QJsonObject{});
        ClientSessionParams p;
        p.args = QJsonObject{{"shared-secret", "x"}};
        QVERIFY(!client.value->newSession(p, SessionEnv::system()).ok());
    }
};

QTEST_APPLESS_MAIN(TestObfs2)
#include "tst_obfs2.moc"
