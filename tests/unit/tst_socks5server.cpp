// Unit tests for the sans-IO SOCKS5 server handshake (dispatcher/protocols/Socks5Server).
// Every input is fed whole, byte by byte and in random chunks: the outcome must not
// depend on how TCP happened to split it.

#include "dispatcher/protocols/Socks5Server.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using pt::socks5::ServerHandshake;
using State = pt::socks5::ServerHandshake::State;
using pt::socks5::Limits;

Q_DECLARE_METATYPE(State)

namespace {

QByteArray hex(const char* h)
{
    return QByteArray::fromHex(h);
}

// CONNECT-reply shape used for every failure: 05 REP 00 01 0.0.0.0:0
QByteArray failReply(uint8_t rep)
{
    QByteArray r = hex("05000001000000000000");
    r[1] = char(rep);
    return r;
}

QByteArray greeting(const QByteArray& methods)
{
    return QByteArray(1, '\x05') + char(methods.size()) + methods;
}

QByteArray userPass(const QByteArray& user, const QByteArray& pass)
{
    return QByteArray(1, '\x01') + char(user.size()) + user + char(pass.size()) + pass;
}

QByteArray jsonBlock(const QByteArray& body)
{
    const auto n = uint32_t(body.size());
    QByteArray len(4, '\0');
    len[0] = char(n >> 24);
    len[1] = char(n >> 16);
    len[2] = char(n >> 8);
    len[3] = char(n);
    return len + body;
}

QByteArray connectIPv4(const char* addrPortHex)
{
    return hex("05010001") + hex(addrPortHex);
}

QByteArray connectDomain(const QByteArray& name, uint16_t port)
{
    return hex("05010003") + char(name.size()) + name + char(port >> 8) + char(port & 0xFF);
}

const QByteArray kTorCert = "ssH+9rP8dG2NLDN2XuFw63hIO/9MNNinLmxQDpVa+7kTOa9/m+tGWT1SmSYpQ9uTBGa6Hw";

// Tor's exact request to a client PT (INTEROP.md): methods 00 02, user
// "cert=...;iat-mode=0", password one NUL byte, CONNECT ATYP 1 to 127.0.0.1:29002.
QByteArray torRequest()
{
    return hex("05020002") + userPass("cert=" + kTorCert + ";iat-mode=0", QByteArray(1, '\0')) +
           connectIPv4("7f000001714a");
}

// Everything observable about a handshake after some input, as one string so that
// a mismatch shows the whole picture.
QString describe(ServerHandshake& h, const QByteArray& sent)
{
    const QByteArray args = QJsonDocument(h.arguments()).toJson(QJsonDocument::Compact);
    return QStringLiteral(
               "sent=%1 state=%2 method=%3 host=%4 port=%5 atyp=%6 args=%7 settingsError=%8 leftover=%9")
        .arg(QString::fromLatin1(sent.toHex(' ')))
        .arg(int(h.state()))
        .arg(h.method())
        .arg(h.host())
        .arg(h.port())
        .arg(h.addressType())
        .arg(QString::fromUtf8(args))
        .arg(h.pendingSettingsError())
        .arg(QString::fromLatin1(h.takeLeftover().toHex(' ')));
}

// Feeds `in` in chunks of the given sizes (the last one repeats), checking the
// buffering cap after every call.
QString feed(const QByteArray& in, const QList<int>& chunks, Limits limits = {})
{
    ServerHandshake h(limits);
    QByteArray sent;
    qsizetype pos = 0;
    int c = 0;
    while (pos < in.size()) {
        const int size = chunks.at(std::min<int>(c++, int(chunks.size()) - 1));
        sent += h.onBytes(in.mid(pos, size));
        pos += size;
        if (h.state() != State::Replied && h.bufferedBytes() > h.maxBufferedBytes())
            return QStringLiteral("buffered %1 > cap %2").arg(h.bufferedBytes()).arg(h.maxBufferedBytes());
    }
    return describe(h, sent);
}

QString feedWhole(const QByteArray& in, Limits limits = {})
{
    return feed(in, {int(std::max<qsizetype>(in.size(), 1))}, limits);
}

QString feedByteByByte(const QByteArray& in, Limits limits = {})
{
    return feed(in, {1}, limits);
}

QString feedRandomChunks(const QByteArray& in, quint32 seed, Limits limits = {})
{
    QRandomGenerator rng(seed);
    QList<int> chunks;
    for (qsizetype total = 0; total < in.size();) {
        chunks << int(rng.bounded(1, 8));
        total += chunks.last();
    }
    if (chunks.isEmpty()) chunks << 1;
    return feed(in, chunks, limits);
}

} // namespace

