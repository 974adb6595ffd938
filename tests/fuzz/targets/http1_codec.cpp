// The HTTP/1.1 codec (protocols/Http1) in both modes, input cut into chunks, messages
// taken and pipelined ones started as they complete; then EOF. Byte 0 picks the mode,
// the method the responses answer (GET, HEAD, CONNECT, POST) and small limits. Checks:
// a Head-phase buffer never exceeds the head limit, body bytes never exceed the body
// limit, every head parsed re-encodes (HTTP/1.0 and 1.1) and parses back to the same
// start line and fields, and every body parses back from a chunked encoding of it.
#include "FuzzSupport.h"
#include "dispatcher/protocols/Http1.h"

using pt::http::Parser;

namespace {

bool sameFields(const pt::http::Headers& a, const pt::http::Headers& b)
{
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i)
        if (a.fields[i].name != b.fields[i].name || a.fields[i].value != b.fields[i].value) return false;
    return true;
}

void checkRequestRoundTrip(const pt::http::Request& r)
{
    if (r.versionMinor > 1) return; // HTTP/1.2..1.9 are read as 1.x but never written
    const QByteArray head = pt::http::encodeRequestHead(r);
    if (head.isNull()) __builtin_trap();
    Parser p(Parser::Mode::Request);
    p.feed(head);
    const auto again = p.takeRequest();
    if (!again || again->method != r.method || again->target != r.target ||
        again->versionMinor != r.versionMinor || !sameFields(again->headers, r.headers))
        __builtin_trap();
}

void checkResponseRoundTrip(const pt::http::Response& r, const QByteArray& method)
{
    if (r.versionMinor > 1) return;
    const QByteArray head = pt::http::encodeResponseHead(r);
    if (head.isNull()) __builtin_trap();
    Parser p(Parser::Mode::Response);
    p.setRequestMethod(method);
    p.feed(head);
    const auto again = p.takeResponse();
    if (!again || again->status != r.status || again->reason != r.reason ||
        again->versionMinor != r.versionMinor || !sameFields(again->headers, r.headers))
        __builtin_trap();
}

void checkChunkedRoundTrip(const QByteArray& body)
{
    Parser p(Parser::Mode::Response);
    p.setRequestMethod("GET");
    QByteArray in = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    // Two chunks (an empty one would be the last-chunk), then the last-chunk.
    for (const QByteArray& half : {body.left(body.size() / 2), body.mid(body.size() / 2)})
        if (!half.isEmpty()) in += pt::http::encodeChunk(half);
    p.feed(in + pt::http::encodeChunk(QByteArray()));
    if (!p.messageComplete() || p.takeBody() != body) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    static const char* const methods[] = {"GET", "HEAD", "CONNECT", "POST"};
    const uint8_t setup = data[0];
    const bool request = setup & 1;
    const QByteArray method = methods[(setup >> 1) & 3];
    pt::http::Limits limits;
    limits.maxHeadBytes = (setup & 8) ? 256 : 4096;
    limits.maxHeaders = (setup & 16) ? 4 : 100;
    limits.maxChunkLineBytes = (setup & 32) ? 16 : 1024;
    limits.maxBodyBytes = (setup & 64) ? 0 : 8192;
    Parser parser(request ? Parser::Mode::Request : Parser::Mode::Response, limits);
    parser.setRequestMethod(method);

    QByteArray body;
    auto drain = [&] {
        if (auto r = parser.takeRequest()) checkRequestRoundTrip(*r);
        if (auto r = parser.takeResponse()) checkResponseRoundTrip(*r, method);
        body += parser.takeBody();
        if (body.size() > limits.maxBodyBytes || parser.bodyBytesReceived() > limits.maxBodyBytes)
            __builtin_trap();
        if (parser.state() == Parser::State::Head && parser.bufferedBytes() > limits.maxHeadBytes)
            __builtin_trap();
        if (parser.failed() && (parser.errorStatus() < 400 || parser.error().isEmpty())) __builtin_trap();
        // Complete: check the body, then the next message (pipelining), or the rest is
        // stream bytes after an upgrade.
        for (int guard = 0; parser.messageComplete() && guard < 64; ++guard) {
            checkChunkedRoundTrip(body);
            body.clear();
            if (parser.upgrade()) {
                (void)parser.takeLeftover();
                break;
            }
            parser.nextMessage(method);
            if (auto r = parser.takeRequest()) checkRequestRoundTrip(*r);
            if (auto r = parser.takeResponse()) checkResponseRoundTrip(*r, method);
            body += parser.takeBody();
        }
    };
    pt::fuzz::Chunks chunks(data + 1, size - 1);
    QByteArray chunk;
    while (chunks.next(chunk) && !parser.failed()) {
        parser.feed(chunk);
        drain();
    }
    parser.onEof();
    drain();
    return 0;
}
