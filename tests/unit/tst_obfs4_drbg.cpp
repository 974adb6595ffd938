// obfs4's SipHash-2-4 OFB DRBG (length masks) and the probdist built from it.

#include "dispatcher/crypto/HashDrbg.h"
#include "dispatcher/transports/obfs4/ProbDist.h"

#include <sodium.h>

#include <QtTest>

#include <set>

using pt::crypto::HashDrbg;
using pt::obfs4::GoRand;
using pt::obfs4::WeightedDist;

namespace {
HashDrbg::Seed seedFrom(uint8_t first)
{
    HashDrbg::Seed s{};
    for (size_t i = 0; i < s.size(); ++i)
        s[i] = uint8_t(first + i);
    return s;
}
} // namespace

class TestObfs4Drbg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    // Block n hashes the IV and every earlier block with one running SipHash:
    // compare with libsodium's one-shot SipHash over the same concatenation.
    void blocksEqualOneShotSipHashOfTheWholeHistory()
    {
        HashDrbg::Seed seed{};
        randombytes_buf(seed.data(), seed.size());
        HashDrbg drbg(seed);
        QByteArray history(reinterpret_cast<const char*>(seed.data()) + 16, 8);
        for (int n = 0; n < 64; ++n) {
            uint8_t expected[8];
            crypto_shorthash_siphash24(expected, reinterpret_cast<const uint8_t*>(history.constData()),
                                       quint64(history.size()), seed.data());
            const auto block = drbg.nextBlock();
            QCOMPARE(QByteArray(reinterpret_cast<const char*>(block.data()), 8),
                     QByteArray(reinterpret_cast<const char*>(expected), 8));
            history += QByteArray(reinterpret_cast<const char*>(block.data()), 8);
        }
    }

    // Recorded with an independent SipHash-2-4 (checked against the reference
    // vectors) for key 10..1f, IV 20..27: the first 16 bits of each block, big-endian.
    void lengthMasksMatchRecordedSequence()
    {
        HashDrbg drbg(seedFrom(0x10));
        const int expected[] = {56235, 28603, 58441, 21340, 58438, 13177, 38524, 27477};
        for (int mask : expected) {
            const auto b = drbg.nextBlock();
            QCOMPARE((b[0] << 8) | b[1], mask);
        }
    }

    void int63IsTheBlockBigEndianWithoutTopBit()
    {
        HashDrbg a(seedFrom(0x10)), b(seedFrom(0x10));
        for (int i = 0; i < 16; ++i) {
            const auto blk = a.nextBlock();
            uint64_t v = 0;
            for (uint8_t x : blk)
                v = (v << 8) | x;
            QCOMPARE(b.int63(), int64_t(v & 0x7fffffffffffffffULL));
        }
    }

    void goRandHelpersStayInRange()
    {
        GoRand rng(seedFrom(1));
        for (int n : {1, 2, 3, 7, 64, 100, 1449}) {
            for (int i = 0; i < 200; ++i) {
                const int v = rng.intn(n);
                QVERIFY(v >= 0 && v < n);
            }
        }
        for (int i = 0; i < 200; ++i) {
            const double f = rng.float64();
            QVERIFY(f >= 0.0 && f < 1.0);
        }
        std::vector<int> p = rng.perm(1449);
        std::sort(p.begin(), p.end());
        for (int i = 0; i < 1449; ++i)
            QCOMPARE(p[size_t(i)], i);
    }

    void sameSeedGivesSameDistributionOnBothEnds()
    {
        const WeightedDist a(seedFrom(7), 0, 1448), b(seedFrom(7), 0, 1448), c(seedFrom(8), 0, 1448);
        QCOMPARE(a.values(), b.values());
        QCOMPARE(a.prob(), b.prob());
        QCOMPARE(a.alias(), b.alias());
        QVERIFY(a.values() != c.values());
    }

    void distributionTableIsWellFormed()
    {
        for (uint8_t s = 0; s < 20; ++s) {
            const WeightedDist d(seedFrom(s), 0, 1448);
            const auto& v = d.values();
            QVERIFY(!v.empty() && v.size() <= 100);
            QCOMPARE(std::set<int>(v.begin(), v.end()).size(), v.size());
            for (size_t i = 0; i < v.size(); ++i) {
                QVERIFY(v[i] >= 0 && v[i] <= 1448);
                QVERIFY(d.prob()[i] >= 0.0 && d.prob()[i] <= 1.0);
                QVERIFY(d.alias()[i] >= 0 && size_t(d.alias()[i]) < v.size());
            }
            for (int i = 0; i < 100; ++i) {
                const int x = d.sample([](uint32_t n) { return randombytes_uniform(n); },
                                       [] { return randombytes_uniform(1u << 30) / double(1u << 30); });
                QVERIFY(std::find(v.begin(), v.end(), x) != v.end());
            }
        }
    }

    void resetReplacesTheTable()
    {
        WeightedDist d(seedFrom(1), 0, 100);
        const WeightedDist other(seedFrom(2), 0, 100);
        d.reset(seedFrom(2));
        QCOMPARE(d.values(), other.values());
        QCOMPARE(d.prob(), other.prob());
    }

    // Recorded with Go 1.19's math/rand (the obfs4proxy code path: rand.New over the
    // SipHash DRBG, Perm, Intn, Float64, then Vose's tables) on seeds 07.., 08.. and
    // 10..: table size, first values, prob[0]'s bits and an FNV-1a hash over every
    // (value, prob bits, alias) triple.
    void distributionMatchesGoBitForBit_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("maxValue");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("firstValues");
        QTest::addColumn<quint64>("prob0Bits");
        QTest::addColumn<quint64>("hash");
        QTest::newRow("lengths, seed 07") << 0x07 << 1448 << 100 << QList<int>{1139, 126, 511, 870, 1082}
                                          << quint64(0x3febe365940ea156ULL) << quint64(0x68dce80045005063ULL);
        QTest::newRow("iat delays, seed 08")
            << 0x08 << 100 << 85 << QList<int>{89, 12, 80, 49, 14} << quint64(0x3fea6b82c354eaceULL)
            << quint64(0xfb4773c7227fd59dULL);
        QTest::newRow("lengths, seed 10") << 0x10 << 1448 << 37 << QList<int>{1186, 455, 399, 1109, 605}
                                          << quint64(0x3fc223f306516313ULL) << quint64(0xe3a5028898c9fdbeULL);
    }
    void distributionMatchesGoBitForBit()
    {
        QFETCH(int, first);
        QFETCH(int, maxValue);
        QFETCH(int, count);
        QFETCH(QList<int>, firstValues);
        QFETCH(quint64, prob0Bits);
        QFETCH(quint64, hash);
        const WeightedDist d(seedFrom(uint8_t(first)), 0, maxValue);
        QCOMPARE(int(d.values().size()), count);
        for (int i = 0; i < firstValues.size(); ++i)
            QCOMPARE(d.values()[size_t(i)], firstValues[i]);
        quint64 bits = 0;
        memcpy(&bits, &d.prob()[0], 8);
        QCOMPARE(bits, prob0Bits);
        quint64 h = 1469598103934665603ULL;
        auto mix = [&h](quint64 x) {
            h ^= x;
            h *= 1099511628211ULL;
        };
        for (size_t i = 0; i < d.values().size(); ++i) {
            memcpy(&bits, &d.prob()[i], 8);
            mix(quint64(d.values()[i]));
            mix(bits);
            mix(quint64(d.alias()[i]));
        }
        QCOMPARE(h, hash);
    }

    void goRandMatchesGoForTheSameSource()
    {
        // Recorded with Go 1.19: r := rand.New(drbg(seed 01..)); r.Intn(1449), r.Intn(100),
        // r.Intn(7), r.Int63(), r.Float64().
        GoRand r(seedFrom(1));
        QCOMPARE(r.intn(1449), 1337);
        QCOMPARE(r.intn(100), 0);
        QCOMPARE(r.intn(7), 3);
        QCOMPARE(r.int63(), qint64(5033420280800176419LL));
        QCOMPARE(r.float64(), 0.6090813292398065);
    }
};

QTEST_APPLESS_MAIN(TestObfs4Drbg)
#include "tst_obfs4_drbg.moc"
