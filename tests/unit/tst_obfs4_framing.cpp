// obfs4 frames and packets: round trips, authentication failures, truncation and
// lengths out of range.

#include "dispatcher/transports/obfs4/Framing.h"

#include <sodium.h>

#include <QtTest>

using namespace pt::obfs4;

namespace {
QByteArray randomBytes(int n)
{
    QByteArray b(n, '\0');
    if (n > 0) randombytes_buf(b.data(), size_t(n));
    return b;
}

const uint8_t* keyOf(const QByteArray& k)
{
    return reinterpret_cast<const uint8_t*>(k.constData());
}

int randomLength(int lo, int hi)
{
    return lo + int(randombytes_uniform(uint32_t(hi - lo + 1)));
}

// Decodes every complete frame in `wire`; returns payloads, sets `status` to the last status.
QList<QByteArray> decodeAll(FrameDecoder& dec, QByteArray& wire, FrameDecoder::Status& status, QString& error)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    QByteArray payload;
    for (;;) {
        status = dec.decode(wire, pos, payload, error);
        if (status != FrameDecoder::Status::Frame) break;
        out << payload;
    }
    wire.remove(0, pos);
    return out;
}
} // namespace

class TestObfs4Framing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void framesRoundTripWhateverTheChunking()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        FrameDecoder dec(keyOf(key), randomLength);
        QList<QByteArray> sent;
        QByteArray wire;
        for (int len : {0, 1, 2, 100, 1427, 1430, 777}) {
            sent << randomBytes(len);
            QVERIFY(enc.encode(keyOf(sent.last()), len, wire));
        }
        // Feed in odd-sized pieces, including single bytes.
        QList<QByteArray> got;
        QByteArray buffer;
        FrameDecoder::Status status;
        QString error;
        for (qsizetype off = 0; off < wire.size();) {
            const qsizetype n = qMin<qsizetype>(wire.size() - off, off % 3 == 0 ? 1 : 211);
            buffer += wire.mid(off, n);
            off += n;
            got += decodeAll(dec, buffer, status, error);
            QVERIFY2(status != FrameDecoder::Status::Error, qPrintable(error));
        }
        QCOMPARE(got, sent);
        QVERIFY(buffer.isEmpty());
    }

    void lengthFieldIsMaskedWithTheDrbg()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        QByteArray wire;
        const QByteArray payload = randomBytes(300);
        QVERIFY(enc.encode(keyOf(payload), int(payload.size()), wire));
        pt::crypto::HashDrbg drbg(keyOf(key) + 48);
        const auto block = drbg.nextBlock();
        const int mask = (block[0] << 8) | block[1];
        const int wireLength = (quint8(wire[0]) << 8) | quint8(wire[1]);
        QCOMPARE(wireLength ^ mask, kTagLength + 300);
        QCOMPARE(wire.size(), kFrameOverhead + 300);
    }

    void tamperedFrameFailsAuthentication()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        FrameDecoder dec(keyOf(key), randomLength);
        QByteArray wire;
        const QByteArray p = randomBytes(50);
        QVERIFY(enc.encode(keyOf(p), 50, wire));
        wire[30] = char(wire[30] ^ 0x01);
        FrameDecoder::Status status;
        QString error;
        QVERIFY(decodeAll(dec, wire, status, error).isEmpty());
        QCOMPARE(status, FrameDecoder::Status::Error);
        QVERIFY(!error.isEmpty());
    }

    void wrongKeyFailsAuthentication()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        QByteArray other = key;
        other[0] = char(other[0] ^ 0x80); // same DRBG, different secretbox key
        FrameEncoder enc(keyOf(key));
        FrameDecoder dec(keyOf(other), randomLength);
        QByteArray wire;
        QVERIFY(enc.encode(keyOf(key), 10, wire));
        FrameDecoder::Status status;
        QString error;
        decodeAll(dec, wire, status, error);
        QCOMPARE(status, FrameDecoder::Status::Error);
    }

    void reorderedFramesFail()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        FrameDecoder dec(keyOf(key), randomLength);
        QByteArray a, b;
        QVERIFY(enc.encode(keyOf(key), 20, a));
        QVERIFY(enc.encode(keyOf(key), 20, b));
        // Nonce counter and length masks out of step. The misread length may be
        // anything up to 1446, so give the decoder enough bytes to reach a verdict.
        QByteArray wire = b + a + randomBytes(2 * kMaximumSegmentLength);
        FrameDecoder::Status status;
        QString error;
        decodeAll(dec, wire, status, error);
        QCOMPARE(status, FrameDecoder::Status::Error);
    }

    void truncatedFrameWaitsForMore()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        FrameDecoder dec(keyOf(key), randomLength);
        QByteArray wire;
        QVERIFY(enc.encode(keyOf(key), 32, wire));
        QByteArray part = wire.left(wire.size() - 1);
        FrameDecoder::Status status;
        QString error;
        QVERIFY(decodeAll(dec, part, status, error).isEmpty());
        QCOMPARE(status, FrameDecoder::Status::NeedMore);
        part += wire.right(1);
        QCOMPARE(decodeAll(dec, part, status, error).size(), 1);
    }

    void oversizePayloadIsRefused()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        FrameEncoder enc(keyOf(key));
        QByteArray wire;
        const QByteArray big = randomBytes(kMaximumFramePayloadLength + 1);
        QVERIFY(!enc.encode(keyOf(big), int(big.size()), wire));
        QVERIFY(wire.isEmpty());
        QVERIFY(!enc.encodePacket(kPacketTypePayload, randomBytes(1000), 428, wire));
        QVERIFY(enc.encodePacket(kPacketTypePayload, randomBytes(1000), 427, wire));
        QCOMPARE(wire.size(), kMaximumSegmentLength);
    }

    // A length outside [16, 1446] is not reported at once (that would show where
    // the length is); the decoder swallows a random amount, then fails.
    void invalidLengthFailsOnlyAfterARandomAmount()
    {
        const QByteArray key = randomBytes(kDirectionKeyLength);
        pt::crypto::HashDrbg drbg(keyOf(key) + 48);
        const auto block = drbg.nextBlock();
        const int mask = (block[0] << 8) | block[1];
        const int bogus = 5000 ^ mask;
        FrameDecoder dec(keyOf(key), [](int lo, int) { return lo + 100; });
        QByteArray wire;
        wire += char(bogus >> 8);
        wire += char(bogus & 0xff);
        wire += randomBytes(kMinFrameLength + 99);
        FrameDecoder::Status status;
        QString error;
        decodeAll(dec, wire, status, error);
        QCOMPARE(status, FrameDecoder::Status::NeedMore);
        wire += randomBytes(1);
        decodeAll(dec, wire, status, error);
        QCOMPARE(status, FrameDecoder::Status::Error);
    }

    void packetsParseAndRejectBadLengths()
    {
        Packet pkt;
        QVERIFY(parsePacket(QByteArray::fromHex("000003414243000000"), pkt));
        QCOMPARE(pkt.type, kPacketTypePayload);
        QCOMPARE(pkt.payload, QByteArray("ABC"));
        QVERIFY(parsePacket(QByteArray::fromHex("010000"), pkt));
        QCOMPARE(pkt.type, kPacketTypePrngSeed);
        QVERIFY(pkt.payload.isEmpty());
        QVERIFY(!parsePacket(QByteArray::fromHex("0000"), pkt));         // shorter than the header
        QVERIFY(!parsePacket(QByteArray::fromHex("000005414243"), pkt)); // claims 5 bytes, carries 3
    }
};

QTEST_APPLESS_MAIN(TestObfs4Framing)
#include "tst_obfs4_framing.moc"
