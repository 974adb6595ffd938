// meek's client and server sessions (transports/meek/MeekSession) with fixed randomness
// and a fake clock: the requests the client sends and when, and how the server answers.

#include "dispatcher/protocols/Http1.h"
#include "dispatcher/transports/StreamHub.h"
#include "dispatcher/transports/meek/MeekOptions.h"
#include "dispatcher/transports/meek/MeekSession.h"

#include <QtTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

using namespace pt;
using meek::ClientSession;
using meek::ServerSession;

namespace {

// Randomness counts up from 0; time moves only when a test says so.
class FakeEnv final : public SessionEnv
{
public:
    void randomBytes(void* out, size_t len) override
    {
        auto* p = static_cast<uint8_t*>(out);
        for (size_t i = 0; i < len; ++i)
            p[i] = m_next++;
    }
    uint32_t randomUniform(uint32_t upper) override { return upper ? m_next++ % upper : 0; }
    int64_t nowMs() override { return now; }
    int64_t unixTime() override { return 1700000000; }

    int64_t now = 1000;

private:
    uint8_t m_next = 0;
};

std::unique_ptr<ClientSession> plainClient(SessionEnv& env,
                                           const QString& host = QStringLiteral("meek.test:8080"),
                                           const QString& path = QStringLiteral("/meek/"))
{
    return std::make_unique<ClientSession>([] { return WebChannel(); }, ClientSession::Request{host, path},
                                           env);
}

struct ParsedRequest
{
    http::Request head;
    QByteArray body;
};

// Every complete request in bytes (a client's output); fails the test on leftovers.
std::vector<ParsedRequest> requestsIn(const QByteArray& wire)
{
    std::vector<ParsedRequest> out;
    http::Parser p(http::Parser::Mode::Request, http::Limits{16 * 1024, 100, 1024, 1 << 20});
    p.feed(wire);
    while (p.messageComplete()) {
        ParsedRequest r;
        r.head = *p.takeRequest();
        r.body = p.takeBody();
        out.push_back(r);
        p.nextMessage();
    }
    if (p.failed() || p.bufferedBytes() > 0) out.push_back(ParsedRequest{}); // a marker the tests reject
    return out;
}

struct ParsedResponse
{
    http::Response head;
    QByteArray body;
};

std::vector<ParsedResponse> responsesIn(const QByteArray& wire)
{
    std::vector<ParsedResponse> out;
    http::Parser p(http::Parser::Mode::Response, http::Limits{16 * 1024, 100, 1024, 1 << 20});
    p.setRequestMethod("POST");
    p.feed(wire);
    while (p.messageComplete()) {
        ParsedResponse r;
        r.head = *p.takeResponse();
        r.body = p.takeBody();
        out.push_back(r);
        p.nextMessage("POST");
    }
    return out;
}

QByteArray response(int status, const QByteArray& body, bool close = false)
{
    http::Response r;
    r.status = status;
    r.reason = http::reasonPhrase(status);
    if (close) r.headers.add("Connection", "close");
    return http::encodeResponse(r, body);
}

QByteArray post(const QByteArray& sid, const QByteArray& body, bool close = false)
{
    http::Request r;
    r.method = "POST";
    r.target = "/";
    r.headers.add("Host", "meek.test");
    if (!sid.isNull()) r.headers.add("X-Session-Id", sid);
    if (close) r.headers.add("Connection", "close");
    return http::encodeRequest(r, body);
}

// A hub whose acceptor keeps the streams it opened (the I/O side in a test).
struct Hub
{
    explicit Hub(int64_t idleMs = 120000) : hub(idleMs)
    {
        hub.setAcceptor([this](std::shared_ptr<HubStream> s) { opened.push_back(std::move(s)); });
    }
    StreamHub hub;
    std::vector<std::shared_ptr<HubStream>> opened;
};

QByteArray pattern(int n, char seed = 0)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(seed + i * 7);
    return b;
}