class TestSocks5Server : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeHandshakeGivesRequestReady_data();
    void completeHandshakeGivesRequestReady();
    void truncatedHandshakeKeepsWaiting_data();
    void truncatedHandshakeKeepsWaiting();
    void malformedInputFailsWithExactReply_data();
    void malformedInputFailsWithExactReply();
    void bytesAfterFailureAreIgnored();
    void leftoverIsOnlyPipelinedData();
    void pipelinedDataBeyondCapFails();
    void timeoutInJsonBlockRepliesX11_data();
    void timeoutInJsonBlockRepliesX11();
    void timeoutOutsideJsonBlockSendsNothing();
    void replyEncodesBoundAddress_data();
    void replyEncodesBoundAddress();
    void replyMovesToRepliedOrFailed();
    void replyOutsideRequestReadyDoesNothing();
    void replyForNetError();
    void randomInputNeverCrashesOrOverbuffers();
    void parseTorArgs_data();
    void parseTorArgs();
};

void TestSocks5Server::completeHandshakeGivesRequestReady_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expectedSent");
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("atyp");
    QTest::addColumn<QByteArray>("argsJson");
    QTest::addColumn<int>("settingsError");
    QTest::addColumn<QByteArray>("leftover");

    const QByteArray noArgs = "{}";

    QTest::newRow("no-auth IPv4") << hex("050100") + connectIPv4("7f0000012328") << hex("0500") << 0
                                  << "127.0.0.1" << 9000 << 1 << noArgs << 0 << QByteArray();
    QTest::newRow("no-auth IPv6") << hex("050100") + hex("05010004") +
                                         hex("20010db8000000000000000000000001") + hex("01bb")
                                  << hex("0500") << 0 << "2001:db8::1" << 443 << 4 << noArgs << 0
                                  << QByteArray();
    QTest::newRow("no-auth domain") << hex("050100") + connectDomain("example.com", 80) << hex("0500") << 0
                                    << "example.com" << 80 << 3 << noArgs << 0 << QByteArray();
    QTest::newRow("no-auth with nonzero RSV tolerated")
        << hex("050100") + hex("05011201c0000201ffff") << hex("0500") << 0 << "192.0.2.1" << 65535 << 1
        << noArgs << 0 << QByteArray();
    QTest::newRow("unknown methods skipped")
        << greeting(hex("80fe00")) + connectIPv4("0a0000010050") + QByteArray() << hex("0500") << 0
        << "10.0.0.1" << 80 << 1 << noArgs << 0 << QByteArray();

    QTest::newRow("tor exact bytes (02, NUL password)")
        << torRequest() << hex("05020100") << 2 << "127.0.0.1" << 29002 << 1
        << QByteArray("{\"cert\":\"" + kTorCert + "\",\"iat-mode\":\"0\"}") << 0 << QByteArray();
    QTest::newRow("02 with escapes") << hex("050102") + userPass(R"(a\;b=c\=d;e=f\\;g=h=i)", "") +
                                            connectIPv4("7f0000010050")
                                     << hex("05020100") << 2 << "127.0.0.1" << 80 << 1
                                     << QByteArray(R"({"a;b":"c=d","e":"f\\","g":"h=i"})") << 0
                                     << QByteArray();
    QTest::newRow("02 args split over username and password")
        << hex("050102") + userPass("cert=abc;ia", "t-mode=1") + connectIPv4("7f0000010050")
        << hex("05020100") << 2 << "127.0.0.1" << 80 << 1 << QByteArray(R"({"cert":"abc","iat-mode":"1"})")
        << 0 << QByteArray();
    QTest::newRow("02 empty username and NUL password")
        << hex("050102") + userPass("", QByteArray(1, '\0')) + connectIPv4("7f0000010050") << hex("05020100")
        << 2 << "127.0.0.1" << 80 << 1 << noArgs << 0 << QByteArray();
    QTest::newRow("02 preferred over 00")
        << hex("05020002") + userPass("k=v", "") + connectIPv4("7f0000010050") << hex("05020100") << 2
        << "127.0.0.1" << 80 << 1 << QByteArray(R"({"k":"v"})") << 0 << QByteArray();
    QTest::newRow("02 malformed args still 01 00, then X'13' pending")
        << hex("050102") + userPass("a=b\\", QByteArray(1, '\0')) + connectIPv4("7f0000010050")
        << hex("05020100") << 2 << "127.0.0.1" << 80 << 1 << noArgs << 0x13 << QByteArray();
    QTest::newRow("02 NUL inside username gives X'13' pending")
        << hex("050102") + userPass(QByteArray("a=b\0c", 5), "") + connectIPv4("7f0000010050")
        << hex("05020100") << 2 << "127.0.0.1" << 80 << 1 << noArgs << 0x13 << QByteArray();

    const QByteArray specExample = R"({"shared-secret": "rahasia", "secrets-file": "/tmp/blob"})";
    QTest::newRow("09 spec example")
        << hex("050109") + hex("00000039") + specExample + connectDomain("bridge.example", 443) << hex("0509")
        << 9 << "bridge.example" << 443 << 3
        << QByteArray(R"({"secrets-file":"/tmp/blob","shared-secret":"rahasia"})") << 0 << QByteArray();
    QTest::newRow("09 preferred over 02 and 00")
        << hex("0503000209") + jsonBlock(R"({"n":1,"b":true,"o":{"x":[1]}})") + connectIPv4("7f0000010050")
        << hex("0509") << 9 << "127.0.0.1" << 80 << 1 << QByteArray(R"({"b":true,"n":1,"o":{"x":[1]}})") << 0
        << QByteArray();
    QTest::newRow("09 zero length") << hex("050109") + hex("00000000") + connectIPv4("7f0000010050")
                                    << hex("0509") << 9 << "127.0.0.1" << 80 << 1 << noArgs << 0
                                    << QByteArray();
    QTest::newRow("09 not JSON gives X'12' pending")
        << hex("050109") + jsonBlock("{nope") + connectIPv4("7f0000010050") << hex("0509") << 9 << "127.0.0.1"
        << 80 << 1 << noArgs << 0x12 << QByteArray();
    QTest::newRow("09 JSON array gives X'12' pending")
        << hex("050109") + jsonBlock("[1,2]") + connectIPv4("7f0000010050") << hex("0509") << 9 << "127.0.0.1"
        << 80 << 1 << noArgs << 0x12 << QByteArray();
    QTest::newRow("09 invalid UTF-8 gives X'12' pending")
        << hex("050109") + jsonBlock("{\"k\":\"\xff\xfe\"}") + connectIPv4("7f0000010050") << hex("0509") << 9
        << "127.0.0.1" << 80 << 1 << noArgs << 0x12 << QByteArray();
    QTest::newRow("09 exactly at the size limit")
        << hex("050109") + jsonBlock("{\"k\":\"" + QByteArray(64 * 1024 - 8, 'x') + "\"}") +
               connectIPv4("7f0000010050")
        << hex("0509") << 9 << "127.0.0.1" << 80 << 1
        << QByteArray("{\"k\":\"" + QByteArray(64 * 1024 - 8, 'x') + "\"}") << 0 << QByteArray();

    QTest::newRow("pipelined data after CONNECT kept")
        << hex("050100") + connectIPv4("7f0000010050") + "GET / HTTP/1.0\r\n\r\n"
        << hex("0500") << 0 << "127.0.0.1" << 80 << 1 << noArgs << 0 << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("tor bytes plus pipelined data")
        << torRequest() + hex("160301") << hex("05020100") << 2 << "127.0.0.1" << 29002 << 1
        << QByteArray("{\"cert\":\"" + kTorCert + "\",\"iat-mode\":\"0\"}") << 0 << hex("160301");
}

