// The -proxy client handshakes (SOCKS5 with and without RFC 1929, SOCKS4a, HTTP
// CONNECT): exact bytes sent, replies fed whole and byte by byte, refusals mapped to
// SOCKS reply codes, early data kept.
#include "dispatcher/protocols/UpstreamProxyClient.h"

#include <QtTest>

using namespace pt::proxy;

namespace {
// Feeds `reply` one byte at a time; returns everything the handshake wanted to send.
QByteArray feedBytewise(ClientHandshake& h, const QByteArray& reply)
{
    QByteArray sent;
    for (char c : reply)
        sent += h.onBytes(QByteArray(1, c));
    return sent;
}
} // namespace

class TestUpstreamProxyClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void socks5WithoutAuth()
    {
        for (bool bytewise : {false, true}) {
            ClientHandshake h({Type::Socks5, {}, {}, QStringLiteral("10.1.2.3"), 443});
            QCOMPARE(h.start(), QByteArray("\x05\x01\x00", 3));
            const QByteArray sel("\x05\x00", 2);
            const QByteArray req = bytewise ? feedBytewise(h, sel) : h.onBytes(sel);
            QCOMPARE(req, QByteArray("\x05\x01\x00\x01\x0a\x01\x02\x03\x01\xbb", 10));
            QCOMPARE(h.state(), ClientHandshake::State::Connect);
            const QByteArray rep("\x05\x00\x00\x01\x7f\x00\x00\x01\x12\x34"
                                 "early",
                                 15);
            bytewise ? feedBytewise(h, rep) : h.onBytes(rep);
            QCOMPARE(h.state(), ClientHandshake::State::Done);
            QCOMPARE(h.takeLeftover(), QByteArray("early"));
        }
    }

    void socks5WithUserPassAndDomain()
    {
        ClientHandshake h({Type::Socks5, QStringLiteral("msuser"), QStringLiteral("mspass"),
                           QStringLiteral("bridge.example"), 80});
        QCOMPARE(h.start(), QByteArray("\x05\x02\x00\x02", 4));
        QCOMPARE(h.onBytes(QByteArray("\x05\x02", 2)), QByteArray("\x01\x06msuser\x06mspass"));
        QCOMPARE(h.state(), ClientHandshake::State::Auth);
        QCOMPARE(h.onBytes(QByteArray("\x01\x00", 2)), QByteArray("\x05\x01\x00\x03\x0e"
                                                                  "bridge.example\x00\x50",
                                                                  21));
        h.onBytes(QByteArray("\x05\x00\x00\x04", 4) + QByteArray(16, '\0') + QByteArray("\x00\x01", 2));
        QCOMPARE(h.state(), ClientHandshake::State::Done);
    }

    void socks5WrongPasswordIsNotAllowed()
    {
        ClientHandshake h(
            {Type::Socks5, QStringLiteral("u"), QStringLiteral("bad"), QStringLiteral("1.2.3.4"), 1});
        h.start();
        h.onBytes(QByteArray("\x05\x02", 2));
        h.onBytes(QByteArray("\x01\x01", 2));
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
        QCOMPARE(int(h.replyCode()), 0x02);
        QVERIFY(h.error().contains(QStringLiteral("password")));
    }

    void socks5NoAcceptableMethod()
    {
        ClientHandshake h({Type::Socks5, {}, {}, QStringLiteral("1.2.3.4"), 1});
        h.start();
        h.onBytes(QByteArray("\x05\xff", 2));
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
    }

    void socks5RefusalKeepsTheProxysCode()
    {
        ClientHandshake h({Type::Socks5, {}, {}, QStringLiteral("1.2.3.4"), 1});
        h.start();
        h.onBytes(QByteArray("\x05\x00", 2));
        h.onBytes(QByteArray("\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00", 10));
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
        QCOMPARE(int(h.replyCode()), 0x05);
    }

    void socks5MalformedReply()
    {
        ClientHandshake h({Type::Socks5, {}, {}, QStringLiteral("1.2.3.4"), 1});
        h.start();
        h.onBytes(QByteArray("\x05\x00", 2));
        h.onBytes(QByteArray("\x05\x00\x00\x07\x00", 5)); // ATYP 7
        QCOMPARE(h.state(), ClientHandshake::State::Failed);
    }

    void socks4aWithIpAndWithName()
    {
        ClientHandshake ip({Type::Socks4a, QStringLiteral("id"), {}, QStringLiteral("10.0.0.1"), 8080});
        QCOMPARE(ip.start(), QByteArray("\x04\x01\x1f\x90\x0a\x00\x00\x01id\x00", 11));
        ClientHandshake name({Type::Socks4a, {}, {}, QStringLiteral("a.b"), 80});
        QCOMPARE(name.start(), QByteArray("\x04\x01\x00\x50\x00\x00\x00\x01\x00"
                                          "a.b\x00",
                                          13));
        feedBytewise(name, QByteArray("\x00\x5a\x00\x00\x00\x00\x00\x00", 8));
        QCOMPARE(name.state(), ClientHandshake::State::Done);
        ClientHandshake refused({Type::Socks4a, {}, {}, QStringLiteral("a.b"), 80});
        refused.start();
        refused.onBytes(QByteArray("\x00\x5b\x00\x00\x00\x00\x00\x00", 8));
        QCOMPARE(refused.state(), ClientHandshake::State::Failed);
    }

    void httpConnectWithBasicAuth()
    {
        ClientHandshake h({Type::Http, QStringLiteral("proxyuser"), QStringLiteral("proxypass"),
                           QStringLiteral("::1"), 443});
        const QByteArray req = h.start();
        QVERIFY(req.startsWith("CONNECT [::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\n"));
        QVERIFY(req.contains("Proxy-Authorization: Basic cHJveHl1c2VyOnByb3h5cGFzcw==\r\n"));
        QVERIFY(req.endsWith("\r\n\r\n"));
        feedBytewise(h, "HTTP/1.1 200 Connection established\r\nProxy-agent: x\r\n\r\nhello");
        QCOMPARE(h.state(), ClientHandshake::State::Done);
        QCOMPARE(h.takeLeftover(), QByteArray("hello"));
    }

    void httpRefusals()
    {
        ClientHandshake auth({Type::Http, {}, {}, QStringLiteral("1.2.3.4"), 1});
        auth.start();
        auth.onBytes("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
        QCOMPARE(auth.state(), ClientHandshake::State::Failed);
        QCOMPARE(int(auth.replyCode()), 0x02);
        ClientHandshake garbage({Type::Http, {}, {}, QStringLiteral("1.2.3.4"), 1});
        garbage.start();
        garbage.onBytes("SSH-2.0-OpenSSH\r\n\r\n");
        QCOMPARE(garbage.state(), ClientHandshake::State::Failed);
        ClientHandshake endless({Type::Http, {}, {}, QStringLiteral("1.2.3.4"), 1});
        endless.start();
        for (int i = 0; i < 100 && endless.state() != ClientHandshake::State::Failed; ++i)
            endless.onBytes(QByteArray(1024, 'x'));
        QCOMPARE(endless.state(), ClientHandshake::State::Failed); // bounded, not buffered forever
    }
};

QTEST_GUILESS_MAIN(TestUpstreamProxyClient)
#include "tst_upstreamproxyclient.moc"
