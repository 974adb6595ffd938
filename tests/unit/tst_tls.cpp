// The sans-IO TLS engine (protocols/Tls) against OpenSSL's own SSL objects driven over
// memory BIOs in this test (a server for our client, a client for our server), whole
// and byte by byte; certificate verification through OpenSSL's default verify paths
// (SSL_CERT_FILE), host names, untrusted and expired chains, SNI, the SHA-256 pin; and
// how the engine ends (close_notify, truncation, garbage). The certificates are made
// here at run time with OpenSSL's X509 API.

#include "dispatcher/protocols/Tls.h"

#include "TestCerts.h"

#include <QTemporaryDir>
#include <QtTest>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

using namespace pt;
using namespace pt::testcerts;

namespace {

QString opensslErrors()
{
    QString s;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        s += QString::fromLatin1(buf) + QLatin1Char(' ');
    }
    return s;
}

// OpenSSL's own SSL object over memory BIOs: the peer our engine must interoperate with.
class RawPeer
{
public:
    RawPeer(SSL_CTX* ctx, bool server)
    {
        m_ssl = SSL_new(ctx);
        m_in = BIO_new(BIO_s_mem());
        m_out = BIO_new(BIO_s_mem());
        BIO_set_mem_eof_return(m_in, -1);
        SSL_set_bio(m_ssl, m_in, m_out);
        if (server)
            SSL_set_accept_state(m_ssl);
        else
            SSL_set_connect_state(m_ssl);
    }
    ~RawPeer() { SSL_free(m_ssl); }
    RawPeer(const RawPeer&) = delete;
    RawPeer& operator=(const RawPeer&) = delete;

    SSL* ssl() const { return m_ssl; }
    void feed(const QByteArray& b)
    {
        if (!b.isEmpty()) BIO_write(m_in, b.constData(), int(b.size()));
        step();
    }
    void write(const QByteArray& b)
    {
        m_pending += b;
        step();
    }
    void shutdown()
    {
        m_shutdown = true;
        step();
    }
    QByteArray takeWire()
    {
        QByteArray out(int(BIO_ctrl_pending(m_out)), Qt::Uninitialized);
        if (!out.isEmpty()) BIO_read(m_out, out.data(), int(out.size()));
        return out;
    }
    // Runs the handshake, writes what is pending, reads what has arrived.
    void step()
    {
        if (!error.isEmpty()) return;
        if (!done) {
            const int r = SSL_do_handshake(m_ssl);
            if (r != 1) {
                const int e = SSL_get_error(m_ssl, r);
                if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
                    error = QStringLiteral("handshake: %1 %2").arg(e).arg(opensslErrors());
                ERR_clear_error();
                return;
            }
            done = true;
        }
        while (!m_pending.isEmpty()) {
            const int n = SSL_write(m_ssl, m_pending.constData(), int(m_pending.size()));
            if (n <= 0) break;
            m_pending.remove(0, n);
        }
        char buf[16384];
        while (!closed) {
            const int n = SSL_read(m_ssl, buf, sizeof buf);
            if (n > 0) {
                app.append(buf, n);
                continue;
            }
            const int e = SSL_get_error(m_ssl, n);
            if (e == SSL_ERROR_ZERO_RETURN)
                closed = true;
            else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
                error = QStringLiteral("read: %1 %2").arg(e).arg(opensslErrors());
            break;
        }
        if (m_shutdown && m_pending.isEmpty() && !m_shutdownSent) {
            m_shutdownSent = true;
            SSL_shutdown(m_ssl);
        }
        ERR_clear_error();
    }

    bool done = false;
    bool closed = false;
    QString error;
    QByteArray app;

private:
    SSL* m_ssl;
    BIO* m_in;
    BIO* m_out;
    QByteArray m_pending;
    bool m_shutdown = false;
    bool m_shutdownSent = false;
};

// Moves ciphertext between the engine and the raw peer, in pieces of at most `chunk`
// bytes, until neither has anything to send.
void pump(tls::Engine& engine, RawPeer& peer, int chunk)
{
    for (int guard = 0; guard < 100000; ++guard) {
        const QByteArray toPeer = engine.takeWire();
        const QByteArray toEngine = peer.takeWire();
        if (toPeer.isEmpty() && toEngine.isEmpty()) return;
        for (qsizetype i = 0; i < toPeer.size(); i += chunk)
            peer.feed(toPeer.mid(i, chunk));
        for (qsizetype i = 0; i < toEngine.size(); i += chunk)
            engine.feedWire(toEngine.mid(i, chunk));
    }
    QFAIL("pump did not settle");
}

