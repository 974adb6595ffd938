// webtunnel's sessions and options (transports/webtunnel), sans-IO with fixed
// randomness: the exact upgrade request, the 101 check (case-insensitive; stream bytes
// in the same segment as the head), replies that must fail, the server's path and
// header checks and its web-server answers, X-Forwarded-For, SMETHOD arguments, option
// errors, the dial target; and a whole https exchange in memory: our client session ->
// TLS (our engine as the front) -> our server session.

#include "dispatcher/protocols/Tls.h"
#include "dispatcher/transports/Registry.h"
#include "dispatcher/transports/webtunnel/WebtunnelOptions.h"
#include "dispatcher/transports/webtunnel/WebtunnelSession.h"

#include "TestCerts.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pt;

namespace {

// Randomness from a counter, time from a counter: a session run is reproducible.
class FixedEnv final : public SessionEnv
{
public:
    void randomBytes(void* out, size_t len) override
    {
        auto* p = static_cast<uint8_t*>(out);
        for (size_t i = 0; i < len; ++i)
            p[i] = uint8_t(m_next++);
    }
    uint32_t randomUniform(uint32_t upper) override { return upper ? uint32_t(m_next++) % upper : 0; }
    int64_t nowMs() override { return m_now += 5; }
    int64_t unixTime() override { return 1700000000; }

private:
    uint64_t m_next = 1;
    int64_t m_now = 1000;
};

const TransportFactory& webtunnel()
{
    const TransportFactory* f = findTransport(QStringLiteral("webtunnel"));
    if (!f) qFatal("webtunnel is not registered");
    return *f;
}

std::shared_ptr<const ClientTransport> makeClient(const QJsonObject& options = {}, QString* error = nullptr)
{
    auto r = webtunnel().makeClient(options);
    if (error) *error = r.error;
    return r.value;
}

std::shared_ptr<const ServerTransport> makeServer(const QJsonObject& options, QString* error = nullptr)
{
    auto r = webtunnel().makeServer(options, ServerTransportContext{});
    if (error) *error = r.error;
    return r.value;
}

// A session of `transport`, or of one client transport shared by the calls that give
// none (making a transport loads the trust store: about 0.1 s).
std::unique_ptr<Session> clientSession(const QJsonObject& args, SessionEnv& env, QString* error = nullptr,
                                       std::shared_ptr<const ClientTransport> transport = nullptr)
{
    static const std::shared_ptr<const ClientTransport> shared = makeClient();
    const std::shared_ptr<const ClientTransport> client = transport ? transport : shared;
    if (!client) return nullptr;
    ClientSessionParams params;
    params.args = args;
    params.connectHost = QStringLiteral("2001:db8::1"); // the bridge line's placeholder
    params.connectPort = 443;
    auto r = client->newSession(params, env);
    if (error) *error = r.error;
    return std::move(r.value);
}

const QByteArray kRequest = "GET /Secret-Path HTTP/1.1\r\n"
                            "Host: bridge.test\r\n"
                            "User-Agent: Go-http-client/1.1\r\n"
                            "Connection: upgrade\r\n"
                            "Upgrade: websocket\r\n"
                            "\r\n";
const QByteArray k101 =
    "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n";

// The server for /Secret-Path, fed the pieces one after the other.
struct ServerRun
{
    std::unique_ptr<Session> session;
    SessionOutput out;
};

ServerRun runServer(const QByteArrayList& pieces,
                    const QString& url = QStringLiteral("https://bridge.test/Secret-Path"))
{
    static FixedEnv env;
    ServerRun run;
    auto server = makeServer(QJsonObject{{"url", url}});
    if (!server) return run;
    run.session = server->newSession(env);
    run.session->start(run.out);
    for (const QByteArray& p : pieces)
        run.session->onWire(p, run.out);
    return run;
}

int refusedStatus(const ServerRun& run)
{
    return static_cast<const webtunnel::ServerSession&>(*run.session).refusedStatus();
}

} // namespace

class TestWebtunnel : public QObject
{
    Q_OBJECT

