// Known-answer and behaviour tests for the OpenSSL wrappers the shadow transport
// uses: EVP_BytesToKey(MD5), HKDF-SHA1 and the AEAD contexts.

#include "dispatcher/crypto/Aead.h"
#include "dispatcher/crypto/Kdf.h"

#include <QTest>

using namespace pt::crypto;

namespace {
QByteArray hex(const char* s)
{
    return QByteArray::fromHex(s);
}
const uint8_t* u8(const QByteArray& b)
{
    return reinterpret_cast<const uint8_t*>(b.constData());
}
uint8_t* u8(QByteArray& b)
{
    return reinterpret_cast<uint8_t*>(b.data());
}
const AeadAlgorithm kAllAlgorithms[] = {AeadAlgorithm::Aes128Gcm, AeadAlgorithm::Aes192Gcm,
                                        AeadAlgorithm::Aes256Gcm, AeadAlgorithm::ChaCha20Poly1305};
} // namespace

class TestShadowCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesToKeyMatchesMd5Chain_data()
    {
        QTest::addColumn<int>("keyLen");
        QTest::addColumn<QByteArray>("expected");
        // Derived independently with Python's hashlib:
        //   d = b""; out = b""
        //   while len(out) < n: d = md5(d + b"barfoo!").digest(); out += d
        //   out[:n].hex()
        QTest::newRow("16") << 16 << hex("b3adc47839e047eb228870526dc8fc30");
        QTest::newRow("24") << 24 << hex("b3adc47839e047eb228870526dc8fc30b347287ffca3045d");
        QTest::newRow("32") << 32 << hex("b3adc47839e047eb228870526dc8fc30b347287ffca3045dcea06b3fdf090acb");
    }
    void bytesToKeyMatchesMd5Chain()
    {
        QFETCH(int, keyLen);
        QFETCH(QByteArray, expected);
        const auto key = evpBytesToKeyMd5("barfoo!", size_t(keyLen));
        QVERIFY(key.has_value());
        QCOMPARE(key->toHex(), expected.toHex());
    }

    void bytesToKeyRejectsOddLengths()
    {
        QVERIFY(!evpBytesToKeyMd5("x", 0).has_value());
        QVERIFY(!evpBytesToKeyMd5("x", 20).has_value());
    }

    void hkdfSha1MatchesRfc5869TestCase4()
    {
        // RFC 5869 appendix A.4 (the first SHA-1 case).
        const QByteArray ikm(11, '\x0b');
        const QByteArray salt = hex("000102030405060708090a0b0c");
        const QByteArray info = hex("f0f1f2f3f4f5f6f7f8f9");
        const auto okm = hkdfSha1(ikm, salt, info, 42);
        QVERIFY(okm.has_value());
        QCOMPARE(okm->toHex(), QByteArray("085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2"
                                          "c22e422478d305f3f896"));
    }

    void hkdfSha1MatchesRfc5869TestCase7()
    {
        // RFC 5869 appendix A.7: SHA-1, no salt (defaults to zeros), empty info.
        const QByteArray ikm(22, '\x0c');
        const auto okm = hkdfSha1(ikm, QByteArray(), QByteArray(), 42);
        QVERIFY(okm.has_value());
        QCOMPARE(okm->toHex(), QByteArray("2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5"
                                          "673a081d70cce7acfc48"));
    }

    void aeadRoundTripsAndDetectsTampering_data()
    {
        QTest::addColumn<int>("alg");
        QTest::newRow("aes-128-gcm") << int(AeadAlgorithm::Aes128Gcm);
        QTest::newRow("aes-192-gcm") << int(AeadAlgorithm::Aes192Gcm);
        QTest::newRow("aes-256-gcm") << int(AeadAlgorithm::Aes256Gcm);
        QTest::newRow("chacha20-poly1305") << int(AeadAlgorithm::ChaCha20Poly1305);
    }
    void aeadRoundTripsAndDetectsTampering()
    {
        QFETCH(int, alg);
        const auto a = AeadAlgorithm(alg);
        QByteArray key(qsizetype(aeadKeySize(a)), '\x42');
        auto sealer = AeadContext::create(a, AeadContext::Direction::Seal, u8(key), size_t(key.size()));
        auto opener = AeadContext::create(a, AeadContext::Direction::Open, u8(key), size_t(key.size()));
        QVERIFY(sealer && opener);

        uint8_t nonce[kAeadNonceSize] = {};
        for (int len : {0, 1, 2, 100, 0x3FFF}) {
            nonce[0] = uint8_t(len);
            QByteArray plain(len, Qt::Uninitialized);
            for (int i = 0; i < len; ++i)
                plain[i] = char(i * 7 + 3);
            QByteArray sealed(len + qsizetype(kAeadTagSize), Qt::Uninitialized);
            QVERIFY(sealer->seal(nonce, u8(plain), size_t(len), u8(sealed)));
            if (len > 8) QVERIFY(sealed.left(len) != plain);

            QByteArray opened(len, Qt::Uninitialized);
            QVERIFY(opener->open(nonce, u8(sealed), size_t(len), u8(opened)));
            QCOMPARE(opened, plain);

            // Every flipped byte (ciphertext or tag) must be refused.
            for (int i = 0; i < sealed.size(); i += std::max(1, int(sealed.size() / 37))) {
                QByteArray bad = sealed;
                bad[i] = char(bad[i] ^ 0x01);
                QVERIFY2(!opener->open(nonce, u8(bad), size_t(len), u8(opened)),
                         qPrintable(QString::number(i)));
            }
            // A different nonce must be refused too.
            uint8_t other[kAeadNonceSize] = {};
            other[0] = uint8_t(len + 1);
            QVERIFY(!opener->open(other, u8(sealed), size_t(len), u8(opened)));
            // The context stays usable after a failure.
            QVERIFY(opener->open(nonce, u8(sealed), size_t(len), u8(opened)));
        }
    }

    void aeadSealsInPlace()
    {
        for (AeadAlgorithm a : kAllAlgorithms) {
            QByteArray key(qsizetype(aeadKeySize(a)), '\x07');
            auto sealer = AeadContext::create(a, AeadContext::Direction::Seal, u8(key), size_t(key.size()));
            auto opener = AeadContext::create(a, AeadContext::Direction::Open, u8(key), size_t(key.size()));
            QVERIFY(sealer && opener);
            const uint8_t nonce[kAeadNonceSize] = {9};
            const QByteArray plain("in-place payload");
            QByteArray buf = plain + QByteArray(qsizetype(kAeadTagSize), '\0');
            QVERIFY(sealer->seal(nonce, u8(buf), size_t(plain.size()), u8(buf)));
            QVERIFY(buf.left(plain.size()) != plain);
            QVERIFY(opener->open(nonce, u8(buf), size_t(plain.size()), u8(buf)));
            QCOMPARE(buf.left(plain.size()), plain);
        }
    }

    void aeadMatchesAesGcmKnownAnswer()
    {
        // NIST GCM test case 3 (McGrew & Viega), cut to a 12-byte IV and no AAD.
        const QByteArray key = hex("feffe9928665731c6d6a8f9467308308");
        const QByteArray iv = hex("cafebabefacedbaddecaf888");
        const QByteArray plain = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        const QByteArray expected = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                        "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
                                        "4d5c2af327cd64a62cf35abd2ba6fab4");
        auto sealer =
            AeadContext::create(AeadAlgorithm::Aes128Gcm, AeadContext::Direction::Seal, u8(key), 16);
        QVERIFY(sealer);
        QByteArray out(plain.size() + 16, Qt::Uninitialized);
        QVERIFY(sealer->seal(u8(iv), u8(plain), size_t(plain.size()), u8(out)));
        QCOMPARE(out.toHex(), expected.toHex());
    }

    void aeadRefusesWrongKeySizeAndDirection()
    {
        const QByteArray key(32, 'k');
        QVERIFY(!AeadContext::create(AeadAlgorithm::Aes128Gcm, AeadContext::Direction::Seal, u8(key), 32));
        QVERIFY(
            !AeadContext::create(AeadAlgorithm::ChaCha20Poly1305, AeadContext::Direction::Seal, u8(key), 16));
        auto opener =
            AeadContext::create(AeadAlgorithm::Aes256Gcm, AeadContext::Direction::Open, u8(key), 32);
        QVERIFY(opener);
        const uint8_t nonce[kAeadNonceSize] = {};
        uint8_t buf[32] = {};
        QVERIFY(!opener->seal(nonce, buf, 4, buf));
    }
};

QTEST_GUILESS_MAIN(TestShadowCrypto)
#include "tst_shadow_crypto.moc"
