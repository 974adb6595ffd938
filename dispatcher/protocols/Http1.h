#pragma once

// A small sans-IO HTTP/1.1 codec (RFC 9110 semantics, RFC 9112 message syntax) for the
// HTTP-shaped transports: webtunnel (one GET + Upgrade, a 101 reply, then raw bytes) and
// meek (POSTs with bodies over keep-alive). Bytes in, heads and body bytes out; no sockets,
// no timers.
//
// Parser: one class for both directions. feed() bytes, then look at state() and take what
// is ready: the head (takeRequest()/takeResponse()), the decoded body bytes so far
// (takeBody()), and, once the message is complete, the bytes after it (takeLeftover(), e.g.
// the stream after a 101) or the next pipelined message (nextMessage()).
//
// Choices where RFC 9112 leaves room:
//  - tolerant: LF alone ends a line (CR LF is what we emit); empty lines before the
//    start line are skipped; a status line may omit the reason phrase and its SP.
//  - strict: exactly one SP between the parts of the start line; a field name must be
//    followed directly by ':' (whitespace before the colon is 400); obs-fold (a line that
//    starts with SP/HTAB) is 400; CTL bytes other than HTAB in a field value, and a CR
//    that does not end a line, are 400; an HTTP/1.1 request needs exactly one Host.
//  - framing (RFC 9112 section 6): Transfer-Encoding and Content-Length together are 400
//    (request smuggling); Transfer-Encoding in an HTTP/1.0 message is 400; the only coding
//    we decode is "chunked", alone (anything else is 501, "chunked" twice is 400);
//    Content-Length must be digits, every copy (several fields or a comma list) the same
//    value, and not overflow (else 400); more than Limits::maxBodyBytes is 413, detected
//    as early as possible (from Content-Length or the chunk size, before the bytes come).
//  - no body: requests without Content-Length or Transfer-Encoding; responses to HEAD,
//    1xx, 204, 304, and 2xx to CONNECT. A response with neither length nor chunked is read
//    until close: onEof() completes it.
//  - limits: the head (start line, fields, line endings and skipped empty lines) at most
//    maxHeadBytes and at most maxHeaders fields, else 431; the trailer section has the
//    same limits; a chunk-size line (with its extensions, which are ignored) at most
//    maxChunkLineBytes, else 400. Errors are found as soon as the offending byte arrives
//    (a request method byte that is not a tchar fails before its line is complete), so
//    the outcome does not depend on how the input was split.
//  - errorStatus() is the status a server should answer (400, 413, 431, 501, 505); in
//    Response mode it only classifies the error (a client just fails).
//  - memory: in Head the buffer holds at most maxHeadBytes; the body kept for takeBody()
//    is at most maxBodyBytes per message. Only in Complete are bytes fed kept unparsed (they
//    are the leftover): take them, or stop reading, or call nextMessage().

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace pt::http {

struct Field
{
    QByteArray name;
    QByteArray value;
};

// Header (or trailer) fields in the order received or to be sent. Name lookups are
// ASCII case-insensitive.
struct Headers
{
    QList<Field> fields;

    void add(const QByteArray& name, const QByteArray& value) { fields.append({name, value}); }
    // Removes every field with this name, then appends one.
    void set(const QByteArray& name, const QByteArray& value);
    // Removes every field with this name; returns how many there were.
    int remove(const QByteArray& name);
    bool has(const QByteArray& name) const;
    // The first field's value; a null QByteArray when there is none.
    QByteArray value(const QByteArray& name) const;
    // Every field's value, in order.
    QList<QByteArray> values(const QByteArray& name) const;
    // Whether a comma-separated list in any field with this name (e.g. Connection:
    // keep-alive, Upgrade) has an element equal to token, ignoring case and OWS.
    bool tokenListContains(const QByteArray& name, const QByteArray& token) const;
    int size() const { return int(fields.size()); }
    bool isEmpty() const { return fields.isEmpty(); }
};

struct Request
{
    QByteArray method;
    QByteArray target;
    int versionMinor = 1; // HTTP/1.<versionMinor>
    Headers headers;
};

struct Response
{
    int versionMinor = 1;
    int status = 200;
    QByteArray reason;
    Headers headers;
};

// Whether the connection stays open after this message as far as its head says:
// HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive".
// (A response read until close, or a 101, also ends HTTP on the connection:
// see Parser::keepAlive().)
bool keepAlive(const Request& r);
bool keepAlive(const Response& r);

// The standard reason phrase ("Not Found"), or "Unknown" for unregistered codes.
QByteArray reasonPhrase(int status);

// Start line, the fields in the order given, and the empty line, all CRLF. The caller
// supplies Host, Content-Length etc. Strict: a method or field name that is not a token,
// a target with SP/CTL/non-ASCII, a value with CR/LF/NUL or another CTL, a version other
// than 1.0/1.1, or a status outside 100..999 or a reason with CTL gives a null QByteArray
// instead of a message that could be read two ways.
QByteArray encodeRequestHead(const Request& r);
QByteArray encodeResponseHead(const Response& r);

// A complete message with body: Content-Length is set to body.size() (replacing any the
// head has) — for a request when the body is non-empty or the method is POST/PUT/PATCH,
// for a response unless its status has no body (1xx, 204, 304; then body must be empty).
// Null on the same errors as the head encoders.
QByteArray encodeRequest(Request r, const QByteArray& body);
QByteArray encodeResponse(Response r, const QByteArray& body);
// A server's answer to a failed request: HTTP/1.1 <status> <reason>, text/plain body
// with the reason, and "Connection: close".
QByteArray encodeErrorResponse(int status);
// One chunk of a chunked body (empty data gives the last chunk "0\r\n\r\n").
QByteArray encodeChunk(const QByteArray& data);

struct Limits
{
    int maxHeadBytes = 16 * 1024;
    int maxHeaders = 100;
    int maxChunkLineBytes = 1024;
    qint64 maxBodyBytes = 1024 * 1024; // meek uses 64 KiB
};

class Parser
{
public:
    enum class Mode
    {
        Request,
        Response,
    };
    enum class State
    {
        Head,     // reading the start line and fields
        Body,     // head complete, reading the body
        Complete, // message complete; later bytes are leftover
        Failed,   // see error() and errorStatus()
    };

    explicit Parser(Mode mode, Limits limits = {});

    // Response mode: the method of the request this response answers ("HEAD" and
    // "CONNECT" change the framing). Set before the head arrives; nextMessage() sets it
    // for the following responses.
    void setRequestMethod(const QByteArray& method) { m_requestMethod = method; }

    // Parses as far as the bytes allow. Ignored in Failed and after onEof().
    void feed(const QByteArray& bytes);
    // The peer closed its side: completes a read-until-close response; anything else
    // cut short becomes Failed (400). At a message boundary with nothing buffered the
    // state stays Head (a clean close).
    void onEof();

    State state() const { return m_state; }
    bool messageComplete() const { return m_state == State::Complete; }
    bool failed() const { return m_state == State::Failed; }
    QString error() const { return m_error; }
    int errorStatus() const { return m_errorStatus; }

    // The head, once, as soon as it is complete (nullopt before, after it was taken, or in
    // the other mode).
    std::optional<Request> takeRequest();
    std::optional<Response> takeResponse();
    // Decoded body bytes received since the last call (never chunk framing).
    QByteArray takeBody();
    // Body bytes of this message so far (including those already taken).
    qint64 bodyBytesReceived() const { return m_bodyTotal; }
    // The trailer fields of a chunked message (complete once messageComplete()).
    const Headers& trailers() const { return m_trailers; }

    // True once the head says the body runs until the connection closes.
    bool bodyUntilClose() const { return m_untilClose; }
    // True once a response head ends HTTP on this connection: 101, or 2xx to CONNECT.
    bool upgrade() const { return m_upgrade; }
    // Complete, and the connection may carry another message (head says keep-alive, the
    // body had a length, no upgrade).
    bool keepAlive() const;

    // In Complete: starts on the next message with the bytes already buffered (pipelined
    // requests, or the next response; requestMethod as for setRequestMethod()). Returns
    // false and does nothing in other states.
    bool nextMessage(const QByteArray& requestMethod = QByteArray());
    // In Complete: the bytes after the message (for an upgrade, the start of the raw
    // stream), removed from the parser. Empty in other states.
    QByteArray takeLeftover();

    // Bytes held unparsed now (bounded by maxHeadBytes or maxChunkLineBytes except in
    // Complete).
    int bufferedBytes() const { return int(m_buf.size() - m_pos); }

private:
    enum class Phase
    {
        StartLine,
        Fields,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        UntilClose,
        Done,
        Failed,
    };

    void run();
    void compact();
    void fail(int status, const QString& why);
    // The next complete line without its line ending, counted in counter against max
    // (the error status when exceeded); nullopt when more bytes are needed or on error.
    std::optional<QByteArray> nextLine(qint64& counter, qint64 max, int status, const char* what);
    void checkPartialMethod();
    bool parseStartLine(const QByteArray& line);
    bool parseFieldLine(const QByteArray& line, Headers& into, int& count);
    void finishHead();
    bool parseChunkSize(const QByteArray& line);
    void appendBody(qint64 n);
    void resetMessage();

    Mode m_mode;
    Limits m_limits;
    State m_state = State::Head;
    Phase m_phase = Phase::StartLine;
    QByteArray m_buf;
    qsizetype m_pos = 0;    // bytes of m_buf consumed
    qsizetype m_scan = 0;   // where the search for the next LF resumes
    qint64 m_lineBytes = 0; // head / trailer / chunk-line bytes counted against a limit
    int m_fieldCount = 0;
    Request m_request;
    Response m_response;
    bool m_headReady = false;
    QByteArray m_requestMethod;
    QByteArray m_body;
    qint64 m_bodyTotal = 0;
    qint64 m_remaining = 0;
    Headers m_trailers;
    bool m_untilClose = false;
    bool m_upgrade = false;
    bool m_keepAliveHead = false;
    bool m_eof = false;
    QString m_error;
    int m_errorStatus = 0;
};

} // namespace pt::http