    FixedEnv m_env;

private Q_SLOTS:
    void clientSendsExactlyTheUpgradeRequest()
    {
        auto session = clientSession({{"url", "http://bridge.test/Secret-Path"}, {"ver", "0.0.1"}}, m_env);
        QVERIFY(session);
        SessionOutput out;
        session->start(out);
        QVERIFY(!out.failed());
        QCOMPARE(out.toWire, kRequest);
        QVERIFY(!out.toWire.contains("Sec-WebSocket"));
        QVERIFY(!session->handshakeDone());
        QCOMPARE(webtunnel::upgradeRequest(QStringLiteral("bridge.test"), QStringLiteral("/Secret-Path")),
                 kRequest);

        // Host as written in the URL (port included), query kept in the target.
        session = clientSession({{"url", "http://bridge.test:8080/a/b?c=d"}}, m_env);
        SessionOutput out2;
        session->start(out2);
        QVERIFY(out2.toWire.startsWith("GET /a/b?c=d HTTP/1.1\r\nHost: bridge.test:8080\r\n"));
        // No path at all: "/".
        session = clientSession({{"url", "http://[2001:db8::5]"}}, m_env);
        SessionOutput out3;
        session->start(out3);
        QVERIFY(out3.toWire.startsWith("GET / HTTP/1.1\r\nHost: [2001:db8::5]\r\n"));
    }

    void httpsClientStartsWithTls()
    {
        // An https URL sends a ClientHello first, never the request in the clear.
        auto session = clientSession({{"url", "https://bridge.test/Secret-Path"}}, m_env);
        QVERIFY(session);
        SessionOutput out;
        session->start(out);
        QVERIFY(!out.failed());
        QVERIFY(out.toWire.size() > 100);
        QCOMPARE(out.toWire.at(0), char(0x16));
        QVERIFY(!out.toWire.contains("GET "));
        QVERIFY(out.toWire.contains("bridge.test")); // the SNI
        // servername overrides the SNI.
        session =
            clientSession({{"url", "https://bridge.test/Secret-Path"}, {"servername", "cdn.example"}}, m_env);
        SessionOutput out2;
        session->start(out2);
        QVERIFY(out2.toWire.contains("cdn.example"));
        QVERIFY(!out2.toWire.contains("bridge.test"));
    }

    void clientAccepts101AtEverySplit()
    {
        const QByteArray reply =
            "HTTP/1.1 101 Switching Protocols\r\nCONNECTION: Upgrade\r\nupgrade: WebSocket\r\n"
            "Date: Mon, 07 Dec 2026 18:00:00 GMT\r\n\r\n";
        const QByteArray stream =
            QByteArrayLiteral("\x00\xffstream bytes in the same segment\r\n\r\nHTTP/1.1 200");
        const QByteArray in = reply + stream;
        for (qsizetype at = 0; at <= in.size(); ++at) {
            auto session = clientSession({{"url", "http://bridge.test/Secret-Path"}}, m_env);
            SessionOutput out;
            session->start(out);
            session->onApp("early", out); // held until the 101
            QCOMPARE(session->pendingAppBytes(), 5);
            QCOMPARE(out.toWire, kRequest);
            session->onWire(in.left(at), out);
            session->onWire(in.mid(at), out);
            QVERIFY2(!out.failed(), qPrintable(out.error));
            QVERIFY(session->handshakeDone());
            QCOMPARE(out.toApp, stream);
            QCOMPARE(out.toWire, kRequest + "early");
            QCOMPARE(session->pendingAppBytes(), 0);
            // Raw bytes both ways from now on, no framing.
            SessionOutput more;
            session->onApp("up", more);
            session->onWire("down", more);
            QCOMPARE(more.toWire, QByteArray("up"));
            QCOMPARE(more.toApp, QByteArray("down"));
        }
    }