void TestSocks5Server::completeHandshakeGivesRequestReady()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expectedSent);
    QFETCH(int, method);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, atyp);
    QFETCH(QByteArray, argsJson);
    QFETCH(int, settingsError);
    QFETCH(QByteArray, leftover);

    ServerHandshake h;
    const QByteArray sent = h.onBytes(input);
    QCOMPARE(h.state(), State::RequestReady);
    QCOMPARE(sent.toHex(' '), expectedSent.toHex(' '));
    QCOMPARE(int(h.method()), method);
    QCOMPARE(h.host(), host);
    QCOMPARE(int(h.port()), port);
    QCOMPARE(int(h.addressType()), atyp);
    QCOMPARE(QJsonDocument(h.arguments()).toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson(argsJson).toJson(QJsonDocument::Compact));
    QCOMPARE(int(h.pendingSettingsError()), settingsError);
    QCOMPARE(h.takeLeftover(), leftover);
    QVERIFY(h.takeLeftover().isEmpty()); // taken once

    const QString whole = feedWhole(input);
    QCOMPARE(feedByteByByte(input), whole);
    for (quint32 seed = 1; seed <= 5; ++seed)
        QCOMPARE(feedRandomChunks(input, seed), whole);
}

void TestSocks5Server::truncatedHandshakeKeepsWaiting_data()
{
    completeHandshakeGivesRequestReady_data();
}

