// Extended ORPort client: the SAFE_COOKIE hashes against the published vectors, the
// whole exchange against a scripted tor fed in one piece and byte by byte, DENY and
// a wrong server hash, and cookie files of every wrong shape.
#include "dispatcher/protocols/ExtOrPort.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pt::extorport;

namespace {
QByteArray header()
{
    return QByteArray("! Extended ORPort Auth Cookie !\n");
}

// Plays tor's part: returns the bytes tor sends after seeing `fromPt`, checking it.
struct FakeTor
{
    QByteArray cookie = QByteArray(32, '\x07');
    QByteArray serverNonce = QByteArray(32, '\x42');
    bool wrongHash = false;
    bool deny = false;
};

QByteArray u16(quint16 v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xFF);
}
} // namespace

class TestExtOrPort : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashesMatchThePublishedVectors()
    {
        const QByteArray zero(32, '\0');
        QCOMPARE(serverHash(zero, zero, zero).toHex(),
                 QByteArray("9e221919982a84f75faf60ef926949796268c97833e06960ff265369a90fd6d8"));
        QCOMPARE(clientHash(zero, zero, zero).toHex(),
                 QByteArray("0f368b1bee24aabc54a9114ce06c070f3ed99d0d368f599ccc6dfdc8bf457a62"));
    }

    void fullExchange_data()
    {
        QTest::addColumn<bool>("bytewise");
        QTest::newRow("whole") << false;
        QTest::newRow("byte by byte") << true;
    }
    void fullExchange()
    {
        QFETCH(bool, bytewise);
        FakeTor tor;
        const QByteArray clientNonce(32, '\x11');
        ClientHandshake h(tor.cookie, clientNonce, QStringLiteral("203.0.113.9:5555"),
                          QStringLiteral("obfs4"));
        auto feed = [&](const QByteArray& b) {
            QByteArray out;
            if (!bytewise) return h.onBytes(b);
            for (char c : b)
                out += h.onBytes(QByteArray(1, c));
            return out;
        };
        // tor offers auth types 3 and 1, terminated by 0
        QByteArray sent = feed(QByteArray("\x03\x01\x00", 3));
        QCOMPARE(sent, QByteArray(1, '\x01') + clientNonce);
        QCOMPARE(h.state(), ClientHandshake::State::ServerHash);
        sent = feed(serverHash(tor.cookie, clientNonce, tor.serverNonce) + tor.serverNonce);
        QCOMPARE(sent, clientHash(tor.cookie, clientNonce, tor.serverNonce));
        sent = feed(QByteArray(1, '\x01'));
        const QByteArray expected = u16(0x0001) + u16(16) + "203.0.113.9:5555" + u16(0x0002) + u16(5) +
                                    "obfs4" + u16(0x0000) + u16(0);
        QCOMPARE(sent, expected);
        QCOMPARE(h.state(), ClientHandshake::State::WaitOkay);
        // a CONTROL command is ignored, OKAY completes, OR bytes after it are kept
        feed(u16(0x1002) + u16(3) + "abc" + u16(0x1000) + u16(0) + QByteArray("\x00\x00\x07OR-data", 10));
        QCOMPARE(h.state(), ClientHandshake::State::Done);
        QCOMPARE(h.takeLeftover(), QByteArray("\x00\x00\x07OR-data", 10));
    }

    void anUnknownClientAddressSendsNoUserAddr()
    {
        FakeTor tor;
        const QByteArray clientNonce(32, '\x11');
        ClientHandshake h(tor.cookie, clientNonce, QString(), QStringLiteral("meek_lite"));
        h.onBytes(QByteArray("\x01\x00", 2));
        h.onBytes(serverHash(tor.cookie, clientNonce, tor.serverNonce) + tor.serverNonce);
        const QByteArray sent = h.onBytes(QByteArray(1, '\x01'));
        QCOMPARE(sent, u16(0x0002) + u16(9) + "meek_lite" + u16(0x0000) + u16(0));
        QCOMPARE(h.state(), ClientHandshake::State::WaitOkay);
    }

    void wrongServerHashFails()
    {
        ClientHandshake h(QByteArray(32, '\x07'), QByteArray(32, '\x11'), QStringLiteral("1.2.3.4:5"),
                          QStringLiteral("obfs4"));
        h.onBytes(QByteArray("\x01\x00", 2));
        const QByteArray sent = h.onBytes(QByteArray(32, '\x00') + QByteArray(32, '\x42'));
        QVERIFY(sent.isEmpty()); // no client hash for a server that failed to prove itself
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
        QVERIFY(h.error().contains(QStringLiteral("hash")));
    }

    void authRejectedAndDenyFail()
    {
        const QByteArray cookie(32, '\x07'), cn(32, '\x11'), sn(32, '\x42');
        ClientHandshake rejected(cookie, cn, QStringLiteral("1.2.3.4:5"), QStringLiteral("obfs4"));
        rejected.onBytes(QByteArray("\x01\x00", 2));
        rejected.onBytes(serverHash(cookie, cn, sn) + sn);
        rejected.onBytes(QByteArray(1, '\x00'));
        QCOMPARE(rejected.state(), ClientHandshake::State::Failed);

        ClientHandshake denied(cookie, cn, QStringLiteral("1.2.3.4:5"), QStringLiteral("obfs4"));
        denied.onBytes(QByteArray("\x01\x00", 2));
        denied.onBytes(serverHash(cookie, cn, sn) + sn);
        denied.onBytes(QByteArray(1, '\x01'));
        denied.onBytes(u16(0x1001) + u16(0));
        QCOMPARE(denied.state(), ClientHandshake::State::Failed);
        QVERIFY(denied.error().contains(QStringLiteral("denied")));
    }

    void noSafeCookieOffered()
    {
        ClientHandshake h(QByteArray(32, 'c'), QByteArray(32, 'n'), QStringLiteral("1.2.3.4:5"),
                          QStringLiteral("obfs4"));
        QVERIFY(h.onBytes(QByteArray("\x02\x03\x00", 3)).isEmpty());
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
    }

    void endlessAuthTypeListIsBounded()
    {
        ClientHandshake h(QByteArray(32, 'c'), QByteArray(32, 'n'), QStringLiteral("1.2.3.4:5"),
                          QStringLiteral("obfs4"));
        for (int i = 0; i < 200 && h.state() != ClientHandshake::State::Failed; ++i)
            h.onBytes(QByteArray(1024, '\x05'));
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
    }

    void cookieFiles()
    {
        QTemporaryDir dir;
        auto write = [&](const QString& name, const QByteArray& content) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return dir.filePath(name);
        };
        QString err;
        const QByteArray cookie(32, '\x5c');
        QCOMPARE(readCookieFile(write("good", header() + cookie), &err).value_or(QByteArray()), cookie);
        QVERIFY(!readCookieFile(write("short", header() + cookie.left(31)), &err));
        QVERIFY(err.contains(QStringLiteral("64 bytes")));
        QVERIFY(!readCookieFile(write("long", header() + cookie + "x"), &err));
        QVERIFY(!readCookieFile(write("badheader", QByteArray(32, 'h') + cookie), &err));
        QVERIFY(err.contains(QStringLiteral("header")));
        QVERIFY(!readCookieFile(write("empty", QByteArray()), &err));
        QVERIFY(!readCookieFile(dir.filePath("missing"), &err));
        QVERIFY(err.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestExtOrPort)
#include "tst_extorport.moc"
