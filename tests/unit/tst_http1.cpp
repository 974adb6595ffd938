// The sans-IO HTTP/1.1 codec (protocols/Http1): heads and bodies cut at every point,
// Content-Length and chunked framing, keep-alive and pipelining, upgrades, and bad
// input rejected with the status a server would answer, whatever the split.

#include "dispatcher/protocols/Http1.h"
#include "dispatcher/protocols/HttpUrl.h"

#include <QtTest>

using namespace pt::http;

namespace {

// What one parse produced, for comparing runs over differently cut input.
struct Outcome
{
    Parser::State state = Parser::State::Head;
    int errorStatus = 0;
    QByteArray startLine; // method/target/version or version/status/reason, joined
    QList<Field> fields;
    QByteArray body;
    QList<Field> trailers;
    QByteArray leftover;
    bool keepAlive = false;
    bool upgrade = false;

    bool operator==(const Outcome& o) const
    {
        auto same = [](const QList<Field>& a, const QList<Field>& b) {
            if (a.size() != b.size()) return false;
            for (qsizetype i = 0; i < a.size(); ++i)
                if (a[i].name != b[i].name || a[i].value != b[i].value) return false;
            return true;
        };
        return state == o.state && errorStatus == o.errorStatus && startLine == o.startLine &&
               same(fields, o.fields) && body == o.body && same(trailers, o.trailers) &&
               leftover == o.leftover && keepAlive == o.keepAlive && upgrade == o.upgrade;
    }
};

char* toString(const Outcome& o)
{
    QByteArray s = "state=" + QByteArray::number(int(o.state)) +
                   " status=" + QByteArray::number(o.errorStatus) + " start=" + o.startLine +
                   " fields=" + QByteArray::number(o.fields.size()) +
                   " body=" + QByteArray::number(o.body.size()) + " leftover=" + o.leftover.toHex();
    return qstrdup(s.constData());
}

// Feeds the pieces one after the other, taking the head and body as they become ready.
Outcome parse(Parser::Mode mode, const QByteArrayList& pieces, const QByteArray& requestMethod = QByteArray(),
              Limits limits = {}, bool eofAtEnd = false)
{
    Parser p(mode, limits);
    if (!requestMethod.isEmpty()) p.setRequestMethod(requestMethod);
    Outcome o;
    auto take = [&] {
        if (auto r = p.takeRequest()) {
            o.startLine = r->method + ' ' + r->target + " 1." + QByteArray::number(r->versionMinor);
            o.fields = r->headers.fields;
        }
        if (auto r = p.takeResponse()) {
            o.startLine = "1." + QByteArray::number(r->versionMinor) + ' ' + QByteArray::number(r->status) +
                          ' ' + r->reason;
            o.fields = r->headers.fields;
        }
        o.body += p.takeBody();
    };
    for (const QByteArray& piece : pieces) {
        p.feed(piece);
        take();
    }
    if (eofAtEnd) {
        p.onEof();
        take();
    }
    o.state = p.state();
    o.errorStatus = p.errorStatus();
    o.trailers = p.trailers().fields;
    o.keepAlive = p.keepAlive();
    o.upgrade = p.upgrade();
    o.leftover = p.takeLeftover();
    return o;
}

QByteArrayList splitAt(const QByteArray& b, qsizetype at)
{
    return {b.left(at), b.mid(at)};
}

QByteArrayList bytewise(const QByteArray& b)
{
    QByteArrayList out;
    for (char c : b)
        out << QByteArray(1, c);
    return out;
}

// The same outcome whether the input comes whole, in two pieces cut anywhere, or byte
// by byte; returns the whole-input outcome.
Outcome parseEverySplit(Parser::Mode mode, const QByteArray& input,
                        const QByteArray& requestMethod = QByteArray(), Limits limits = {},
                        bool eofAtEnd = false)
{
    const Outcome whole = parse(mode, {input}, requestMethod, limits, eofAtEnd);
    for (qsizetype at = 0; at <= input.size(); ++at) {
        const Outcome cut = parse(mode, splitAt(input, at), requestMethod, limits, eofAtEnd);
        if (!(cut == whole)) {
            qWarning("split at %lld differs: %s vs %s", qlonglong(at), toString(cut), toString(whole));
            return Outcome{Parser::State::Failed, -1, "split differs", {}, {}, {}, {}, false, false};
        }
    }
    const Outcome bytes = parse(mode, bytewise(input), requestMethod, limits, eofAtEnd);
    if (!(bytes == whole))
        return Outcome{Parser::State::Failed, -2, "bytewise differs", {}, {}, {}, {}, false, false};
    return whole;
}

QByteArray field(const Outcome& o, const QByteArray& name)
{
    for (const Field& f : o.fields)
        if (f.name.compare(name, Qt::CaseInsensitive) == 0) return f.value;
    return QByteArray();
}

} // namespace