void TestSocks5Server::truncatedHandshakeKeepsWaiting()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expectedSent);
    QFETCH(QByteArray, leftover);

    const qsizetype handshakeEnd = input.size() - leftover.size();
    for (qsizetype cut = 0; cut < handshakeEnd; ++cut) {
        // Long JSON bodies: every offset near the ends, a sample in the middle.
        if (cut > 300 && cut < handshakeEnd - 300 && cut % 997 != 0) continue;
        ServerHandshake h;
        const QByteArray sent = h.onBytes(input.left(cut));
        QVERIFY2(h.state() != State::RequestReady && h.state() != State::Failed,
                 qPrintable(QStringLiteral("cut at %1: state %2").arg(cut).arg(int(h.state()))));
        QVERIFY2(expectedSent.startsWith(sent), qPrintable(QStringLiteral("cut at %1").arg(cut)));
        QVERIFY(h.takeLeftover().isEmpty());
        QVERIFY(h.bufferedBytes() <= h.maxBufferedBytes());
        // The rest completes it exactly as if it had come at once.
        const QByteArray rest = h.onBytes(input.mid(cut));
        QCOMPARE(h.state(), State::RequestReady);
        QCOMPARE(QByteArray(sent + rest).toHex(' '), expectedSent.toHex(' '));
    }
}

void TestSocks5Server::malformedInputFailsWithExactReply_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expectedSent");
    QTest::addColumn<int>("settingsError");

    const QByteArray noAuth = hex("050100");
    QTest::newRow("greeting VER 4 (SOCKS4)") << hex("040100500a000001") << QByteArray() << 0;
    QTest::newRow("greeting is HTTP") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray() << 0;
    QTest::newRow("NMETHODS 0") << hex("0500") << hex("05ff") << 0;
    QTest::newRow("NMETHODS 0 with more bytes")
        << hex("0500") + connectIPv4("7f0000010050") << hex("05ff") << 0;
    QTest::newRow("no acceptable method") << hex("05020103") << hex("05ff") << 0;
    QTest::newRow("only GSSAPI and 0xFF") << hex("050201ff") << hex("05ff") << 0;
    QTest::newRow("BIND") << noAuth + hex("050200017f0000010050") << hex("0500") + failReply(0x07) << 0;
    QTest::newRow("UDP ASSOCIATE") << noAuth + hex("050300017f0000010050") << hex("0500") + failReply(0x07)
                                   << 0;
    QTest::newRow("command 0") << noAuth + hex("050000017f0000010050") << hex("0500") + failReply(0x07) << 0;
    QTest::newRow("request VER 4") << noAuth + hex("040100017f0000010050") << hex("0500") + failReply(0x01)
                                   << 0;
    QTest::newRow("ATYP 0") << noAuth + hex("050100007f0000010050") << hex("0500") + failReply(0x08) << 0;
    QTest::newRow("ATYP 2") << noAuth + hex("050100027f0000010050") << hex("0500") + failReply(0x08) << 0;
    QTest::newRow("ATYP 0xFF") << noAuth + hex("050100ff") << hex("0500") + failReply(0x08) << 0;
    QTest::newRow("empty domain") << noAuth + hex("05010003000050") << hex("0500") + failReply(0x01) << 0;
    QTest::newRow("domain with NUL") << noAuth + connectDomain(QByteArray("evil\0.com", 9), 80)
                                     << hex("0500") + failReply(0x01) << 0;
    QTest::newRow("domain not UTF-8")
        << noAuth + connectDomain("\xff\xfe.com", 80) << hex("0500") + failReply(0x01) << 0;
    QTest::newRow("port 0") << noAuth + connectIPv4("7f0000010000") << hex("0500") + failReply(0x01) << 0;
    QTest::newRow("bad RFC 1929 version") << hex("050102") + hex("05036b3d76") << hex("05020101") << 0;
    QTest::newRow("oversize JSON length")
        << hex("050109") + hex("00010001") + "{}" << hex("0509") + failReply(0x10) << 0x10;
    QTest::newRow("JSON length 4 GiB")
        << hex("050109") + hex("ffffffff") << hex("0509") + failReply(0x10) << 0x10;
    QTest::newRow("X'12' pending then BIND")
        << hex("050109") + jsonBlock("nope") + hex("050200017f0000010050") << hex("0509") + failReply(0x07)
        << 0x12;
}