// A self-signed P-256 certificate and key as PEM (OpenSSL makes them; no crypto here).
bool makeCertificate(QByteArray* certPem, QByteArray* keyPem)
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    bool ok = key && cert;
    if (ok) {
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
        X509_gmtime_adj(X509_getm_notBefore(cert), -60);
        X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
        X509_set_pubkey(cert, key);
        X509_NAME* name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("meek.test"), -1, -1, 0);
        X509_set_issuer_name(cert, name);
        ok = X509_sign(cert, key, EVP_sha256()) > 0;
    }
    auto toPem = [](auto write) {
        BIO* b = BIO_new(BIO_s_mem());
        write(b);
        char* data = nullptr;
        const long n = BIO_get_mem_data(b, &data);
        QByteArray out(data, int(n));
        BIO_free(b);
        return out;
    };
    if (ok) {
        *certPem = toPem([cert](BIO* b) { PEM_write_bio_X509(b, cert); });
        *keyPem =
            toPem([key](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok && !certPem->isEmpty() && !keyPem->isEmpty();
}

} // namespace

class TestMeek : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- client --------------------------------------------------------------------

    void sessionIdIsSixteenRandomBytesInHex()
    {
        FakeEnv env;
        auto c = plainClient(env);
        QCOMPARE(c->sessionId(), QByteArray("000102030405060708090a0b0c0d0e0f"));
        QVERIFY(c->handshakeDone()); // SOCKS granted at once, before any answer
    }

    void firstRequestIsAnEmptyPostWithHostPathAndSessionId()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        const auto reqs = requestsIn(out.toWire);
        QCOMPARE(reqs.size(), size_t(1));
        QCOMPARE(reqs[0].head.method, QByteArray("POST"));
        QCOMPARE(reqs[0].head.target, QByteArray("/meek/"));
        QCOMPARE(reqs[0].head.headers.value("Host"), QByteArray("meek.test:8080"));
        QCOMPARE(reqs[0].head.headers.value("X-Session-Id"), c->sessionId());
        QCOMPARE(reqs[0].head.headers.value("Content-Length"), QByteArray("0"));
        QVERIFY(reqs[0].body.isEmpty());
        QVERIFY(c->requestInFlight());
        QVERIFY(!c->nextWakeupMs()); // nothing scheduled while a request is out
    }

    void bodiesCarryAtMost64KiBInOrder()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        const QByteArray up = pattern(150000);
        SessionOutput o1;
        c->onApp(up, o1);
        QVERIFY(o1.toWire.isEmpty()); // one request at a time
        QCOMPARE(c->pendingAppBytes(), qint64(up.size()));
        QByteArray sent;
        for (int i = 0; i < 3; ++i) {
            SessionOutput o;
            c->onWire(response(200, QByteArray()), o);
            const auto reqs = requestsIn(o.toWire);
            QCOMPARE(reqs.size(), size_t(1)); // sent at once: the last request carried data
            QVERIFY(reqs[0].body.size() <= meek::kMaxPayload);
            QCOMPARE(reqs[0].body.size(), qMin<qsizetype>(meek::kMaxPayload, up.size() - sent.size()));
            sent += reqs[0].body;
        }
        QCOMPARE(sent, up);
    }

    void responseBodiesGoToTheApplication()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        const QByteArray down = pattern(70000, 3);
        SessionOutput o;
        // Cut in two: the session waits for the whole response.
        const QByteArray r = response(200, down);
        c->onWire(r.left(100), o);
        QVERIFY(o.toApp.isEmpty() && o.toWire.isEmpty());
        c->onWire(r.mid(100), o);
        QCOMPARE(o.toApp, down);
        QCOMPARE(requestsIn(o.toWire).size(), size_t(1)); // data came: poll at once
    }

    void pollingBacksOffFrom100msByHalfTo5sAndResetsOnData()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        const QList<int64_t> expected = {100,  150,  225,  337,  505,  757, 1135,
                                         1702, 2553, 3829, 5000, 5000, 5000};
        for (int64_t delay : expected) {
            SessionOutput o;
            c->onWire(response(200, QByteArray()), o);
            QVERIFY(o.toWire.isEmpty());
            QCOMPARE(c->nextWakeupMs().value_or(-1), env.now + delay);
            env.now += delay - 1;
            SessionOutput early;
            c->onTimer(early);
            QVERIFY(early.toWire.isEmpty()); // not before its time
            env.now += 1;
            SessionOutput poll;
            c->onTimer(poll);
            const auto reqs = requestsIn(poll.toWire);
            QCOMPARE(reqs.size(), size_t(1));
            QVERIFY(reqs[0].body.isEmpty());
        }
        // Data from the server: the next poll goes at once, and the wait is 100 ms again.
        SessionOutput o;
        c->onWire(response(200, "data"), o);
        QCOMPARE(o.toApp, QByteArray("data"));
        QCOMPARE(requestsIn(o.toWire).size(), size_t(1));
        SessionOutput o2;
        c->onWire(response(200, QByteArray()), o2);
        QCOMPARE(c->nextWakeupMs().value_or(-1), env.now + 100);
    }

    void applicationDataCutsAPollWaitShort()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        for (int i = 0; i < 5; ++i) {
            SessionOutput o;
            c->onWire(response(200, QByteArray()), o);
            env.now = *c->nextWakeupMs();
            SessionOutput p;
            c->onTimer(p);
        }
        SessionOutput o;
        c->onWire(response(200, QByteArray()), o);
        QVERIFY(c->nextWakeupMs().value_or(0) > env.now + 500);
        SessionOutput a;
        c->onApp("now", a);
        const auto reqs = requestsIn(a.toWire);
        QCOMPARE(reqs.size(), size_t(1));
        QCOMPARE(reqs[0].body, QByteArray("now"));
        // A request that carried data: the next poll goes at once, 100 ms after an empty one.
        SessionOutput b;
        c->onWire(response(200, QByteArray()), b);
        QCOMPARE(requestsIn(b.toWire).size(), size_t(1));
        SessionOutput d;
        c->onWire(response(200, QByteArray()), d);
        QCOMPARE(c->nextWakeupMs().value_or(-1), env.now + 100);
    }

    void non200IsRetriedWithTheSameBodyThenTheSessionFails()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        SessionOutput a;
        c->onWire(response(200, QByteArray()), a);
        env.now = *c->nextWakeupMs();
        SessionOutput b;
        c->onApp("payload", b);
        c->onTimer(b);
        QCOMPARE(requestsIn(b.toWire).at(0).body, QByteArray("payload"));
        for (int i = 1; i <= ClientSession::kMaxRetries; ++i) {
            SessionOutput o;
            c->onWire(response(502, "<html>bad gateway</html>"), o);
            QVERIFY(!o.failed());
            QVERIFY(o.toApp.isEmpty()); // an error page is not data
            QVERIFY(o.toWire.isEmpty());
            QCOMPARE(c->nextWakeupMs().value_or(-1), env.now + ClientSession::kRetryDelayMs);
            SessionOutput more;
            c->onApp("later", more);
            QVERIFY(more.toWire.isEmpty()); // no shortcut around the retry delay
            env.now += ClientSession::kRetryDelayMs;
            SessionOutput r;
            c->onTimer(r);
            const auto reqs = requestsIn(r.toWire);
            QCOMPARE(reqs.size(), size_t(1));
            QCOMPARE(reqs[0].body, QByteArray("payload")); // the same body again
        }
        SessionOutput last;
        c->onWire(response(503, QByteArray()), last);
        QVERIFY(last.failed());
    }

    void aRetrySucceedingGoesOnWithTheQueuedData()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->onApp("one", out);
        QVERIFY(out.toWire.isEmpty()); // held until start()
        c->start(out);
        QCOMPARE(requestsIn(out.toWire).size(), size_t(1));
        QCOMPARE(requestsIn(out.toWire).at(0).body, QByteArray("one"));
        SessionOutput a;
        c->onWire(response(500, QByteArray()), a);
        c->onApp("two", a);
        env.now += ClientSession::kRetryDelayMs;
        SessionOutput b;
        c->onTimer(b);
        QCOMPARE(requestsIn(b.toWire).at(0).body, QByteArray("one"));
        SessionOutput d;
        c->onWire(response(200, "x"), d);
        QCOMPARE(d.toApp, QByteArray("x"));
        QCOMPARE(requestsIn(d.toWire).at(0).body, QByteArray("two"));
    }

    void connectionCloseFromTheServerRedialsAndTheSessionGoesOn()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        SessionOutput a;
        c->onWire(response(200, "hi", true), a);
        QCOMPARE(a.toApp, QByteArray("hi"));
        QVERIFY(a.redial);
        QVERIFY(a.toWire.isEmpty()); // nothing more on the spent connection
        SessionOutput b;
        c->onRedialed(b);
        const auto reqs = requestsIn(b.toWire);
        QCOMPARE(reqs.size(), size_t(1)); // the poll owed after data, on the new connection
        QCOMPARE(reqs[0].head.headers.value("X-Session-Id"), c->sessionId());
    }

    void aConnectionLostMidRequestResendsIt()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        c->onWire(response(200, QByteArray()), out);
        c->onApp("lost?", out);
        QCOMPARE(requestsIn(out.toWire).at(1).body, QByteArray("lost?"));
        SessionOutput a;
        c->onWireEof(a);
        QVERIFY(a.redial && !a.failed());
        SessionOutput b;
        c->onRedialed(b);
        QCOMPARE(requestsIn(b.toWire).at(0).body, QByteArray("lost?"));
        // Servers that keep closing without answering end the session.
        bool failed = false;
        for (int i = 0; i < 10 && !failed; ++i) {
            SessionOutput e;
            c->onWireEof(e);
            failed = e.failed();
            SessionOutput r;
            c->onRedialed(r);
        }
        QVERIFY(failed);
    }

    void afterApplicationEofPollingLingersThenTheConnectionEnds()
    {
        FakeEnv env;
        auto c = plainClient(env);
        SessionOutput out;
        c->start(out);
        SessionOutput a;
        c->onAppEof(a);
        const int64_t eofAt = env.now;
        QVERIFY(c->pendingAppBytes() > 0); // the Relay must not shut the wire down yet
        // The server (or front) closing the connection meanwhile: the session goes on.
        SessionOutput lost;
        c->onWireEof(lost);
        QVERIFY(lost.redial && !lost.failed());
        c->onRedialed(lost);
        // The server still has an answer for a while: it arrives.
        SessionOutput b;
        c->onWire(response(200, QByteArray()), b);
        QVERIFY(!b.endWire);
        env.now = *c->nextWakeupMs();
        SessionOutput p;
        c->onTimer(p);
        SessionOutput d;
        c->onWire(response(200, "late answer"), d);
        QCOMPARE(d.toApp, QByteArray("late answer"));
        QVERIFY(!d.endWire);
        const int64_t dataAt = env.now;
        QVERIFY(dataAt >= eofAt);
        // Then silence for kEofLingerMs: the session stops polling and ends the connection.
        bool ended = false;
        for (int i = 0; i < 50 && !ended; ++i) {
            SessionOutput e;
            c->onWire(response(200, QByteArray()), e);
            ended = e.endWire;
            if (ended) {
                QVERIFY(env.now - dataAt >= ClientSession::kEofLingerMs);
                QVERIFY(e.toWire.isEmpty());
                QCOMPARE(c->pendingAppBytes(), qint64(0));
                SessionOutput after;
                c->onWireEof(after);
                QVERIFY(!after.redial && !after.failed()); // done: the connection may end
                break;
            }
            QVERIFY(env.now - dataAt < ClientSession::kEofLingerMs);
            if (auto at = c->nextWakeupMs()) env.now = *at;
            SessionOutput t;
            c->onTimer(t);
        }
        QVERIFY(ended);
    }

    void optionsFrontReplacesHostAndPortHostHeaderStaysTheUrls()
    {
        auto r = meek::parseClientOptions(
            QJsonObject{{"url", "https://meek.example.net:8443/x/"}, {"front", "cdn.example.com"}});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.dialTo.host, QStringLiteral("cdn.example.com"));
        QCOMPARE(r.value.dialTo.port, quint16(443)); // the URL's port is dropped
        QCOMPARE(r.value.tlsName, QStringLiteral("cdn.example.com"));
        QCOMPARE(r.value.url.hostHeader, QStringLiteral("meek.example.net:8443"));
        QCOMPARE(r.value.url.path, QStringLiteral("/x/"));

        r = meek::parseClientOptions(
            QJsonObject{{"url", "https://meek.example.net/"}, {"front", "127.0.0.1:9443"}});
        QVERIFY(r.ok());
        QCOMPARE(r.value.dialTo.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(r.value.dialTo.port, quint16(9443));

        r = meek::parseClientOptions(QJsonObject{{"url", "https://meek.example.net:8443/"}});
        QVERIFY(r.ok());
        QCOMPARE(r.value.dialTo.host, QStringLiteral("meek.example.net"));
        QCOMPARE(r.value.dialTo.port, quint16(8443));

        QVERIFY(!meek::parseClientOptions(QJsonObject{}).ok());
        QVERIFY(!meek::parseClientOptions(QJsonObject{{"url", "ftp://x/"}}).ok());
        QVERIFY(!meek::parseClientOptions(QJsonObject{{"url", "https://x/"}, {"front", "bad host"}}).ok());
        // utls (lyrebird) is accepted and ignored: OpenSSL's fingerprint either way.
        QVERIFY(meek::parseClientOptions(QJsonObject{{"url", "https://x/"}, {"utls", "HelloRandomizedALPN"}})
                    .ok());
    }

    void serverOptions()
    {
        auto r = meek::parseServerOptions(QJsonObject{});
        QVERIFY(r.ok());
        QCOMPARE(r.value.idleTimeoutMs, int64_t(120000));
        QVERIFY(r.value.certFile.isEmpty());
        r = meek::parseServerOptions(
            QJsonObject{{"idle-timeout", "3"}, {"cert", "/c.pem"}, {"key", "/k.pem"}});
        QVERIFY(r.ok());
        QCOMPARE(r.value.idleTimeoutMs, int64_t(3000));
        QCOMPARE(r.value.certFile, QStringLiteral("/c.pem"));
        QVERIFY(!meek::parseServerOptions(QJsonObject{{"cert", "/c.pem"}}).ok());
        QVERIFY(!meek::parseServerOptions(QJsonObject{{"key", "/k.pem"}}).ok());
        QVERIFY(!meek::parseServerOptions(QJsonObject{{"idle-timeout", "0"}}).ok());
        QVERIFY(!meek::parseServerOptions(QJsonObject{{"idle-timeout", "soon"}}).ok());
        QVERIFY(!meek::parseServerOptions(QJsonObject{{"url", "gopher://x"}}).ok());
    }

    // ---- server --------------------------------------------------------------------

    void getRootIsAPlainPageOtherMethodsAre400()
    {
        FakeEnv env;
        Hub hub;
        struct Case
        {
            QByteArray request;
            int status;
        };
        const QList<Case> cases = {
            {"GET / HTTP/1.1\r\nHost: meek.test\r\n\r\n", 200},
            {"GET /other HTTP/1.1\r\nHost: meek.test\r\n\r\n", 404},
            {"PUT / HTTP/1.1\r\nHost: meek.test\r\nContent-Length: 1\r\n\r\nx", 400},
            {"DELETE / HTTP/1.1\r\nHost: meek.test\r\n\r\n", 400},
            {post(QByteArray(), "data"), 400},
            {post("1234567", "data"), 400},
            {"\x16\x03\x01 random bytes\r\n\r\n", 400},
        };
        for (const Case& k : cases) {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            s.start(out);
            s.onWire(k.request, out);
            const auto resp = responsesIn(out.toWire);
            QCOMPARE(resp.size(), size_t(1));
            QCOMPARE(resp[0].head.status, k.status);
            if (k.status == 200) {
                QVERIFY(resp[0].body.contains("web server"));
                QVERIFY(!out.endWire); // keep-alive, as any web server
            } else {
                QCOMPARE(resp[0].head.headers.value("Connection"), QByteArray("close"));
                QVERIFY(out.endWire);
            }
        }
        QVERIFY(hub.opened.empty()); // no probe opened a stream
    }

    void postWaits10msForTheTargetThenAnswers()
    {
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env);
        SessionOutput out;
        s.start(out);
        s.onWire(post("0123456789abcdef", "up bytes"), out);
        QCOMPARE(hub.opened.size(), size_t(1));
        auto stream = hub.opened[0];
        QCOMPARE(stream->id(), QStringLiteral("0123456789abcdef"));
        QCOMPARE(stream->takeUp(), QByteArray("up bytes"));
        QVERIFY(out.toWire.isEmpty());
        QCOMPARE(s.nextWakeupMs().value_or(-1), env.now + ServerSession::kTurnaroundMs);
        stream->pushDown("down bytes");
        env.now += ServerSession::kTurnaroundMs - 1;
        SessionOutput early;
        s.onTimer(early);
        QVERIFY(early.toWire.isEmpty());
        env.now += 1;
        SessionOutput o;
        s.onTimer(o);
        auto resp = responsesIn(o.toWire);
        QCOMPARE(resp.size(), size_t(1));
        QCOMPARE(resp[0].head.status, 200);
        QCOMPARE(resp[0].head.headers.value("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(resp[0].body, QByteArray("down bytes"));
        QVERIFY(!o.endWire);

        // Nothing from the target: an empty 200 after 10 ms.
        SessionOutput p;
        s.onWire(post("0123456789abcdef", QByteArray()), p);
        QVERIFY(p.toWire.isEmpty());
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(p);
        resp = responsesIn(p.toWire);
        QCOMPARE(resp.size(), size_t(1));
        QCOMPARE(resp[0].head.status, 200);
        QVERIFY(resp[0].body.isEmpty());
        QCOMPARE(hub.opened.size(), size_t(1)); // the same session, the same stream

        // Bytes already waiting: answered at once.
        stream->pushDown("ready");
        SessionOutput q;
        s.onWire(post("0123456789abcdef", QByteArray()), q);
        QCOMPARE(responsesIn(q.toWire).at(0).body, QByteArray("ready"));
    }

    void bodiesOver64KiBAre413AndTheSessionIsUntouched()
    {
        FakeEnv env;
        Hub hub;
        const QByteArray sid = "fedcba9876543210";
        {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            s.onWire(post(sid, "before"), out);
        }
        QCOMPARE(hub.opened.size(), size_t(1));
        auto stream = hub.opened[0];
        QCOMPARE(stream->takeUp(), QByteArray("before"));
        {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            const QByteArray big = post(sid, pattern(int(meek::kMaxPayload) + 1));
            s.onWire(big.left(200), out); // Content-Length alone decides
            const auto resp = responsesIn(out.toWire);
            QCOMPARE(resp.size(), size_t(1));
            QCOMPARE(resp[0].head.status, 413);
            QCOMPARE(resp[0].head.headers.value("Connection"), QByteArray("close"));
            QVERIFY(out.endWire);
            SessionOutput rest;
            s.onWire(big.mid(200), rest);
            QVERIFY(rest.toWire.isEmpty());
        }
        QVERIFY(stream->takeUp().isEmpty()); // none of it reached the target
        {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            const QByteArray max = pattern(int(meek::kMaxPayload), 5);
            s.onWire(post(sid, max), out);
            QCOMPARE(stream->takeUp(), max);
        }
        QCOMPARE(hub.opened.size(), size_t(1));
    }

    void responsesCarryAtMost64KiB()
    {
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env);
        SessionOutput a;
        s.onWire(post("0123456789abcdef", QByteArray()), a);
        const QByteArray down = pattern(150000, 9);
        hub.opened[0]->pushDown(down);
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(a);
        QByteArray got;
        auto resp = responsesIn(a.toWire);
        QCOMPARE(resp.size(), size_t(1));
        QCOMPARE(resp[0].body.size(), meek::kMaxPayload);
        got += resp[0].body;
        for (int i = 0; i < 2; ++i) {
            SessionOutput o;
            s.onWire(post("0123456789abcdef", QByteArray()), o);
            resp = responsesIn(o.toWire);
            QCOMPARE(resp.size(), size_t(1));
            QVERIFY(resp[0].body.size() <= meek::kMaxPayload);
            got += resp[0].body;
        }
        QCOMPARE(got, down);
    }

    void connectionCloseIsAnsweredWithConnectionClose()
    {
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env);
        SessionOutput out;
        s.onWire(post("0123456789abcdef", "x", true), out);
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        const auto resp = responsesIn(out.toWire);
        QCOMPARE(resp.size(), size_t(1));
        QCOMPARE(resp[0].head.status, 200);
        QCOMPARE(resp[0].head.headers.value("Connection"), QByteArray("close"));
        QVERIFY(out.endWire);
    }

    void aFinishedTargetIs500AndTheSessionEnds()
    {
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env);
        SessionOutput out;
        s.onWire(post("0123456789abcdef", QByteArray()), out);
        hub.opened[0]->closeDown(QStringLiteral("target closed"));
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        const auto resp = responsesIn(out.toWire);
        QCOMPARE(resp.size(), size_t(1));
        QCOMPARE(resp[0].head.status, 500);
        QCOMPARE(resp[0].head.headers.value("Connection"), QByteArray("close"));
        QVERIFY(out.endWire);
        QVERIFY(!hub.hub.find(QStringLiteral("0123456789abcdef")));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env);
        SessionOutput out;
        s.onWire(post("aaaaaaaaaaaaaaaa", "1") + post("bbbbbbbbbbbbbbbb", "2"), out);
        QCOMPARE(hub.opened.size(), size_t(1)); // the second waits for the first's answer
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        QCOMPARE(hub.opened.size(), size_t(2));
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        QCOMPARE(responsesIn(out.toWire).size(), size_t(2));
        QCOMPARE(hub.opened[0]->takeUp(), QByteArray("1"));
        QCOMPARE(hub.opened[1]->takeUp(), QByteArray("2"));
    }

    void idleConnectionsAndStalledRequestsClose()
    {
        FakeEnv env;
        Hub hub;
        {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            s.start(out);
            QCOMPARE(s.nextWakeupMs().value_or(-1), env.now + ServerSession::kIdleMs);
            env.now += ServerSession::kIdleMs;
            s.onTimer(out);
            QVERIFY(out.endWire);
            QVERIFY(out.toWire.isEmpty()); // no request, no answer
        }
        {
            ServerSession s(hub.hub, env);
            SessionOutput out;
            s.onWire("POST / HTTP/1.1\r\nHost: x\r\n", out); // a head cut short
            QCOMPARE(s.nextWakeupMs().value_or(-1), env.now + ServerSession::kRequestTimeoutMs);
            env.now += ServerSession::kRequestTimeoutMs;
            s.onTimer(out);
            QVERIFY(out.endWire);
        }
    }

    void sessionExpiryCountsFromTheLastRequest()
    {
        // The I/O side (net/HubStreamConnection) closes a stream whose idleMs() passed
        // the hub's idle timeout; the sessions keep idleMs() honest.
        FakeEnv env;
        Hub hub(3000);
        QCOMPARE(hub.hub.idleTimeoutMs(), int64_t(3000));
        ServerSession s(hub.hub, env);
        SessionOutput out;
        s.onWire(post("0123456789abcdef", QByteArray()), out);
        auto stream = hub.opened.at(0);
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        env.now += 2000;
        QCOMPARE(stream->idleMs(env.now), int64_t(2000));
        s.onWire(post("0123456789abcdef", QByteArray()), out);
        QCOMPARE(stream->idleMs(env.now), int64_t(0));
        env.now += 3001;
        QVERIFY(stream->idleMs(env.now) > hub.hub.idleTimeoutMs());
        // Once the I/O side closes it, a request for it is 500 and the session ends.
        env.now += ServerSession::kTurnaroundMs;
        s.onTimer(out);
        stream->closeUp();
        SessionOutput late;
        s.onWire(post("0123456789abcdef", "too late"), late);
        QCOMPARE(responsesIn(late.toWire).at(0).head.status, 500);
        QVERIFY(late.endWire);
    }

    // ---- both ----------------------------------------------------------------------

    void overTlsTheServerAnswersAndClosesWithCloseNotify()
    {
        QByteArray certPem, keyPem;
        QVERIFY(makeCertificate(&certPem, &keyPem));
        QString err;
        auto serverCtx = tls::Context::server(certPem, keyPem, &err);
        QVERIFY2(serverCtx, qPrintable(err));
        tls::ClientOptions co;
        co.verifyPeer = false; // the engine's verification has its own tests
        co.alpn = {QByteArrayLiteral("http/1.1")};
        auto clientCtx = tls::Context::client(co, &err);
        QVERIFY2(clientCtx, qPrintable(err));

        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env, serverCtx);
        SessionOutput so;
        s.start(so);
        // Before the TLS handshake completes, a stalled peer gets the request timeout.
        QCOMPARE(s.nextWakeupMs().value_or(-1), env.now + ServerSession::kRequestTimeoutMs);

        auto engine =
            tls::Engine::client(clientCtx, QStringLiteral("meek.test"), QStringLiteral("meek.test"), {});
        engine->start();
        QByteArray toServer = engine->takeWire(), plainBack;
        engine->writeApp(post("0123456789abcdef", "over tls") + post("0123456789abcdef", QByteArray(), true));
        bool ended = false;
        for (int i = 0; i < 50 && !ended; ++i) {
            SessionOutput o;
            if (!toServer.isEmpty()) s.onWire(toServer, o);
            toServer.clear();
            for (const auto& st : hub.opened) {
                const QByteArray up = st->takeUp();
                if (!up.isEmpty()) st->pushDown(up.toUpper());
            }
            env.now += ServerSession::kTurnaroundMs;
            s.onTimer(o);
            QVERIFY2(!o.failed(), qPrintable(o.error));
            ended = o.endWire;
            engine->feedWire(o.toWire);
            plainBack += engine->takeApp();
            toServer += engine->takeWire();
        }
        QVERIFY(ended);
        QVERIFY(engine->handshakeDone() && !engine->failed());
        QVERIFY(engine->peerClosed()); // close_notify came after the last answer
        const auto resp = responsesIn(plainBack);
        QCOMPARE(resp.size(), size_t(2));
        QCOMPARE(resp[0].body, QByteArray("OVER TLS"));
        QCOMPARE(resp[1].head.headers.value("Connection"), QByteArray("close"));
    }

    void overTlsPlainHttpIsRefused()
    {
        QByteArray certPem, keyPem;
        QVERIFY(makeCertificate(&certPem, &keyPem));
        QString err;
        auto serverCtx = tls::Context::server(certPem, keyPem, &err);
        QVERIFY(serverCtx);
        FakeEnv env;
        Hub hub;
        ServerSession s(hub.hub, env, serverCtx);
        SessionOutput o;
        s.start(o);
        s.onWire("GET / HTTP/1.1\r\nHost: meek.test\r\n\r\n", o);
        QVERIFY(o.failed());
        QVERIFY(!o.toWire.contains("HTTP/1.1")); // no web page in the clear
        QVERIFY(hub.opened.empty());
    }

    void clientAndServerCarryDataBothWays()
    {
        FakeEnv env;
        Hub hub;
        auto c = plainClient(env, QStringLiteral("meek.test"), QStringLiteral("/"));
        ServerSession s(hub.hub, env);
        const QByteArray up = pattern(300000, 1), down = pattern(200000, 2);
        QByteArray gotUp, gotDown, c2s, s2c;
        SessionOutput co;
        c->start(co);
        c->onApp(up, co);
        c2s += co.toWire;
        bool downPushed = false;
        for (int round = 0; round < 2000 && (gotUp.size() < up.size() || gotDown.size() < down.size());
             ++round) {
            SessionOutput so;
            if (!c2s.isEmpty()) {
                s.onWire(c2s, so);
                c2s.clear();
            }
            for (const auto& st : hub.opened) {
                gotUp += st->takeUp();
                if (!downPushed) {
                    st->pushDown(down);
                    downPushed = true;
                }
            }
            env.now += 5;
            s.onTimer(so);
            QVERIFY(!so.failed() && !so.endWire);
            s2c += so.toWire;
            SessionOutput o;
            if (!s2c.isEmpty()) {
                c->onWire(s2c, o);
                s2c.clear();
            }
            c->onTimer(o);
            QVERIFY(!o.failed());
            gotDown += o.toApp;
            c2s += o.toWire;
        }
        QCOMPARE(hub.opened.size(), size_t(1));
        QCOMPARE(gotUp, up);
        QCOMPARE(gotDown, down);
    }
};

QTEST_GUILESS_MAIN(TestMeek)
#include "tst_meek.moc"