class TestHttp1 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestHeadAtEverySplit()
    {
        const QByteArray in = "GET /secret?x=1 HTTP/1.1\r\nHost: bridge.test\r\nConnection: upgrade\r\n"
                              "Upgrade: websocket\r\nX-Empty:\r\nX-Spaces: \t padded value \t\r\n\r\n";
        const Outcome o = parseEverySplit(Parser::Mode::Request, in);
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.startLine, QByteArray("GET /secret?x=1 1.1"));
        QCOMPARE(o.fields.size(), 5);
        QCOMPARE(field(o, "host"), QByteArray("bridge.test"));
        QCOMPARE(field(o, "UPGRADE"), QByteArray("websocket"));
        QCOMPARE(field(o, "X-Empty"), QByteArray(""));
        QCOMPARE(field(o, "X-Spaces"), QByteArray("padded value"));
        QVERIFY(o.body.isEmpty());
        QVERIFY(o.leftover.isEmpty());
        QVERIFY(o.keepAlive);
        QVERIFY(!o.upgrade); // a request never "upgrades" the parser: the server decides
    }

    void responseHeadAtEverySplitWith101AndStreamBytes()
    {
        const QByteArray stream = QByteArrayLiteral("\x00\x01raw tunnel bytes\r\n\r\nHTTP/1.1 200 OK\r\n");
        const QByteArray in =
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: WebSocket\r\n\r\n" + stream;
        const Outcome o = parseEverySplit(Parser::Mode::Response, in, "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.startLine, QByteArray("1.1 101 Switching Protocols"));
        QVERIFY(o.upgrade);
        QVERIFY(!o.keepAlive); // HTTP ends on the connection after a 101
        QVERIFY(o.body.isEmpty());
        QCOMPARE(o.leftover, stream);
    }

    void statusLineWithoutReasonAndBareLf()
    {
        const Outcome o =
            parseEverySplit(Parser::Mode::Response, "\r\nHTTP/1.0 204\nServer: x\n\nnext", "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.startLine, QByteArray("1.0 204 "));
        QCOMPARE(field(o, "Server"), QByteArray("x"));
        QCOMPARE(o.leftover, QByteArray("next"));
        QVERIFY(!o.keepAlive); // HTTP/1.0 without keep-alive
    }

    void contentLengthBodyAtEverySplit()
    {
        const QByteArray body = QByteArrayLiteral("0123456789\r\n\r\nabc\x00\xff");
        const QByteArray in = "POST /meek/ HTTP/1.1\r\nHost: h\r\nContent-Length: 19\r\n\r\n" + body + "GET";
        const Outcome o = parseEverySplit(Parser::Mode::Request, in);
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, body);
        QCOMPARE(o.leftover, QByteArray("GET")); // the next pipelined request starts here
        QVERIFY(o.keepAlive);
    }

    void sameContentLengthRepeatedIsAccepted()
    {
        const Outcome o =
            parseEverySplit(Parser::Mode::Response,
                            "HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc", "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, QByteArray("abc"));
    }

    void chunkedBodyWithExtensionsAndTrailersAtEverySplit()
    {
        const QByteArray in = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "5;name=value\r\nhello\r\n"
                              "A \r\n0123456789\r\n"
                              "1\nx\n"
                              "0\r\nX-Trailer: t\r\n\r\n"
                              "after";
        const Outcome o = parseEverySplit(Parser::Mode::Response, in, "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, QByteArray("hello0123456789x"));
        QCOMPARE(o.trailers.size(), 1);
        QCOMPARE(o.trailers[0].name, QByteArray("X-Trailer"));
        QCOMPARE(o.trailers[0].value, QByteArray("t"));
        QCOMPARE(o.leftover, QByteArray("after"));
        QVERIFY(o.keepAlive);
    }

    void chunkedRequestBody()
    {
        const QByteArray in =
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        const Outcome o = parseEverySplit(Parser::Mode::Request, in);
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, QByteArray("abc"));
    }

    void encodedChunksParseBack()
    {
        QByteArray in = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        QByteArray expected;
        for (int n : {1, 15, 16, 255, 4096, 70000}) {
            const QByteArray data(n, char('a' + n % 26));
            in += encodeChunk(data);
            expected += data;
        }
        in += encodeChunk(QByteArray());
        QCOMPARE(encodeChunk(QByteArray()), QByteArray("0\r\n\r\n"));
        QCOMPARE(encodeChunk("hello"), QByteArray("5\r\nhello\r\n"));
        const Outcome o = parse(Parser::Mode::Response, bytewise(in), "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, expected);
    }

    void responseReadUntilClose()
    {
        const QByteArray in =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this is body\r\n\r\n";
        const Outcome open = parseEverySplit(Parser::Mode::Response, in, "GET");
        QCOMPARE(open.state, Parser::State::Body);
        QCOMPARE(open.body, QByteArray("all of this is body\r\n\r\n"));
        const Outcome closed = parseEverySplit(Parser::Mode::Response, in, "GET", {}, true);
        QCOMPARE(closed.state, Parser::State::Complete);
        QCOMPARE(closed.body, open.body);
        QVERIFY(!closed.keepAlive);
    }

    void responsesWithoutBody()
    {
        // HEAD: Content-Length describes the resource, no body follows.
        Outcome o = parseEverySplit(Parser::Mode::Response,
                                    "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\nnext", "HEAD");
        QCOMPARE(o.state, Parser::State::Complete);
        QVERIFY(o.body.isEmpty());
        QCOMPARE(o.leftover, QByteArray("next"));
        // 304 and 204 have none either.
        o = parseEverySplit(Parser::Mode::Response, "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",
                            "GET");
        QCOMPARE(o.state, Parser::State::Complete);
        // 2xx to CONNECT: the tunnel starts after the head.
        o = parseEverySplit(Parser::Mode::Response, "HTTP/1.1 200 Connection established\r\n\r\nraw",
                            "CONNECT");
        QCOMPARE(o.state, Parser::State::Complete);
        QVERIFY(o.upgrade);
        QCOMPARE(o.leftover, QByteArray("raw"));
    }

    void keepAliveAndPipelinedRequests()
    {
        Parser p(Parser::Mode::Request);
        p.feed("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nxy"
               "GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
               "GET /c HTTP/1.0\r\n\r\n");
        QVERIFY(p.messageComplete());
        auto r = p.takeRequest();
        QVERIFY(r);
        QCOMPARE(r->target, QByteArray("/a"));
        QCOMPARE(p.takeBody(), QByteArray("xy"));
        QVERIFY(p.keepAlive());
        QVERIFY(!p.takeRequest()); // once only

        QVERIFY(p.nextMessage());
        QVERIFY(p.messageComplete());
        r = p.takeRequest();
        QCOMPARE(r->target, QByteArray("/b"));
        QVERIFY(!keepAlive(*r));
        QVERIFY(!p.keepAlive());

        QVERIFY(p.nextMessage());
        QVERIFY(p.messageComplete());
        r = p.takeRequest();
        QCOMPARE(r->target, QByteArray("/c"));
        QCOMPARE(r->versionMinor, 0);
        QVERIFY(!p.keepAlive()); // HTTP/1.0 without "Connection: keep-alive"

        QVERIFY(p.nextMessage());
        QCOMPARE(p.state(), Parser::State::Head);
        p.onEof(); // a clean close between messages
        QCOMPARE(p.state(), Parser::State::Head);
        QVERIFY(!p.failed());
        QVERIFY(!p.nextMessage()); // only in Complete
    }

    void keepAliveByVersionAndConnection()
    {
        Request r;
        r.versionMinor = 1;
        QVERIFY(keepAlive(r));
        r.headers.add("Connection", "Upgrade, CLOSE");
        QVERIFY(!keepAlive(r));
        r = Request();
        r.versionMinor = 0;
        QVERIFY(!keepAlive(r));
        r.headers.add("Connection", " Keep-Alive ");
        QVERIFY(keepAlive(r));
        Response s;
        s.versionMinor = 1;
        s.headers.add("connection", "close");
        QVERIFY(!keepAlive(s));
    }

    void responsesOnOneConnection()
    {
        // meek's client: responses in turn on a keep-alive connection, the second to a HEAD.
        Parser p(Parser::Mode::Response);
        p.setRequestMethod("POST");
        p.feed(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        QVERIFY(p.messageComplete());
        QCOMPARE(p.takeBody(), QByteArray("abc"));
        QVERIFY(p.keepAlive());
        QVERIFY(p.nextMessage("HEAD"));
        QVERIFY(p.messageComplete());
        QCOMPARE(p.takeResponse()->headers.value("content-length"), QByteArray("10"));
        QVERIFY(p.takeBody().isEmpty());
    }

    void eofInsideAMessageFails()
    {
        for (const QByteArray& in :
             {QByteArray("GET / HTTP/1.1\r\nHost: h\r\n"),
              QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nabc"),
              QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")}) {
            const Outcome o = parseEverySplit(Parser::Mode::Request, in, QByteArray(), {}, true);
            QCOMPARE(o.state, Parser::State::Failed);
            QCOMPARE(o.errorStatus, 400);
        }
    }

    void badInputIsRejected_data()
    {
        QTest::addColumn<bool>("request");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        const QByteArray get = "GET / HTTP/1.1\r\nHost: h\r\n";
        const QByteArray post = "POST / HTTP/1.1\r\nHost: h\r\n";
        const QByteArray ok = "HTTP/1.1 200 OK\r\n";
        const QByteArray chunked = ok + "Transfer-Encoding: chunked\r\n\r\n";

        QTest::newRow("header folding") << true << get + "X-A: 1\r\n  continued\r\n\r\n" << 400;
        QTest::newRow("folding with tab") << true << get + "X-A: 1\r\n\tcontinued\r\n\r\n" << 400;
        QTest::newRow("space before colon") << true << get + "X-A : 1\r\n\r\n" << 400;
        QTest::newRow("no colon") << true << get + "X-A 1\r\n\r\n" << 400;
        QTest::newRow("empty field name") << true << get + ": 1\r\n\r\n" << 400;
        QTest::newRow("NUL in field value") << true << get + QByteArrayLiteral("X-A: a\0b\r\n\r\n") << 400;
        QTest::newRow("NUL in field name") << true << get + QByteArrayLiteral("X\0A: a\r\n\r\n") << 400;
        QTest::newRow("NUL in target")
            << true << QByteArrayLiteral("GET /a\0b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("NUL in method")
            << true << QByteArrayLiteral("G\0T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("bare CR in value") << true << get + "X-A: a\rb\r\n\r\n" << 400;
        QTest::newRow("CR CR LF") << true << get + "X-A: a\r\r\n\r\n" << 400;
        QTest::newRow("missing CRLF: head ends in CR only") << true << get + "X-A: a\r\r\r\r" << 0;
        // A method byte that is not a tchar fails before the line's LF arrives.
        QTest::newRow("TLS ClientHello, no LF")
            << true << QByteArrayLiteral("\x16\x03\x01\x02\x00\x01\x00") << 400;
        QTest::newRow("space first, no LF") << true << QByteArray(" GET / HTTP/1.1") << 400;
        QTest::newRow("CR inside the method, no LF") << true << QByteArray("GE\rT") << 400;
        QTest::newRow("method then junk, no LF: waits") << true << QByteArray("GET \x01\x02") << 0;
        QTest::newRow("two spaces in request line")
            << true << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("no version") << true << QByteArray("GET /\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("lower-case version") << true << QByteArray("GET / http/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << true << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("no Host in 1.1") << true << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << true << get + "Host: h2\r\n\r\n" << 400;
        QTest::newRow("TE and CL") << true << post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                                   << 400;
        QTest::newRow("TE in HTTP/1.0")
            << true << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("TE gzip") << true << post + "Transfer-Encoding: gzip, chunked\r\n\r\n" << 501;
        QTest::newRow("TE chunked twice") << true << post + "Transfer-Encoding: chunked, chunked\r\n\r\n"
                                          << 400;
        QTest::newRow("CL not digits") << true << post + "Content-Length: 0x10\r\n\r\n" << 400;
        QTest::newRow("CL negative") << true << post + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("CL conflicting") << true << post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\n"
                                        << 400;
        QTest::newRow("CL list conflicting") << true << post + "Content-Length: 3, 4\r\n\r\n" << 400;
        QTest::newRow("CL empty") << true << post + "Content-Length: \r\n\r\n" << 400;
        QTest::newRow("CL overflow") << true << post + "Content-Length: 99999999999999999999999\r\n\r\n"
                                     << 400;
        QTest::newRow("CL over the limit") << true << post + "Content-Length: 1048577\r\n\r\n" << 413;

        QTest::newRow("status not 3 digits") << false << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << 400;
        QTest::newRow("status 4 digits") << false << QByteArray("HTTP/1.1 2000 OK\r\n\r\n") << 400;
        QTest::newRow("status leading 0") << false << QByteArray("HTTP/1.1 099 X\r\n\r\n") << 400;
        QTest::newRow("not HTTP") << false << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << 400;
        QTest::newRow("NUL in reason") << false << QByteArrayLiteral("HTTP/1.1 200 O\0K\r\n\r\n") << 400;
        QTest::newRow("chunk size not hex") << false << chunked + "zz\r\n" << 400;
        QTest::newRow("chunk size empty") << false << chunked + "\r\n" << 400;
        QTest::newRow("chunk size negative") << false << chunked + "-5\r\n" << 400;
        QTest::newRow("chunk size with junk") << false << chunked + "5 x\r\nhello\r\n" << 400;
        QTest::newRow("chunk size with leading space") << false << chunked + " 5\r\nhello\r\n" << 400;
        QTest::newRow("chunk size overflows") << false << chunked + "fffffffffffffffffffff\r\n" << 400;
        QTest::newRow("chunk over the body limit") << false << chunked + "100001\r\n" << 413;
        QTest::newRow("chunks over the body limit")
            << false << chunked + "80000\r\n" + QByteArray(0x80000, 'a') + "\r\n80001\r\n"
            << 413;
        QTest::newRow("chunk data longer than size") << false << chunked + "3\r\nabcd\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk data not followed by CRLF") << false << chunked + "3\r\nabc\rX0\r\n\r\n" << 400;
        QTest::newRow("chunk line too long") << false << chunked + "1;" + QByteArray(2000, 'x') << 400;
        QTest::newRow("NUL in chunk extension")
            << false << chunked + QByteArrayLiteral("1;a\0\r\nx\r\n") << 400;
        QTest::newRow("folded trailer") << false << chunked + "0\r\nX: 1\r\n 2\r\n\r\n" << 400;
        QTest::newRow("until-close over the limit")
            << false << ok + "\r\n" + QByteArray(1024 * 1024 + 1, 'b') << 413;
    }
    void badInputIsRejected()
    {
        QFETCH(bool, request);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        const Parser::Mode mode = request ? Parser::Mode::Request : Parser::Mode::Response;
        // Whole, and byte by byte: errors are found when the offending byte arrives, so
        // the outcome does not depend on the cut. (Every two-piece split is too slow for
        // the megabyte inputs; requestHeadAtEverySplit covers that.)
        const Outcome whole = parse(mode, {input}, "GET");
        const Outcome bytes =
            parse(mode, input.size() < 100000 ? bytewise(input) : splitAt(input, input.size() / 2), "GET");
        // (Body bytes decoded before the error may differ: they stream out as they come.)
        QCOMPARE(bytes.state, whole.state);
        QCOMPARE(bytes.errorStatus, whole.errorStatus);
        if (status == 0) { // no complete line yet: still waiting, nothing accepted
            QCOMPARE(whole.state, Parser::State::Head);
            QVERIFY(whole.startLine.isEmpty() || whole.fields.isEmpty());
            return;
        }
        QCOMPARE(whole.state, Parser::State::Failed);
        QCOMPARE(whole.errorStatus, status);
        Parser p(mode);
        p.feed(input);
        QVERIFY(!p.error().isEmpty());
        QCOMPARE(p.bufferedBytes(), 0);              // a failed parser drops what it held
        p.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n"); // and stays failed
        QVERIFY(p.failed());
    }

    void headLimitsAt431()
    {
        Limits l;
        l.maxHeadBytes = 200;
        l.maxHeaders = 5;
        // Oversize head: found before the end of the line arrives, and the buffer never
        // holds more than the limit.
        Parser p(Parser::Mode::Request, l);
        p.feed("GET / HTTP/1.1\r\nHost: h\r\nX-Long: ");
        for (int i = 0; i < 100 && !p.failed(); ++i) {
            p.feed(QByteArray(10, 'a'));
            QVERIFY(p.bufferedBytes() <= l.maxHeadBytes);
        }
        QVERIFY(p.failed());
        QCOMPARE(p.errorStatus(), 431);

        // Exactly at the limit passes, one byte more fails.
        const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
        const QByteArray atLimit = start + QByteArray(l.maxHeadBytes - start.size() - 4, 'v') + "\r\n\r\n";
        QCOMPARE(atLimit.size(), l.maxHeadBytes);
        QCOMPARE(parse(Parser::Mode::Request, {atLimit}, {}, l).state, Parser::State::Complete);
        const QByteArray over = start + QByteArray(l.maxHeadBytes - start.size() - 3, 'v') + "\r\n\r\n";
        const Outcome o = parse(Parser::Mode::Request, bytewise(over), {}, l);
        QCOMPARE(o.state, Parser::State::Failed);
        QCOMPARE(o.errorStatus, 431);

        // Empty lines before the start line count too (no endless CRLF stream).
        Parser crlf(Parser::Mode::Request, l);
        for (int i = 0; i < 200 && !crlf.failed(); ++i)
            crlf.feed("\r\n");
        QCOMPARE(crlf.errorStatus(), 431);

        // Too many fields.
        QByteArray many = "GET / HTTP/1.1\r\nHost: h\r\n";
        for (int i = 0; i < 4; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QCOMPARE(parse(Parser::Mode::Request, {many + "\r\n"}, {}, l).state, Parser::State::Complete);
        const Outcome tooMany = parse(Parser::Mode::Request, {many + "X-5: v\r\n\r\n"}, {}, l);
        QCOMPARE(tooMany.state, Parser::State::Failed);
        QCOMPARE(tooMany.errorStatus, 431);
    }

    void bodyLimitDetectedBeforeTheBytes()
    {
        Limits l;
        l.maxBodyBytes = 64 * 1024; // meek's
        Parser p(Parser::Mode::Request, l);
        p.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 65537\r\n\r\n");
        QCOMPARE(p.errorStatus(), 413);
        const Outcome exact = parse(
            Parser::Mode::Request,
            {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 65536\r\n\r\n", QByteArray(65536, 'x')}, {}, l);
        QCOMPARE(exact.state, Parser::State::Complete);
        QCOMPARE(exact.body.size(), 65536);
        // An upgrade request's server allows no body at all.
        Limits none;
        none.maxBodyBytes = 0;
        Parser q(Parser::Mode::Request, none);
        q.feed("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\n");
        QCOMPARE(q.errorStatus(), 413);
    }

    void encodersWriteWhatTheParserReads()
    {
        Request r;
        r.method = "GET";
        r.target = "/secret";
        r.headers.add("Host", "bridge.test");
        r.headers.add("Connection", "upgrade");
        QCOMPARE(encodeRequestHead(r),
                 QByteArray("GET /secret HTTP/1.1\r\nHost: bridge.test\r\nConnection: upgrade\r\n\r\n"));

        Request post;
        post.method = "POST";
        post.target = "/";
        post.headers.add("Host", "h");
        post.headers.add("Transfer-Encoding", "chunked"); // replaced by the length
        QCOMPARE(encodeRequest(post, QByteArray()),
                 QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"));
        const QByteArray body("a\0b", 3);
        const Outcome o = parse(Parser::Mode::Request, {encodeRequest(post, body)});
        QCOMPARE(o.state, Parser::State::Complete);
        QCOMPARE(o.body, body);

        Response s;
        s.status = 404;
        s.reason = reasonPhrase(404);
        QCOMPARE(encodeResponse(s, "nope"),
                 QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope"));
        s.status = 101;
        QVERIFY(encodeResponse(s, "x").isNull()); // a 101 has no body
        QCOMPARE(reasonPhrase(101), QByteArray("Switching Protocols"));
        QCOMPARE(reasonPhrase(799), QByteArray("Unknown"));

        const QByteArray err = encodeErrorResponse(400);
        const Outcome e = parse(Parser::Mode::Response, {err}, "GET");
        QCOMPARE(e.state, Parser::State::Complete);
        QCOMPARE(e.startLine, QByteArray("1.1 400 Bad Request"));
        QCOMPARE(e.body, QByteArray("Bad Request\n"));
        QVERIFY(!e.keepAlive);
    }

    void encodersRefuseInjection()
    {
        Request r;
        r.method = "GET";
        r.target = "/";
        r.headers.add("Host", "h\r\nX-Injected: 1");
        QVERIFY(encodeRequestHead(r).isNull());
        r.headers = Headers();
        r.headers.add("Bad Name", "v");
        QVERIFY(encodeRequestHead(r).isNull());
        r.headers = Headers();
        r.headers.add("X", QByteArrayLiteral("a\0b"));
        QVERIFY(encodeRequestHead(r).isNull());
        r.headers = Headers();
        r.target = "/a b";
        QVERIFY(encodeRequestHead(r).isNull());
        r.target = "/\xc3\xa9";
        QVERIFY(encodeRequestHead(r).isNull());
        r.target = "/";
        r.method = "GE T";
        QVERIFY(encodeRequestHead(r).isNull());
        r.method = "GET";
        r.versionMinor = 2;
        QVERIFY(encodeRequestHead(r).isNull());
        Response s;
        s.reason = "OK\r\nX: 1";
        QVERIFY(encodeResponseHead(s).isNull());
        s.reason = "OK";
        s.status = 1000;
        QVERIFY(encodeResponseHead(s).isNull());
    }

    void headersLookups()
    {
        Headers h;
        h.add("Connection", "keep-alive, Upgrade");
        h.add("connection", "  x ,, y");
        h.add("Upgrade", "websocket");
        QVERIFY(h.tokenListContains("CONNECTION", "upgrade"));
        QVERIFY(h.tokenListContains("connection", "Y"));
        QVERIFY(!h.tokenListContains("connection", "up"));
        QVERIFY(!h.tokenListContains("Upgrade", "websockets"));
        QCOMPARE(h.values("Connection").size(), 2);
        QCOMPARE(h.value("connection"), QByteArray("keep-alive, Upgrade"));
        QVERIFY(h.value("missing").isNull());
        h.set("CONNECTION", "close");
        QCOMPARE(h.size(), 2);
        QCOMPARE(h.value("Connection"), QByteArray("close"));
        QCOMPARE(h.remove("upgrade"), 1);
        QVERIFY(!h.has("Upgrade"));
    }

    void urls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("hostHeader");
        QTest::addColumn<QString>("path");
        QTest::newRow("https default") << "https://bridge.example.com/Secret-Path" << true << true
                                       << "bridge.example.com" << 443 << "bridge.example.com"
                                       << "/Secret-Path";
        QTest::newRow("http default")
            << "http://Example.COM" << true << false << "example.com" << 80 << "example.com"
            << "/";
        QTest::newRow("port and query")
            << "https://h.test:8443/a/b?x=1&y" << true << true << "h.test" << 8443 << "h.test:8443"
            << "/a/b?x=1&y";
        QTest::newRow("ipv6") << "https://[::1]:9/p" << true << true << "::1" << 9 << "[::1]:9"
                              << "/p";
        QTest::newRow("ftp") << "ftp://h/" << false << false << "" << 0 << ""
                             << "";
        QTest::newRow("no host") << "https:///p" << false << false << "" << 0 << ""
                                 << "";
        QTest::newRow("user info") << "https://u:p@h/" << false << false << "" << 0 << ""
                                   << "";
        QTest::newRow("fragment") << "https://h/#x" << false << false << "" << 0 << ""
                                  << "";
        QTest::newRow("bad port") << "https://h:99999/" << false << false << "" << 0 << ""
                                  << "";
        QTest::newRow("not a url") << "bridge" << false << false << "" << 0 << ""
                                   << "";
    }
    void urls()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QString error;
        const std::optional<Url> u = parseUrl(text, &error);
        QCOMPARE(u.has_value(), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QFETCH(bool, tls);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, hostHeader);
        QFETCH(QString, path);
        QCOMPARE(u->tls, tls);
        QCOMPARE(u->host, host);
        QCOMPARE(int(u->port), port);
        QCOMPARE(u->hostHeader, hostHeader);
        QCOMPARE(u->path, path);
        QCOMPARE(u->text, text);
    }
};

QTEST_GUILESS_MAIN(TestHttp1)
#include "tst_http1.moc"