void TestSocks5Server::malformedInputFailsWithExactReply()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expectedSent);
    QFETCH(int, settingsError);

    ServerHandshake h;
    const QByteArray sent = h.onBytes(input);
    QCOMPARE(h.state(), State::Failed);
    QCOMPARE(sent.toHex(' '), expectedSent.toHex(' '));
    QVERIFY(!h.error().isEmpty());
    QCOMPARE(int(h.pendingSettingsError()), settingsError);
    QVERIFY(h.takeLeftover().isEmpty());
    QCOMPARE(h.bufferedBytes(), 0);

    const QString whole = feedWhole(input);
    QCOMPARE(feedByteByByte(input), whole);
    for (quint32 seed = 1; seed <= 5; ++seed)
        QCOMPARE(feedRandomChunks(input, seed), whole);
}

void TestSocks5Server::bytesAfterFailureAreIgnored()
{
    ServerHandshake h;
    QCOMPARE(h.onBytes(hex("0500")), hex("05ff"));
    QCOMPARE(h.state(), State::Failed);
    QVERIFY(h.onBytes(hex("050100")).isEmpty());
    QVERIFY(h.onTimeout().isEmpty());
    QCOMPARE(h.state(), State::Failed);
    QCOMPARE(h.bufferedBytes(), 0);
}

void TestSocks5Server::leftoverIsOnlyPipelinedData()
{
    ServerHandshake h;
    QCOMPARE(h.onBytes(hex("050100") + hex("0501")), hex("0500"));
    QVERIFY(h.takeLeftover().isEmpty()); // half a request is not leftover
    QCOMPARE(h.state(), State::Request);
    h.onBytes(hex("00017f0000010050") + "ab");
    QCOMPARE(h.state(), State::RequestReady);
    h.onBytes("cd");
    QCOMPARE(h.takeLeftover(), QByteArray("abcd"));
    h.onBytes("ef");
    QCOMPARE(h.reply(0x00, "127.0.0.1", 1234), hex("050000017f00000104d2"));
    QCOMPARE(h.state(), State::Replied);
    QVERIFY(h.onBytes("gh").isEmpty());
    QCOMPARE(h.takeLeftover(), QByteArray("efgh"));
}

void TestSocks5Server::pipelinedDataBeyondCapFails()
{
    Limits limits;
    limits.maxPipelinedBytes = 16;
    const QByteArray request = hex("050100") + connectIPv4("7f0000010050");

    ServerHandshake atCap(limits);
    atCap.onBytes(request + QByteArray(16, 'x'));
    QCOMPARE(atCap.state(), State::RequestReady);
    QCOMPARE(atCap.takeLeftover(), QByteArray(16, 'x'));

    ServerHandshake over(limits);
    QCOMPARE(over.onBytes(request + QByteArray(17, 'x')), hex("0500") + failReply(0x01));
    QCOMPARE(over.state(), State::Failed);
    QCOMPARE(over.bufferedBytes(), 0);

    const QString whole = feedWhole(request + QByteArray(17, 'x'), limits);
    QVERIFY(whole.contains(QStringLiteral("state=%1").arg(int(State::Failed))));
    QCOMPARE(feedByteByByte(request + QByteArray(17, 'x'), limits), whole);
}

void TestSocks5Server::timeoutInJsonBlockRepliesX11_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<State>("stateBefore");
    QTest::newRow("waiting for length") << hex("050109") << State::JsonLength;
    QTest::newRow("half a length") << hex("0501090000") << State::JsonLength;
    QTest::newRow("inside the body") << hex("050109") + hex("00000039") + "{\"shared" << State::JsonBody;
}

