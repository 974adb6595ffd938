// Elligator2 and the GF(2^255-19) arithmetic under it: public vectors (Go's
// edwards25519-extra via curve25519-dalek, Kleshni's, agl/ed25519's obfs4 keys), an
// independent check of the field against OpenSSL BIGNUM, and round trips against
// libsodium's X25519.

#include "dispatcher/crypto/Elligator2.h"
#include "dispatcher/crypto/Field25519.h"

#include <openssl/bn.h>
#include <sodium.h>

#include <QtTest>

using namespace pt::crypto;
using elligator2::Bytes32;

namespace {

Bytes32 hex32(const char* hex)
{
    const QByteArray raw = QByteArray::fromHex(hex);
    Bytes32 out{};
    Q_ASSERT(raw.size() == 32);
    std::copy(raw.begin(), raw.end(), out.begin());
    return out;
}

QByteArray toHex(const Bytes32& b)
{
    return QByteArray(reinterpret_cast<const char*>(b.data()), 32).toHex();
}

Bytes32 randomBytes32()
{
    Bytes32 b{};
    randombytes_buf(b.data(), b.size());
    return b;
}

// Little-endian 32 bytes <-> BIGNUM.
BIGNUM* toBn(const Bytes32& b)
{
    return BN_lebin2bn(b.data(), 32, nullptr);
}

Bytes32 fromBn(const BIGNUM* bn)
{
    Bytes32 out{};
    BN_bn2lebinpad(bn, out.data(), 32);
    return out;
}

Bytes32 x25519(const Bytes32& scalar, const Bytes32& point)
{
    Bytes32 out{};
    if (crypto_scalarmult(out.data(), scalar.data(), point.data()) != 0) out.fill(0);
    return out;
}

Bytes32 x25519Base(const Bytes32& scalar)
{
    Bytes32 out{};
    crypto_scalarmult_base(out.data(), scalar.data());
    return out;
}

} // namespace

