// UDP-over-stream framing: 2-byte length prefix and STUN/ChannelData delimiting,
// with frames cut anywhere, several per read, empty and maximum-size datagrams,
// and malformed input refused.
#include "dispatcher/protocols/UdpFraming.h"

#include <QtTest>

#include <random>

using namespace pt::udp;

namespace {
QByteArray bytes(qsizetype n, quint32 seed)
{
    std::mt19937 rng(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (auto& c : b)
        c = char(rng());
    return b;
}
QByteArray stun(quint16 type, qsizetype attrLen)
{
    QByteArray m;
    m.append(char(type >> 8)).append(char(type & 0xff));
    m.append(char(attrLen >> 8)).append(char(attrLen & 0xff));
    m.append("\x21\x12\xA4\x42", 4).append(bytes(12, 1)).append(bytes(attrLen, 2));
    return m;
}
QByteArray channelData(quint16 channel, qsizetype len)
{
    QByteArray m;
    m.append(char(channel >> 8)).append(char(channel & 0xff));
    m.append(char(len >> 8)).append(char(len & 0xff));
    m.append(bytes(len, 3));
    return m;
}
// Feeds `stream` in pieces of the given sizes (cycled).
QList<QByteArray> decodeInPieces(Framing f, const QByteArray& stream, const QList<int>& pieces, bool* ok)
{
    StreamDecoder d(f);
    QList<QByteArray> out;
    qsizetype pos = 0;
    int i = 0;
    *ok = true;
    while (pos < stream.size()) {
        const qsizetype n = qMin<qsizetype>(pieces[i++ % pieces.size()], stream.size() - pos);
        *ok = d.feed(stream.mid(pos, n), out) && *ok;
        pos += n;
    }
    return out;
}
} // namespace

class TestUdpFraming : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lengthFramingRoundTripsAnyCut()
    {
        const QList<QByteArray> datagrams{QByteArray(),           bytes(1, 4),  bytes(1000, 5),
                                          bytes(kMaxDatagram, 6), QByteArray(), bytes(300, 7)};
        QByteArray stream;
        for (const auto& d : datagrams)
            stream += *encodeDatagram(Framing::Length, d);
        QCOMPARE(stream.size(), 2 * datagrams.size() + 1 + 1000 + kMaxDatagram + 300);
        for (const QList<int>& pieces :
             {QList<int>{1}, QList<int>{2, 3}, QList<int>{7, 65536}, QList<int>{1 << 20}}) {
            bool ok = false;
            const auto out = decodeInPieces(Framing::Length, stream, pieces, &ok);
            QVERIFY(ok);
            QCOMPARE(out, datagrams);
        }
    }

    void lengthPrefixIsBigEndian()
    {
        const auto e = encodeDatagram(Framing::Length, bytes(0x0102, 8));
        QVERIFY(e);
        QCOMPARE(quint8(e->at(0)), quint8(0x01));
        QCOMPARE(quint8(e->at(1)), quint8(0x02));
    }

    void oversizedDatagramsAreRefused()
    {
        QVERIFY(!encodeDatagram(Framing::Length, QByteArray(kMaxDatagram + 1, 'x')));
        StreamDecoder d(Framing::Length);
        QList<QByteArray> out;
        QVERIFY(!d.feed(QByteArray("\xff\xff", 2) + QByteArray(10, 'x'), out));
        QVERIFY(d.failed());
        QVERIFY(out.isEmpty());
        QVERIFY(!d.feed(QByteArray("\x00\x01z", 3), out)); // stays failed
        QVERIFY(out.isEmpty());
    }

    void stunAndChannelDataAreClassified()
    {
        QCOMPARE(classifyStunDatagram(stun(0x0001, 0)), StunKind::Stun);
        QCOMPARE(classifyStunDatagram(stun(0x0101, 12)), StunKind::Stun);
        QCOMPARE(classifyStunDatagram(channelData(0x4000, 5)), StunKind::ChannelData);
        QCOMPARE(classifyStunDatagram(channelData(0x7FFF, 8)), StunKind::ChannelData);
        QCOMPARE(classifyStunDatagram(channelData(0x4001, 5) + QByteArray(3, '\0')), StunKind::ChannelData);

        QByteArray noCookie = stun(0x0001, 4);
        noCookie[5] = 0;
        QCOMPARE(classifyStunDatagram(noCookie), StunKind::Malformed);
        QCOMPARE(classifyStunDatagram(stun(0x8001, 0)), StunKind::Malformed); // top bits 10
        QByteArray badLen = stun(0x0001, 4);
        badLen[3] = 3; // not a multiple of 4
        QCOMPARE(classifyStunDatagram(badLen), StunKind::Malformed);
        QCOMPARE(classifyStunDatagram(stun(0x0001, 4) + "x"), StunKind::Malformed);    // trailing byte
        QCOMPARE(classifyStunDatagram(stun(0x0001, 4).left(22)), StunKind::Malformed); // truncated
        QCOMPARE(classifyStunDatagram(channelData(0x8000, 4)), StunKind::Malformed);   // not a channel
        QCOMPARE(classifyStunDatagram(channelData(0x4000, 8).left(10)), StunKind::Malformed);
        QCOMPARE(classifyStunDatagram(QByteArray("abc")), StunKind::Malformed);
        QCOMPARE(classifyStunDatagram(QByteArray("hello, not STUN")), StunKind::Malformed);
    }

    void stunStreamRoundTripsAndStripsChannelPadding()
    {
        const QList<QByteArray> datagrams{stun(0x0001, 0),        channelData(0x4000, 5),
                                          stun(0x0111, 64),       channelData(0x4abc, 0),
                                          channelData(0x5000, 8), channelData(0x4001, 3)};
        QByteArray stream;
        for (const auto& d : datagrams) {
            const auto e = encodeDatagram(Framing::Stun, d);
            QVERIFY(e);
            QCOMPARE(e->size() % 4, 0);
            stream += *e;
        }
        for (const QList<int>& pieces : {QList<int>{1}, QList<int>{3, 5}, QList<int>{1 << 20}}) {
            bool ok = false;
            const auto out = decodeInPieces(Framing::Stun, stream, pieces, &ok);
            QVERIFY(ok);
            QCOMPARE(out, datagrams);
        }
    }

    void stunFramingRefusesGarbage()
    {
        QVERIFY(!encodeDatagram(Framing::Stun, QByteArray("garbage datagram")));
        QVERIFY(!encodeDatagram(Framing::Stun, QByteArray()));
        QVERIFY(!canCarry(Framing::Stun, QByteArray("garbage datagram")));
        QVERIFY(canCarry(Framing::Stun, stun(0x0001, 8)));
        QVERIFY(canCarry(Framing::Length, QByteArray("garbage datagram")));
        QVERIFY(!canCarry(Framing::Length, QByteArray(kMaxDatagram + 1, 'x')));
        StreamDecoder d(Framing::Stun);
        QList<QByteArray> out;
        QVERIFY(d.feed(stun(0x0001, 0), out));
        QCOMPARE(out.size(), 1);
        QVERIFY(!d.feed(QByteArray("\xC0\x00\x00\x00", 4), out));
        QVERIFY(!d.error().isEmpty());
        QCOMPARE(out.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUdpFraming)
#include "tst_udpframing.moc"