void TestSocks5Server::timeoutInJsonBlockRepliesX11()
{
    QFETCH(QByteArray, input);
    QFETCH(State, stateBefore);
    ServerHandshake h;
    QCOMPARE(h.onBytes(input), hex("0509"));
    QCOMPARE(h.state(), stateBefore);
    QCOMPARE(h.onTimeout().toHex(' '), failReply(0x11).toHex(' '));
    QCOMPARE(h.state(), State::Failed);
    QCOMPARE(int(h.pendingSettingsError()), 0x11);
    QVERIFY(h.onTimeout().isEmpty());
}

void TestSocks5Server::timeoutOutsideJsonBlockSendsNothing()
{
    const QList<QByteArray> inputs = {QByteArray(), hex("0501"), hex("050102") + hex("0103"),
                                      hex("050100") + hex("05"),
                                      hex("050109") + hex("00000000") + hex("0501")};
    for (const QByteArray& in : inputs) {
        ServerHandshake h;
        h.onBytes(in);
        QVERIFY(h.state() != State::Failed);
        QVERIFY2(h.onTimeout().isEmpty(), in.toHex().constData());
        QCOMPARE(h.state(), State::Failed);
    }
}

void TestSocks5Server::replyEncodesBoundAddress_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("IPv4") << 0 << "192.0.2.1" << 8080 << hex("05000001c00002011f90");
    QTest::newRow("IPv6") << 0 << "2001:db8::1" << 443 << hex("0500000420010db800000000000000000000000101bb");
    QTest::newRow("empty") << 0 << QString() << 0 << hex("05000001000000000000");
    QTest::newRow("not a literal") << 5 << "example.com" << 0 << hex("05050001000000000000");
    QTest::newRow("X'13'") << 0x13 << QString() << 0 << failReply(0x13);
}

void TestSocks5Server::replyEncodesBoundAddress()
{
    QFETCH(int, code);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QByteArray, expected);
    QCOMPARE(pt::socks5::encodeReply(uint8_t(code), host, uint16_t(port)).toHex(' '), expected.toHex(' '));
}

void TestSocks5Server::replyMovesToRepliedOrFailed()
{
    ServerHandshake ok;
    ok.onBytes(torRequest());
    QCOMPARE(ok.reply(0x00, "::1", 5), hex("05000004000000000000000000000000000000010005"));
    QCOMPARE(ok.state(), State::Replied);

    ServerHandshake refused;
    refused.onBytes(torRequest());
    QCOMPARE(refused.reply(0x05), failReply(0x05));
    QCOMPARE(refused.state(), State::Failed);
    QVERIFY(refused.error().contains("0x05"));

    ServerHandshake badSettings;
    badSettings.onBytes(hex("050109") + jsonBlock("[]") + connectIPv4("7f0000010050"));
    QCOMPARE(badSettings.reply(badSettings.pendingSettingsError()), failReply(0x12));
}

void TestSocks5Server::replyOutsideRequestReadyDoesNothing()
{
    ServerHandshake h;
    h.onBytes(hex("050100"));
    QVERIFY(h.reply(0x00).isEmpty());
    QCOMPARE(h.state(), State::Request);
    h.onBytes(connectIPv4("7f0000010050"));
    QVERIFY(!h.reply(0x00).isEmpty());
    QVERIFY(h.reply(0x00).isEmpty()); // only once
    QCOMPARE(h.state(), State::Replied);
}

void TestSocks5Server::replyForNetError()
{
    using pt::NetError;
    using Kind = NetError::Kind;
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::Refused))), 0x05);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::NetUnreachable))), 0x03);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::HostUnreachable))), 0x04);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::TimedOut))), 0x06);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::AddressFamily))), 0x08);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::Reset, 104))), 0x01);
    QCOMPARE(int(pt::socks5::replyFor(NetError::of(Kind::Other))), 0x01);
}