    void clientRefusesAnythingButA101_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("200") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        QTest::newRow("404 page") << QByteArray(
            "HTTP/1.1 404 Not Found\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n");
        QTest::newRow("400, closing") << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        QTest::newRow("101 without Upgrade")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n");
        QTest::newRow("101 without Connection")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
        QTest::newRow("101 to h2c") << QByteArray(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n");
        QTest::newRow("101, Connection: keep-alive") << QByteArray(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: keep-alive\r\nUpgrade: websocket\r\n\r\n");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2p1\r\n");
        QTest::newRow("folded header")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n"
                          " Upgrade: websocket\r\n\r\n");
    }
    void clientRefusesAnythingButA101()
    {
        QFETCH(QByteArray, reply);
        auto session = clientSession({{"url", "http://bridge.test/Secret-Path"}}, m_env);
        SessionOutput out;
        session->start(out);
        session->onApp("secret", out);
        for (char c : reply) // byte by byte: the answer does not depend on the cut
            session->onWire(QByteArray(1, c), out);
        QVERIFY(out.failed());
        QVERIFY(!session->handshakeDone());
        QVERIFY(out.toApp.isEmpty());
        QVERIFY(!out.toWire.contains("secret")); // nothing of the application leaked
    }

    void clientEofBeforeThe101IsKeptForAfter()
    {
        // Application bytes and EOF before the 101 go out after it, in order; over TLS
        // the EOF becomes close_notify (checked in httpsEndToEnd).
        auto session = clientSession({{"url", "http://bridge.test/Secret-Path"}}, m_env);
        SessionOutput out;
        session->start(out);
        session->onApp("abc", out);
        session->onAppEof(out);
        QCOMPARE(session->pendingAppBytes(), 3);
        session->onWire(k101, out);
        QVERIFY(session->handshakeDone());
        QCOMPARE(out.toWire, kRequest + "abc");
        QCOMPARE(session->pendingAppBytes(), 0);
    }

    void serverAnswersTheUpgradeAtEverySplit()
    {
        const QByteArray request =
            "GET /Secret-Path?x=1 HTTP/1.1\r\nHost: bridge.test\r\nconnection: Keep-Alive, UPGRADE\r\n"
            "UPGRADE: WebSocket\r\nX-Forwarded-For: 203.0.113.7, 10.0.0.1\r\n\r\n";
        const QByteArray stream = QByteArrayLiteral("\x16\x03\x01 tor's bytes\r\n\r\n");
        const QByteArray in = request + stream;
        for (qsizetype at = 0; at <= in.size(); ++at) {
            ServerRun run = runServer({in.left(at), in.mid(at)});
            QVERIFY(run.session);
            QVERIFY2(!run.out.failed(), qPrintable(run.out.error));
            QVERIFY(run.session->handshakeDone());
            QCOMPARE(run.out.toWire, k101);
            QVERIFY(!run.out.endWire);
            QCOMPARE(run.out.toApp, stream);
            QCOMPARE(run.session->clientAddress(), QStringLiteral("203.0.113.7"));
            QCOMPARE(refusedStatus(run), 0);
        }
        ServerRun run = runServer(
            {"GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"});
        SessionOutput more;
        run.session->onApp("down", more);
        run.session->onWire("up", more);
        QCOMPARE(more.toWire, QByteArray("down"));
        QCOMPARE(more.toApp, QByteArray("up"));
        QVERIFY(run.session->clientAddress().isEmpty()); // no X-Forwarded-For: the TCP peer
    }

    void serverAnswersProbesLikeAWebServer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray upgrade = "Host: bridge.test\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n";
        QTest::newRow("wrong path") << "GET /wrong HTTP/1.1\r\n" + upgrade << 404;
        QTest::newRow("path prefix") << "GET /Secret HTTP/1.1\r\n" + upgrade << 404;
        QTest::newRow("path below") << "GET /Secret-Path/x HTTP/1.1\r\n" + upgrade << 404;
        QTest::newRow("path case") << "GET /secret-path HTTP/1.1\r\n" + upgrade << 404;
        QTest::newRow("root") << "GET / HTTP/1.1\r\n" + upgrade << 404;
        QTest::newRow("POST") << "POST /Secret-Path HTTP/1.1\r\n" + upgrade << 405;
        QTest::newRow("browser GET") << QByteArray("GET /Secret-Path HTTP/1.1\r\nHost: bridge.test\r\n"
                                                   "User-Agent: Mozilla/5.0\r\nAccept: text/html\r\n\r\n")
                                     << 400;
        QTest::newRow("upgrade to h2c")
            << QByteArray("GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\n"
                          "Upgrade: h2c\r\n\r\n")
            << 400;
        QTest::newRow("no Connection: upgrade") << QByteArray("GET /Secret-Path HTTP/1.1\r\nHost: b\r\n"
                                                              "Upgrade: websocket\r\n\r\n")
                                                << 400;
        QTest::newRow("no Host") << "GET /Secret-Path HTTP/1.1\r\n" + upgrade.mid(19) << 400;
        QTest::newRow("a body") << QByteArray(
                                       "GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\n"
                                       "Upgrade: websocket\r\nContent-Length: 4\r\n\r\nbody")
                                << 400;
        QTest::newRow("gzip body") << QByteArray(
                                          "GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\n"
                                          "Upgrade: websocket\r\nTransfer-Encoding: gzip\r\n\r\n")
                                   << 501;
        QTest::newRow("TLS ClientHello")
            << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + QByteArray(400, 'r') << 400;
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
        QTest::newRow("oversize head") << "GET /Secret-Path HTTP/1.1\r\nX: " + QByteArray(9000, 'a') << 400;
        QTest::newRow("NUL in a header")
            << QByteArrayLiteral("GET /Secret-Path HTTP/1.1\r\nHost: b\0\r\n\r\n") << 400;
    }
    void serverAnswersProbesLikeAWebServer()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerRun whole = runServer({request});
        QVERIFY(whole.session);
        QCOMPARE(refusedStatus(whole), status);
        QVERIFY(!whole.session->handshakeDone());
        QVERIFY(!whole.out.failed()); // an answer and an orderly close, not an abort
        QVERIFY(whole.out.endWire);
        QVERIFY(whole.out.toApp.isEmpty());
        // What nginx sends: its status line, Server header and HTML page, then close.
        const QByteArray& page = whole.out.toWire;
        QVERIFY2(page.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                 page.constData());
        QVERIFY(page.contains("\r\nServer: nginx\r\n"));
        QVERIFY(page.contains("\r\nConnection: close\r\n"));
        QVERIFY(page.contains("<center>nginx</center>"));
        QVERIFY(!page.contains("101"));
        QVERIFY(!page.contains("ebsocket"));
        QVERIFY(!page.contains("tunnel"));
        // Byte by byte gives the same answer; later bytes change nothing.
        QByteArrayList bytes;
        for (char c : request)
            bytes << QByteArray(1, c);
        ServerRun split = runServer(bytes);
        QCOMPARE(split.out.toWire, page);
        split.session->onWire(
            "GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n",
            split.out);
        QCOMPARE(split.out.toWire, page);
        QVERIFY(!split.session->handshakeDone());
        QVERIFY(split.out.toApp.isEmpty());
    }

    void xForwardedForBecomesClientAddress_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("address");
        QTest::newRow("one IPv4") << QByteArray("198.51.100.4") << "198.51.100.4";
        QTest::newRow("first of a list") << QByteArray("203.0.113.7, 10.0.0.1, 127.0.0.1") << "203.0.113.7";
        QTest::newRow("IPv6") << QByteArray("2001:db8::77") << "2001:db8::77";
        QTest::newRow("IPv4 with port") << QByteArray("198.51.100.4:5555") << "198.51.100.4:5555";
        QTest::newRow("IPv6 with port") << QByteArray("[2001:db8::77]:443") << "[2001:db8::77]:443";
        QTest::newRow("port 0 (tor refuses it): bare") << QByteArray("198.51.100.4:0") << "198.51.100.4";
        QTest::newRow("a name") << QByteArray("unknown") << "";
        QTest::newRow("empty") << QByteArray("") << "";
        QTest::newRow("garbage") << QByteArray("1.2.3.4.5, 6.7.8.9") << "";
    }
    void xForwardedForBecomesClientAddress()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, address);
        ServerRun run =
            runServer({"GET /Secret-Path HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n"
                       "X-Forwarded-For: " +
                       header + "\r\n\r\n"});
        QVERIFY(run.session->handshakeDone());
        QCOMPARE(run.session->clientAddress(), address);
    }

    void serverPathComesFromItsUrl()
    {
        // The query of the server's url is not part of the path it answers.
        ServerRun run =
            runServer({"GET /p/q HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"},
                      QStringLiteral("https://bridge.test/p/q?ignored=1"));
        QVERIFY(run.session->handshakeDone());
        run = runServer({"GET / HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"},
                        QStringLiteral("http://bridge.test"));
        QVERIFY(run.session->handshakeDone());
    }

    void smethodArgs()
    {
        auto server = makeServer({{"url", "https://bridge.test/Secret-Path"}});
        QVERIFY(server);
        const QList<std::pair<QString, QString>> expected{{"url", "https://bridge.test/Secret-Path"},
                                                          {"ver", "0.0.1"}};
        QCOMPARE(server->smethodArgs(), expected);
        QCOMPARE(QString::fromLatin1(webtunnel::kVersion), QStringLiteral("0.0.1"));
    }

    void optionErrors_data()
    {
        QTest::addColumn<bool>("server");
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<QString>("error");
        QTest::newRow("client: no url") << false << QJsonObject{{"ver", "0.0.1"}} << "needs option 'url'";
        QTest::newRow("client: empty url") << false << QJsonObject{{"url", ""}} << "needs option 'url'";
        QTest::newRow("client: url not a string") << false << QJsonObject{{"url", 5}} << "must be a string";
        QTest::newRow("client: ftp") << false << QJsonObject{{"url", "ftp://bridge.test/x"}} << "only http";
        QTest::newRow("client: no host") << false << QJsonObject{{"url", "https:///x"}} << "option 'url'";
        QTest::newRow("client: fragment")
            << false << QJsonObject{{"url", "https://b.test/x#y"}} << "fragment";
        QTest::newRow("client: bad servername")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"servername", "a b"}} << "'servername'";
        QTest::newRow("client: addr without port")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"addr", "127.0.0.1"}} << "'addr'";
        QTest::newRow("client: addr port 0")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"addr", "127.0.0.1:0"}} << "'addr'";
        QTest::newRow("client: cert not base64")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"cert", "not a pin"}} << "'cert'";
        QTest::newRow("client: cert too short")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"cert", "AAAA"}} << "'cert'";
        QTest::newRow("client: ver not a string")
            << false << QJsonObject{{"url", "https://b.test/x"}, {"ver", 1}} << "'ver' must be a string";
        QTest::newRow("server: no url") << true << QJsonObject{} << "needs option 'url'";
        QTest::newRow("server: bad url") << true << QJsonObject{{"url", "bridge.test/x"}} << "option 'url'";
        QTest::newRow("server: ver not a string")
            << true << QJsonObject{{"url", "https://b.test/x"}, {"ver", true}} << "'ver' must be a string";
    }
    void optionErrors()
    {
        QFETCH(bool, server);
        QFETCH(QJsonObject, options);
        QFETCH(QString, error);
        QString why;
        if (server) {
            QVERIFY(!makeServer(options, &why));
        } else {
            // From the bridge line (per connection): newSession refuses (SOCKS X'13').
            auto s = clientSession(options, m_env, &why);
            QVERIFY(!s);
            QVERIFY2(why.contains(error), qPrintable(why));
            QVERIFY(!makeClient()->dialTarget(options));
            // From -options: the transport refuses (CMETHOD-ERROR).
            why.clear();
            if (options.contains(QStringLiteral("url")))
                QVERIFY(!makeClient(options, &why));
            else
                QVERIFY(makeClient(options, &why)); // url may come per connection
        }
        if (!why.isEmpty()) QVERIFY2(why.contains(error), qPrintable(why));
    }

    void goodClientOptions()
    {
        QString err;
        const QByteArray pin = QCryptographicHash::hash("leaf", QCryptographicHash::Sha256);
        auto r = webtunnel::parseClientOptions({{"url", "https://bridge.test:8443/p"},
                                                {"ver", "0.0.1"},
                                                {"servername", "cdn.example"},
                                                {"addr", "[::1]:9443"},
                                                {"cert", QString::fromLatin1(pin.toBase64())},
                                                {"utls", "hellochrome_auto"}});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.url.host, QStringLiteral("bridge.test"));
        QCOMPARE(int(r.value.url.port), 8443);
        QCOMPARE(r.value.serverName, QStringLiteral("cdn.example"));
        QCOMPARE(r.value.addr->toString(), QStringLiteral("[::1]:9443"));
        QCOMPARE(r.value.pinSha256, pin);
        QCOMPARE(r.value.ver, QStringLiteral("0.0.1"));
    }

    void dialTargetIsTheUrlOrAddr()
    {
        auto client = makeClient();
        QVERIFY(client);
        QVERIFY(!client->namesOwnServer()); // url comes per connection
        auto t = client->dialTarget({{"url", "https://bridge.test/x"}});
        QVERIFY(t);
        QCOMPARE(t->toString(), QStringLiteral("bridge.test:443"));
        t = client->dialTarget({{"url", "http://bridge.test/x"}});
        QCOMPARE(t->toString(), QStringLiteral("bridge.test:80"));
        t = client->dialTarget({{"url", "https://bridge.test:8443/x"}, {"addr", "127.0.0.1:4443"}});
        QCOMPARE(t->toString(), QStringLiteral("127.0.0.1:4443"));
        auto fixed = makeClient({{"url", "https://bridge.test/x"}});
        QVERIFY(fixed && fixed->namesOwnServer());
    }

    void httpsEndToEnd_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << (1 << 30);
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("100-byte pieces") << 100;
    }
    void httpsEndToEnd()
    {
        // Our client session -> TLS front (our engine, certificate from a test CA trusted
        // through SSL_CERT_FILE) -> our server session, all in memory.
        QFETCH(int, chunk);
        QTemporaryDir dir;
        const testcerts::Identity ca = testcerts::makeIdentity("test CA", nullptr, true, "");
        const testcerts::Identity leaf =
            testcerts::makeIdentity("bridge.test", &ca, false, "DNS:bridge.test");
        QVERIFY(ca.cert && leaf.cert);
        QFile caFile(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(caFile.open(QIODevice::WriteOnly));
        caFile.write(ca.certPem);
        caFile.close();
        qputenv("SSL_CERT_FILE", QFile::encodeName(caFile.fileName()));
        qputenv("SSL_CERT_DIR", QFile::encodeName(dir.path()));

        QString err;
        auto frontCtx = tls::Context::server(leaf.certPem, leaf.keyPem, &err);
        QVERIFY2(frontCtx, qPrintable(err));
        auto front = tls::Engine::server(frontCtx);
        // A transport made now loads the trust store SSL_CERT_FILE names.
        auto client =
            clientSession({{"url", "https://bridge.test/Secret-Path"}}, m_env, nullptr, makeClient());
        QVERIFY(client);
        ServerRun server = runServer({});

        QByteArray c2f, f2c, clientApp, serverApp;
        QString failure;
        // Moves bytes (in pieces of `chunk`) until nothing is left to move. The front
        // decrypts what the client sends and hands it to the server session, and
        // encrypts what the server session answers.
        auto settle = [&] {
            for (int guard = 0; guard < 10000000 && (!c2f.isEmpty() || !f2c.isEmpty()); ++guard) {
                if (!c2f.isEmpty()) {
                    front->feedWire(c2f.left(chunk));
                    c2f.remove(0, qMin<qsizetype>(chunk, c2f.size()));
                    SessionOutput so;
                    server.session->onWire(front->takeApp(), so);
                    serverApp += so.toApp;
                    front->writeApp(so.toWire);
                    f2c += front->takeWire();
                    if (so.failed() || so.endWire || front->failed())
                        failure = so.error + front->error() + QStringLiteral(" (refused)");
                }
                if (!f2c.isEmpty()) {
                    SessionOutput o;
                    client->onWire(f2c.left(chunk), o);
                    f2c.remove(0, qMin<qsizetype>(chunk, f2c.size()));
                    clientApp += o.toApp;
                    c2f += o.toWire;
                    if (o.failed()) failure = o.error;
                }
            }
        };
        SessionOutput co;
        client->start(co);
        client->onApp("before the 101", co);
        c2f += co.toWire;
        QVERIFY(!co.toWire.contains("GET"));
        settle();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(client->handshakeDone());
        QVERIFY(server.session->handshakeDone());
        QCOMPARE(serverApp, QByteArray("before the 101"));

        const QByteArray up(chunk == 1 ? 5000 : 300000, 'u'), down(chunk == 1 ? 4000 : 200000, 'd');
        SessionOutput o;
        client->onApp(up, o);
        c2f += o.toWire;
        SessionOutput so;
        server.session->onApp(down, so);
        front->writeApp(so.toWire);
        f2c += front->takeWire();
        settle();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(serverApp, "before the 101" + up);
        QCOMPARE(clientApp, down);

        // The application's EOF becomes TLS close_notify.
        SessionOutput e;
        client->onAppEof(e);
        c2f += e.toWire;
        QVERIFY(!front->peerClosed());
        settle();
        QVERIFY(front->peerClosed());
        QVERIFY(!front->failed());
    }
};

QTEST_GUILESS_MAIN(TestWebtunnel)
#include "tst_webtunnel.moc"