class TestElligator2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void fieldArithmeticAgreesWithBignum()
    {
        BN_CTX* ctx = BN_CTX_new();
        BIGNUM* p = BN_new();
        BN_set_bit(p, 255);
        BN_sub_word(p, 19);
        BIGNUM* r = BN_new();
        for (int i = 0; i < 500; ++i) {
            Bytes32 a = randomBytes32(), b = randomBytes32();
            a[31] &= 0x7f; // bit 255 is ignored by fromBytes; keep BIGNUM on the same value
            b[31] &= 0x7f;
            if (i == 0)
                a = hex32("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // p - 1
            if (i == 1)
                b = hex32(
                    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // p + 1,
                                                                                         // non-canonical
            const Fe25519 fa = Fe25519::fromBytes(a.data()), fb = Fe25519::fromBytes(b.data());
            BIGNUM* ba = toBn(a);
            BIGNUM* bb = toBn(b);

            BN_mod_mul(r, ba, bb, p, ctx);
            QCOMPARE(toHex((fa * fb).toBytes()), toHex(fromBn(r)));
            BN_mod_sqr(r, ba, p, ctx);
            QCOMPARE(toHex(fa.square().toBytes()), toHex(fromBn(r)));
            QCOMPARE(toHex(fa.squareTimes(3).toBytes()),
                     toHex((fa * fa * fa * fa * fa * fa * fa * fa).toBytes()));
            // Legendre symbol through the addition chain against a^((p-1)/2) in BIGNUM.
            {
                BIGNUM* e = BN_dup(p);
                BN_sub_word(e, 1);
                BN_rshift1(e, e);
                BN_mod_exp(r, ba, e, p, ctx);
                QCOMPARE(fa.isSquare(), BN_is_one(r) || BN_is_zero(r));
                BN_free(e);
            }
            BN_mod_add(r, ba, bb, p, ctx);
            QCOMPARE(toHex((fa + fb).toBytes()), toHex(fromBn(r)));
            BN_mod_sub(r, ba, bb, p, ctx);
            QCOMPARE(toHex((fa - fb).toBytes()), toHex(fromBn(r)));
            BN_nnmod(r, ba, p, ctx);
            if (!BN_is_zero(r)) {
                BN_mod_inverse(r, ba, p, ctx);
                QCOMPARE(toHex(fa.invert().toBytes()), toHex(fromBn(r)));
            }
            BN_free(ba);
            BN_free(bb);
        }
        BN_free(r);
        BN_free(p);
        BN_CTX_free(ctx);
    }

    void fieldConstantsAreWhatTheySayTheyAre()
    {
        QCOMPARE(Fe25519::sqrtM1().square(), -Fe25519::one());
        // d * 121666 == -121665
        QCOMPARE(Fe25519::edwardsD() * Fe25519::fromU64(121666), -Fe25519::fromU64(121665));
        QVERIFY(!Fe25519::fromU64(2).isSquare()); // Elligator2's non-square
        QVERIFY(Fe25519::fromU64(4).isSquare());
    }

    void sqrtRatioFindsNonNegativeRoots()
    {
        for (int i = 0; i < 200; ++i) {
            Bytes32 a = randomBytes32(), b = randomBytes32();
            const Fe25519 u = Fe25519::fromBytes(a.data()), v = Fe25519::fromBytes(b.data());
            const auto [ok, r] = Fe25519::sqrtRatio(u, v);
            QCOMPARE(ok, (u * v.invert()).isSquare());
            if (ok) {
                QCOMPARE(r.square() * v, u);
                QVERIFY(!r.isNegative());
            }
        }
        QVERIFY(!Fe25519::sqrtRatio(Fe25519::one(), Fe25519::zero()).first);
    }

    // Go edwards25519-extra's vectors (as carried by curve25519-dalek): the forward
    // map of representatives whose top two bits must be ignored.
    void forwardMapMatchesEdwards25519ExtraVectors()
    {
        static const char* vectors[][2] = {
            {"0000000000000000000000000000000000000000000000000000000000000000",
             "0000000000000000000000000000000000000000000000000000000000000000"},
            {"0000000000000000000000000000000000000000000000000000000000000040",
             "0000000000000000000000000000000000000000000000000000000000000000"},
            {"0000000000000000000000000000000000000000000000000000000000000080",
             "0000000000000000000000000000000000000000000000000000000000000000"},
            {"00000000000000000000000000000000000000000000000000000000000000c0",
             "0000000000000000000000000000000000000000000000000000000000000000"},
            {"673a505e107189ee54ca93310ac42e4545e9e59050aaac6f8b5f64295c8ec02f",
             "242ae39ef158ed60f20b89396d7d7eef5374aba15dc312a6aea6d1e57cacf85e"},
            {"922688fa428d42bc1fa8806998fbc5959ae801817e85a42a45e8ec25a0d7545a",
             "696f341266c64bcfa7afa834f8c34b2730be11c932e08474d1a22f26ed82410b"},
            {"0d3b0eb88b74ed13d5f6a130e03c4ad607817057dc227152827c0506a538bbba",
             "0b00df174d9fb0b6ee584d2cf05613130bad18875268c38b377e86dfefef177f"},
            {"01a3ea5658f4e00622eeacf724e0bd82068992fae66ed2b04a8599be16662ef5",
             "7ae4c58bc647b5646c9f5ae4c2554ccbf7c6e428e7b242a574a5a9c293c21f7e"},
            {"69599ab5a829c3e9515128d368da7354a8b69fcee4e34d0a668b783b6cae550f",
             "09024abaaef243e3b69366397e8dfc1fdc14a0ecc7cf497cbe4f328839acce69"},
            {"9172922f96d2fa41ea0daf961857056f1656ab8406db80eaeae76af58f8c9f50",
             "beab745a2a4b4e7f1a7335c3ffcdbd85139f3a72b667a01ee3e3ae0e530b3372"},
            {"6850a20ac5b6d2fa7af7042ad5be234d3311b9fb303753dd2b610bd566983281",
             "1287388eb2beeff706edb9cf4fcfdd35757f22541b61528570b86e8915be1530"},
            {"84417826c0e80af7cb25a73af1ba87594ff7048a26248b5757e52f2824e068f1",
             "51acd2e8910e7d28b4993db7e97e2b995005f26736f60dcdde94bdf8cb542251"},
            {"b0fbe152849f49034d2fa00ccc7b960fad7b30b6c4f9f2713eb01c147146ad31",
             "98508bb3590886af3be523b61c3d0ce6490bb8b27029878caec57e4c750f993d"},
            {"a0ca9ff75afae65598630b3b93560834c7f4dd29a557aa29c7becd49aeef3753",
             "3c5fad0516bb8ec53da1c16e910c23f792b971c7e2a0ee57d57c32e3655a646b"},
        };
        for (const auto& v : vectors)
            QCOMPARE(toHex(elligator2::representativeToPublicKey(hex32(v[0]))), QByteArray(v[1]));
    }

    // Kleshni's decoding vectors, including the edge (p-1)/2 and (p+1)/2 (= -(p-1)/2).
    // His "large representative" vectors set bit 254, which obfs4 clears before
    // mapping, so they do not apply here.
    void forwardMapMatchesKleshniVectors()
    {
        static const char* vectors[][2] = {
            {"e73507d38bae63992b3f57aac48c0abc14509589288457995a2b4ca3490aa207",
             "1e8afffed6bf53fe271ad572473262ded8faec68e5e67ef45ebb82eeba52604f"},
            {"95a16019041dbefed9832048ede11928d90365f24a38aa7aef1b97e23954101b",
             "794f05ba3e3a72958022468c88981e0be5782be1e1145ce2c3c6fde16ded5363"},
            {"f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f",
             "9cdb525555555555555555555555555555555555555555555555555555555555"},
            {"f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f",
             "9cdb525555555555555555555555555555555555555555555555555555555555"},
        };
        for (const auto& v : vectors)
            QCOMPARE(toHex(elligator2::representativeToPublicKey(hex32(v[0]))), QByteArray(v[1]));
    }

    // Key pairs made by agl/ed25519 (the pre-0.0.12 obfs4 code): private key, X25519
    // public key, representative. Old peers must still decode ours and we theirs.
    void inverseMapMatchesAglObfs4Vectors()
    {
        static const char* vectors[][3] = {
            {"eec0c0e43a2f693557dac4938c9a0f44be8bf7999399f26a24e5eab3267517c8",
             "309d1f477c62df666f47b87930d1883c072d007a169c03d1c231efe2e51cae1f",
             "bfd7e6dc33b735403cf6c7235513463843db8e1d2c16e62f0d5cacc8a3817515"},
            {"d27f87a4850f85ef5211094eb417bc8fb9441dd8eedba8def6fd040da93fdf94",
             "bb6fe9e93c929e104a6b9f956c5de1fdc977899a781d50e76dd8f8852f19e635",
             "420c98e6ac9cabaccf54e02034916df64a45ad1e7799b5d2ab0403073c6f6a21"},
            {"54b0d4e7110fb3a6ca5424fa7ffdc7cc599f9280df9759d1eb5d04186a4e82dd",
             "f305e32fbd38dd1e6b04ba32620c6b8db121ed3216f7118875580bd454eb077d",
             "a2b1a54463ad048ea9780fe2f92e0517636d2cd537d77a18cb6be03f1f991c04"},
            {"9ce200c8a0c3e617c7c5605dc60d1ce67e30a608c492143d643880f91594a6dd",
             "56a2e451811eb62c78090c3d076f4b179b2e9baa4d80188a3db319301031191b",
             "c16f22f4899aae477d37c250164d10c9c898a820bf790b1532c3bc379b8d733e"},
            {"98f09f9dedc813654e4ba28c9cd545587b20c6133603f13d8d4da2b67b4eab8c",
             "210d599d6b8d1659e4a6eb98fdebd1a7024b22ba148af2a603ab807735af6a57",
             "fc4ad471aff8243195ab6778054b0b243f93b4d31d5ac3a5bda9354dc3def735"},
            {"fa850ae6663a8c7b84c71c6391e0b02df2d6adbc30a03b961c4b496b9979cf9d",
             "7fc7a4a8ae33cd045b064d1618689a7e16c87ce611f8f519433b10134dc57b04",
             "062d292892515a6a9e71e1430cc593e5cf90e4c18d7c0c0eaae7a07768e6f713"},
            {"c19e91e47db473ff36714a8490665eaf6e57d228ef116e7771febce437c9e4ef",
             "5ca47c5affeaeac3d67ef6564f0faa0bd575857eb4e315b57458959b0034f75c",
             "f22ceea9e0e3826a308fe60df0edf4b82177e3704750f7af6e41aa5c5d806f16"},
            {"012fb2f110c7da5d56bb86e28e23dff1d860bb6ed11e145be9344ba756dd4e6e",
             "badb58d30c1a8b6bbc0ee97f627272aa1c5625a1cadb7bf75fa274f76c081964",
             "62cf0d3d7c67715a7cc982c9186ccd4d151b64b2cef862433a963b7b2c13f033"},
            {"51a8b03750f4b34922d3588b73a556a09594b7b014d2b7cefa26bb8c5eee6d2e",
             "e8db45df5146d3745eae81e722af5e030a9a999a3e0d588f84514b125029b81b",
             "f859efb4704b0b4c71959b02976de3ea9746f01e5adacddddba10ee08178cd1d"},
            {"77e48dfa107bbfdda73f50ec2c38347e4fcc9c38866adb75488a2143993a058f",
             "7d124e12af90216f26ce3198f6b02e76faf990dd248cdb246dd80d4e1fef3d4d",
             "128481624af3015c6226428a247514370800f212a7a06c90dfe4f1aa672d3b3e"},
        };
        for (const auto& v : vectors) {
            const Bytes32 priv = hex32(v[0]), pub = hex32(v[1]), repr = hex32(v[2]);
            QCOMPARE(toHex(x25519Base(priv)), QByteArray(v[1]));
            QCOMPARE(toHex(elligator2::representativeToPublicKey(repr)), QByteArray(v[1]));
            // agl chose the root by the sign of v; we choose by tweak bit 0. One of
            // the two must be the vector's, the other must still decode to pub.
            const auto r0 = elligator2::publicKeyToRepresentative(pub, 0);
            const auto r1 = elligator2::publicKeyToRepresentative(pub, 1);
            QVERIFY(r0 && r1);
            QVERIFY(*r0 == repr || *r1 == repr);
            QCOMPARE(elligator2::representativeToPublicKey(*r0), pub);
            QCOMPARE(elligator2::representativeToPublicKey(*r1), pub);
        }
    }

    void inverseMapRejectsAglUnrepresentableKeys()
    {
        static const char* keys[] = {
            "fd0d592d67038a6253331547949d70eb7a6b6c4c4831a1bc235554765b20f845",
            "9576aa473a2b73b174e753ada7d55bc34ae8c05c1b1d6077f9a098984df9cf52",
            "5b26538e0663a453994cf49d5614926786a0549c0123fa9afc7be99e04afc9ea",
            "d4e58db7420267ad43e72e1fe0dee1acb9ca547e258e22370d76c0945f4b1a1e",
            "01b047693c6b5212607387df88d1a427d2f24bd24157058705fc090e22778a64",
            "d2d363fad3ea3aceb8262adc1184f32c6f63911e6bc008c87f366f9c2b60753c",
            "75f703e3095343cf5d3ccd05a3fea06f82509a26c391a0365a1f1ca5e1d5f82f",
            "1f6986c9146f2d4b1907a812e7e7254c82e121776d58fd9c4a5f6741a326e2ef",
        };
        for (const char* k : keys) {
            const Bytes32 pub = x25519Base(hex32(k));
            QVERIFY(!elligator2::publicKeyToRepresentative(pub, 0));
            QVERIFY(!elligator2::publicKeyToRepresentative(pub, 1));
        }
    }

    void inverseThenForwardIsIdentity()
    {
        int encodable = 0;
        for (int i = 0; i < 400; ++i) {
            const Bytes32 u = x25519Base(randomBytes32());
            const uint8_t tweak = uint8_t(randombytes_uniform(256));
            const auto repr = elligator2::publicKeyToRepresentative(u, tweak);
            if (!repr) continue;
            ++encodable;
            QCOMPARE((*repr)[31] & 0xc0, tweak & 0xc0);
            QCOMPARE(toHex(elligator2::representativeToPublicKey(*repr)), toHex(u));
        }
        // About half of all points have a representative.
        QVERIFY2(encodable > 140 && encodable < 260, qPrintable(QString::number(encodable)));
    }

    // The low-order point is the identity when priv[0] & 7 == 0, so the dirty key
    // must then equal X25519's; otherwise it differs but agrees on every DH.
    void dirtyPublicKeyAgreesWithX25519()
    {
        for (int i = 0; i < 64; ++i) {
            Bytes32 priv = randomBytes32();
            priv[0] = uint8_t((priv[0] & 0xf8) | (i & 7));
            const Bytes32 clean = x25519Base(priv);
            const Bytes32 dirty = elligator2::dirtyPublicKey(priv);
            if ((i & 7) == 0)
                QCOMPARE(toHex(dirty), toHex(clean));
            else
                QVERIFY(dirty != clean);
            const Bytes32 other = randomBytes32();
            QCOMPARE(toHex(x25519(other, dirty)), toHex(x25519(other, clean)));
        }
    }

    void keypairsRoundTripAndAgreeOnSharedSecrets()
    {
        int made = 0;
        for (int i = 0; i < 200; ++i) {
            const auto kp = elligator2::keypairFromSeed(randomBytes32());
            if (!kp) continue;
            ++made;
            const Bytes32 decoded = elligator2::representativeToPublicKey(kp->representative);
            QCOMPARE(toHex(decoded), toHex(kp->publicKey));
            const Bytes32 peer = randomBytes32();
            const Bytes32 peerPub = x25519Base(peer);
            QCOMPARE(toHex(x25519(peer, decoded)), toHex(x25519(kp->privateKey, peerPub)));
        }
        QVERIFY2(made > 60 && made < 140, qPrintable(QString::number(made)));
    }

    void generateKeypairRetriesUntilEncodable()
    {
        int calls = 0;
        const auto kp = elligator2::generateKeypair([&](void* out, size_t len) {
            ++calls;
            randombytes_buf(out, len);
        });
        QVERIFY(calls >= 1);
        QCOMPARE(elligator2::representativeToPublicKey(kp.representative), kp.publicKey);
    }
};

QTEST_APPLESS_MAIN(TestElligator2)
#include "tst_elligator2.moc"