void TestSocks5Server::randomInputNeverCrashesOrOverbuffers()
{
    // Small limits so that the caps are actually reached.
    Limits limits;
    limits.maxJsonBlockBytes = 300;
    limits.maxPipelinedBytes = 100;
    const QList<QByteArray> seeds = {
        torRequest(),
        hex("050109") + jsonBlock(R"({"a":"b"})") + connectDomain("x.example", 80),
        hex("050100") + hex("05010004") + QByteArray(16, '\x01') + hex("0050"),
        hex("0502") + hex("0209"),
    };
    QRandomGenerator rng(20240607);
    int reachedReady = 0;
    for (int iter = 0; iter < 3000; ++iter) {
        QByteArray in;
        if (rng.bounded(4) == 0) {
            in.resize(rng.bounded(0, 600));
            for (char& c : in)
                c = char(rng.bounded(256));
        } else {
            // A real handshake with a few bytes changed and random junk after it.
            in = seeds.at(rng.bounded(int(seeds.size())));
            for (int m = rng.bounded(0, 4); m > 0; --m)
                in[rng.bounded(int(in.size()))] = char(rng.bounded(256));
            QByteArray tail(rng.bounded(0, 200), '\0');
            for (char& c : tail)
                c = char(rng.bounded(256));
            in += tail;
        }
        const QString whole = feedWhole(in, limits);
        QVERIFY2(!whole.startsWith("buffered"), qPrintable(whole));
        QCOMPARE(feedRandomChunks(in, quint32(iter), limits), whole);
        if (iter % 10 == 0) QCOMPARE(feedByteByByte(in, limits), whole);
        if (whole.contains(QStringLiteral("state=%1").arg(int(State::RequestReady)))) ++reachedReady;
    }
    QVERIFY2(reachedReady > 100, qPrintable(QString::number(reachedReady))); // the fuzz went deep
}

void TestSocks5Server::parseTorArgs_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("expectedJson");
    QTest::newRow("empty") << QByteArray() << true << QByteArray("{}");
    QTest::newRow("one pair") << QByteArray("a=b") << true << QByteArray(R"({"a":"b"})");
    QTest::newRow("tor bridge args") << QByteArray("cert=AB+/cd;iat-mode=0") << true
                                     << QByteArray(R"({"cert":"AB+/cd","iat-mode":"0"})");
    QTest::newRow("empty value") << QByteArray("a=") << true << QByteArray(R"({"a":""})");
    QTest::newRow("unescaped = in value") << QByteArray("a=b==") << true << QByteArray(R"({"a":"b=="})");
    QTest::newRow("escaped ; = and backslash")
        << QByteArray(R"(k\;\=\\=v\;\=\\)") << true << QByteArray(R"({"k;=\\":"v;=\\"})");
    QTest::newRow("escaped ordinary char") << QByteArray(R"(\a=\b)") << true << QByteArray(R"({"a":"b"})");
    QTest::newRow("duplicate key keeps first") << QByteArray("a=1;a=2") << true << QByteArray(R"({"a":"1"})");
    QTest::newRow("UTF-8 value") << QByteArray("name=\xc3\xa9t\xc3\xa9") << true
                                 << QByteArray("{\"name\":\"\xc3\xa9t\xc3\xa9\"}");
    QTest::newRow("no equals") << QByteArray("abc") << false << QByteArray();
    QTest::newRow("empty key") << QByteArray("=b") << false << QByteArray();
    QTest::newRow("trailing semicolon") << QByteArray("a=b;") << false << QByteArray();
    QTest::newRow("double semicolon") << QByteArray("a=b;;c=d") << false << QByteArray();
    QTest::newRow("lone semicolon") << QByteArray(";") << false << QByteArray();
    QTest::newRow("dangling backslash in value") << QByteArray("a=b\\") << false << QByteArray();
    QTest::newRow("dangling backslash in key") << QByteArray("a\\") << false << QByteArray();
    QTest::newRow("escaped equals is no separator") << QByteArray("a\\=b") << false << QByteArray();
    QTest::newRow("NUL byte") << QByteArray("a=b\0", 4) << false << QByteArray();
    QTest::newRow("invalid UTF-8") << QByteArray("\xff=1") << false << QByteArray();
}

void TestSocks5Server::parseTorArgs()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, ok);
    QFETCH(QByteArray, expectedJson);
    QString error;
    const auto args = pt::socks5::parseTorArgs(input, &error);
    QCOMPARE(args.has_value(), ok);
    if (ok) {
        QCOMPARE(QJsonDocument(*args).toJson(QJsonDocument::Compact),
                 QJsonDocument::fromJson(expectedJson).toJson(QJsonDocument::Compact));
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY(!error.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSocks5Server)
#include "tst_socks5server.moc"