void pump(tls::Engine& a, tls::Engine& b, int chunk)
{
    for (int guard = 0; guard < 100000; ++guard) {
        const QByteArray ab = a.takeWire();
        const QByteArray ba = b.takeWire();
        if (ab.isEmpty() && ba.isEmpty()) return;
        for (qsizetype i = 0; i < ab.size(); i += chunk)
            b.feedWire(ab.mid(i, chunk));
        for (qsizetype i = 0; i < ba.size(); i += chunk)
            a.feedWire(ba.mid(i, chunk));
    }
    QFAIL("pump did not settle");
}

QByteArray pattern(int n, int seed)
{
    QByteArray b(n, Qt::Uninitialized);
    quint32 s = quint32(seed) * 2654435761u + 1;
    for (int i = 0; i < n; ++i) {
        s = s * 1103515245u + 12345u;
        b[i] = char(s >> 24);
    }
    return b;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Identity m_ca;       // trusted through SSL_CERT_FILE
    Identity m_leaf;     // bridge.test, front.test, 127.0.0.1; signed by m_ca
    Identity m_otherCa;  // never trusted
    Identity m_stranger; // bridge.test signed by m_otherCa
    Identity m_selfSigned;
    Identity m_expired; // bridge.test signed by m_ca, expired yesterday
    QString m_caFile;
    QString m_otherCaFile;

    void writeFile(const QString& path, const QByteArray& data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(data), data.size());
    }

    // SSL_CERT_FILE names the trust store for the contexts made after this; an empty
    // SSL_CERT_DIR keeps the system's roots out of the test.
    void trustOnly(const QString& file)
    {
        qputenv("SSL_CERT_FILE", QFile::encodeName(file));
        qputenv("SSL_CERT_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("empty"))));
    }

    std::shared_ptr<const tls::Context> clientContext(tls::ClientOptions options = {})
    {
        QString err;
        auto ctx = tls::Context::client(options, &err);
        if (!ctx) qWarning() << "client context:" << err;
        return ctx;
    }

    // OpenSSL's server: the identity's certificate (plus chain), TLS 1.2..maxVersion.
    CtxPtr rawServerContext(const Identity& id, const Identity* chain = nullptr,
                            int maxVersion = TLS1_3_VERSION)
    {
        CtxPtr ctx(SSL_CTX_new(TLS_server_method()));
        SSL_CTX_use_certificate(ctx.get(), id.cert.get());
        SSL_CTX_use_PrivateKey(ctx.get(), id.key.get());
        if (chain) SSL_CTX_add1_chain_cert(ctx.get(), chain->cert.get());
        SSL_CTX_set_min_proto_version(ctx.get(),
                                      maxVersion == TLS1_1_VERSION ? TLS1_VERSION : TLS1_2_VERSION);
        SSL_CTX_set_max_proto_version(ctx.get(), maxVersion);
        if (maxVersion == TLS1_1_VERSION) SSL_CTX_set_security_level(ctx.get(), 0);
        return ctx;
    }

    // A client engine against OpenSSL's server; returns the engine after the handshake
    // attempt (check handshakeDone()/error()).
    std::unique_ptr<tls::Engine> handshakeWithRawServer(const Identity& server, const QString& sni,
                                                        const QString& verifyHost, const QByteArray& pin = {},
                                                        RawPeer** peerOut = nullptr,
                                                        const Identity* chain = nullptr)
    {
        static CtxPtr keep;
        static std::unique_ptr<RawPeer> peer;
        keep = rawServerContext(server, chain);
        peer = std::make_unique<RawPeer>(keep.get(), true);
        auto engine = tls::Engine::client(clientContext(), sni, verifyHost, pin);
        engine->start();
        pump(*engine, *peer, 1 << 20);
        if (peerOut) *peerOut = peer.get();
        return engine;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("empty")));
        m_ca = makeIdentity("ptdispatcher test CA", nullptr, true, "");
        m_leaf = makeIdentity("bridge.test", &m_ca, false, "DNS:bridge.test,DNS:front.test,IP:127.0.0.1");
        m_otherCa = makeIdentity("someone else's CA", nullptr, true, "");
        m_stranger = makeIdentity("bridge.test", &m_otherCa, false, "DNS:bridge.test");
        m_selfSigned = makeIdentity("bridge.test", nullptr, false, "DNS:bridge.test");
        m_expired = makeIdentity("bridge.test", &m_ca, false, "DNS:bridge.test", -3 * 86400, -86400);
        for (const Identity* id : {&m_ca, &m_leaf, &m_otherCa, &m_stranger, &m_selfSigned, &m_expired})
            QVERIFY2(id->cert && !id->der.isEmpty(), qPrintable(opensslErrors()));
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        m_otherCaFile = m_dir.filePath(QStringLiteral("other-ca.pem"));
        writeFile(m_caFile, m_ca.certPem);
        writeFile(m_otherCaFile, m_otherCa.certPem);
        trustOnly(m_caFile);
    }

    void init() { trustOnly(m_caFile); }

    void clientAgainstOpenSslServer_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("maxVersion");
        QTest::newRow("whole, TLS 1.3") << (1 << 30) << 300000 << TLS1_3_VERSION;
        QTest::newRow("byte by byte, TLS 1.3") << 1 << 20000 << TLS1_3_VERSION;
        QTest::newRow("1000-byte pieces, TLS 1.3") << 1000 << 100000 << TLS1_3_VERSION;
        QTest::newRow("whole, TLS 1.2") << (1 << 30) << 300000 << TLS1_2_VERSION;
        QTest::newRow("byte by byte, TLS 1.2") << 1 << 20000 << TLS1_2_VERSION;
    }
    void clientAgainstOpenSslServer()
    {
        QFETCH(int, chunk);
        QFETCH(int, size);
        QFETCH(int, maxVersion);
        CtxPtr sctx = rawServerContext(m_leaf, nullptr, maxVersion);
        RawPeer server(sctx.get(), true);
        auto client =
            tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        QVERIFY(!client->failed());
        const QByteArray early = pattern(5000, 1);
        client->writeApp(early); // before the handshake: held, in order
        QCOMPARE(client->pendingAppBytes(), early.size());
        client->start();
        const QByteArray hello = client->takeWire();
        QVERIFY(hello.size() > 5);
        QCOMPARE(hello.at(0), char(0x16)); // a handshake record: the ClientHello
        for (qsizetype i = 0; i < hello.size(); i += chunk)
            server.feed(hello.mid(i, chunk));
        pump(*client, server, chunk);
        QVERIFY2(client->handshakeDone(), qPrintable(client->error()));
        QVERIFY2(server.done, qPrintable(server.error));
        QCOMPARE(SSL_version(server.ssl()), maxVersion);
        QCOMPARE(QByteArray(SSL_get_servername(server.ssl(), TLSEXT_NAMETYPE_host_name)),
                 QByteArray("bridge.test"));
        QCOMPARE(client->pendingAppBytes(), 0);

        const QByteArray up = pattern(size, 2), down = pattern(size, 3);
        client->writeApp(up);
        server.write(down);
        pump(*client, server, chunk);
        QCOMPARE(server.app, early + up);
        QCOMPARE(client->takeApp(), down);
        QVERIFY(client->takeApp().isEmpty());

        // close_notify both ways.
        client->close();
        pump(*client, server, chunk);
        QVERIFY(server.closed);
        QVERIFY(!client->peerClosed());
        server.shutdown();
        pump(*client, server, chunk);
        QVERIFY(client->peerClosed());
        QVERIFY(!client->failed());
        client->feedWireEof(); // after close_notify, EOF is the normal end
        QVERIFY(!client->failed());
    }

    void serverAgainstOpenSslClient_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << (1 << 30);
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("7-byte pieces") << 7;
    }
    void serverAgainstOpenSslClient()
    {
        QFETCH(int, chunk);
        QString err;
        auto sctx = tls::Context::server(m_leaf.certPem + m_ca.certPem, m_leaf.keyPem, &err);
        QVERIFY2(sctx, qPrintable(err));
        auto server = tls::Engine::server(sctx);
        server->start(); // harmless on a server
        QVERIFY(server->takeWire().isEmpty());

        CtxPtr cctx(SSL_CTX_new(TLS_client_method()));
        X509_STORE_add_cert(SSL_CTX_get_cert_store(cctx.get()), m_ca.cert.get());
        SSL_CTX_set_verify(cctx.get(), SSL_VERIFY_PEER, nullptr);
        RawPeer client(cctx.get(), false);
        SSL_set_tlsext_host_name(client.ssl(), "bridge.test");
        SSL_set1_host(client.ssl(), "bridge.test");
        client.step(); // ClientHello
        const QByteArray hello = client.takeWire();
        for (qsizetype i = 0; i < hello.size(); i += chunk)
            server->feedWire(hello.mid(i, chunk));
        pump(*server, client, chunk);
        QVERIFY2(client.done, qPrintable(client.error));
        QVERIFY2(server->handshakeDone(), qPrintable(server->error()));
        QCOMPARE(SSL_get_verify_result(client.ssl()), long(X509_V_OK));
        // The chain we configured is what the client received.
        STACK_OF(X509)* sent = SSL_get_peer_cert_chain(client.ssl());
        QCOMPARE(sk_X509_num(sent), 2);

        const QByteArray up = pattern(chunk == 1 ? 20000 : 200000, 4), down = pattern(70000, 5);
        client.write(up);
        server->writeApp(down);
        pump(*server, client, chunk);
        QCOMPARE(server->takeApp(), up);
        QCOMPARE(client.app, down);

        client.shutdown();
        pump(*server, client, chunk);
        QVERIFY(server->peerClosed());
        server->close();
        pump(*server, client, chunk);
        QVERIFY(client.closed);
        QVERIFY(!server->failed());
    }

    void engineToEngineWithAlpn()
    {
        tls::ClientOptions o;
        o.alpn = {QByteArrayLiteral("http/1.1")};
        QString err;
        auto sctx = tls::Context::server(m_leaf.certPem, m_leaf.keyPem, &err);
        QVERIFY2(sctx, qPrintable(err));
        auto client =
            tls::Engine::client(clientContext(o), QStringLiteral("front.test"), QString(), QByteArray());
        auto server = tls::Engine::server(sctx);
        client->start();
        pump(*client, *server, 1 << 30);
        QVERIFY2(client->handshakeDone(), qPrintable(client->error()));
        QVERIFY(server->handshakeDone());
        // Our server context selects no ALPN protocol (alpnOfferedAndNegotiated checks
        // the client's offer against OpenSSL's server).
        QVERIFY(client->alpn().isEmpty());
        const QByteArray big = pattern(3 * 1024 * 1024, 6);
        client->writeApp(big);
        pump(*client, *server, 1 << 30);
        QCOMPARE(server->takeApp(), big);
    }

    void alpnOfferedAndNegotiated()
    {
        tls::ClientOptions o;
        o.alpn = {QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")};
        CtxPtr sctx = rawServerContext(m_leaf);
        SSL_CTX_set_alpn_select_cb(
            sctx.get(),
            [](SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void*) {
                static const unsigned char mine[] = "\x08http/1.1";
                unsigned char* sel = nullptr;
                if (SSL_select_next_proto(&sel, outlen, mine, sizeof mine - 1, in, inlen) !=
                    OPENSSL_NPN_NEGOTIATED)
                    return SSL_TLSEXT_ERR_NOACK;
                *out = sel;
                return SSL_TLSEXT_ERR_OK;
            },
            nullptr);
        RawPeer server(sctx.get(), true);
        auto client =
            tls::Engine::client(clientContext(o), QStringLiteral("bridge.test"), QString(), QByteArray());
        client->start();
        pump(*client, server, 1 << 30);
        QVERIFY2(client->handshakeDone(), qPrintable(client->error()));
        QCOMPARE(client->alpn(), QByteArray("http/1.1"));
    }

    void verifiesThroughSslCertFile()
    {
        // Trusted through SSL_CERT_FILE (init()): accepted.
        auto ok = handshakeWithRawServer(m_leaf, QStringLiteral("bridge.test"), QString());
        QVERIFY2(ok->handshakeDone(), qPrintable(ok->error()));

        // The same server when SSL_CERT_FILE trusts another CA: refused, and the server
        // hears why (an alert, not a silent close).
        trustOnly(m_otherCaFile);
        RawPeer* peer = nullptr;
        auto refused = handshakeWithRawServer(m_leaf, QStringLiteral("bridge.test"), QString(), {}, &peer);
        QVERIFY(!refused->handshakeDone());
        QVERIFY(refused->failed());
        QCOMPARE(refused->error(),
                 QStringLiteral("certificate verify failed: unable to get local issuer certificate"));
        QVERIFY2(peer->error.contains(QLatin1String("unknown ca")), qPrintable(peer->error));

        // caFile adds anchors to the default store.
        tls::ClientOptions o;
        o.caFile = m_caFile;
        auto engine =
            tls::Engine::client(clientContext(o), QStringLiteral("bridge.test"), QString(), QByteArray());
        CtxPtr sctx = rawServerContext(m_leaf);
        RawPeer server(sctx.get(), true);
        engine->start();
        pump(*engine, server, 1 << 30);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));
    }

    void refusesBadCertificates_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("sni");
        QTest::addColumn<QString>("verifyHost");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong host name") << "leaf"
                                         << "other.test"
                                         << ""
                                         << "certificate verify failed: hostname mismatch";
        QTest::newRow("wrong verify host, right SNI") << "leaf"
                                                      << "bridge.test"
                                                      << "evil.test"
                                                      << "certificate verify failed: hostname mismatch";
        QTest::newRow("wrong IP") << "leaf"
                                  << ""
                                  << "127.0.0.2"
                                  << "certificate verify failed: IP address mismatch";
        QTest::newRow("untrusted CA") << "stranger"
                                      << "bridge.test"
                                      << ""
                                      << "certificate verify failed: unable to get local issuer certificate";
        QTest::newRow("self-signed") << "self"
                                     << "bridge.test"
                                     << ""
                                     << "certificate verify failed: self-signed certificate";
        QTest::newRow("expired") << "expired"
                                 << "bridge.test"
                                 << ""
                                 << "certificate verify failed: certificate has expired";
    }
    void refusesBadCertificates()
    {
        QFETCH(QString, which);
        QFETCH(QString, sni);
        QFETCH(QString, verifyHost);
        QFETCH(QString, error);
        const Identity& id = which == QLatin1String("leaf")       ? m_leaf
                             : which == QLatin1String("stranger") ? m_stranger
                             : which == QLatin1String("self")     ? m_selfSigned
                                                                  : m_expired;
        auto engine = handshakeWithRawServer(id, sni, verifyHost);
        QVERIFY(!engine->handshakeDone());
        QCOMPARE(engine->error(), error);
        // Failed for good: no application bytes in or out.
        engine->writeApp("x");
        engine->feedWire(QByteArray(100, '\x17'));
        QVERIFY(engine->takeApp().isEmpty());
        QCOMPARE(engine->error(), error);
    }

    void ipAddressesAreVerifiedAndNeverSentAsSni()
    {
        RawPeer* peer = nullptr;
        auto engine = handshakeWithRawServer(m_leaf, QStringLiteral("127.0.0.1"), QString(), {}, &peer);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));
        QVERIFY(SSL_get_servername(peer->ssl(), TLSEXT_NAMETYPE_host_name) == nullptr);
        // With no name at all there is nothing to verify against: refused up front.
        auto none = tls::Engine::client(clientContext(), QString(), QString(), QByteArray());
        QVERIFY(none->failed());
        QVERIFY(none->error().contains(QLatin1String("no host name")));
    }

    void sniOverride()
    {
        // SNI (what the network sees) and the verified name are separate: fronting sends
        // one name and checks the certificate for another.
        RawPeer* peer = nullptr;
        auto engine = handshakeWithRawServer(m_leaf, QStringLiteral("cdn.example"),
                                             QStringLiteral("front.test"), {}, &peer);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));
        QCOMPARE(QByteArray(SSL_get_servername(peer->ssl(), TLSEXT_NAMETYPE_host_name)),
                 QByteArray("cdn.example"));
        // No SNI at all, verified against an IP SAN.
        engine = handshakeWithRawServer(m_leaf, QString(), QStringLiteral("127.0.0.1"), {}, &peer);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));
        QVERIFY(SSL_get_servername(peer->ssl(), TLSEXT_NAMETYPE_host_name) == nullptr);
        // A bad name is refused before anything is sent.
        auto bad = tls::Engine::client(clientContext(), QStringLiteral("bad name"), QString(), QByteArray());
        QVERIFY(bad->failed());
        bad->start();
        QVERIFY(bad->takeWire().isEmpty());
    }

    void pinReplacesVerification()
    {
        // The pin decides alone: an untrusted, self-signed certificate for another name
        // passes when its hash is pinned...
        trustOnly(m_otherCaFile);
        const QByteArray pin = tls::certChainHash({m_selfSigned.der});
        QCOMPARE(pin.size(), tls::kPinLen);
        auto engine = handshakeWithRawServer(m_selfSigned, QStringLiteral("anything.test"), QString(), pin);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));

        // ...and a trusted, correctly named certificate fails with another pin.
        trustOnly(m_caFile);
        RawPeer* peer = nullptr;
        engine = handshakeWithRawServer(m_leaf, QStringLiteral("bridge.test"), QString(), pin, &peer);
        QVERIFY(!engine->handshakeDone());
        QCOMPARE(engine->error(), QStringLiteral("certificate pin mismatch"));
        QVERIFY(!peer->done);

        // A chain: the hash covers every certificate the server sends, in order.
        const QByteArray chainPin = tls::certChainHash({m_leaf.der, m_ca.der});
        engine = handshakeWithRawServer(m_leaf, QStringLiteral("bridge.test"), QString(), chainPin, nullptr,
                                        &m_ca);
        QVERIFY2(engine->handshakeDone(), qPrintable(engine->error()));
        engine = handshakeWithRawServer(m_leaf, QStringLiteral("bridge.test"), QString(),
                                        tls::certChainHash({m_leaf.der}), nullptr, &m_ca);
        QCOMPARE(engine->error(), QStringLiteral("certificate pin mismatch"));

        // A pin of the wrong size is refused up front.
        auto bad = tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(),
                                       QByteArray(31, 'x'));
        QVERIFY(bad->failed());
    }

    void certChainHashDefinition()
    {
        // SHA-256 of the leaf for one certificate; chained as h = SHA256(h || SHA256(next)).
        const auto sha = [](const QByteArray& b) {
            return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
        };
        QCOMPARE(tls::certChainHash({m_leaf.der}), sha(m_leaf.der));
        QCOMPARE(tls::certChainHash({m_leaf.der, m_ca.der}), sha(sha(m_leaf.der) + sha(m_ca.der)));
        QVERIFY(tls::certChainHash({}).isEmpty());
    }

    void parsePin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        const QByteArray h = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
        QTest::newRow("standard base64") << QString::fromLatin1(h.toBase64()) << true;
        QTest::newRow("no padding") << QString::fromLatin1(h.toBase64(QByteArray::OmitTrailingEquals))
                                    << false;
        QTest::newRow("url-safe alphabet") << QString::fromLatin1(h.toBase64(QByteArray::Base64UrlEncoding))
                                           << (h.toBase64(QByteArray::Base64UrlEncoding) == h.toBase64());
        QTest::newRow("31 bytes") << QString::fromLatin1(h.left(31).toBase64()) << false;
        QTest::newRow("33 bytes") << QString::fromLatin1(QByteArray(h + 'x').toBase64()) << false;
        QTest::newRow("not base64") << QStringLiteral("%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%=")
                                    << false;
        QTest::newRow("empty") << QString() << false;
    }
    void parsePin()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QString err;
        const auto pin = tls::parsePin(text, &err);
        QCOMPARE(pin.has_value(), ok);
        if (ok)
            QCOMPARE(pin->size(), tls::kPinLen);
        else
            QVERIFY(!err.isEmpty());
    }

    void endsOfTheStream()
    {
        QString err;
        auto sctx = tls::Context::server(m_leaf.certPem, m_leaf.keyPem, &err);
        QVERIFY(sctx);

        // EOF in the middle of the handshake.
        auto client =
            tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        client->start();
        QVERIFY(!client->takeWire().isEmpty());
        client->feedWireEof();
        QVERIFY(client->failed());
        QVERIFY(client->error().contains(QLatin1String("closed during the handshake")));

        // EOF after the handshake without close_notify: a truncation, reported; the bytes
        // that came before it are still delivered.
        client = tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        auto server = tls::Engine::server(sctx);
        client->start();
        pump(*client, *server, 1 << 30);
        QVERIFY(client->handshakeDone() && server->handshakeDone());
        server->writeApp("last words");
        client->feedWire(server->takeWire());
        client->feedWireEof();
        QCOMPARE(client->takeApp(), QByteArray("last words"));
        QVERIFY(client->failed());
        QVERIFY2(client->error().contains(QLatin1String("unexpected eof")), qPrintable(client->error()));

        // close() waits for what is pending, then sends close_notify; writes after it
        // are ignored.
        client = tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        server = tls::Engine::server(sctx);
        client->writeApp("queued before the handshake");
        client->close();
        client->writeApp("ignored");
        client->start();
        pump(*client, *server, 1 << 30);
        QCOMPARE(server->takeApp(), QByteArray("queued before the handshake"));
        QVERIFY(server->peerClosed());
        QVERIFY(!server->failed() && !client->failed());
    }

    void garbageFromThePeerFails()
    {
        // A plain HTTP server where TLS was expected.
        auto client =
            tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        client->start();
        (void)client->takeWire();
        client->feedWire("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(client->failed());
        QVERIFY2(client->error().startsWith(QLatin1String("TLS: ")), qPrintable(client->error()));
        QVERIFY(!client->handshakeDone());

        // A probe sending HTTP to our TLS server: refused, with an alert at most.
        QString err;
        auto server = tls::Engine::server(tls::Context::server(m_leaf.certPem, m_leaf.keyPem, &err));
        server->feedWire("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(server->failed());
        QVERIFY(server->takeWire().size() < 16);

        // A corrupted record after the handshake.
        client = tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        server = tls::Engine::server(tls::Context::server(m_leaf.certPem, m_leaf.keyPem, &err));
        client->start();
        pump(*client, *server, 1 << 30);
        server->writeApp("hello");
        QByteArray record = server->takeWire();
        record[record.size() - 3] = char(record[record.size() - 3] ^ 1);
        client->feedWire(record);
        QVERIFY(client->failed());
        QVERIFY(client->takeApp().isEmpty());
    }

    void pendingBytesAreBounded()
    {
        auto client =
            tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        client->writeApp(QByteArray(tls::kMaxPendingAppBytes, 'a'));
        QVERIFY(!client->failed());
        QCOMPARE(client->pendingAppBytes(), tls::kMaxPendingAppBytes);
        client->writeApp("b");
        QVERIFY(client->failed());
    }

    void contextErrors()
    {
        QString err;
        QVERIFY(!tls::Context::server(m_leaf.certPem, m_otherCa.keyPem, &err));
        QVERIFY2(err.contains(QLatin1String("private key")), qPrintable(err));
        err.clear();
        QVERIFY(!tls::Context::server(QByteArray("not a certificate"), m_leaf.keyPem, &err));
        QVERIFY(!err.isEmpty());
        err.clear();
        QVERIFY(!tls::Context::server(m_dir.filePath(QStringLiteral("missing.pem")), m_caFile, &err));
        QVERIFY(err.contains(QLatin1String("cannot read")));
        tls::ClientOptions o;
        o.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        err.clear();
        QVERIFY(!tls::Context::client(o, &err));
        QVERIFY(err.contains(QLatin1String("cannot read")));
        writeFile(m_dir.filePath(QStringLiteral("junk.pem")), "junk");
        o.caFile = m_dir.filePath(QStringLiteral("junk.pem"));
        QVERIFY(!tls::Context::client(o, &err));
        QVERIFY(err.contains(QLatin1String("no PEM certificate")));
        o.caFile.clear();
        o.alpn = {QByteArray()};
        QVERIFY(!tls::Context::client(o, &err));

        // Engines of the wrong kind, or without a context, are failed, never null.
        auto sctx = tls::Context::server(m_leaf.certPem, m_leaf.keyPem, &err);
        auto wrong = tls::Engine::client(sctx, QStringLiteral("bridge.test"), QString(), QByteArray());
        QVERIFY(wrong && wrong->failed());
        auto wrong2 = tls::Engine::server(clientContext());
        QVERIFY(wrong2 && wrong2->failed());
        auto none = tls::Engine::server(nullptr);
        QVERIFY(none && none->failed());
        none->feedWire("x");
        none->start();
        QVERIFY(none->takeWire().isEmpty());
    }

    void oldProtocolVersionsAreRefused()
    {
        CtxPtr sctx = rawServerContext(m_leaf, nullptr, TLS1_1_VERSION);
        RawPeer server(sctx.get(), true);
        auto client =
            tls::Engine::client(clientContext(), QStringLiteral("bridge.test"), QString(), QByteArray());
        client->start();
        pump(*client, server, 1 << 30);
        QVERIFY(!client->handshakeDone());
        QVERIFY(client->failed() || !server.error.isEmpty());
        QVERIFY(!server.done);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
