// The shadow transport (Shadowsocks AEAD), sans-IO: cipher table, options,
// stream codec, target header, replay filter and client/server sessions.

#include "dispatcher/crypto/Aead.h"
#include "dispatcher/transports/Registry.h"
#include "dispatcher/transports/shadow/SaltFilter.h"
#include "dispatcher/transports/shadow/Shadow.h"
#include "dispatcher/transports/shadow/ShadowAddress.h"
#include "dispatcher/transports/shadow/ShadowCipher.h"
#include "dispatcher/transports/shadow/ShadowOptions.h"
#include "dispatcher/transports/shadow/ShadowSession.h"
#include "dispatcher/transports/shadow/ShadowStream.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace pt;
using namespace pt::shadow;

namespace {

// Deterministic randomness: bytes 0, 1, 2, ... continuing across calls, and a
// fixed fraction of the range for randomUniform.
class CountingEnv final : public SessionEnv
{
public:
    void randomBytes(void* out, size_t len) override
    {
        auto* p = static_cast<uint8_t*>(out);
        for (size_t i = 0; i < len; ++i)
            p[i] = m_next++;
    }
    uint32_t randomUniform(uint32_t upperExclusive) override { return upperExclusive / 2; }
    int64_t nowMs() override { return 0; }
    int64_t unixTime() override { return 0; }
    uint8_t m_next = 0;
};

QJsonObject opts(const QString& cipher, const QString& password = QStringLiteral("barfoo!"))
{
    return QJsonObject{{QStringLiteral("cipherName"), cipher}, {QStringLiteral("password"), password}};
}

ShadowKeyOptions key(const QString& cipher, const QString& password = QStringLiteral("barfoo!"))
{
    Result<ShadowKeyOptions> k = parseKeyOptions(opts(cipher, password));
    if (!k.ok()) qFatal("bad test key: %s", qPrintable(k.error));
    return k.value;
}

QByteArray pattern(qsizetype n, int seed = 1)
{
    QByteArray b(n, Qt::Uninitialized);
    uint32_t x = uint32_t(seed) * 2654435761u + 1;
    for (qsizetype i = 0; i < n; ++i) {
        x = x * 1103515245u + 12345u;
        b[i] = char(x >> 16);
    }
    return b;
}

const char* const kCiphers[] = {"AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "CHACHA20-IETF-POLY1305"};

void addCipherRows()
{
    QTest::addColumn<QString>("cipher");
    for (const char* c : kCiphers)
        QTest::newRow(c) << QString::fromLatin1(c);
}

// Seals one raw chunk with an arbitrary (possibly illegal) length field.
QByteArray rawChunkStream(const ShadowKeyOptions& k, const QByteArray& salt, quint16 lengthField,
                          const QByteArray& payload)
{
    const QByteArray subkey = sessionSubkey(k.cipher, k.masterKey, salt);
    auto aead = crypto::AeadContext::create(k.cipher.algorithm, crypto::AeadContext::Direction::Seal,
                                            reinterpret_cast<const uint8_t*>(subkey.constData()),
                                            size_t(subkey.size()));
    NonceCounter nonce;
    QByteArray out = salt;
    const uint8_t len[2] = {uint8_t(lengthField >> 8), uint8_t(lengthField)};
    QByteArray block(2 + 16, Qt::Uninitialized);
    aead->seal(nonce.data(), len, 2, reinterpret_cast<uint8_t*>(block.data()));
    nonce.increment();
    out += block;
    QByteArray body(payload.size() + 16, Qt::Uninitialized);
    aead->seal(nonce.data(), reinterpret_cast<const uint8_t*>(payload.constData()), size_t(payload.size()),
               reinterpret_cast<uint8_t*>(body.data()));
    out += body;
    return out;
}

QByteArray encodeAll(const ShadowKeyOptions& k, const QList<QByteArray>& pieces, int saltSeed = 0)
{
    QByteArray salt(qsizetype(k.cipher.saltSize), Qt::Uninitialized);
    for (qsizetype i = 0; i < salt.size(); ++i)
        salt[i] = char(i + saltSeed);
    auto enc = StreamEncoder::create(k.cipher, k.masterKey, salt);
    QByteArray wire;
    for (const QByteArray& p : pieces)
        enc->encode(p.constData(), size_t(p.size()), wire);
    return wire;
}

} // namespace

class TestShadow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- cipher table and options ---------------------------------------

    void cipherNamesAreCaseInsensitiveWithAliases_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("keySize");
        QTest::addColumn<int>("saltSize");
        QTest::newRow("aes-128-gcm") << "aes-128-gcm"
                                     << "aes-128-gcm" << 16 << 16;
        QTest::newRow("AES-128-GCM") << "AES-128-GCM"
                                     << "aes-128-gcm" << 16 << 16;
        QTest::newRow("AEAD_AES_128_GCM") << "AEAD_AES_128_GCM"
                                          << "aes-128-gcm" << 16 << 16;
        QTest::newRow("AES-192-GCM") << "Aes-192-Gcm"
                                     << "aes-192-gcm" << 24 << 24;
        QTest::newRow("AEAD_AES_192_GCM") << "aead_aes_192_gcm"
                                          << "aes-192-gcm" << 24 << 24;
        QTest::newRow("AES-256-GCM") << "AES-256-GCM"
                                     << "aes-256-gcm" << 32 << 32;
        QTest::newRow("AEAD_AES_256_GCM") << "AEAD_AES_256_GCM"
                                          << "aes-256-gcm" << 32 << 32;
        QTest::newRow("CHACHA20-IETF-POLY1305") << "CHACHA20-IETF-POLY1305"
                                                << "chacha20-ietf-poly1305" << 32 << 32;
        QTest::newRow("AEAD_CHACHA20_POLY1305") << "AEAD_CHACHA20_POLY1305"
                                                << "chacha20-ietf-poly1305" << 32 << 32;
        QTest::newRow("chacha20-poly1305") << "chacha20-poly1305"
                                           << "chacha20-ietf-poly1305" << 32 << 32;
    }
    void cipherNamesAreCaseInsensitiveWithAliases()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        QFETCH(int, keySize);
        QFETCH(int, saltSize);
        const auto spec = findCipher(name);
        QVERIFY(spec.has_value());
        QCOMPARE(spec->name, canonical);
        QCOMPARE(int(spec->keySize), keySize);
        QCOMPARE(int(spec->saltSize), saltSize);
    }

    void unknownCiphersAreRefused()
    {
        for (const char* n :
             {"", "aes-128-cfb", "rc4-md5", "chacha20-ietf", "xchacha20-ietf-poly1305", "aes"})
            QVERIFY2(!findCipher(QLatin1String(n)).has_value(), n);
    }

    void optionsRequirePasswordAndKnownCipher()
    {
        const auto noPassword = parseKeyOptions(QJsonObject{{"cipherName", "AES-128-GCM"}});
        QVERIFY(!noPassword.ok());
        QVERIFY(noPassword.error.contains("password"));

        const auto emptyPassword = parseKeyOptions(opts("AES-128-GCM", ""));
        QVERIFY(!emptyPassword.ok());

        const auto noCipher = parseKeyOptions(QJsonObject{{"password", "x"}});
        QVERIFY(!noCipher.ok());
        QVERIFY(noCipher.error.contains("cipherName"));

        const auto badCipher = parseKeyOptions(opts("AES-128-CFB"));
        QVERIFY(!badCipher.ok());
        QVERIFY(badCipher.error.contains("AES-128-CFB"));
        QVERIFY(badCipher.error.contains("CHACHA20-IETF-POLY1305"));
    }

    void cipherAndMethodAreAliasesOfCipherName()
    {
        for (const char* k : {"cipher", "method"}) {
            const auto r = parseKeyOptions(QJsonObject{{QLatin1String(k), "aes-256-gcm"}, {"password", "p"}});
            QVERIFY2(r.ok(), k);
            QCOMPARE(r.value.cipher.name, QStringLiteral("aes-256-gcm"));
        }
    }

    void factoryReportsOptionErrors()
    {
        const TransportFactory* f = findTransport(QStringLiteral("shadow"));
        QVERIFY(f);
        auto client = f->makeClient(QJsonObject{{"cipherName", "AES-128-GCM"}});
        QVERIFY(!client.ok());
        QVERIFY(client.error.contains("password"));
        auto server = f->makeServer(opts("nope"), ServerTransportContext{});
        QVERIFY(!server.ok());
        QVERIFY(server.error.contains("nope"));
        auto openProxy = f->makeServer(
            QJsonObject{{"cipherName", "AES-128-GCM"}, {"password", "x"}, {"allowClientTarget", true}},
            ServerTransportContext{});
        QVERIFY(!openProxy.ok());
        auto badTarget = f->makeClient(
            QJsonObject{{"cipherName", "AES-128-GCM"}, {"password", "x"}, {"target", "no-port"}});
        QVERIFY(!badTarget.ok());
        QVERIFY(badTarget.error.contains("target"));
        QVERIFY(f->makeClient(opts("AES-128-GCM")).ok());
        QVERIFY(f->makeServer(opts("AES-128-GCM"), ServerTransportContext{}).ok());
    }

    void serverAdvertisesCipherButNeverPassword()
    {
        auto server =
            shadow::factory().makeServer(opts("aes-256-gcm", "secret-pw"), ServerTransportContext{});
        QVERIFY(server.ok());
        const auto args = server.value->smethodArgs();
        for (const auto& kv : args)
            QVERIFY(!kv.second.contains("secret-pw"));
        QCOMPARE(args.size(), 1);
        QCOMPARE(args.first().second, QStringLiteral("AES-256-GCM"));
    }

    // --- stream codec -----------------------------------------------------

    void clientStreamMatchesIndependentEncoding_data()
    {
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<QByteArray>("expected");
        // Computed with Python's hashlib + "cryptography" (HKDF/SHA1, AESGCM,
        // ChaCha20Poly1305): master key = md5 chain of b"barfoo!", salt = bytes
        // 0, 1, 2, ..., then sealed length 0x000c and the 12 bytes
        // 01 7f000001 0050 "hello" with nonces 0 and 1 (little-endian counters).
        QTest::newRow("aes-128-gcm")
            << "AES-128-GCM"
            << QByteArray::fromHex("000102030405060708090a0b0c0d0e0f6f581bcdb3179724efb6f8d6b75090f37d7b81bf"
                                   "5309bf631531fa8e6fe3748e3fc74286b2b4ddea6839bce6bc83");
        QTest::newRow("chacha20-ietf-poly1305")
            << "CHACHA20-IETF-POLY1305"
            << QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fa02375f3"
                                   "e8c3f48b72567cef2daef415444c4fcd028d549f3b52fa31aaec59bb734d5ada38e4fc"
                                   "e8f6607913db4f");
    }
    void clientStreamMatchesIndependentEncoding()
    {
        QFETCH(QString, cipher);
        QFETCH(QByteArray, expected);
        CountingEnv env;
        auto s = ShadowClientSession::create(key(cipher), TargetAddress{"127.0.0.1", 80}, env);
        QVERIFY(s);
        SessionOutput out;
        s->onApp("hello", out); // before start(): joins the header chunk
        QVERIFY(out.toWire.isEmpty());
        QCOMPARE(s->pendingAppBytes(), 5);
        QVERIFY(!s->handshakeDone());
        s->start(out);
        QVERIFY(s->handshakeDone());
        QCOMPARE(s->pendingAppBytes(), 0);
        QCOMPARE(out.toWire.toHex(), expected.toHex());
    }

    void chunksRoundTripForEveryCipher_data() { addCipherRows(); }
    void chunksRoundTripForEveryCipher()
    {
        QFETCH(QString, cipher);
        const ShadowKeyOptions k = key(cipher);
        for (qsizetype n : {qsizetype(0), qsizetype(1), qsizetype(0x3FFE), qsizetype(0x3FFF),
                            qsizetype(0x4000), qsizetype(3 * 0x3FFF + 5), qsizetype(1 << 20)}) {
            const QByteArray data = pattern(n, int(n));
            const QByteArray wire = encodeAll(k, {data});
            const qsizetype chunks = (n + 0x3FFE) / 0x3FFF;
            QCOMPARE(wire.size(), qsizetype(k.cipher.saltSize) + chunks * 34 + n);
            StreamDecoder dec(k.cipher, k.masterKey);
            QByteArray plain;
            QVERIFY(dec.feed(wire.constData(), size_t(wire.size()), plain));
            QCOMPARE(plain.size(), data.size());
            QVERIFY(plain == data);
            QCOMPARE(dec.buffered(), size_t(0));
            QCOMPARE(dec.messagesOpened(), quint64(2 * chunks));
        }
    }

    void decoderHandlesSplitsAtEveryByteBoundary_data() { addCipherRows(); }
    void decoderHandlesSplitsAtEveryByteBoundary()
    {
        QFETCH(QString, cipher);
        const ShadowKeyOptions k = key(cipher);
        const QList<QByteArray> pieces = {"abc", pattern(300, 2), "z", pattern(77, 3)};
        const QByteArray data = pieces.join();
        const QByteArray wire = encodeAll(k, pieces);
        for (qsizetype cut1 = 0; cut1 <= wire.size(); ++cut1) {
            // Two cuts: the first at every position, the second a fixed distance on.
            const qsizetype cut2 = std::min(wire.size(), cut1 + 19);
            StreamDecoder dec(k.cipher, k.masterKey);
            QByteArray plain;
            QVERIFY(dec.feed(wire.constData(), size_t(cut1), plain));
            QVERIFY(dec.feed(wire.constData() + cut1, size_t(cut2 - cut1), plain));
            QVERIFY(dec.feed(wire.constData() + cut2, size_t(wire.size() - cut2), plain));
            QCOMPARE(plain, data);
        }
        // And one byte at a time through a full-size chunk.
        const QByteArray big = pattern(0x3FFF + 10, 4);
        const QByteArray bigWire = encodeAll(k, {big});
        StreamDecoder dec(k.cipher, k.masterKey);
        QByteArray plain;
        for (qsizetype i = 0; i < bigWire.size(); ++i)
            QVERIFY(dec.feed(bigWire.constData() + i, 1, plain));
        QVERIFY(plain == big);
    }

    void tamperedBytesAreRejected_data() { addCipherRows(); }
    void tamperedBytesAreRejected()
    {
        QFETCH(QString, cipher);
        const ShadowKeyOptions k = key(cipher);
        const QByteArray data = pattern(50, 5);
        const QByteArray wire = encodeAll(k, {data});
        // Every byte of the stream: salt, length block, payload and both tags.
        for (qsizetype i = 0; i < wire.size(); ++i) {
            QByteArray bad = wire;
            bad[i] = char(bad[i] ^ 0x80);
            StreamDecoder dec(k.cipher, k.masterKey);
            QByteArray plain;
            QVERIFY2(!dec.feed(bad.constData(), size_t(bad.size()), plain), qPrintable(QString::number(i)));
            QVERIFY(plain.isEmpty());
            QVERIFY(dec.error().contains("authentication"));
            // A broken stream stays broken.
            QVERIFY(!dec.feed(wire.constData(), 1, plain));
            QVERIFY(plain.isEmpty());
        }
    }

    void wrongPasswordIsRejected()
    {
        const QByteArray wire = encodeAll(key("AES-128-GCM", "right"), {"data"});
        const ShadowKeyOptions wrong = key("AES-128-GCM", "wrong");
        StreamDecoder dec(wrong.cipher, wrong.masterKey);
        QByteArray plain;
        QVERIFY(!dec.feed(wire.constData(), size_t(wire.size()), plain));
        QVERIFY(plain.isEmpty());
    }

    void oversizeAndEmptyChunksAreRejected_data() { addCipherRows(); }
    void oversizeAndEmptyChunksAreRejected()
    {
        QFETCH(QString, cipher);
        const ShadowKeyOptions k = key(cipher);
        const QByteArray salt(qsizetype(k.cipher.saltSize), 's');
        {
            const QByteArray wire = rawChunkStream(k, salt, 0x3FFF, pattern(0x3FFF));
            StreamDecoder dec(k.cipher, k.masterKey);
            QByteArray plain;
            QVERIFY(dec.feed(wire.constData(), size_t(wire.size()), plain)); // the limit itself is fine
            QCOMPARE(plain.size(), 0x3FFF);
        }
        for (quint16 len : {quint16(0x4000), quint16(0xFFFF)}) {
            const QByteArray wire = rawChunkStream(k, salt, len, pattern(8));
            StreamDecoder dec(k.cipher, k.masterKey);
            QByteArray plain;
            QVERIFY(!dec.feed(wire.constData(), size_t(wire.size()), plain));
            QVERIFY(dec.error().contains("exceeds"));
            QVERIFY(plain.isEmpty());
        }
        const QByteArray empty = rawChunkStream(k, salt, 0, QByteArray());
        StreamDecoder dec(k.cipher, k.masterKey);
        QByteArray plain;
        QVERIFY(!dec.feed(empty.constData(), size_t(empty.size()), plain));
    }

    void nonceCounterIsLittleEndianAndCarries()
    {
        NonceCounter n;
        for (int i = 0; i < 256; ++i)
            n.increment();
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(n.data()), 12).toHex(),
                 QByteArray("000100000000000000000000"));
        n.increment();
        QCOMPARE(n.data()[0], uint8_t(1));
    }

    // --- target header ------------------------------------------------------

    void targetAddressesRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("ipv4") << "127.0.0.1:8080" << QByteArray::fromHex("017f0000011f90");
        QTest::newRow("ipv6") << "[::1]:443" << QByteArray::fromHex("040000000000000000000000000000000101bb");
        QTest::newRow("domain") << "example.com:80" << QByteArray::fromHex("030b6578616d706c652e636f6d0050");
    }
    void targetAddressesRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        const auto t = parseTargetString(text);
        QVERIFY(t.has_value());
        QCOMPARE(encodeTargetAddress(*t).toHex(), encoded.toHex());
        TargetAddress back;
        size_t consumed = 0;
        const QByteArray withTail = encoded + "tail";
        QCOMPARE(parseTargetAddress(withTail.constData(), size_t(withTail.size()), &back, &consumed),
                 AddressParse::Ok);
        QCOMPARE(consumed, size_t(encoded.size()));
        QCOMPARE(back.toString(), text);
        for (qsizetype i = 0; i < encoded.size(); ++i)
            QCOMPARE(parseTargetAddress(encoded.constData(), size_t(i), &back, &consumed),
                     AddressParse::NeedMore);
    }

    void malformedTargetAddressesAreRecognised()
    {
        for (const char* h : {"00", "02", "05", "ff", "0300"}) {
            const QByteArray b = QByteArray::fromHex(h) + QByteArray(300, 'x');
            QCOMPARE(parseTargetAddress(b.constData(), size_t(b.size()), nullptr, nullptr),
                     AddressParse::Malformed);
        }
        for (const char* s :
             {"", "host", "host:", ":80", "host:99999", "host:-1", "::1:80", "[::1]80", "[zz]:1"})
            QVERIFY2(!parseTargetString(QLatin1String(s)).has_value(), s);
        QVERIFY(encodeTargetAddress(TargetAddress{QString(256, 'a'), 1}).isEmpty());
    }

    // --- replay filter -----------------------------------------------------

    void saltFilterRemembersAndForgetsOldestGeneration()
    {
        SaltFilter f(4);
        auto salt = [](int i) { return QByteArray(16, char(i)); };
        for (int i = 0; i < 4; ++i)
            QVERIFY(!f.recordSeenBefore(salt(i)));
        for (int i = 0; i < 4; ++i)
            QVERIFY(f.recordSeenBefore(salt(i)));
        for (int i = 4; i < 8; ++i)
            QVERIFY(!f.recordSeenBefore(salt(i))); // second generation
        for (int i = 0; i < 8; ++i)
            QVERIFY(f.contains(salt(i)));
        QVERIFY(!f.recordSeenBefore(salt(8))); // third generation wipes the first
        for (int i = 0; i < 4; ++i)
            QVERIFY(!f.contains(salt(i)));
        for (int i = 4; i < 9; ++i)
            QVERIFY(f.contains(salt(i)));
    }

    void saltFilterIsThreadSafe()
    {
        SaltFilter f(1 << 16);
        std::atomic<int> fresh{0};
        std::vector<std::thread> threads;
        // Four threads insert overlapping ranges: each salt must be "new" exactly once.
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&f, &fresh, t] {
                for (int i = 0; i < 20000; ++i) {
                    const int id = (i + t * 5000) % 30000;
                    QByteArray s(16, '\0');
                    std::memcpy(s.data(), &id, sizeof id);
                    if (!f.recordSeenBefore(s)) ++fresh;
                }
            });
        }
        for (auto& th : threads)
            th.join();
        QCOMPARE(fresh.load(), 30000);
    }

    // --- sessions -------------------------------------------------------------

    void clientAndServerSessionsAgree_data() { addCipherRows(); }
    void clientAndServerSessionsAgree()
    {
        QFETCH(QString, cipher);
        auto client = shadow::factory().makeClient(opts(cipher));
        auto server = shadow::factory().makeServer(opts(cipher), ServerTransportContext{});
        QVERIFY(client.ok() && server.ok());
        CountingEnv env;
        ClientSessionParams params;
        params.args = opts(cipher);
        params.connectHost = QStringLiteral("example.org");
        params.connectPort = 443;
        auto cs = client.value->newSession(params, env);
        QVERIFY(cs.ok());
        auto ss = server.value->newSession(env);
        auto* shadowServer = dynamic_cast<ShadowServerSession*>(ss.get());
        QVERIFY(shadowServer);

        SessionOutput c;
        cs.value->start(c);
        QVERIFY(cs.value->handshakeDone());
        const QByteArray up = pattern(100000, 7);
        cs.value->onApp(up, c);
        QVERIFY(!c.failed());

        SessionOutput s;
        ss->start(s);
        QVERIFY(!ss->handshakeDone());
        // Feed in uneven pieces.
        for (qsizetype i = 0; i < c.toWire.size(); i += 4093)
            ss->onWire(c.toWire.mid(i, 4093), s);
        QVERIFY(!s.failed());
        QVERIFY(ss->handshakeDone());
        QCOMPARE(shadowServer->requestedTarget()->toString(), QStringLiteral("example.org:443"));
        QVERIFY(s.toApp == up);

        const QByteArray down = pattern(70000, 8);
        ss->onApp(down, s);
        SessionOutput c2;
        cs.value->onWire(s.toWire, c2);
        QVERIFY(!c2.failed());
        QVERIFY(c2.toApp == down);
    }

    void headerTargetFollowsOptionThenConnectDestination()
    {
        CountingEnv env;
        const QJsonObject base = opts("AES-128-GCM");
        QJsonObject withTarget = base;
        withTarget.insert("target", "10.1.2.3:4567");
        auto server = shadow::factory().makeServer(base, ServerTransportContext{});
        QVERIFY(server.ok());

        struct Case
        {
            QJsonObject options;
            QString connectHost;
            quint16 connectPort;
            QString expected;
        };
        const Case cases[] = {
            {withTarget, "example.org", 80, "10.1.2.3:4567"},
            {base, "example.org", 80, "example.org:80"},
            {base, "::1", 22, "[::1]:22"},
            {base, "", 0, "0.0.0.0:0"}, // transparent mode without "target"
        };
        for (const Case& tc : cases) {
            auto client = shadow::factory().makeClient(tc.options);
            QVERIFY(client.ok());
            ClientSessionParams params;
            params.args = tc.options;
            params.connectHost = tc.connectHost;
            params.connectPort = tc.connectPort;
            auto cs = client.value->newSession(params, env);
            QVERIFY(cs.ok());
            SessionOutput c;
            cs.value->start(c);
            auto ss = server.value->newSession(env);
            SessionOutput s;
            ss->onWire(c.toWire, s);
            QVERIFY(ss->handshakeDone());
            QCOMPARE(dynamic_cast<ShadowServerSession*>(ss.get())->requestedTarget()->toString(),
                     tc.expected);
            QVERIFY(s.toApp.isEmpty());
        }
    }

    void perConnectionArgumentsOverrideOptions()
    {
        CountingEnv env;
        auto client = shadow::factory().makeClient(opts("AES-128-GCM", "startup"));
        auto server = shadow::factory().makeServer(opts("CHACHA20-IETF-POLY1305", "per-conn"),
                                                   ServerTransportContext{});
        QVERIFY(client.ok() && server.ok());
        ClientSessionParams params;
        params.args = opts("chacha20-ietf-poly1305", "per-conn");
        params.connectHost = "h";
        params.connectPort = 1;
        auto cs = client.value->newSession(params, env);
        QVERIFY(cs.ok());
        SessionOutput c;
        cs.value->start(c);
        cs.value->onApp("ping", c);
        auto ss = server.value->newSession(env);
        SessionOutput s;
        ss->onWire(c.toWire, s);
        QVERIFY(!s.failed());
        QCOMPARE(s.toApp, QByteArray("ping"));

        params.args = opts("rot13", "per-conn");
        auto bad = client.value->newSession(params, env);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error.contains("rot13"));
    }

    void replayedSaltIsRejectedWithoutForwarding()
    {
        CountingEnv env;
        auto server = shadow::factory().makeServer(opts("AES-256-GCM"), ServerTransportContext{});
        QVERIFY(server.ok());
        auto cs = ShadowClientSession::create(key("AES-256-GCM"), TargetAddress{"1.2.3.4", 5}, env);
        SessionOutput c;
        cs->start(c);
        cs->onApp("secret request", c);

        auto first = server.value->newSession(env);
        SessionOutput s1;
        first->onWire(c.toWire, s1);
        QVERIFY(!s1.failed());
        QCOMPARE(s1.toApp, QByteArray("secret request"));

        auto replay = server.value->newSession(env);
        SessionOutput s2;
        replay->onWire(c.toWire, s2);
        QVERIFY(s2.failed());
        QVERIFY(s2.error.contains("replay"));
        QVERIFY(s2.toApp.isEmpty());
        QVERIFY(!replay->handshakeDone());
        QVERIFY(s2.closeDelayMs >= 1000 && s2.closeDelayMs <= 10000);
    }

    void garbageDoesNotPoisonTheReplayFilter()
    {
        CountingEnv env;
        auto server = shadow::factory().makeServer(opts("AES-128-GCM"), ServerTransportContext{});
        auto cs = ShadowClientSession::create(key("AES-128-GCM"), TargetAddress{"1.2.3.4", 5}, env);
        SessionOutput c;
        cs->start(c);
        // A prober sends the real salt with a broken first block...
        QByteArray probe = c.toWire;
        probe[20] = char(probe[20] ^ 1);
        auto ss1 = server.value->newSession(env);
        SessionOutput s1;
        ss1->onWire(probe, s1);
        QVERIFY(s1.failed());
        // ...the genuine connection with that salt still works.
        auto ss2 = server.value->newSession(env);
        SessionOutput s2;
        ss2->onWire(c.toWire, s2);
        QVERIFY(!s2.failed());
        QVERIFY(ss2->handshakeDone());
    }

    void reflectedServerStreamIsRejected()
    {
        CountingEnv env;
        auto server = shadow::factory().makeServer(opts("AES-128-GCM"), ServerTransportContext{});
        auto cs = ShadowClientSession::create(key("AES-128-GCM"), TargetAddress{"1.2.3.4", 5}, env);
        SessionOutput c;
        cs->start(c);
        auto ss = server.value->newSession(env);
        SessionOutput s;
        ss->onWire(c.toWire, s);
        // The reply starts with a 01 byte so it would even parse as a header.
        ss->onApp(QByteArray::fromHex("017f00000100500000"), s);
        auto mirror = server.value->newSession(env);
        SessionOutput m;
        mirror->onWire(s.toWire, m);
        QVERIFY(m.failed());
        QVERIFY(m.error.contains("replay"));
        QVERIFY(m.toApp.isEmpty());
    }

    void malformedHeaderFailsWithDelayAndForwardsNothing()
    {
        CountingEnv env;
        const ShadowKeyOptions k = key("AES-128-GCM");
        auto server = shadow::factory().makeServer(opts("AES-128-GCM"), ServerTransportContext{});
        for (const char* h : {"05000000000050", "0300", "ff"}) {
            const QByteArray wire = encodeAll(k, {QByteArray::fromHex(h) + "payload"}, h[1]);
            auto ss = server.value->newSession(env);
            SessionOutput s;
            ss->onWire(wire, s);
            QVERIFY2(s.failed(), h);
            QVERIFY(s.error.contains("header"));
            QVERIFY(s.toApp.isEmpty());
            QVERIFY(!ss->handshakeDone());
            QVERIFY(s.closeDelayMs >= 1000 && s.closeDelayMs <= 10000);
            SessionOutput after;
            ss->onWire(wire, after);
            QVERIFY(after.toApp.isEmpty());
        }
    }

    void headerSplitAcrossChunksIsAccepted()
    {
        CountingEnv env;
        const ShadowKeyOptions k = key("AES-128-GCM");
        auto server = shadow::factory().makeServer(opts("AES-128-GCM"), ServerTransportContext{});
        const QByteArray header = QByteArray::fromHex("030b6578616d706c652e636f6d0050");
        const QByteArray wire = encodeAll(k, {header.left(1), header.mid(1, 5), header.mid(6) + "app"});
        auto ss = server.value->newSession(env);
        SessionOutput s;
        for (char ch : wire) {
            ss->onWire(QByteArray(1, ch), s);
            QVERIFY(!s.failed());
        }
        QVERIFY(ss->handshakeDone());
        QCOMPARE(s.toApp, QByteArray("app"));
    }

    void tamperingAfterHandshakeStopsDelivery()
    {
        CountingEnv env;
        auto server = shadow::factory().makeServer(opts("AES-192-GCM"), ServerTransportContext{});
        auto cs = ShadowClientSession::create(key("AES-192-GCM"), TargetAddress{"1.2.3.4", 5}, env);
        SessionOutput c;
        cs->start(c);
        cs->onApp("good", c);
        const qsizetype goodEnd = c.toWire.size();
        cs->onApp("evil", c);
        QByteArray wire = c.toWire;
        wire[wire.size() - 1] = char(wire[wire.size() - 1] ^ 1);
        auto ss = server.value->newSession(env);
        SessionOutput s;
        ss->onWire(wire.left(goodEnd), s);
        QCOMPARE(s.toApp, QByteArray("good"));
        ss->onWire(wire.mid(goodEnd), s);
        QVERIFY(s.failed());
        QCOMPARE(s.toApp, QByteArray("good"));
        QVERIFY(s.closeDelayMs >= 1000);
    }

    void randomInputNeverCrashesOrLeaksUnauthenticatedBytes()
    {
        // A small fuzz loop: garbage, and valid streams with one random byte
        // changed, in random pieces. The server must fail (never deliver) unless
        // the stream is intact.
        CountingEnv env;
        QRandomGenerator rng(1234);
        const ShadowKeyOptions k = key("CHACHA20-IETF-POLY1305");
        const QByteArray header = QByteArray::fromHex("017f0000010050");
        for (int round = 0; round < 400; ++round) {
            auto server =
                shadow::factory().makeServer(opts("CHACHA20-IETF-POLY1305"), ServerTransportContext{});
            QByteArray wire;
            bool intact = false;
            if (round % 2 == 0) {
                wire.resize(qsizetype(rng.bounded(2000)));
                for (char& ch : wire)
                    ch = char(rng.bounded(256));
            } else {
                wire = encodeAll(k, {header + pattern(rng.bounded(3000), round)}, round);
                const int at = int(rng.bounded(int(wire.size()) + 1));
                intact = at == wire.size();
                if (!intact) wire[at] = char(wire[at] ^ (1 + rng.bounded(255)));
            }
            auto ss = server.value->newSession(env);
            SessionOutput s;
            for (qsizetype i = 0; i < wire.size();) {
                const qsizetype n = 1 + rng.bounded(300);
                ss->onWire(wire.mid(i, n), s);
                i += n;
            }
            if (intact) {
                QVERIFY(!s.failed());
                QVERIFY(ss->handshakeDone());
            } else {
                // Too short to hold a salt and a length block: still waiting.
                const bool decidable = size_t(wire.size()) >= k.cipher.saltSize + kLengthBlock;
                QVERIFY2(s.failed() == decidable, qPrintable(QString::number(round)));
                QVERIFY(s.toApp.isEmpty());
                QVERIFY(!ss->handshakeDone());
            }
        }
    }

    void clientRejectsReplayedServerStream()
    {
        CountingEnv env;
        auto client = shadow::factory().makeClient(opts("AES-128-GCM"));
        auto server = shadow::factory().makeServer(opts("AES-128-GCM"), ServerTransportContext{});
        QVERIFY(client.ok() && server.ok());
        ClientSessionParams params;
        params.args = opts("AES-128-GCM");
        params.connectHost = "h";
        params.connectPort = 1;

        auto first = client.value->newSession(params, env);
        SessionOutput c1;
        first.value->start(c1);
        auto ss = server.value->newSession(env);
        SessionOutput s;
        ss->onWire(c1.toWire, s);
        ss->onApp("old reply", s);
        first.value->onWire(s.toWire, c1);
        QVERIFY(!c1.failed());
        QCOMPARE(c1.toApp, QByteArray("old reply"));

        // The same server bytes injected into a new connection are refused.
        auto second = client.value->newSession(params, env);
        SessionOutput c2;
        second.value->start(c2);
        second.value->onWire(s.toWire, c2);
        QVERIFY(c2.failed());
        QVERIFY(c2.error.contains("replay"));
        QVERIFY(c2.toApp.isEmpty());
    }

    void clientRejectsTamperedReplies()
    {
        CountingEnv env;
        auto cs = ShadowClientSession::create(key("AES-128-GCM"), TargetAddress{"1.2.3.4", 5}, env);
        SessionOutput c;
        cs->start(c);
        QByteArray reply = encodeAll(key("AES-128-GCM"), {"reply"}, 99);
        reply[reply.size() - 3] = char(reply[reply.size() - 3] ^ 4);
        cs->onWire(reply, c);
        QVERIFY(c.failed());
        QVERIFY(c.toApp.isEmpty());
        QCOMPARE(c.closeDelayMs, 0); // the client has no prober to stall
    }
};

QTEST_GUILESS_MAIN(TestShadow)
#include "tst_shadow.moc"
